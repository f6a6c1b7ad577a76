//! ОГРН and ОГРНИП: primary state registration numbers of legal entities and
//! of individual entrepreneurs.
//!
//! The check digit is the *last digit of a remainder*: for ОГРН the first 12
//! digits taken as a number `% 11`; for ОГРНИП the first 14 digits `% 13`.
//! The remainder can be 10 (ОГРН) or 10, 11, 12 (ОГРНИП); the check digit is
//! then 0, 1 or 2, its last digit — the ФНС rule reads "младший разряд
//! остатка". python-stdnum gets this wrong: its `stdnum.ru.ogrn` (added in
//! 2025) maps a remainder of 10 to 0 but keeps 11 and 12 as they are for the
//! 15-digit numbers, so no single check digit can match and it refuses every
//! ОГРНИП whose remainder is 11 or 12 — real numbers such as
//! 304463210700212 (remainder 12, check digit 2). This module takes the last
//! digit of every remainder.
//!
//! The first digit tells the record type: 1 or 5 for ОГРН, 3 for ОГРНИП
//! (2, 4, 6–9 are numbers of later records, ГРН, not primary numbers).

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;
use super::input::{digit_char, digits, prepare, remainder};
use super::{IdentifierError, IdentifierKind};

/// A valid ОГРН (13 digits, starting with 1 or 5).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ogrn(Ascii<13>);

/// A valid ОГРНИП (15 digits, starting with 3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ogrnip(Ascii<15>);

string_identifier!(Ogrn);
string_identifier!(Ogrnip);

/// Checks a registration number of `length` digits, first digit in `first`,
/// whose last digit is the last digit of the rest `% modulus`.
fn parse_registration_number<'a>(
    kind: IdentifierKind,
    input: &'a str,
    length: &'static [usize],
    first: &'static [char],
    modulus: u32,
) -> Result<&'a str, IdentifierError> {
    let value = prepare(kind, input)?;
    let ds = digits(kind, value, length)?;
    if let Some(found) = value.chars().next().filter(|c| !first.contains(c)) {
        return Err(IdentifierError::FirstDigit {
            kind,
            allowed: first,
            found,
        });
    }
    let (body, check) = ds.split_at(ds.len().saturating_sub(1));
    let expected = remainder(body, modulus) % 10;
    let found = check.first().map_or(u32::MAX, |&d| u32::from(d));
    if expected != found {
        return Err(IdentifierError::Checksum {
            kind,
            expected: digit_char(expected).to_string(),
            found: digit_char(found).to_string(),
        });
    }
    Ok(value)
}

impl Ogrn {
    /// Parses a ОГРН, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `ogrn.too_long`, `ogrn.empty`, `ogrn.not_digits`, `ogrn.length` (not 13
    /// digits), `ogrn.first_digit` (not 1 or 5) or `ogrn.checksum`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let v = parse_registration_number(IdentifierKind::Ogrn, input, &[13], &['1', '5'], 11)?;
        Ok(Self(Ascii::new(IdentifierKind::Ogrn, v)?))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Ogrnip {
    /// Parses a ОГРНИП, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `ogrnip.too_long`, `ogrnip.empty`, `ogrnip.not_digits`, `ogrnip.length`
    /// (not 15 digits), `ogrnip.first_digit` (not 3) or `ogrnip.checksum`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let v = parse_registration_number(IdentifierKind::Ogrnip, input, &[15], &['3'], 13)?;
        Ok(Self(Ascii::new(IdentifierKind::Ogrnip, v)?))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ogrn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Ogrnip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    /// Appends the check digit to a 14-digit ОГРНИП body, returning it and the remainder.
    fn ogrnip_with_check(body: &str) -> (String, u64) {
        let r = body.parse::<u64>().unwrap() % 13;
        (format!("{body}{}", r % 10), r)
    }

    #[test]
    fn ogrnip_remainders_10_11_12_use_their_last_digit() {
        // Thirteen consecutive bodies leave every remainder 0..=12 once.
        let mut seen = [false; 13];
        for k in 0..13u64 {
            let body = format!("{}", 30_450_011_600_010u64 + k);
            let (number, r) = ogrnip_with_check(&body);
            seen[r as usize] = true;
            let parsed = Ogrnip::parse(&number).unwrap();
            assert_eq!(parsed.as_str(), number);
            // The "remainder as a whole" reading would need two digits for 10..12;
            // a check digit equal to the remainder's first digit is refused.
            if r >= 10 {
                let wrong = format!("{body}1");
                let expected_last = (r % 10).to_string();
                if expected_last != "1" {
                    let err = Ogrnip::parse(&wrong).unwrap_err();
                    assert_eq!(err.code(), "ogrnip.checksum");
                    assert!(
                        matches!(err, IdentifierError::Checksum { expected, .. } if expected == expected_last)
                    );
                }
            }
        }
        assert!(seen.iter().all(|s| *s), "all 13 remainders were exercised");
    }

    #[test]
    fn ogrn_remainder_10_gives_0() {
        // 102770013219 % 11 == 5 (Сбербанк); search a body with remainder 10.
        let body = (102_770_013_210u64..102_770_013_221)
            .find(|b| b % 11 == 10)
            .unwrap();
        let number = format!("{body}0");
        assert!(Ogrn::parse(&number).is_ok());
        assert_eq!(
            Ogrn::parse(&format!("{body}1")).unwrap_err().code(),
            "ogrn.checksum"
        );
    }

    #[test]
    fn first_digit_marks_the_record_type() {
        // A correct remainder behind a wrong first digit is still refused.
        for first in ['2', '3', '4', '6', '9', '0'] {
            let body = format!("{first}02770013219");
            let number = format!("{body}{}", body.parse::<u64>().unwrap() % 11 % 10);
            let err = Ogrn::parse(&number).unwrap_err();
            assert_eq!(err.code(), "ogrn.first_digit", "{number}");
        }
        let body = "50277001321900";
        let number = format!("{body}{}", body.parse::<u64>().unwrap() % 13 % 10);
        assert_eq!(
            Ogrnip::parse(&number).unwrap_err().code(),
            "ogrnip.first_digit"
        );
    }

    #[test]
    fn lengths_are_exact() {
        assert_eq!(
            Ogrn::parse("304500116000157").unwrap_err().code(),
            "ogrn.length"
        );
        assert_eq!(
            Ogrnip::parse("1027700132195").unwrap_err().code(),
            "ogrnip.length"
        );
    }
}
