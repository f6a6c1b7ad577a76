"""Notifications on :class:`kabinet.Kabinet`: preferences, notices, the
outbox and the history of what was sent.

:meth:`notify` queues a notice for its audience: one the events of a
command call for (:meth:`notices_for`: an application registered, a power
granted, an account blocked, ...), or one the host builds (for example
from :func:`kabinet.certificate_reminders`). The host sends what is due and
reports it with :meth:`mark_sent`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, cast

from . import _kabinet
from ._kabinet import Context, _Kabinet


class NotificationsMixin(_Kabinet):
    """Preferences, the outbox, the history."""

    def _notification(self, command: str, fields: Dict[str, Any], context: Context) -> List[Dict[str, Any]]:
        return self.execute({"command": "notification", "notification_command": command, **fields}, context)

    def set_preferences(self, context: Context, account: int, preferences: Dict[str, Any]) -> List[Dict[str, Any]]:
        """Sets an account's preferences: ``channels``, ``categories``,
        ``min_importance`` and optional sending ``hours``."""
        return self._notification("set_preferences", {"account": account, "preferences": preferences}, context)

    def notify(self, notice: Dict[str, Any], *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """Queues a notice for its audience, by their preferences; returns the
        ``queued`` events (one per delivery)."""
        return self._notification("notify", {"notice": notice}, Context.system(at))

    def mark_sent(self, delivery: int, *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """Reports a delivery sent: it leaves the outbox for the history."""
        return self._notification("mark_sent", {"delivery": delivery}, Context.system(at))

    def notices_for(self, events: List[Dict[str, Any]], *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """The notices the events of a command call for (none for most
        events); pass each to :meth:`notify`."""
        return _kabinet._notices_for(self, events, at)

    def preferences(self, account: int) -> Dict[str, Any]:
        """An account's preferences (the defaults when never set)."""
        return cast(Dict[str, Any], self.query({"query": "preferences", "account": account}))

    def outbox(self, due_at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """The deliveries waiting, by number; only those due at ``due_at`` when given."""
        due = {"query": "outbox", "due": due_at is not None}
        return cast(List[Dict[str, Any]], self.query(due, due_at))

    def notification_history(self) -> List[Dict[str, Any]]:
        """The deliveries sent, each with ``delivery`` and ``sent_at``."""
        return cast(List[Dict[str, Any]], self.query({"query": "history"}))
