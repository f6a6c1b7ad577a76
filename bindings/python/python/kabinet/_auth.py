"""Authentication and sessions on :class:`kabinet.Kabinet`: the ``auth`` and
``session`` commands, typed, and the state queries.

The host verifies a password (:func:`kabinet.verify_password`), a TOTP
(:func:`kabinet.totp_verify`) or a PIN itself and records the outcome here;
the directory counts failures, locks accounts and tokens, keeps only digests
of one-time codes and opens, times out and ends sessions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, cast

from . import _kabinet
from ._kabinet import Context, _Kabinet


class AuthMixin(_Kabinet):
    """Logins, one-time codes, PINs of signature tokens, sessions."""

    def _auth(self, command: str, fields: Dict[str, Any], context: Context) -> List[Dict[str, Any]]:
        return self.execute({"command": "auth", "auth_command": command, **fields}, context)

    def record_login(
        self,
        account: int,
        method: str,
        succeeded: bool,
        *,
        at: Optional[datetime] = None,
        ip: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """Records a login attempt (``password``, ``password_and_code``,
        ``certificate``, ``qr_token``, ``power_of_attorney``, ``biometrics``);
        a success opens a session (event ``login_succeeded`` with its number)."""
        ctx = Context.system(at, ip=ip)
        return self._auth("record_login", {"account": account, "method": method, "succeeded": succeeded}, ctx)

    def use_totp_step(self, account: int, step: int, *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """Records a used TOTP step; the same step again is refused (``otp.replayed``)."""
        return self._auth("use_totp_step", {"account": account, "step": step}, Context.system(at))

    def issue_code(
        self, account: int, purpose: str, channel: str, code: str, *, at: Optional[datetime] = None
    ) -> List[Dict[str, Any]]:
        """Records a one-time code sent by ``sms`` or ``email`` for ``login``,
        ``contact_confirmation`` or ``recovery``; only its digest is kept."""
        digest = list(_kabinet.code_digest(account, purpose, code))
        fields = {"account": account, "purpose": purpose, "channel": channel, "digest": digest}
        return self._auth("issue_code", fields, Context.system(at))

    def submit_code(
        self, account: int, purpose: str, code: str, *, at: Optional[datetime] = None
    ) -> List[Dict[str, Any]]:
        """Checks a code the person typed: ``code_accepted`` or ``code_rejected``
        with the attempts left."""
        digest = list(_kabinet.code_digest(account, purpose, code))
        return self._auth(
            "submit_code", {"account": account, "purpose": purpose, "digest": digest}, Context.system(at)
        )

    def record_pin_entry(
        self, token: str, account: int, correct: bool, *, at: Optional[datetime] = None
    ) -> List[Dict[str, Any]]:
        """Records a PIN entry on a signature token; it locks after three wrong ones."""
        return self._auth(
            "record_pin_entry", {"token": token, "account": account, "correct": correct}, Context.system(at)
        )

    def unlock_token(self, token: str, *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """Unlocks a locked token (with its PUK, checked by the host)."""
        return self._auth("unlock_token", {"token": token}, Context.system(at))

    def touch_session(self, context: Context, session: int) -> List[Dict[str, Any]]:
        """Records activity in a session (its account or the portal)."""
        return self.execute({"command": "session", "session_command": "touch", "session": session}, context)

    def end_session(self, context: Context, session: int) -> List[Dict[str, Any]]:
        """Ends a session (logout)."""
        return self.execute({"command": "session", "session_command": "end", "session": session}, context)

    def sweep_sessions(self, *, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """Ends every session timed out at ``at``."""
        return self.execute({"command": "session", "session_command": "sweep"}, Context.system(at))

    def auth_account(self, account: int) -> Optional[Dict[str, Any]]:
        """An account's authentication state, or ``None`` when nothing was recorded."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "auth_account", "account": account}))

    def token(self, token: str) -> Optional[Dict[str, Any]]:
        """A token's PIN state (``wrong``, ``locked``), or ``None``."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "token", "token": token}))

    def session(self, session: int) -> Optional[Dict[str, Any]]:
        """A session, or ``None`` when unknown or ended."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "session", "session": session}))

    def sessions(self, account: Optional[int] = None) -> List[Dict[str, Any]]:
        """The open sessions, of one account when given."""
        return cast(List[Dict[str, Any]], self.query({"query": "sessions", "account": account}))

