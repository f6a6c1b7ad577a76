//! ИНН: the taxpayer number of a legal entity (10 digits) or a person (12 digits).
//!
//! The check digits are weighted sums taken `% 11 % 10` (Приказ ФНС России
//! от 29.06.2012 № ММВ-7-6/435@): for 10 digits one check digit with weights
//! 2,4,10,3,5,9,4,6,8; for 12 digits digit 11 with weights 7,2,4,10,3,5,9,4,6,8
//! over digits 1–10 and digit 12 with weights 3,7,2,4,10,3,5,9,4,6,8 over
//! digits 1–11.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;

use super::input::{digit_char, digits, prepare, weighted_sum};
use super::{IdentifierError, IdentifierKind};

const WEIGHTS_10: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/// Whose taxpayer number an [`Inn`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InnKind {
    /// A legal entity (организация): 10 digits.
    LegalEntity,
    /// A person, including an individual entrepreneur (физическое лицо, ИП): 12 digits.
    Person,
}

/// A valid ИНН (taxpayer number).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Inn(Ascii<12>);

string_identifier!(Inn);

fn check_digit(digits: &[u8], weights: &[u32]) -> u32 {
    weighted_sum(digits, weights) % 11 % 10
}

impl Inn {
    /// Parses a ИНН of 10 or 12 digits, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `inn.too_long`, `inn.empty`, `inn.not_digits`, `inn.length` (neither 10
    /// nor 12 digits) or `inn.checksum` (the check digits do not match).
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Inn;
        let value = prepare(kind, input)?;
        let ds = digits(kind, value, &[10, 12])?;
        let (body, found) =
            ds.split_at(ds.len().saturating_sub(if ds.len() == 10 { 1 } else { 2 }));
        let expected = if ds.len() == 10 {
            vec![check_digit(body, &WEIGHTS_10)]
        } else {
            let c11 = check_digit(body, &WEIGHTS_11);
            let mut eleven = body.to_vec();
            eleven.push(u8::try_from(c11).unwrap_or(0));
            vec![c11, check_digit(&eleven, &WEIGHTS_12)]
        };
        let found: Vec<u32> = found.iter().map(|&d| u32::from(d)).collect();
        if expected != found {
            return Err(IdentifierError::Checksum {
                kind,
                expected: expected.into_iter().map(digit_char).collect(),
                found: found.into_iter().map(digit_char).collect(),
            });
        }
        Ok(Self(Ascii::new(IdentifierKind::Inn, value)?))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the number of a legal entity or of a person.
    pub fn kind(&self) -> InnKind {
        if self.0.len() == 10 {
            InnKind::LegalEntity
        } else {
            InnKind::Person
        }
    }
}

impl fmt::Display for Inn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn accepts_both_lengths_and_tells_them_apart() {
        assert_eq!(
            Inn::parse("7707083893").unwrap().kind(),
            InnKind::LegalEntity
        );
        assert_eq!(Inn::parse("500100732259").unwrap().kind(), InnKind::Person);
    }

    #[test]
    fn reports_the_expected_check_digits() {
        let err = Inn::parse("7707083894").unwrap_err();
        assert_eq!(
            err,
            IdentifierError::Checksum {
                kind: IdentifierKind::Inn,
                expected: "3".into(),
                found: "4".into()
            }
        );
        // A wrong 11th digit: both check digits are reported as they should be.
        let err = Inn::parse("500100732269").unwrap_err();
        assert_eq!(err.code(), "inn.checksum");
        assert!(matches!(err, IdentifierError::Checksum { ref expected, .. } if expected == "59"));
    }

    #[test]
    fn refuses_other_lengths_and_characters() {
        assert_eq!(Inn::parse("77070838931").unwrap_err().code(), "inn.length");
        assert_eq!(
            Inn::parse("7707 083893").unwrap_err().code(),
            "inn.not_digits"
        );
        assert_eq!(Inn::parse("").unwrap_err().code(), "inn.empty");
    }

    #[test]
    fn serde_goes_through_parse() {
        let inn: Inn = serde_json::from_str("\" 7707083893\"").unwrap();
        assert_eq!(serde_json::to_string(&inn).unwrap(), "\"7707083893\"");
        let err = serde_json::from_str::<Inn>("\"7707083894\"").unwrap_err();
        assert!(err.to_string().contains("check digits"), "{err}");
        assert!(
            serde_json::from_str::<Inn>("7707083893").is_err(),
            "a number is not accepted"
        );
    }

    #[test]
    fn leading_zeros_are_kept() {
        // Check digit of 000000000: 0.
        let inn = Inn::parse("0000000000").unwrap();
        assert_eq!(inn.as_str(), "0000000000");
    }
}
