//! The foreign form of identifiers: the outcome of checking a value of any
//! kind (the CLI's `check` and `checkIdentifier`), and each parsed
//! identifier with the parts the library reads from it. The library keeps
//! identifiers as validated types; what crosses is their canonical text.

use crate::identifiers::{Email, Inn, InnKind, Kpp, Snils};

pub use crate::identifiers::IdentifierCheck;

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
