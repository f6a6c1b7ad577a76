//! Values a host passes by name or as text through the bindings — a right's
//! code, a level's name, a power's number, an address, a time — that the
//! library cannot take, with the core's codes.
//!
//! The bindings read such values themselves (a Kotlin `String`, a Python
//! `datetime`), but the codes they raise are these: one table, so the two
//! bindings cannot drift apart (`power.bad_number` in both, never
//! `delegation.bad_number` in one of them).

use crate::coded::Coded;

/// What kind of value was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputKind {
    /// The kind of a contact (`email`, `phone`).
    ContactKind,
    /// An account's level (`simplified`, `standard`, `confirmed`).
    AccountLevel,
    /// Why an account is blocked.
    AccountBlockReason,
    /// Which time a CMS signer's certificate is judged at.
    CertificateTime,
    /// The number of a command in a batch.
    CommandId,
    /// An IP address.
    IpAddress,
    /// The number of a power of attorney (a UUID).
    PowerNumber,
    /// A preset level of powers (`basic`, `operational`, `administrative`).
    PowerLevel,
    /// Whether a power may be passed on (`none`, `once`, `successive`).
    Redelegation,
    /// A GOST algorithm's object identifier.
    GostAlgorithmOid,
    /// An object identifier given to certificate validation.
    PkiOid,
    /// Text that is not valid in its encoding.
    Encoding,
    /// Whom an invitation is addressed to.
    Invitee,
    /// The actor a journal query is filtered by.
    JournalActor,
    /// The format of a journal export.
    ExportFormat,
    /// The level of a state institution.
    InstitutionLevel,
    /// Why an organization is blocked.
    OrganizationBlockReason,
    /// A one-time password algorithm.
    OtpAlgorithm,
    /// A preset password policy (`portal`, `nist`).
    PasswordPolicy,
    /// A state registry's status of a subject.
    RegistryStatus,
    /// A role's name.
    Role,
    /// A right's code.
    Right,
    /// A signature's level (`simple`, `enhanced`, `qualified`).
    SignatureLevel,
    /// A time without a time zone.
    NaiveTime,
    /// Something given where a time is due.
    NotATime,
    /// A time beyond the range the library keeps.
    TimeOutOfRange,
    /// Something given where the number of an account, organization,
    /// session, … is due (a `bool`, a `float`, a string).
    IdNotAnInteger,
    /// A number of an account, organization, … outside 0..2^64.
    IdOutOfRange,
}

/// One row of the table: the code and what the value is, in both languages.
struct Row(&'static str, &'static str, &'static str);

impl InputKind {
    /// Every kind.
    pub const ALL: [InputKind; 28] = [
        Self::ContactKind,
        Self::AccountLevel,
        Self::AccountBlockReason,
        Self::CertificateTime,
        Self::CommandId,
        Self::IpAddress,
        Self::PowerNumber,
        Self::PowerLevel,
        Self::Redelegation,
        Self::GostAlgorithmOid,
        Self::PkiOid,
        Self::Encoding,
        Self::Invitee,
        Self::JournalActor,
        Self::ExportFormat,
        Self::InstitutionLevel,
        Self::OrganizationBlockReason,
        Self::OtpAlgorithm,
        Self::PasswordPolicy,
        Self::RegistryStatus,
        Self::Role,
        Self::Right,
        Self::SignatureLevel,
        Self::NaiveTime,
        Self::NotATime,
        Self::TimeOutOfRange,
        Self::IdNotAnInteger,
        Self::IdOutOfRange,
    ];

    fn row(self) -> Row {
        match self {
            Self::ContactKind => Row("account.unknown_contact", "вид контакта", "kind of contact"),
            Self::AccountLevel => Row(
                "account.unknown_level",
                "уровень учётной записи",
                "account level",
            ),
            Self::AccountBlockReason => Row(
                "account.unknown_reason",
                "причина блокировки учётной записи",
                "reason to block an account",
            ),
            Self::CertificateTime => Row(
                "cms.unknown_certificate_time",
                "время проверки сертификата",
                "time to judge a certificate at",
            ),
            Self::CommandId => Row("command.no_id", "номер команды", "command number"),
            Self::IpAddress => Row("context.bad_ip", "IP-адрес", "IP address"),
            Self::PowerNumber => Row(
                "power.bad_number",
                "номер доверенности (UUID)",
                "power of attorney number (a UUID)",
            ),
            Self::PowerLevel => Row(
                "delegation.unknown_level",
                "уровень полномочий",
                "level of powers",
            ),
            Self::Redelegation => Row(
                "power.bad_redelegation",
                "признак передоверия",
                "re-delegation mark",
            ),
            Self::GostAlgorithmOid => Row(
                "gost.bad_oid",
                "идентификатор алгоритма ГОСТ",
                "GOST algorithm identifier",
            ),
            Self::PkiOid => Row("pki.bad_oid", "идентификатор объекта", "object identifier"),
            Self::Encoding => Row("input.encoding", "кодировка", "encoding"),
            Self::Invitee => Row("invitation.invitee", "адресат приглашения", "invitee"),
            Self::JournalActor => Row(
                "journal.bad_actor",
                "исполнитель в журнале",
                "journal actor",
            ),
            Self::ExportFormat => Row("journal.unknown_format", "формат выгрузки", "export format"),
            Self::InstitutionLevel => Row(
                "organization.unknown_level",
                "уровень учреждения",
                "institution level",
            ),
            Self::OrganizationBlockReason => Row(
                "organization.unknown_reason",
                "причина блокировки организации",
                "reason to block an organization",
            ),
            Self::OtpAlgorithm => Row(
                "otp.unknown_algorithm",
                "алгоритм одноразовых паролей",
                "one-time password algorithm",
            ),
            Self::PasswordPolicy => Row(
                "password.unknown_policy",
                "политика паролей",
                "password policy",
            ),
            Self::RegistryStatus => Row(
                "registry.unknown_status",
                "статус в реестре",
                "registry status",
            ),
            Self::Role => Row("role.unknown", "роль", "role"),
            Self::Right => Row("right.unknown", "право", "right"),
            Self::SignatureLevel => Row(
                "signature.unknown_level",
                "уровень подписи",
                "signature level",
            ),
            Self::NaiveTime => Row(
                "time.naive",
                "время без часового пояса",
                "time without a time zone",
            ),
            Self::NotATime => Row(
                "time.not_a_datetime",
                "не время с часовым поясом",
                "not a time with a time zone",
            ),
            Self::IdNotAnInteger => Row(
                "id.not_an_integer",
                "номер (целое число)",
                "number (an integer)",
            ),
            Self::IdOutOfRange => Row(
                "id.out_of_range",
                "номер вне диапазона 0..2^64",
                "number outside 0..2^64",
            ),
            Self::TimeOutOfRange => Row(
                "time.out_of_range",
                "время вне допустимого диапазона",
                "time out of range",
            ),
        }
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        self.row().0
    }
}

/// A value a host passed that the library cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{}", self.message_en())]
pub struct InputError {
    /// What kind of value it was meant to be.
    pub kind: InputKind,
    /// The value as given (shortened to 200 characters).
    pub given: String,
    /// What the reader found wrong, when it said.
    pub detail: Option<String>,
}

/// Longest part of a given value repeated in a message.
const MAX_ECHO: usize = 200;

impl InputError {
    /// A value of `kind` that cannot be taken.
    pub fn new(kind: InputKind, given: &str) -> Self {
        Self {
            kind,
            given: given.chars().take(MAX_ECHO).collect(),
            detail: None,
        }
    }

    /// The same, with the reader's own account of what is wrong.
    #[must_use]
    pub fn because(mut self, detail: impl std::fmt::Display) -> Self {
        self.detail = Some(detail.to_string().chars().take(MAX_ECHO).collect());
        self
    }
}

/// A power of attorney's number (a UUID) as a host typed it; one reader for
/// every entry that takes one (queries, the foreign interface).
///
/// # Errors
/// `power.bad_number`, with the reader's account of what is wrong.
pub fn power_number(text: &str) -> Result<crate::PowerNumber, InputError> {
    crate::PowerNumber::parse_str(text)
        .map_err(|e| InputError::new(InputKind::PowerNumber, text).because(e))
}

impl Coded for InputError {
    fn code(&self) -> &'static str {
        self.kind.code()
    }

    fn message_ru(&self) -> String {
        let Row(_, ru, _) = self.kind.row();
        match &self.detail {
            Some(d) => format!("недопустимое значение «{}» ({ru}): {d}", self.given),
            None => format!("недопустимое значение «{}» ({ru})", self.given),
        }
    }

    fn message_en(&self) -> String {
        let Row(_, _, en) = self.kind.row();
        match &self.detail {
            Some(d) => format!("unexpected value '{}' ({en}): {d}", self.given),
            None => format!("unexpected value '{}' ({en})", self.given),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_messages_name_the_value() {
        let mut codes: Vec<&str> = InputKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), InputKind::ALL.len());
        let e = InputError::new(InputKind::Right, "users.fly");
        assert_eq!(e.code(), "right.unknown");
        assert!(e.message_ru().contains("«users.fly»") && e.message_en().contains("'users.fly'"));
        let long = "x".repeat(10_000);
        assert_eq!(
            InputError::new(InputKind::Role, &long).given.len(),
            MAX_ECHO
        );
    }
}
