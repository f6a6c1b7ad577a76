//! Phone numbers in the international E.164 form: `+`, then 1–15 digits, the
//! first of which (the country code) is not 0.
//!
//! Normalisation: the `+` is required (a national `8…` is refused: the
//! country it belongs to is a guess). Between digits, one separator — a
//! space or a hyphen — may stand, and one group of digits may be enclosed in
//! parentheses, as phone numbers are commonly written: `+7 (495) 123-45-67`,
//! `+7(495)1234567`, `+7 495 123 45 67`. These are removed; anything else —
//! letters, dots, doubled separators, a separator after `+` or at the end,
//! unbalanced or nested parentheses — is refused with its position. The
//! canonical form is `+` and the digits, and that is also how it is shown.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;
use super::input::prepare;
use super::{IdentifierError, IdentifierKind};

/// The largest number of digits of an E.164 number (ITU-T E.164 §6.1).
const MAX_DIGITS: usize = 15;

/// A valid phone number in E.164 form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(Ascii<16>);

string_identifier!(Phone);

/// What the previous character was, for placing separators.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Previous {
    Plus,
    Digit,
    Separator,
    Open,
    Close,
}

impl Phone {
    /// Parses a phone number, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `phone.too_long`, `phone.empty`, `phone.no_plus` (not starting with
    /// `+`), `phone.format` (a character other than a digit or a well-placed
    /// separator), `phone.length` (no digits or more than 15) or
    /// `phone.first_digit` (the country code starts with 0).
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Phone;
        let value = prepare(kind, input)?;
        let mut chars = value.chars();
        match chars.next() {
            Some('+') => {}
            Some(found) => return Err(IdentifierError::PhoneNoPlus { found }),
            None => return Err(IdentifierError::Empty { kind }),
        }
        let mut canonical = String::with_capacity(MAX_DIGITS + 1);
        canonical.push('+');
        let mut digit_count = 0usize;
        let mut previous = Previous::Plus;
        let mut inside_parentheses = false;
        let mut used_parentheses = false;
        for (index, c) in chars.enumerate() {
            // Position 1 is the '+'.
            let position = index + 2;
            let refuse = || IdentifierError::PhoneFormat { position, found: c };
            previous = match c {
                '0'..='9' => {
                    digit_count += 1;
                    if digit_count <= MAX_DIGITS {
                        canonical.push(c);
                    }
                    Previous::Digit
                }
                ' ' | '-' if matches!(previous, Previous::Digit | Previous::Close) => {
                    Previous::Separator
                }
                '(' if !used_parentheses
                    && matches!(previous, Previous::Digit | Previous::Separator) =>
                {
                    inside_parentheses = true;
                    used_parentheses = true;
                    Previous::Open
                }
                ')' if inside_parentheses && previous == Previous::Digit => {
                    inside_parentheses = false;
                    Previous::Close
                }
                _ => return Err(refuse()),
            };
        }
        if matches!(previous, Previous::Separator | Previous::Open) || inside_parentheses {
            let position = value.chars().count();
            let found = value.chars().last().unwrap_or('+');
            return Err(IdentifierError::PhoneFormat { position, found });
        }
        if digit_count == 0 || digit_count > MAX_DIGITS {
            return Err(IdentifierError::PhoneLength {
                max: MAX_DIGITS,
                found: digit_count,
            });
        }
        if canonical.starts_with("+0") {
            return Err(IdentifierError::FirstDigit {
                kind,
                allowed: &['1', '2', '3', '4', '5', '6', '7', '8', '9'],
                found: '0',
            });
        }
        Ok(Self(Ascii::new(IdentifierKind::Phone, &canonical)?))
    }

    /// `+` and the digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn common_spellings_normalise_to_e164() {
        for ok in [
            "+74951234567",
            "+7 (495) 123-45-67",
            "+7(495)1234567",
            "+7 495 123 45 67",
            " +7-495-123-45-67 ",
        ] {
            assert_eq!(Phone::parse(ok).unwrap().as_str(), "+74951234567", "{ok}");
        }
        assert_eq!(Phone::parse("+1").unwrap().as_str(), "+1");
        assert_eq!(
            Phone::parse("+123456789012345").unwrap().as_str(),
            "+123456789012345"
        );
    }

    #[test]
    fn refusals_have_their_codes_and_positions() {
        assert_eq!(
            Phone::parse("84951234567").unwrap_err(),
            IdentifierError::PhoneNoPlus { found: '8' }
        );
        assert_eq!(
            Phone::parse("+7 495 123 45 6x").unwrap_err(),
            IdentifierError::PhoneFormat {
                position: 16,
                found: 'x'
            }
        );
        assert_eq!(Phone::parse("+ 7495").unwrap_err().code(), "phone.format");
        assert_eq!(Phone::parse("+7  495").unwrap_err().code(), "phone.format");
        assert_eq!(
            Phone::parse("+7 (495 123").unwrap_err().code(),
            "phone.format"
        );
        assert_eq!(
            Phone::parse("+7 (495) (123)").unwrap_err().code(),
            "phone.format"
        );
        assert_eq!(
            Phone::parse("+7 ((495))").unwrap_err().code(),
            "phone.format"
        );
        assert_eq!(
            Phone::parse("+7.495.1234567").unwrap_err().code(),
            "phone.format"
        );
        assert_eq!(
            Phone::parse("+7495-").unwrap_err(),
            IdentifierError::PhoneFormat {
                position: 6,
                found: '-'
            }
        );
        assert_eq!(
            Phone::parse("+").unwrap_err(),
            IdentifierError::PhoneLength { max: 15, found: 0 }
        );
        assert_eq!(
            Phone::parse("+1234567890123456").unwrap_err(),
            IdentifierError::PhoneLength { max: 15, found: 16 }
        );
        assert_eq!(
            Phone::parse("+0123").unwrap_err().code(),
            "phone.first_digit"
        );
        assert_eq!(Phone::parse("+7４95").unwrap_err().code(), "phone.format");
    }
}
