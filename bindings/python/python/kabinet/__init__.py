"""kabinet: access decisions of an organization's account on the Russian
state services portal (Госуслуги / ЕСИА), from Python.

>>> import kabinet
>>> kabinet.check_identifier("inn", "7707083893").valid
True
>>> kabinet.Inn("7707083893").kind
'legal_entity'

:class:`Kabinet` is the directory (in memory, thread-safe): typed methods for
the common commands, :meth:`Kabinet.execute` for any command in its JSON form,
:meth:`Kabinet.check` for decisions. Exceptions derive from
:class:`KabinetError` and carry stable codes.
"""

from ._kabinet import (
    Basis,
    Bik,
    Context,
    CorrespondentAccount,
    Decision,
    EffectiveRight,
    Email,
    IdentifierCheck,
    InMemoryRegistry,
    Inn,
    Kpp,
    Ogrn,
    Ogrnip,
    Phone,
    Refusal,
    SettlementAccount,
    Signature,
    Snils,
    builtin_roles,
    check_identifier,
    default_policy,
    identifier_kinds,
    rights,
)
from ._directory import Event, Kabinet, Role
from .errors import (
    AccessDeniedError,
    AccountError,
    CommandError,
    EmployeeError,
    IdentifierError,
    InvalidInputError,
    InvitationError,
    KabinetError,
    OrganizationError,
    RegistryError,
    RoleError,
)

__all__ = [
    "AccessDeniedError",
    "AccountError",
    "Basis",
    "Bik",
    "CommandError",
    "Context",
    "CorrespondentAccount",
    "Decision",
    "EffectiveRight",
    "Email",
    "EmployeeError",
    "Event",
    "IdentifierCheck",
    "IdentifierError",
    "InMemoryRegistry",
    "Inn",
    "InvalidInputError",
    "InvitationError",
    "Kabinet",
    "KabinetError",
    "Kpp",
    "Ogrn",
    "Ogrnip",
    "OrganizationError",
    "Phone",
    "Refusal",
    "RegistryError",
    "Role",
    "RoleError",
    "SettlementAccount",
    "Signature",
    "Snils",
    "builtin_roles",
    "check_identifier",
    "default_policy",
    "identifier_kinds",
    "rights",
]
