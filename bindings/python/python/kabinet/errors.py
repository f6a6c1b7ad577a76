"""Exceptions of kabinet: one hierarchy under :class:`KabinetError`.

Every exception carries the library's stable ``code`` (``inn.checksum``,
``access.beyond_own_rights``, ...), a message in Russian and in English, and
``details``: the error's fields in JSON form (the refusals of an access check,
the field errors of requisites, the rights lacking).

::

    KabinetError
    ├── IdentifierError          a value is not a valid identifier
    ├── CommandError             a command was refused; nothing changed
    │   ├── AccessDeniedError        access.*: the actor may not do this
    │   ├── EmployeeError            employee.*: head protected, outranked, ...
    │   ├── InvitationError          invitation.*: expired, closed, not for you
    │   ├── OrganizationError        organization.*: unknown, status, requisites
    │   ├── AccountError             account.*
    │   └── RoleError                role.*, access_group.*
    ├── RegistryError            the state registry could not answer
    └── InvalidInputError        input without the documented form (also ValueError)
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

__all__ = [
    "KabinetError",
    "IdentifierError",
    "CommandError",
    "AccessDeniedError",
    "EmployeeError",
    "InvitationError",
    "OrganizationError",
    "AccountError",
    "RoleError",
    "RegistryError",
    "InvalidInputError",
]


class KabinetError(Exception):
    """Base of every kabinet exception: a stable code and two messages."""

    code: str
    message_ru: str
    message_en: str
    details: Dict[str, Any]

    def __init__(
        self,
        code: str,
        message_ru: str,
        message_en: str,
        details: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(f"{code}: {message_en}")
        self.code = code
        self.message_ru = message_ru
        self.message_en = message_en
        self.details = dict(details or {})


class IdentifierError(KabinetError, ValueError):
    """A value is not a valid identifier (``inn.checksum``, ``snils.format``, ...)."""


class CommandError(KabinetError):
    """A command was refused by a rule; the directory did not change."""


class AccessDeniedError(CommandError):
    """``access.*``: the actor may not do this (``details["refusals"]`` says why)."""


class EmployeeError(CommandError):
    """``employee.*``: the head is protected, the target outranks the actor, ..."""


class InvitationError(CommandError):
    """``invitation.*``: expired, already answered, addressed to someone else."""


class OrganizationError(CommandError):
    """``organization.*``: unknown, wrong status, invalid requisites, ..."""


class AccountError(CommandError):
    """``account.*``: unknown, duplicate СНИЛС, cannot act, ..."""


class RoleError(CommandError):
    """``role.*`` and ``access_group.*``: unknown, not assignable, already held."""


class RegistryError(KabinetError):
    """The state registry could not answer."""


class InvalidInputError(KabinetError, ValueError):
    """The input does not have the documented form (a malformed command dict,
    an unknown right, role or signature level)."""


_COMMAND_AREAS: Dict[str, Type[CommandError]] = {
    "access": AccessDeniedError,
    "employee": EmployeeError,
    "invitation": InvitationError,
    "organization": OrganizationError,
    "account": AccountError,
    "role": RoleError,
    "access_group": RoleError,
}


def _error_for(
    family: str,
    code: str,
    message_ru: str,
    message_en: str,
    details: Optional[Dict[str, Any]],
) -> KabinetError:
    """Builds the exception for a coded error (called by the native module)."""
    cls: Type[KabinetError]
    if family == "identifier":
        cls = IdentifierError
    elif family == "registry":
        cls = RegistryError
    elif family == "input":
        cls = InvalidInputError
    else:
        cls = _COMMAND_AREAS.get(code.split(".", 1)[0], CommandError)
    return cls(code, message_ru, message_en, details)
