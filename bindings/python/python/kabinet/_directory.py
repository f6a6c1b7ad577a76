"""The typed directory: :class:`Kabinet`, with one method per common command.

Every typed method builds the command's documented JSON form and hands it to
:meth:`Kabinet.execute`, the generic entry point, or the query's to
:meth:`Kabinet.query`; the library (serde) reads it, so no rule lives here. Identifiers are parsed first, so a bad СНИЛС raises
:class:`kabinet.IdentifierError` with its code before anything is sent.

Commands of the portal itself (registering accounts, raising levels,
recording the registry's answer, blocking) take ``at=`` (default: now);
commands of a person take the :class:`Context` they act in.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union, cast

from ._applications import ApplicationsMixin
from ._auth import AuthMixin
from ._journal import JournalMixin
from . import _kabinet
from ._kabinet import Context, InMemoryRegistry, Snils, Email, Inn, Phone
from ._notifications import NotificationsMixin
from ._powers import PowersMixin

if TYPE_CHECKING:
    from ._kabinet import Account, Invitation, Member, Organization, RejectionReason

Role = Union[str, int]
"""A built-in role's code (``"administrator"``) or a custom role's number."""

Event = Dict[str, Any]
"""An event in its JSON form: ``{"event": "member_joined", ...}``."""


def _role(role: Role) -> Dict[str, Any]:
    if isinstance(role, bool):
        raise TypeError("a role is a built-in role's code or a custom role's number")
    if isinstance(role, int):
        return {"custom": role}
    return {"built_in": role}


def _name(surname: str, given_name: str, patronymic: Optional[str]) -> Dict[str, Any]:
    name: Dict[str, Any] = {"surname": surname, "given_name": given_name}
    if patronymic:
        name["patronymic"] = patronymic
    return name


def _kind(kind: Union[str, Dict[str, Any]]) -> Dict[str, Any]:
    return {"kind": kind} if isinstance(kind, str) else dict(kind)


def _mchd(power: Union[str, Dict[str, Any]]) -> Dict[str, Any]:
    return _kabinet.parse_mchd(power) if isinstance(power, str) else dict(power)


def _first(events: List[Event], key: str) -> int:
    value = events[0][key]
    return int(value["id"]) if isinstance(value, dict) else int(value)


class Kabinet(PowersMixin, JournalMixin, AuthMixin, NotificationsMixin, ApplicationsMixin):
    """A directory: accounts, organizations, employees, powers of attorney,
    authentication, notifications, applications, decisions, the journal.

    ``Kabinet()`` keeps it in memory; :meth:`Kabinet.open` in an SQLite file
    or a PostgreSQL database, with its journal. Thread-safe: one object may be shared by many threads.
    ``check`` and ``effective_rights`` are decisions; every other change is a
    command, journaled.
    """

    @classmethod
    def in_memory(cls, policy: Optional[Dict[str, Any]] = None) -> "Kabinet":
        """A directory kept in memory only (as ``Kabinet()``): the name the
        Rust and Kotlin libraries use."""
        return cls(policy)

    @classmethod
    def open(
        cls,
        path: Union[str, "os.PathLike[str]"],
        policy: Optional[Dict[str, Any]] = None,
        *,
        max_staleness_ms: Optional[int] = None,
        checkpoint_key: Optional[bytes] = None,
    ) -> "Kabinet":
        """Opens (or creates) the directory kept in the SQLite file ``path``,
        or in the PostgreSQL database a ``postgresql://`` URL names: its state
        is restored from the last snapshot and the journal after it. Several
        handles, in this process, others or (on PostgreSQL) other machines,
        may share the database; every answer includes what any of them
        acknowledged before the question, unless ``max_staleness_ms`` lets
        answers be that much older.
        With ``checkpoint_key`` (PKCS#8 bytes kept outside the database) the
        journal is audited: a checkpoint is signed with every snapshot, and
        opening refuses a journal or snapshot rewritten since the latest one
        (``journal.checkpoint_mismatch``, ``journal.snapshot``,
        ``checkpoint.untrusted_key``).
        Raises :class:`kabinet.JournalError` (``store.*``, ``journal.*``)."""
        return cls(
            policy,
            path=os.fspath(path),
            max_staleness_ms=max_staleness_ms,
            checkpoint_key=checkpoint_key,
        )

    def account(self, id: int) -> Optional["Account"]:
        """An account in its JSON form, or ``None``."""
        return cast(Optional["Account"], self.query({"query": "account", "account": id}))

    def account_by_snils(self, snils: str) -> Optional["Account"]:
        """The account holding a СНИЛС, or ``None``; raises
        :class:`kabinet.IdentifierError` for a СНИЛС that is not valid."""
        return cast(Optional["Account"], self.query({"query": "account_by_snils", "snils": snils}))

    def accounts(self) -> List["Account"]:
        """Every account, by number."""
        return cast(List["Account"], self.query({"query": "accounts"}))

    def organization(self, id: int) -> Optional["Organization"]:
        """An organization in its JSON form, or ``None``."""
        return cast(Optional["Organization"], self.query({"query": "organization", "organization": id}))

    def organizations(self) -> List["Organization"]:
        """Every organization, by number."""
        return cast(List["Organization"], self.query({"query": "organizations"}))

    def organizations_by_inn(self, inn: str) -> List["Organization"]:
        """The organizations submitted with an ИНН, in submission order."""
        return cast(List["Organization"], self.query({"query": "organizations_by_inn", "inn": inn}))

    def membership(self, organization: int, account: int) -> Optional["Member"]:
        """The membership of ``account``, with its effective ``rights``, or ``None``."""
        query = {"query": "membership", "organization": organization, "account": account}
        return cast(Optional["Member"], self.query(query))

    def members(self, organization: int) -> List["Member"]:
        """The members of an organization in joining order, each with ``account`` and ``rights``."""
        return cast(List["Member"], self.query({"query": "members", "organization": organization}))

    def organizations_of(self, account: int) -> List[int]:
        """The organizations an account belongs to, in joining order."""
        return cast(List[int], self.query({"query": "organizations_of", "account": account}))

    def invitation(self, id: int) -> Optional["Invitation"]:
        """An invitation in its JSON form, or ``None``."""
        return cast(Optional["Invitation"], self.query({"query": "invitation", "invitation": id}))

    def invitations(self, organization: int) -> List["Invitation"]:
        """Every invitation of an organization, by number."""
        return cast(List["Invitation"], self.query({"query": "invitations", "organization": organization}))

    def _system(self, command: Dict[str, Any], at: Optional[datetime]) -> List[Event]:
        return self.execute(command, Context.system(at))

    # --- accounts (the portal) -------------------------------------------

    def register_account(
        self,
        surname: str,
        given_name: str,
        patronymic: Optional[str] = None,
        *,
        snils: Optional[str] = None,
        inn: Optional[str] = None,
        email: Optional[str] = None,
        phone: Optional[str] = None,
        at: Optional[datetime] = None,
    ) -> int:
        """Registers a person's account at the simplified level; returns its number."""
        events = self._system(
            {
                "command": "register_account",
                "name": _name(surname, given_name, patronymic),
                "snils": Snils(snils).value if snils is not None else None,
                "inn": Inn(inn).value if inn is not None else None,
                "email": Email(email).value if email is not None else None,
                "phone": Phone(phone).value if phone is not None else None,
            },
            at,
        )
        return _first(events, "account")

    def raise_level(self, account: int, level: str, *, at: Optional[datetime] = None) -> List[Event]:
        """Raises an account one step: ``standard`` (needs a СНИЛС), then ``confirmed``."""
        return self._system({"command": "raise_account_level", "account": account, "level": level}, at)

    def confirm_identity(self, account: int, *, at: Optional[datetime] = None) -> List[Event]:
        """Confirms a person's identity: every step left to ``confirmed``, all or
        nothing (one command)."""
        return self._system({"command": "confirm_identity", "account": account}, at)

    def change_contact(
        self, context: Context, account: int, *, email: Optional[str] = None, phone: Optional[str] = None
    ) -> List[Event]:
        """Sets an e-mail or a phone, unconfirmed (the account itself or the portal)."""
        if (email is None) == (phone is None):
            raise TypeError("give exactly one of email= or phone=")
        contact = (
            {"kind": "email", "value": Email(email).value}
            if email is not None
            else {"kind": "phone", "value": Phone(phone or "").value}
        )
        return self.execute({"command": "change_contact", "account": account, "contact": contact}, context)

    def confirm_contact(self, account: int, kind: str, *, at: Optional[datetime] = None) -> List[Event]:
        """Marks ``email`` or ``phone`` confirmed after its one-time code was checked."""
        return self._system({"command": "confirm_contact", "account": account, "kind": kind}, at)

    def block_account(self, account: int, reason: str, *, at: Optional[datetime] = None) -> List[Event]:
        """Blocks an account: ``failed_logins``, ``compromised``, ``not_confirmed_in_time``, ``operator``."""
        return self._system({"command": "block_account", "account": account, "reason": reason}, at)

    def disable_account(self, account: int, *, at: Optional[datetime] = None) -> List[Event]:
        """Temporarily disables an account."""
        return self._system({"command": "disable_account", "account": account}, at)

    def restore_account(self, account: int, *, at: Optional[datetime] = None) -> List[Event]:
        """Restores a blocked or disabled account."""
        return self._system({"command": "restore_account", "account": account}, at)

    # --- organizations ---------------------------------------------------

    def submit_organization(
        self,
        context: Context,
        requisites: Dict[str, str],
        kind: Union[str, Dict[str, Any]] = "legal_entity",
    ) -> int:
        """Submits an organization for registration; returns its number.

        ``requisites`` holds the fields of a requisites draft (``full_name``,
        ``inn``, ``kpp``, ``ogrn``, ``legal_address``, ``head_surname``, ...);
        ``kind`` is ``legal_entity``, ``individual_entrepreneur``, ``state_body``
        or a dict such as ``{"kind": "branch", "parent": 1}``.
        """
        events = self.execute(
            {"command": "submit_organization", "kind": _kind(kind), "requisites": dict(requisites)}, context
        )
        return _first(events, "org")

    def resubmit_organization(self, context: Context, org: int, requisites: Dict[str, str]) -> List[Event]:
        """Corrects and resubmits a rejected registration."""
        return self.execute({"command": "resubmit_organization", "org": org, "requisites": dict(requisites)}, context)

    def submit_organization_by_power(
        self,
        context: Context,
        requisites: Dict[str, str],
        power: Union[str, Dict[str, Any]],
        kind: Union[str, Dict[str, Any]] = "legal_entity",
    ) -> int:
        """Submits an organization as its representative, presenting the power
        of attorney its head signed: ``power`` is the МЧД, its JSON text or the
        dict of it (``ВерсФорм``, ``СвДов``, ...). Returns the organization's
        number. The power is judged when the registry answers
        (``registration.power_*`` reasons, see :meth:`rejection_reasons`).
        """
        command = {
            "command": "submit_organization_by_power",
            "kind": _kind(kind),
            "requisites": dict(requisites),
            "power": _mchd(power),
        }
        return _first(self.execute(command, context), "org")

    def resubmit_organization_by_power(
        self,
        context: Context,
        org: int,
        requisites: Dict[str, str],
        power: Union[str, Dict[str, Any]],
    ) -> List[Event]:
        """Corrects and resubmits a rejected registration with a (new) power of attorney."""
        command = {
            "command": "resubmit_organization_by_power",
            "org": org,
            "requisites": dict(requisites),
            "power": _mchd(power),
        }
        return self.execute(command, context)

    def rejection_reasons(self, org: int) -> List[RejectionReason]:
        """Why a registration was rejected: each reason's ``code``
        (``registration.power_expired``, ...), messages and details; empty
        unless the organization is rejected."""
        return cast(List["RejectionReason"], self.query({"query": "rejection_reasons", "organization": org}))

    def registration_power(self, org: int) -> Optional[Dict[str, Any]]:
        """The power of attorney presented with a registration not yet active."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "registration_power", "organization": org}))

    def record_registry_answer(
        self, org: int, answer: Dict[str, Any], *, at: Optional[datetime] = None
    ) -> List[Event]:
        """Records what the state registry said (``InMemoryRegistry.lookup``'s form)."""
        return self._system({"command": "record_registry_answer", "org": org, "answer": answer}, at)

    def consult_registry(
        self, org: int, registry: InMemoryRegistry, *, at: Optional[datetime] = None
    ) -> List[Event]:
        """Asks ``registry`` about the organization's ИНН and records the answer."""
        found = self.organization(org)
        if found is None:
            return self.record_registry_answer(org, {"answer": "not_found"}, at=at)
        answer = registry.lookup(found["requisites"]["inn"])
        return self.record_registry_answer(org, answer, at=at)

    def change_requisites(self, context: Context, org: int, requisites: Dict[str, str]) -> List[Event]:
        """Changes requisites (not ИНН, ОГРН, ОГРНИП); needs an enhanced signature."""
        return self.execute({"command": "change_requisites", "org": org, "requisites": dict(requisites)}, context)

    def block_organization(self, org: int, reason: str, *, at: Optional[datetime] = None) -> List[Event]:
        """Blocks an organization: ``operator``, ``state_body`` or ``compromised``."""
        return self._system({"command": "block_organization", "org": org, "reason": reason}, at)

    def unblock_organization(self, org: int, *, at: Optional[datetime] = None) -> List[Event]:
        """Unblocks an organization."""
        return self._system({"command": "unblock_organization", "org": org}, at)

    def liquidate_organization(self, org: int, *, at: Optional[datetime] = None) -> List[Event]:
        """Records the end of an organization."""
        return self._system({"command": "liquidate_organization", "org": org}, at)

    # --- employees -------------------------------------------------------

    def invite_employee(
        self,
        context: Context,
        org: int,
        *,
        surname: str,
        given_name: str,
        patronymic: Optional[str] = None,
        snils: Optional[str] = None,
        email: Optional[str] = None,
        position: Optional[str] = None,
        roles: Iterable[Role] = (),
    ) -> int:
        """Invites a person by СНИЛС or e-mail; returns the invitation's number."""
        if (snils is None) == (email is None):
            raise TypeError("give exactly one of snils= or email=")
        invitee = (
            {"by": "snils", "value": Snils(snils).value}
            if snils is not None
            else {"by": "email", "value": Email(email or "").value}
        )
        events = self.execute(
            {
                "command": "invite_employee",
                "org": org,
                "invitee": invitee,
                "name": _name(surname, given_name, patronymic),
                "position": position,
                "roles": [_role(r) for r in roles],
            },
            context,
        )
        return _first(events, "invitation")

    def revoke_invitation(self, context: Context, invitation: int) -> List[Event]:
        """Withdraws a pending invitation."""
        return self.execute({"command": "revoke_invitation", "invitation": invitation}, context)

    def accept_invitation(self, context: Context, invitation: int) -> List[Event]:
        """Accepts an invitation with the invited person's confirmed account."""
        return self.execute({"command": "accept_invitation", "invitation": invitation}, context)

    def decline_invitation(self, context: Context, invitation: int) -> List[Event]:
        """Declines an invitation."""
        return self.execute({"command": "decline_invitation", "invitation": invitation}, context)

    def _employee(self, command: str, context: Context, org: int, account: int) -> List[Event]:
        return self.execute({"command": command, "org": org, "account": account}, context)

    def block_employee(self, context: Context, org: int, account: int) -> List[Event]:
        """Blocks an employee."""
        return self._employee("block_employee", context, org, account)

    def disable_employee(self, context: Context, org: int, account: int) -> List[Event]:
        """Temporarily disables an employee."""
        return self._employee("disable_employee", context, org, account)

    def dismiss_employee(self, context: Context, org: int, account: int) -> List[Event]:
        """Dismisses an employee: access ends at once."""
        return self._employee("dismiss_employee", context, org, account)

    def restore_employee(self, context: Context, org: int, account: int) -> List[Event]:
        """Restores a blocked, disabled or mistakenly dismissed employee."""
        return self._employee("restore_employee", context, org, account)

    # --- roles and rights ------------------------------------------------

    def assign_role(self, context: Context, org: int, account: int, role: Role) -> List[Event]:
        """Gives a role (a built-in role's code or a custom role's number)."""
        return self.execute(
            {"command": "assign_role", "org": org, "account": account, "role": _role(role)}, context
        )

    def revoke_role(self, context: Context, org: int, account: int, role: Role) -> List[Event]:
        """Takes a role away."""
        return self.execute(
            {"command": "revoke_role", "org": org, "account": account, "role": _role(role)}, context
        )

    def grant_rights(self, context: Context, org: int, account: int, rights: Iterable[str]) -> List[Event]:
        """Grants rights (their codes) individually."""
        return self.execute(
            {"command": "grant_rights", "org": org, "account": account, "rights": list(rights)}, context
        )

    def revoke_rights(self, context: Context, org: int, account: int, rights: Iterable[str]) -> List[Event]:
        """Takes individually granted rights away."""
        return self.execute(
            {"command": "revoke_rights", "org": org, "account": account, "rights": list(rights)}, context
        )

    def create_custom_role(self, context: Context, org: int, name: str, rights: Iterable[str]) -> int:
        """Defines a custom role; returns its number (use it as a role)."""
        events = self.execute(
            {"command": "create_custom_role", "org": org, "name": name, "rights": list(rights)}, context
        )
        return _first(events, "role")

    def update_custom_role(
        self, context: Context, org: int, role: int, name: str, rights: Iterable[str]
    ) -> List[Event]:
        """Redefines a custom role."""
        return self.execute(
            {"command": "update_custom_role", "org": org, "role": role, "name": name, "rights": list(rights)},
            context,
        )

    def delete_custom_role(self, context: Context, org: int, role: int) -> List[Event]:
        """Deletes a custom role, taking it from everyone."""
        return self.execute({"command": "delete_custom_role", "org": org, "role": role}, context)

    # --- access groups ---------------------------------------------------

    def create_access_group(self, context: Context, org: int, name: str, system: str) -> int:
        """Creates an access group of an information system; returns its number."""
        events = self.execute(
            {"command": "create_access_group", "org": org, "name": name, "system": system}, context
        )
        return _first(events, "group")

    def rename_access_group(self, context: Context, org: int, group: int, name: str) -> List[Event]:
        """Renames an access group."""
        return self.execute(
            {"command": "rename_access_group", "org": org, "group": group, "name": name}, context
        )

    def clear_access_group(self, context: Context, org: int, group: int) -> List[Event]:
        """Removes every member from an access group, keeping the group."""
        return self.execute({"command": "clear_access_group", "org": org, "group": group}, context)

    def add_to_access_group(self, context: Context, org: int, group: int, account: int) -> List[Event]:
        """Adds an employee to an access group."""
        return self.execute(
            {"command": "add_to_access_group", "org": org, "group": group, "account": account}, context
        )

    def remove_from_access_group(self, context: Context, org: int, group: int, account: int) -> List[Event]:
        """Removes an employee from an access group."""
        return self.execute(
            {"command": "remove_from_access_group", "org": org, "group": group, "account": account}, context
        )

    def delete_access_group(self, context: Context, org: int, group: int) -> List[Event]:
        """Deletes an access group."""
        return self.execute({"command": "delete_access_group", "org": org, "group": group}, context)
