"""The journal and the store on :class:`kabinet.Kabinet`: reading, verifying,
replaying and exporting the hash-chained journal, batches, checkpoints.

Filters: ``actor`` (an account number or ``"system"``), ``organization``,
``kind`` (a command kind such as ``assign_role`` or an event kind such as
``role_assigned``), ``since`` (inclusive) and ``until`` (exclusive).
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _kabinet
from ._kabinet import Context, Signature, _Kabinet
from .errors import KabinetError

Actor = Union[int, str]


class JournalMixin(_Kabinet):
    """The journal (in memory, or in the SQLite file of :meth:`Kabinet.open`)."""

    def journal(
        self,
        *,
        actor: Optional[Actor] = None,
        organization: Optional[int] = None,
        kind: Optional[str] = None,
        since: Optional[datetime] = None,
        until: Optional[datetime] = None,
    ) -> List[Dict[str, Any]]:
        """The entries a filter selects, in order (``seq``, ``prev``, ``hash``, ``record``)."""
        return _kabinet._journal(self, actor, organization, kind, since, until)

    def journal_as(
        self,
        reader: int,
        organization: int,
        *,
        at: Optional[datetime] = None,
        signature: Optional[Signature] = None,
        actor: Optional[Actor] = None,
        kind: Optional[str] = None,
        since: Optional[datetime] = None,
        until: Optional[datetime] = None,
    ) -> List[Dict[str, Any]]:
        """An organization's journal as ``reader`` may read it (right
        ``journal.view``); raises :class:`JournalError` ``journal.refused``."""
        return _kabinet._journal_as(self, reader, organization, at, signature, actor, kind, since, until)

    def backup(self, dest: Union[str, "os.PathLike[str]"]) -> None:
        """Copies the database, as of now, into one new self-contained file
        ``dest`` (never over an existing one); writers may go on meanwhile.
        Raises :class:`JournalError` (``store.unsupported`` in memory)."""
        _kabinet._backup(self, os.fspath(dest))

    def fold_log(self) -> None:
        """Folds the write-ahead log into the database file now (done anyway
        when the last handle closes)."""
        _kabinet._fold_log(self)

    def journal_head(self) -> Dict[str, Any]:
        """The last entry's ``seq`` and ``hash`` (``seq == 0`` when empty)."""
        return _kabinet._journal_head(self)

    def verify_journal(self) -> Dict[str, Any]:
        """Verifies the whole chain and returns its head; raises
        :class:`JournalError` with the first bad entry's code and ``details["seq"]``."""
        return _kabinet._verify_journal(self)

    def replay_journal(self) -> Tuple[bool, int, int, int]:
        """Replays the whole journal: whether it rebuilds exactly the state
        held, and the rebuilt counts (accounts, organizations, memberships)."""
        return _kabinet._replay_journal(self)

    def export_journal(
        self,
        format: str = "csv",
        *,
        actor: Optional[Actor] = None,
        organization: Optional[int] = None,
        kind: Optional[str] = None,
        since: Optional[datetime] = None,
        until: Optional[datetime] = None,
    ) -> str:
        """The selected entries as ``csv`` (with a header) or ``jsonl`` text."""
        return _kabinet._export_journal(self, format, actor, organization, kind, since, until)

    def execute_batch(
        self, commands: Sequence[Tuple[Dict[str, Any], Context]]
    ) -> List[Union[List[Dict[str, Any]], KabinetError]]:
        """Executes commands in order in one durable transaction; returns per
        command its events or its refusal (an exception object, not raised)."""
        return _kabinet._execute_batch(self, list(commands))

    def checkpoint(self) -> None:
        """Saves a snapshot now, so the next opening replays nothing (and,
        opened with a ``checkpoint_key``, signs a checkpoint with it)."""
        _kabinet._checkpoint(self)

    # --- the journal as a transparency log (RFC 9162) ----------------------

    def sign_checkpoint(self, key: bytes, at: Optional[datetime] = None) -> Dict[str, Any]:
        """Verifies the whole journal and returns a checkpoint of it (size,
        Merkle root, last entry's hash, time) signed with ``key`` (PKCS#8
        bytes from :func:`kabinet.new_checkpoint_key`). Keep it outside the
        database; raises :class:`JournalError` when the journal is broken."""
        return _kabinet._sign_checkpoint(self, key, at)

    def verify_against_checkpoints(
        self, checkpoints: Sequence[Any], trusted_key: Optional[str] = None
    ) -> Dict[str, Any]:
        """Verifies the whole journal and that it extends every checkpoint
        (dicts or JSON text), each signed with ``trusted_key`` (hex) when
        given; returns ``{"head", "root"}``. Raises :class:`JournalError`
        (``journal.checkpoint_mismatch`` with ``details["seq"]``,
        ``checkpoint.bad_signature``, ``checkpoint.untrusted_key``, ...)."""
        return _kabinet._verify_against_checkpoints(self, list(checkpoints), trusted_key)

    def prove_entry(self, seq: int, size: Optional[int] = None) -> Dict[str, Any]:
        """The proof that entry ``seq`` is in the journal of ``size`` entries
        (its current size by default); check it with :func:`kabinet.check_proof`."""
        return _kabinet._prove_entry(self, seq, size)
