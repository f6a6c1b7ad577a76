"""Applications and reports on :class:`kabinet.Kabinet`: create, attach
documents checked by their content, submit, statuses, comments, queries.

A document's bytes are read here (:func:`kabinet.inspect_document`): its
format is recognized from the content, never from the file name, so a file
that is not what its slot accepts is refused with a ``document.*`` code.
A submission missing a document (or one signed below its slot's level) is
not an error: it is returned with the list of what is missing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, cast

from . import _kabinet
from ._kabinet import Context, _Kabinet


class ApplicationsMixin(_Kabinet):
    """Applications (заявления) and reports (отчёты)."""

    def _application_command(
        self, command: str, fields: Dict[str, Any], context: Context
    ) -> List[Dict[str, Any]]:
        return self.execute({"command": "application", "application_command": command, **fields}, context)

    def create_application(self, context: Context, org: int, kind: str, title: str) -> int:
        """Creates a draft (right ``applications.edit``); returns its number in the directory."""
        events = self._application_command("create", {"org": org, "kind": kind, "title": title}, context)
        return int(events[0]["application"])

    def attach_document(
        self,
        context: Context,
        application: int,
        slot: str,
        file_name: str,
        data: bytes,
        *,
        signature: Optional[str] = None,
        max_bytes: int = 10 * 1024 * 1024,
    ) -> List[Dict[str, Any]]:
        """Attaches (or replaces) the document of a slot from its bytes;
        ``signature`` is the level it is signed with (``simple``, ``enhanced``,
        ``qualified``) or ``None``."""
        content = _kabinet.inspect_document(data, None, max_bytes)
        fields = {
            "application": application,
            "slot": slot,
            "file_name": file_name,
            "content": content,
            "signature": signature,
        }
        return self._application_command("attach_document", fields, context)

    def submit_application(self, context: Context, application: int) -> List[Dict[str, Any]]:
        """Submits (right ``applications.approve``): a ``status_changed`` event,
        or ``returned`` with ``missing`` (see :meth:`missing_documents`)."""
        return self._application_command("submit", {"application": application}, context)

    def set_application_status(
        self, application: int, status: str, *, comment: Optional[str] = None, at: Optional[datetime] = None
    ) -> List[Dict[str, Any]]:
        """The agency moves an application (``processing``, ``awaiting_confirmation``,
        ``approved``, ``rejected``)."""
        fields = {"application": application, "status": status, "comment": comment}
        return self._application_command("set_status", fields, Context.system(at))

    def confirm_application(self, context: Context, application: int) -> List[Dict[str, Any]]:
        """The organization confirms an application awaiting confirmation."""
        return self._application_command("confirm", {"application": application}, context)

    def comment_application(self, context: Context, application: int, text: str) -> List[Dict[str, Any]]:
        """Adds a comment."""
        return self._application_command("add_comment", {"application": application, "text": text}, context)

    def application(self, application: int) -> Optional[Dict[str, Any]]:
        """An application in its JSON form, or ``None``."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "application", "application": application}))

    def application_by_number(self, number: str) -> Optional[Dict[str, Any]]:
        """An application by its printed number, or ``None``."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "application_by_number", "number": number}))

    def applications(self, org: int) -> List[Dict[str, Any]]:
        """An organization's applications, in creation order."""
        return cast(List[Dict[str, Any]], self.query({"query": "applications_of", "organization": org}))


def missing_documents(events: List[Dict[str, Any]]) -> Optional[List[Dict[str, Any]]]:
    """What a submission lacked (``{"missing": "document", "slot": ...}`` or
    ``{"missing": "signature", ...}``), or ``None`` when it was not returned."""
    for e in events:
        if e.get("application_event") == "returned":
            return list(e["missing"])
    return None
