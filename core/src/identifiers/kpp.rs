//! КПП: the tax registration reason code, `NNNNPPNNN`.
//!
//! Positions 1–4 are the code of the tax office, 5–6 the reason for
//! registration, 7–9 the number of the registration. The reason may be two
//! digits or capital Latin letters A–Z (Приказ ФНС России от 29.06.2012
//! № ММВ-7-6/435@); every other position is a digit. There is no check digit.
//! A lowercase or Cyrillic letter at 5–6 is refused with its own code
//! (`kpp.reason_code`) rather than upper-cased or transliterated: the code
//! must be entered as issued.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;
use super::input::prepare;
use super::{IdentifierError, IdentifierKind};

/// The length of a КПП in characters.
const LENGTH: usize = 9;

/// A valid КПП.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kpp(Ascii<9>);

string_identifier!(Kpp);

impl Kpp {
    /// Parses a КПП, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `kpp.too_long`, `kpp.empty`, `kpp.length` (not 9 characters),
    /// `kpp.not_digits` (a non-digit at positions 1–4 or 7–9) or
    /// `kpp.reason_code` (positions 5–6 neither a digit nor A–Z).
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Kpp;
        let value = prepare(kind, input)?;
        let length = value.chars().count();
        if length != LENGTH {
            return Err(IdentifierError::Length {
                kind,
                expected: &[LENGTH],
                found: length,
            });
        }
        for (index, c) in value.chars().enumerate() {
            let position = index + 1;
            if matches!(position, 5 | 6) {
                if !(c.is_ascii_digit() || c.is_ascii_uppercase()) {
                    return Err(IdentifierError::KppReasonCode { position, found: c });
                }
            } else if !c.is_ascii_digit() {
                return Err(IdentifierError::NotDigit {
                    kind,
                    position,
                    found: c,
                });
            }
        }
        Ok(Self(Ascii::new(IdentifierKind::Kpp, value)?))
    }

    /// The nine characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reason for registration, positions 5–6.
    pub fn reason(&self) -> &str {
        self.0.get(4..6).unwrap_or_default()
    }
}

impl fmt::Display for Kpp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn letters_are_allowed_at_5_and_6_only() {
        assert_eq!(Kpp::parse("7736AB001").unwrap().reason(), "AB");
        assert_eq!(Kpp::parse("77360Z001").unwrap().reason(), "0Z");
        assert_eq!(Kpp::parse("773601001").unwrap().reason(), "01");
        for (bad, position) in [
            ("A73601001", 1),
            ("7736010A1", 8),
            ("773Z01001", 4),
            ("7736.1001", 5),
            ("7736O1OO1", 7),
        ] {
            let err = Kpp::parse(bad).unwrap_err();
            assert!(
                matches!(err, IdentifierError::NotDigit { position: p, .. } | IdentifierError::KppReasonCode { position: p, .. } if p == position),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn lowercase_and_cyrillic_reason_letters_are_refused() {
        let err = Kpp::parse("7736ab001").unwrap_err();
        assert_eq!(
            err,
            IdentifierError::KppReasonCode {
                position: 5,
                found: 'a'
            }
        );
        // Cyrillic А looks like Latin A but is not.
        let err = Kpp::parse("77360А001").unwrap_err();
        assert_eq!(err.code(), "kpp.reason_code");
        assert_eq!(
            err,
            IdentifierError::KppReasonCode {
                position: 6,
                found: 'А'
            }
        );
    }

    #[test]
    fn length_counts_characters() {
        assert_eq!(
            Kpp::parse("7736ББ00").unwrap_err(),
            IdentifierError::Length {
                kind: IdentifierKind::Kpp,
                expected: &[9],
                found: 8
            }
        );
        assert_eq!(Kpp::parse(" 773601001\n").unwrap().as_str(), "773601001");
    }
}
