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
    │   ├── EmployeeError            employee.*: head protected, not a member, ...
    │   ├── InvitationError          invitation.*: expired, closed, not for you
    │   ├── OrganizationError        organization.*: unknown, status, requisites
    │   ├── AccountError             account.*
    │   ├── RoleError                role.*, access_group.*
    │   ├── DelegationError          delegation.*: powers of attorney
    │   ├── AuthError                auth.*, otp.*, code.*, pin.*, session.*
    │   ├── NotificationError        notification.*
    │   └── ApplicationError         application.*, document.*
    ├── RegistryError            the state registry could not answer
    ├── CertificateError         pki.*, trust_file.*: a certificate, CRL or file unreadable
    ├── GostError                gost.*: a GOST signature does not verify
    ├── CmsError                 cms.*: a CMS message that cannot be verified at all
    ├── XmlDsigError             xmldsig.*: an XML document whose signatures cannot be verified at all
    ├── JournalError             journal.*, store.*: the journal or its store
    ├── MchdError                mchd.*: a machine-readable power of attorney (also ValueError)
    └── InvalidInputError        input without the documented form (also ValueError)

A certificate that does not validate is not an exception: ``validate`` returns
a report with its problems, as ``check`` returns a decision.
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
    "DelegationError",
    "AuthError",
    "NotificationError",
    "ApplicationError",
    "RegistryError",
    "CertificateError",
    "GostError",
    "CmsError",
    "XmlDsigError",
    "JournalError",
    "MchdError",
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
    """``employee.*``: the head is protected, not a member, already a member, ..."""


class InvitationError(CommandError):
    """``invitation.*``: expired, already answered, addressed to someone else."""


class OrganizationError(CommandError):
    """``organization.*``: unknown, wrong status, invalid requisites, ..."""


class AccountError(CommandError):
    """``account.*``: unknown, duplicate СНИЛС, cannot act, ..."""


class RoleError(CommandError):
    """``role.*`` and ``access_group.*``: unknown, not assignable, already held."""


class DelegationError(CommandError):
    """``delegation.*``: a rule of powers of attorney (not in force, beyond the
    parent, re-delegation not allowed, irrevocable without a ground, ...)."""


class AuthError(CommandError):
    """``auth.*``, ``otp.*``, ``code.*``, ``pin.*``, ``session.*``: locked out,
    a replayed TOTP step, no code pending, a locked token, an unknown session."""


class NotificationError(CommandError):
    """``notification.*``: bad sending hours, unknown delivery, ..."""


class ApplicationError(CommandError):
    """``application.*`` and ``document.*``: wrong status, unknown slot, a
    document whose content is not a format its slot accepts, too large."""


class CertificateError(KabinetError):
    """``pki.*`` and ``trust_file.*``: a certificate, CRL or trust file that
    cannot be read. (A certificate that does not validate is a report.)"""


class GostError(KabinetError):
    """``gost.*``: a GOST signature does not verify or its key is unusable."""


class CmsError(KabinetError):
    """``cms.*``: a CMS message that cannot be verified at all (unreadable,
    not signed data, detached content missing, over a limit). A signer whose
    signature or certificate fails is a problem in the report."""


class XmlDsigError(KabinetError):
    """``xmldsig.*``: an XML document whose signatures cannot be verified at
    all (not UTF-8 XML, a DTD, no signature, over a limit). A signature whose
    digest, value or certificate fails is a problem in the report."""


class JournalError(KabinetError):
    """``journal.*`` and ``store.*``: the journal's chain is broken
    (``details["seq"]`` names the first bad entry), the store failed, or
    reading the journal was refused (``details["refusals"]``)."""


class MchdError(KabinetError, ValueError):
    """``mchd.*``: a machine-readable power of attorney (МЧД JSON) that
    cannot be read or written."""


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
    "delegation": DelegationError,
    "auth": AuthError,
    "otp": AuthError,
    "code": AuthError,
    "pin": AuthError,
    "session": AuthError,
    "notification": NotificationError,
    "application": ApplicationError,
    "document": ApplicationError,
}

_FAMILIES: Dict[str, Type[KabinetError]] = {
    "identifier": IdentifierError,
    "registry": RegistryError,
    "input": InvalidInputError,
    "certificate": CertificateError,
    "gost": GostError,
    "cms": CmsError,
    "xmldsig": XmlDsigError,
    "journal": JournalError,
    "mchd": MchdError,
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
    if family in _FAMILIES:
        cls = _FAMILIES[family]
    else:
        cls = _COMMAND_AREAS.get(code.split(".", 1)[0], CommandError)
    return cls(code, message_ru, message_en, details)
