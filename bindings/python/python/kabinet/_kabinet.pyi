"""Type stubs of the native module ``kabinet._kabinet`` (PyO3)."""

import os
from datetime import datetime
from typing import (
    Any,
    Dict,
    List,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    final,
    type_check_only,
)

from typing_extensions import NotRequired, Self, disjoint_base

# --- the JSON forms the queries return (serde's, see the Rust docs) --------

@type_check_only
class PersonName(TypedDict):
    surname: str
    given_name: str
    patronymic: NotRequired[str]

@type_check_only
class Contact(TypedDict):
    value: str
    confirmed: bool

@type_check_only
class Account(TypedDict):
    id: int
    name: PersonName
    level: str
    status: Dict[str, str]
    snils: Optional[str]
    inn: Optional[str]
    email: Optional[Contact]
    phone: Optional[Contact]

@type_check_only
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

@type_check_only
class CustomRole(TypedDict):
    id: int
    name: str
    rights: List[str]

@type_check_only
class AccessGroup(TypedDict):
    id: int
    name: str
    system: str
    members: List[int]

@type_check_only
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

@type_check_only
class RejectionReason(TypedDict):
    code: str
    message_ru: str
    message_en: str
    details: Dict[str, Any]

@type_check_only
class Member(TypedDict):
    account: int
    standing: str
    status: str
    roles: List[Dict[str, Any]]
    grants: List[str]
    rights: List[str]
    position: Optional[str]
    joined_at: str

@type_check_only
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

@type_check_only
class RightInfo(TypedDict):
    code: str
    area: str
    level: str
    title_ru: str
    title_en: str
    required_signature: str

@type_check_only
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
    def __new__(cls, value: str) -> Self: ...
    @property
    def value(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
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
    def __new__(cls, value: str, bik: str) -> Self: ...
    @property
    def value(self) -> str: ...
    @property
    def bik(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
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
    def __new__(
        cls,
        level: str = "simple",
        *,
        snils: Optional[str] = None,
        inn: Optional[str] = None,
        organization_inn: Optional[str] = None,
        ogrn: Optional[str] = None,
        ogrnip: Optional[str] = None,
        bound_certificate: Optional[str] = None,
    ) -> Self: ...
    @staticmethod
    def simple() -> Signature: ...
    @staticmethod
    def bound(fingerprint: str) -> Signature: ...
    @property
    def level(self) -> str: ...
    @property
    def bound_certificate(self) -> Optional[str]: ...

@final
class Context:
    @staticmethod
    def system(at: Optional[datetime] = None, ip: Optional[str] = None) -> Context: ...
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
    @property
    def delegation(self) -> Optional[Dict[str, Any]]: ...
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
    @property
    def powers(self) -> List[Dict[str, Any]]: ...

# --- the directory -----------------------------------------------------

@disjoint_base
class _Kabinet:
    def __new__(
        cls,
        policy: Optional[Dict[str, Any]] = None,
        path: Optional[str] = None,
        max_staleness_ms: Optional[int] = None,
        checkpoint_key: Optional[bytes] = None,
    ) -> Self: ...
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
    def check_positioned(
        self,
        actor: int,
        organization: int,
        right: str,
        at: Optional[datetime] = None,
        signature: Optional[Signature] = None,
    ) -> Tuple[Decision, int]: ...
    def effective_rights(
        self, actor: int, organization: int, at: Optional[datetime] = None
    ) -> List[EffectiveRight]: ...
    def query(self, query: Dict[str, Any], at: Optional[datetime] = None) -> Any: ...
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

# --- powers of attorney --------------------------------------------------

def power_levels() -> List[str]: ...
def parse_mchd(text: str) -> Dict[str, Any]: ...
def power_level_rights(level: str) -> List[str]: ...
def _fns_power_evidence(
    kabinet: _Kabinet,
    xml: bytes,
    signature: bytes,
    store: TrustStore,
    classifier: str,
    at: Optional[datetime] = None,
    *,
    revocation: str = "require",
    anchor_policy: str = "certificate",
    profile: str = "strict",
) -> Dict[str, Any]: ...

# --- certificates ----------------------------------------------------------

@final
class Certificate:
    @staticmethod
    def from_bytes(data: bytes) -> Certificate: ...
    @staticmethod
    def all_from_bytes(data: bytes) -> List[Certificate]: ...
    @staticmethod
    def load(path: Union[str, "os.PathLike[str]"]) -> List[Certificate]: ...
    @property
    def subject(self) -> str: ...
    @property
    def issuer(self) -> str: ...
    @property
    def serial(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def not_before(self) -> datetime: ...
    @property
    def not_after(self) -> datetime: ...
    @property
    def der(self) -> bytes: ...
    @property
    def tbs_der(self) -> bytes: ...
    @property
    def spki_der(self) -> bytes: ...
    @property
    def holder(self) -> Dict[str, Any]: ...

@final
class TrustStore:
    def __init__(self) -> None: ...
    @staticmethod
    def load(
        anchors: Sequence[Union[str, "os.PathLike[str]"]],
        *,
        accredited: bool = False,
        intermediates: Sequence[Union[str, "os.PathLike[str]"]] = ...,
        crls: Sequence[Union[str, "os.PathLike[str]"]] = ...,
    ) -> TrustStore: ...
    def add_anchor(self, certificate: Certificate, accredited: bool = False) -> None: ...
    def add_anchors_from_bytes(self, data: bytes, accredited: bool = False) -> int: ...
    def add_intermediate(self, certificate: Certificate) -> None: ...
    def add_intermediates_from_bytes(self, data: bytes) -> int: ...
    def add_crls_from_bytes(self, data: bytes) -> int: ...

@final
class CertificateProblem:
    @property
    def code(self) -> str: ...
    @property
    def certificate(self) -> Optional[int]: ...
    @property
    def subject(self) -> Optional[str]: ...
    @property
    def detail(self) -> str: ...
    @property
    def detail_ru(self) -> str: ...

@final
class ValidationReport:
    @property
    def valid(self) -> bool: ...
    @property
    def qualified(self) -> bool: ...
    @property
    def not_qualified_because(self) -> List[str]: ...
    @property
    def accredited_anchor(self) -> bool: ...
    @property
    def problems(self) -> List[CertificateProblem]: ...
    @property
    def problem_codes(self) -> List[str]: ...
    @property
    def warnings(self) -> List[Dict[str, Any]]: ...
    @property
    def path(self) -> List[Dict[str, Any]]: ...
    @property
    def holder(self) -> Dict[str, Any]: ...
    @property
    def sign_tool_class(self) -> Optional[str]: ...
    @property
    def signature_level(self) -> Optional[str]: ...
    def has_problem(self, code: str) -> bool: ...
    def signature_evidence(self) -> Optional[Signature]: ...
    def bound_signature_evidence(self) -> Optional[Signature]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __bool__(self) -> bool: ...

def validate(
    leaf: Certificate,
    store: TrustStore,
    at: Optional[datetime] = None,
    *,
    revocation: str = "require",
    anchor_policy: str = "certificate",
    profile: str = "strict",
    required_eku: Optional[str] = None,
    intermediates: List[Certificate] = ...,
) -> ValidationReport: ...

# --- CMS -------------------------------------------------------------------

@final
class Problem:
    @property
    def code(self) -> str: ...
    @property
    def message_ru(self) -> str: ...
    @property
    def message_en(self) -> str: ...

@final
class CmsSigner:
    @property
    def valid(self) -> bool: ...
    @property
    def signer_id(self) -> str: ...
    @property
    def subject(self) -> Optional[str]: ...
    @property
    def holder(self) -> Optional[Dict[str, Any]]: ...
    @property
    def signing_time(self) -> Optional[datetime]: ...
    @property
    def certificate_checked_at(self) -> datetime: ...
    @property
    def digest_algorithm(self) -> str: ...
    @property
    def signature_algorithm(self) -> str: ...
    @property
    def signed_attributes(self) -> bool: ...
    @property
    def problems(self) -> List[Problem]: ...
    @property
    def problem_codes(self) -> List[str]: ...
    @property
    def certificate(self) -> Optional[ValidationReport]: ...
    def __bool__(self) -> bool: ...

@final
class CmsReport:
    @property
    def valid(self) -> bool: ...
    @property
    def content_type(self) -> str: ...
    @property
    def detached(self) -> bool: ...
    @property
    def certificate_time(self) -> str: ...
    @property
    def verified_at(self) -> datetime: ...
    @property
    def signers(self) -> List[CmsSigner]: ...
    def has_problem(self, code: str) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __bool__(self) -> bool: ...

def verify_cms(
    message: bytes,
    store: TrustStore,
    at: Optional[datetime] = None,
    *,
    content: Optional[bytes] = None,
    certificate_time: str = "signing_time",
    revocation: str = "require",
    anchor_policy: str = "certificate",
    profile: str = "strict",
) -> CmsReport: ...

# --- XML signatures --------------------------------------------------------

@final
class XmlReference:
    @property
    def uri(self) -> str: ...
    @property
    def transforms(self) -> List[str]: ...
    @property
    def digest_method(self) -> str: ...
    @property
    def digest_claimed(self) -> str: ...
    @property
    def digest_computed(self) -> Optional[str]: ...
    @property
    def digest_matches(self) -> bool: ...

@final
class XmlSignature:
    @property
    def valid(self) -> bool: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def canonicalization(self) -> str: ...
    @property
    def signature_method(self) -> str: ...
    @property
    def references(self) -> List[XmlReference]: ...
    @property
    def signature_value_valid(self) -> bool: ...
    @property
    def subject(self) -> Optional[str]: ...
    @property
    def holder(self) -> Optional[Dict[str, Any]]: ...
    @property
    def certificate(self) -> Optional[ValidationReport]: ...
    @property
    def problems(self) -> List[Problem]: ...
    @property
    def problem_codes(self) -> List[str]: ...
    def __bool__(self) -> bool: ...

@final
class XmlDsigReport:
    @property
    def valid(self) -> bool: ...
    @property
    def verified_at(self) -> datetime: ...
    @property
    def signatures(self) -> List[XmlSignature]: ...
    def has_problem(self, code: str) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __bool__(self) -> bool: ...

def verify_xml(
    document: bytes,
    store: TrustStore,
    at: Optional[datetime] = None,
    *,
    certificates: List[Certificate] = ...,
    revocation: str = "require",
    anchor_policy: str = "certificate",
    profile: str = "strict",
) -> XmlDsigReport: ...

def read_fns_power(data: bytes) -> Dict[str, Any]: ...
def export_fns_power(power: Dict[str, Any]) -> str: ...
def verify_fns_power(
    xml: bytes,
    signature: bytes,
    store: TrustStore,
    at: Optional[datetime] = None,
    *,
    revocation: str = "require",
    anchor_policy: str = "certificate",
    profile: str = "strict",
) -> Dict[str, Any]: ...

# --- GOST ------------------------------------------------------------------

def gost_verify(spki_der: bytes, algorithm_oid: str, message: bytes, signature: bytes) -> None: ...

@final
class GostPublicKey:
    @staticmethod
    def from_spki_der(spki_der: bytes) -> GostPublicKey: ...
    @property
    def param_set(self) -> str: ...
    @property
    def bits(self) -> int: ...
    def verify(self, algorithm_oid: str, message: bytes, signature: bytes) -> None: ...
def streebog256(data: bytes) -> bytes: ...
def streebog512(data: bytes) -> bytes: ...

# --- the journal -----------------------------------------------------------

def _journal(
    kabinet: _Kabinet,
    actor: Union[int, str, None] = None,
    organization: Optional[int] = None,
    kind: Optional[str] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
) -> List[Dict[str, Any]]: ...
def _journal_as(
    kabinet: _Kabinet,
    reader: int,
    organization: int,
    at: Optional[datetime] = None,
    signature: Optional[Signature] = None,
    actor: Union[int, str, None] = None,
    kind: Optional[str] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
) -> List[Dict[str, Any]]: ...
def _journal_head(kabinet: _Kabinet) -> Dict[str, Any]: ...
def _backup(kabinet: _Kabinet, dest: str) -> None: ...
def _fold_log(kabinet: _Kabinet) -> None: ...
def _verify_journal(kabinet: _Kabinet) -> Dict[str, Any]: ...
def _replay_journal(kabinet: _Kabinet) -> Tuple[bool, int, int, int]: ...
def _export_journal(
    kabinet: _Kabinet,
    format: str,
    actor: Union[int, str, None] = None,
    organization: Optional[int] = None,
    kind: Optional[str] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
) -> str: ...
def _execute_batch(kabinet: _Kabinet, commands: List[Tuple[Dict[str, Any], Context]]) -> List[Any]: ...
def _checkpoint(kabinet: _Kabinet) -> None: ...
def new_checkpoint_key() -> bytes: ...
def checkpoint_public_key(key: bytes) -> str: ...
def _sign_checkpoint(kabinet: _Kabinet, key: bytes, at: Optional[datetime] = None) -> Dict[str, Any]: ...
def _verify_against_checkpoints(
    kabinet: _Kabinet, checkpoints: List[Any], trusted_key: Optional[str] = None
) -> Dict[str, Any]: ...
def _prove_entry(kabinet: _Kabinet, seq: int, size: Optional[int] = None) -> Dict[str, Any]: ...
def check_proof(proof: Any, checkpoint: Optional[Any] = None, trusted_key: Optional[str] = None) -> None: ...

# --- authentication ----------------------------------------------------------

def password_policy(name: str) -> Dict[str, Any]: ...
def check_password(
    password: str, policy: Union[str, Dict[str, Any], None] = None, *, single_factor: bool = False
) -> List[Dict[str, Any]]: ...
def new_salt() -> bytes: ...
def new_numeric_code(digits: int = 6) -> str: ...
def hash_password(password: str, salt: Optional[bytes] = None, scheme: Optional[Dict[str, Any]] = None) -> str: ...
def verify_password(password: str, stored: str, scheme: Optional[Dict[str, Any]] = None) -> str: ...
def hotp(secret: bytes, counter: int, digits: int = 6, algorithm: str = "sha1") -> int: ...
def totp(
    secret: bytes,
    at: Optional[datetime] = None,
    *,
    digits: int = 6,
    step_seconds: int = 30,
    algorithm: str = "sha1",
) -> int: ...
def totp_verify(
    secret: bytes,
    code: str,
    at: Optional[datetime] = None,
    *,
    digits: int = 6,
    step_seconds: int = 30,
    algorithm: str = "sha1",
    skew: int = 1,
) -> Optional[int]: ...
def code_digest(account: int, purpose: str, code: str) -> bytes: ...

# --- notifications -------------------------------------------------------------

def _notices_for(
    kabinet: _Kabinet, events: List[Dict[str, Any]], at: Optional[datetime] = None
) -> List[Dict[str, Any]]: ...
def certificate_reminders(
    certificates: List[Dict[str, Any]], at: Optional[datetime] = None, within_days: int = ...
) -> List[Dict[str, Any]]: ...
def power_of_attorney_reminders(
    powers: Sequence[Tuple[str, int, datetime]],
    organization: Optional[int] = None,
    at: Optional[datetime] = None,
    within_days: int = ...,
) -> List[Dict[str, Any]]: ...

# --- applications ----------------------------------------------------------------

def inspect_document(data: bytes, size: Optional[int] = None, max_bytes: int = ...) -> Dict[str, Any]: ...
def sniff_document(data: bytes, size: Optional[int] = None) -> str: ...
