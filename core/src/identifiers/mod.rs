//! Russian identifiers and requisites as types that can only hold valid values.
//!
//! Each identifier of DOMAIN §1 is a newtype whose only way in is `parse`
//! (also [`FromStr`](core::str::FromStr) and serde, which deserializes
//! *through* `parse`): once you hold an [`Inn`], its check digits are right.
//!
//! | type | what | canonical form ([`Inn::as_str`] etc.) | shown as (`Display`) |
//! |---|---|---|---|
//! | [`Inn`] | ИНН, 10 digits (legal entity) or 12 (person) — see [`InnKind`] | digits | digits |
//! | [`Ogrn`] | ОГРН, 13 digits starting with 1 or 5 | digits | digits |
//! | [`Ogrnip`] | ОГРНИП, 15 digits starting with 3 | digits | digits |
//! | [`Kpp`] | КПП, `NNNNPPNNN`, `PP` digits or capital Latin letters | as given | as given |
//! | [`Snils`] | СНИЛС, 11 digits | digits | `XXX-XXX-XXX YY` |
//! | [`Bik`] | БИК, 9 digits starting with 0 | digits | digits |
//! | [`SettlementAccount`] | расчётный счёт, 20 digits, keyed to a [`Bik`] | digits | digits |
//! | [`CorrespondentAccount`] | корреспондентский счёт, 20 digits, keyed to a [`Bik`] | digits | digits |
//! | [`Phone`] | E.164: `+`, 1–15 digits, first digit not 0 | `+` and digits | `+` and digits |
//! | [`Email`] | `local@domain`, RFC 5321 sizes | domain lowercased | canonical |
//!
//! Rules every parser shares:
//!
//! - input over 1 KiB is refused before any other work;
//! - leading and trailing whitespace is trimmed; nothing else is silently
//!   removed — a separator or letter inside a number is an error with its
//!   position, not something to strip;
//! - numbers stay digit strings, so leading zeros are kept;
//! - every failure is an [`IdentifierError`] with a stable code
//!   (`inn.checksum`, `snils.format`, …) and messages in Russian and English.
//!
//! [`check_identifier`] is the entry point of the CLI and the bindings: a kind
//! by name ([`IdentifierKind`]), a value and, for accounts, a БИК in; the
//! canonical form or the coded error out.
//!
//! # Example
//!
//! ```
//! use kabinet_core::identifiers::{check_identifier, IdentifierKind, Inn, InnKind, Snils};
//! use kabinet_core::Coded;
//!
//! let inn = Inn::parse(" 7707083893 ")?;
//! assert_eq!(inn.kind(), InnKind::LegalEntity);
//! assert_eq!(Snils::parse("112-233-445 95")?.to_string(), "112-233-445 95");
//! let err = Inn::parse("7707083894").unwrap_err();
//! assert_eq!(err.code(), "inn.checksum");
//! assert_eq!(check_identifier(IdentifierKind::Snils, "11223344595", None)?, "11223344595");
//! # Ok::<(), kabinet_core::identifiers::IdentifierError>(())
//! ```

/// Implements `FromStr`, `TryFrom<String>`, `From<T> for String` and
/// `AsRef<str>` for an identifier newtype over a `String` with a `parse`
/// function, so serde's `try_from`/`into` route every value through `parse`.
macro_rules! string_identifier {
    ($name:ident) => {
        impl ::core::str::FromStr for $name {
            type Err = $crate::identifiers::IdentifierError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::identifiers::IdentifierError;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0.to_string()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

mod bank_account;
mod bik;
mod check;
mod email;
mod error;
mod inline;
mod inn;
mod input;
mod kind;
mod kpp;
mod ogrn;
mod phone;
mod snils;

pub use bank_account::{CorrespondentAccount, SettlementAccount};
pub use bik::Bik;
pub use check::{check_identifier, IdentifierCheck};
pub use email::Email;
pub use error::IdentifierError;
pub use inn::{Inn, InnKind};
pub use kind::{IdentifierKind, UnknownIdentifierKind};
pub use kpp::Kpp;
pub use ogrn::{Ogrn, Ogrnip};
pub use phone::Phone;
pub use snils::Snils;

/// The largest raw input any parser looks at, in bytes (see each parser).
pub const MAX_INPUT_BYTES: usize = input::MAX_INPUT_BYTES;
