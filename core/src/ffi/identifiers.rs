//! The foreign form of identifiers: the outcome of checking a value of any
//! kind (the CLI's `check` and `checkIdentifier`), and each parsed
//! identifier with the parts the library reads from it. The library keeps
//! identifiers as validated types; what crosses is their canonical text.

use crate::identifiers::{Email, IdentifierError, IdentifierKind, Inn, InnKind, Kpp, Snils};
use crate::Coded;

/// The outcome of checking one value.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IdentifierCheck {
    /// The kind's stable name (`inn`, `corr-account`, …).
    pub kind: String,
    /// Whether the value is valid.
    pub valid: bool,
    /// The canonical form, when valid.
    pub normalized: Option<String>,
    /// The stable code of the failure.
    pub code: Option<String>,
    /// The failure in Russian.
    pub message_ru: Option<String>,
    /// The failure in English.
    pub message_en: Option<String>,
}

impl IdentifierCheck {
    /// The outcome of [`crate::check_identifier`] for `kind`.
    pub fn of(kind: IdentifierKind, outcome: Result<String, IdentifierError>) -> Self {
        let kind = kind.as_str().to_owned();
        match outcome {
            Ok(n) => Self {
                kind,
                valid: true,
                normalized: Some(n),
                code: None,
                message_ru: None,
                message_en: None,
            },
            Err(e) => Self {
                kind,
                valid: false,
                normalized: None,
                code: Some(e.code().into()),
                message_ru: Some(e.message_ru()),
                message_en: Some(e.message_en()),
            },
        }
    }
}

/// A valid ИНН.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedInn {
    /// The digits.
    pub value: String,
    /// Legal entity or person.
    pub kind: InnKind,
}

impl From<&Inn> for ParsedInn {
    fn from(inn: &Inn) -> Self {
        Self {
            value: inn.as_str().into(),
            kind: inn.kind(),
        }
    }
}

/// A valid СНИЛС.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedSnils {
    /// The 11 digits.
    pub value: String,
    /// `XXX-XXX-XXX YY`.
    pub formatted: String,
}

impl From<&Snils> for ParsedSnils {
    fn from(s: &Snils) -> Self {
        Self {
            value: s.as_str().into(),
            formatted: s.to_string(),
        }
    }
}

/// A valid КПП.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedKpp {
    /// The 9 characters.
    pub value: String,
    /// The reason code, positions 5–6.
    pub reason: String,
}

impl From<&Kpp> for ParsedKpp {
    fn from(kpp: &Kpp) -> Self {
        Self {
            value: kpp.as_str().into(),
            reason: kpp.reason().into(),
        }
    }
}

/// A valid e-mail address.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedEmail {
    /// The address, domain lowercased.
    pub value: String,
    /// The part before `@`.
    pub local_part: String,
    /// The domain.
    pub domain: String,
}

impl From<&Email> for ParsedEmail {
    fn from(e: &Email) -> Self {
        Self {
            value: e.as_str().into(),
            local_part: e.local_part().into(),
            domain: e.domain().into(),
        }
    }
}

/// A valid bank account number keyed to its БИК.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BankAccount {
    /// The 20 digits.
    pub value: String,
    /// The bank's БИК.
    pub bik: String,
}
