//! БИК: the bank identification code of the Bank of Russia directory, 9 digits.
//!
//! A БИК has no check digit; only its structure is checked: nine digits, the
//! first of them 0. Digits 1–2 were the country code, 04 for Russia, in the
//! directory of Положение Банка России № 225-П; since 2021 the bodies of the
//! Federal Treasury (ТОФК) carry БИК starting 00 or 01 (for example
//! 017003983, used with the single tax account). Digits 3–4 are the region,
//! 5–6 the Bank of Russia subdivision, 7–9 the participant; an account is
//! checked against digits 7–9 (settlement) or 5–6 (correspondent).

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;

use super::input::{digits, prepare};
use super::{IdentifierError, IdentifierKind};

/// A valid БИК.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bik(Ascii<9>);

string_identifier!(Bik);

impl Bik {
    /// Parses a БИК, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `bik.too_long`, `bik.empty`, `bik.not_digits`, `bik.length` (not 9
    /// digits) or `bik.first_digit` (not 0).
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Bik;
        let value = prepare(kind, input)?;
        digits(kind, value, &[9])?;
        if let Some(found) = value.chars().next().filter(|&c| c != '0') {
            return Err(IdentifierError::FirstDigit {
                kind,
                allowed: &['0'],
                found,
            });
        }
        Ok(Self(Ascii::new(IdentifierKind::Bik, value)?))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The three digits a settlement account is keyed with: digits 7–9.
    pub(crate) fn settlement_key_prefix(&self) -> &str {
        self.0.get(6..9).unwrap_or_default()
    }

    /// The three digits a correspondent account is keyed with: "0" and digits 5–6.
    pub(crate) fn correspondent_key_prefix(&self) -> String {
        format!("0{}", self.0.get(4..6).unwrap_or_default())
    }
}

impl fmt::Display for Bik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn structure() {
        let bik = Bik::parse("044525225").unwrap();
        assert_eq!(bik.settlement_key_prefix(), "225");
        assert_eq!(bik.correspondent_key_prefix(), "025");
        assert!(Bik::parse("017003983").is_ok());
        assert_eq!(
            Bik::parse("144525225").unwrap_err().code(),
            "bik.first_digit"
        );
        assert_eq!(Bik::parse("04452522").unwrap_err().code(), "bik.length");
        assert_eq!(
            Bik::parse("04452522S").unwrap_err().code(),
            "bik.not_digits"
        );
    }
}
