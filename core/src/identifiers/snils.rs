//! СНИЛС: the individual insurance account number, 11 digits shown `XXX-XXX-XXX YY`.
//!
//! The last two digits check the first nine: their sum with weights 9..1;
//! a sum under 100 is the check number itself, 100 and 101 give 00, a larger
//! sum is taken `% 101`, and a remainder of 100 again gives 00. Numbers up to
//! 001-001-998 were issued before the check was introduced and are not
//! checked.
//!
//! Accepted spellings: 11 digits in a row, or the shown form with a
//! separator (`-` or a space) at each of the three canonical places
//! (after digits 3, 6 and 9): `112-233-445 95`, `112-233-445-95`,
//! `112 233 445 95`. A separator anywhere else, a missing one, or a letter is
//! refused with its position — never silently removed.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;
use super::input::prepare;
use super::{IdentifierError, IdentifierKind};

/// The last number issued without a valid check number, as 9 digits.
const UNCHECKED_UP_TO: &str = "001001998";

/// The number of digits of a СНИЛС.
const DIGITS: usize = 11;

/// Where separators stand in the shown form (0-based character indices).
const SEPARATOR_AT: [usize; 3] = [3, 7, 11];

/// A valid СНИЛС.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Snils(Ascii<11>);

string_identifier!(Snils);

fn is_separator(c: char) -> bool {
    c == '-' || c == ' '
}

/// The check number (0–99) of nine digits.
fn check_number(nine: &[u8]) -> u32 {
    let sum: u32 = nine
        .iter()
        .zip((1..=9u32).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => match sum % 101 {
            100 => 0,
            r => r,
        },
    }
}

impl Snils {
    /// The eleven digits as one number: a compact key for indexes that hold
    /// a СНИЛС for every account of a large directory.
    pub(crate) fn number(&self) -> u64 {
        self.0
            .as_str()
            .bytes()
            .fold(0, |n, d| n * 10 + u64::from(d.wrapping_sub(b'0')))
    }

    /// Parses a СНИЛС, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `snils.too_long`, `snils.empty`, `snils.not_digits` (a letter or other
    /// character), `snils.length` (not 11 digits), `snils.format` (a
    /// separator missing or out of place) or `snils.checksum`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Snils;
        let value = prepare(kind, input)?;
        let mut digits: Vec<u8> = Vec::with_capacity(DIGITS);
        let mut has_separators = false;
        for (index, c) in value.chars().enumerate() {
            if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
                digits.push(u8::try_from(d).unwrap_or(0));
            } else if is_separator(c) {
                has_separators = true;
            } else {
                return Err(IdentifierError::NotDigit {
                    kind,
                    position: index + 1,
                    found: c,
                });
            }
        }
        if digits.len() != DIGITS {
            return Err(IdentifierError::Length {
                kind,
                expected: &[DIGITS],
                found: digits.len(),
            });
        }
        if has_separators {
            // All 11 digits are there: the shown form must be exactly
            // digits with a separator at each canonical place.
            for (index, c) in value.chars().enumerate() {
                if SEPARATOR_AT.contains(&index) != is_separator(c) {
                    return Err(IdentifierError::SnilsFormat {
                        position: index + 1,
                        found: c,
                    });
                }
            }
        }
        let canonical: String = value.chars().filter(char::is_ascii_digit).collect();
        let (nine, check) = digits.split_at(9);
        if canonical.get(..9).is_some_and(|n| n > UNCHECKED_UP_TO) {
            let expected = check_number(nine);
            let found = check.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d));
            if expected != found {
                return Err(IdentifierError::Checksum {
                    kind,
                    expected: format!("{expected:02}"),
                    found: format!("{found:02}"),
                });
            }
        }
        Ok(Self(Ascii::new(IdentifierKind::Snils, &canonical)?))
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Snils {
    /// The shown form `XXX-XXX-XXX YY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |range: core::ops::Range<usize>| self.0.get(range).unwrap_or_default();
        write!(
            f,
            "{}-{}-{} {}",
            part(0..3),
            part(3..6),
            part(6..9),
            part(9..11)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn the_number_is_the_eleven_digits() {
        let a = Snils::parse("112-233-445 95").unwrap();
        assert_eq!(a.number(), 11_223_344_595);
        let b = Snils::parse("001-001-998 00").unwrap();
        assert_eq!(b.number(), 100_199_800);
        assert_ne!(a.number(), b.number());
    }

    #[test]
    fn accepts_the_canonical_spellings_only() {
        for ok in [
            "11223344595",
            "112-233-445 95",
            "112-233-445-95",
            "112 233 445 95",
            " 112-233-445 95 ",
        ] {
            assert_eq!(Snils::parse(ok).unwrap().as_str(), "11223344595", "{ok}");
        }
        for (bad, position) in [
            ("1122-33-445 95", 4),
            ("112-233-44595", 12),
            ("112--233-445 95", 5),
            ("112-233-445  95", 13),
        ] {
            let err = Snils::parse(bad).unwrap_err();
            assert_eq!(err.code(), "snils.format", "{bad}");
            assert!(
                matches!(err, IdentifierError::SnilsFormat { position: p, .. } if p == position),
                "{bad}: {err:?}"
            );
        }
        let err = Snils::parse("112-2З3-445 95").unwrap_err();
        assert_eq!(
            err,
            IdentifierError::NotDigit {
                kind: IdentifierKind::Snils,
                position: 6,
                found: 'З'
            }
        );
        assert_eq!(
            Snils::parse("112-233-445 9").unwrap_err().code(),
            "snils.length"
        );
    }

    #[test]
    fn shows_the_user_form() {
        assert_eq!(
            Snils::parse("11223344595").unwrap().to_string(),
            "112-233-445 95"
        );
    }

    #[test]
    fn check_number_edges() {
        let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        // Sums found by search over numbers above 001-001-998.
        assert_eq!(check_number(&digits("001326678")), 99); // sum 99: itself
        assert_eq!(check_number(&digits("001508815")), 0); // sum 100
        assert_eq!(check_number(&digits("001437544")), 0); // sum 101
        assert_eq!(check_number(&digits("001318759")), 1); // sum 102: 102 % 101
        assert_eq!(check_number(&digits("006996682")), 0); // sum 201: % 101 = 100 → 00
        assert_eq!(check_number(&digits("006877897")), 0); // sum 202: % 101 = 0
        assert_eq!(check_number(&digits("298795994")), 0); // sum 302: % 101 = 100 → 00
        assert!(Snils::parse("001-508-815 00").is_ok());
        assert!(Snils::parse("001-437-544 00").is_ok());
        assert!(Snils::parse("006-996-682 00").is_ok());
        assert_eq!(
            Snils::parse("001-508-815 01").unwrap_err().code(),
            "snils.checksum"
        );
        // "100" is never a valid check number: it must read 00.
        assert_eq!(
            Snils::parse("00150881510").unwrap_err(),
            IdentifierError::Checksum {
                kind: IdentifierKind::Snils,
                expected: "00".into(),
                found: "10".into()
            }
        );
    }

    #[test]
    fn old_numbers_are_not_checked() {
        // 001-001-998 and below: any check number is accepted, zeros kept.
        assert_eq!(
            Snils::parse("001-001-998 77").unwrap().as_str(),
            "00100199877"
        );
        assert_eq!(
            Snils::parse("00000000000").unwrap().to_string(),
            "000-000-000 00"
        );
        assert_eq!(
            Snils::parse("000-123-456 99").unwrap().as_str(),
            "00012345699"
        );
        // 001-001-999 is the first checked number: sum = 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65.
        assert!(Snils::parse("001-001-999 65").is_ok());
        assert_eq!(
            Snils::parse("001-001-999 66").unwrap_err().code(),
            "snils.checksum"
        );
    }
}
