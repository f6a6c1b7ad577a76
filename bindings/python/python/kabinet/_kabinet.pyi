"""Type stubs of the native module ``kabinet._kabinet`` (PyO3)."""

from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple, TypedDict, Union, final

from typing_extensions import NotRequired

# --- the JSON forms the queries return (serde's, see the Rust docs) --------

class PersonName(TypedDict):
    surname: str
    given_name: str
    patronymic: NotRequired[str]

class Contact(TypedDict):
    value: str
    confirmed: bool

class Account(TypedDict):
    id: int
    name: PersonName
    level: str
    status: Dict[str, str]
    snils: Optional[str]
    inn: Optional[str]
    email: Optional[Contact]
    phone: Optional[Contact]

class Requisites(TypedDict):
    full_name: str
    inn: str
    kpp: Optional[str]
    ogrn: Optional[str]
    ogrnip: Optional[str]
    legal_address: str
    actual_address: Optional[str]
    phone: Optional[str]
    email: Optional[str]
    bank: Optional[Dict[str, str]]
    head: Dict[str, Any]

class CustomRole(TypedDict):
    id: int
    name: str
    rights: List[str]

class AccessGroup(TypedDict):
    id: int
    name: str
    system: str
    members: List[int]

class Organization(TypedDict):
    id: int
    kind: Dict[str, Any]
    requisites: Requisites
    status: Dict[str, Any]
    submitted_by: int
    head: Optional[int]
    activated_at: Optional[str]
    members: List[int]
    custom_roles: List[CustomRole]
    access_groups: List[AccessGroup]

class Member(TypedDict):
    account: int
    standing: str
    status: str
    roles: List[Dict[str, Any]]
    grants: List[str]
    rights: List[str]
    position: Optional[str]
    joined_at: str

class Invitation(TypedDict):
    id: int
    org: int
    invitee: Dict[str, str]
    name: PersonName
    position: Optional[str]
    roles: List[Dict[str, Any]]
    invited_by: int
    sent_at: str
    expires_at: str

class RightInfo(TypedDict):
    code: str
    area: str
    level: str
    title_ru: str
    title_en: str
    required_signature: str

class RoleInfo(TypedDict):
    code: str
    title_ru: str
    rights: List[str]
    assignable: bool

# --- identifiers -------------------------------------------------------

@final
class IdentifierCheck:
    @property
    def kind(self) -> str: ...
    @property
    def valid(self) -> bool: ...
    @property
    def normalized(self) -> Optional[str]: ...
    @property
    def code(self) -> Optional[str]: ...
    @property
    def message_ru(self) -> Optional[str]: ...
    @property
    def message_en(self) -> Optional[str]: ...
    def __bool__(self) -> bool: ...

def check_identifier(kind: str, value: str, bik: Optional[str] = None) -> IdentifierCheck: ...
def identifier_kinds() -> List[str]: ...

class _Identifier:
    def __init__(self, value: str) -> None: ...
    @property
    def value(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Inn(_Identifier):
    @staticmethod
    def parse(value: str) -> Inn: ...
    @property
    def kind(self) -> str: ...

@final
class Ogrn(_Identifier):
    @staticmethod
    def parse(value: str) -> Ogrn: ...

@final
class Ogrnip(_Identifier):
    @staticmethod
    def parse(value: str) -> Ogrnip: ...

@final
class Kpp(_Identifier):
    @staticmethod
    def parse(value: str) -> Kpp: ...
    @property
    def reason(self) -> str: ...

@final
class Snils(_Identifier):
    @staticmethod
    def parse(value: str) -> Snils: ...

@final
class Bik(_Identifier):
    @staticmethod
    def parse(value: str) -> Bik: ...

@final
class Phone(_Identifier):
    @staticmethod
    def parse(value: str) -> Phone: ...

@final
class Email(_Identifier):
    @staticmethod
    def parse(value: str) -> Email: ...
    @property
    def local_part(self) -> str: ...
    @property
    def domain(self) -> str: ...

class _Account:
    def __init__(self, value: str, bik: str) -> None: ...
    @property
    def value(self) -> str: ...
    @property
    def bik(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class SettlementAccount(_Account):
    @staticmethod
    def parse(value: str, bik: str) -> SettlementAccount: ...

@final
class CorrespondentAccount(_Account):
    @staticmethod
    def parse(value: str, bik: str) -> CorrespondentAccount: ...

# --- context -----------------------------------------------------------

@final
class Signature:
    def __init__(
        self,
        level: str = "simple",
        *,
        snils: Optional[str] = None,
        inn: Optional[str] = None,
        organization_inn: Optional[str] = None,
        ogrn: Optional[str] = None,
        ogrnip: Optional[str] = None,
    ) -> None: ...
    @staticmethod
    def simple() -> Signature: ...
    @property
    def level(self) -> str: ...

@final
class Context:
    @staticmethod
    def system(at: Optional[datetime] = None) -> Context: ...
    @staticmethod
    def account(
        account: int,
        at: Optional[datetime] = None,
        signature: Optional[Signature] = None,
        ip: Optional[str] = None,
    ) -> Context: ...
    @property
    def actor(self) -> Optional[int]: ...
    @property
    def at(self) -> datetime: ...
    @property
    def signature(self) -> Signature: ...

# --- decisions ---------------------------------------------------------

@final
class Basis:
    @property
    def kind(self) -> str: ...
    @property
    def role(self) -> Union[str, int, None]: ...

@final
class Refusal:
    @property
    def code(self) -> str: ...
    @property
    def message_ru(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def details(self) -> Dict[str, Any]: ...

@final
class Decision:
    @property
    def allowed(self) -> bool: ...
    @property
    def right(self) -> str: ...
    @property
    def required_signature(self) -> str: ...
    @property
    def basis(self) -> Optional[Basis]: ...
    @property
    def refusals(self) -> List[Refusal]: ...
    @property
    def refusal_codes(self) -> List[str]: ...
    def explain_ru(self) -> str: ...
    def explain_en(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __bool__(self) -> bool: ...

@final
class EffectiveRight:
    @property
    def right(self) -> str: ...
    @property
    def sources(self) -> List[Basis]: ...

# --- the directory -----------------------------------------------------

class _Kabinet:
    def __init__(self, policy: Optional[Dict[str, Any]] = None) -> None: ...
    @staticmethod
    def now() -> datetime: ...
    def execute(self, command: Dict[str, Any], context: Context) -> List[Dict[str, Any]]: ...
    def check(
        self,
        actor: int,
        organization: int,
        right: str,
        at: Optional[datetime] = None,
        signature: Optional[Signature] = None,
    ) -> Decision: ...
    def effective_rights(
        self, actor: int, organization: int, at: Optional[datetime] = None
    ) -> List[EffectiveRight]: ...
    def account(self, id: int) -> Optional[Account]: ...
    def account_by_snils(self, snils: str) -> Optional[Account]: ...
    def accounts(self) -> List[Account]: ...
    def organization(self, id: int) -> Optional[Organization]: ...
    def organizations(self) -> List[Organization]: ...
    def organizations_by_inn(self, inn: str) -> List[Organization]: ...
    def membership(self, organization: int, account: int) -> Optional[Member]: ...
    def members(self, organization: int) -> List[Member]: ...
    def organizations_of(self, account: int) -> List[int]: ...
    def invitation(self, id: int) -> Optional[Invitation]: ...
    def invitations(self, organization: int) -> List[Invitation]: ...
    def counts(self) -> Tuple[int, int, int]: ...

# --- catalog and registry ----------------------------------------------

def rights() -> List[RightInfo]: ...
def builtin_roles() -> List[RoleInfo]: ...
def default_policy() -> Dict[str, Any]: ...

@final
class InMemoryRegistry:
    def __init__(self) -> None: ...
    def insert(
        self,
        *,
        full_name: str,
        inn: str,
        head_surname: str,
        head_given_name: str,
        head_inn: str,
        head_position: str,
        head_patronymic: Optional[str] = None,
        kpp: Optional[str] = None,
        ogrn: Optional[str] = None,
        ogrnip: Optional[str] = None,
        status: str = "active",
    ) -> None: ...
    def insert_record(self, record: Dict[str, Any]) -> None: ...
    def lookup(self, inn: str) -> Dict[str, Any]: ...
