//! Shared first steps of every parser: the size limit, trimming, digit runs.
//!
//! Every parser starts with [`prepare`]: an input over [`MAX_INPUT_BYTES`] is
//! refused before anything else looks at it, then surrounding whitespace
//! (Unicode `White_Space`, which covers the no-break spaces that come with
//! copied text) is trimmed and an empty remainder is refused. Numbers are
//! kept as their digit strings so leading zeros survive; arithmetic works on
//! single digits and never overflows.

use super::{IdentifierError, IdentifierKind};

/// The largest raw input any parser looks at, in bytes. The longest valid
/// value, an email address, is at most 254 bytes (RFC 5321 §4.5.3.1.3); the
/// rest is room for whitespace pasted from documents and forms.
pub(crate) const MAX_INPUT_BYTES: usize = 1024;

/// Applies the input size limit, trims surrounding whitespace, refuses empty values.
pub(crate) fn prepare(kind: IdentifierKind, raw: &str) -> Result<&str, IdentifierError> {
    if raw.len() > MAX_INPUT_BYTES {
        return Err(IdentifierError::TooLong {
            kind,
            max: MAX_INPUT_BYTES,
            found: raw.len(),
        });
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(IdentifierError::Empty { kind });
    }
    Ok(trimmed)
}

/// Requires `value` to be ASCII digits only, of one of the `expected` lengths.
///
/// A bad character is reported before a bad length: its position is the
/// more useful hint.
pub(crate) fn digits(
    kind: IdentifierKind,
    value: &str,
    expected: &'static [usize],
) -> Result<Vec<u8>, IdentifierError> {
    if let Some((index, found)) = value.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(IdentifierError::NotDigit {
            kind,
            position: index + 1,
            found,
        });
    }
    // All ASCII from here: bytes are characters.
    if !expected.contains(&value.len()) {
        return Err(IdentifierError::Length {
            kind,
            expected,
            found: value.len(),
        });
    }
    Ok(value.bytes().map(|b| b - b'0').collect())
}

/// The sum of `digits[i] * weights[i]` over the shorter of the two.
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// The remainder of the decimal number written by `digits` divided by `modulus`,
/// computed digit by digit so any length works without overflow.
pub(crate) fn remainder(digits: &[u8], modulus: u32) -> u32 {
    digits
        .iter()
        .fold(0, |r, &d| (r * 10 + u32::from(d)) % modulus)
}

/// The ASCII character of a single digit value (0–9).
pub(crate) fn digit_char(value: u32) -> char {
    char::from_digit(value % 10, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_comes_before_trimming() {
        let padded = format!("{}7707083893", " ".repeat(MAX_INPUT_BYTES));
        assert_eq!(
            prepare(IdentifierKind::Inn, &padded),
            Err(IdentifierError::TooLong {
                kind: IdentifierKind::Inn,
                max: MAX_INPUT_BYTES,
                found: MAX_INPUT_BYTES + 10
            })
        );
        assert_eq!(prepare(IdentifierKind::Inn, "\u{a0} 12\t\n"), Ok("12"));
        assert_eq!(
            prepare(IdentifierKind::Kpp, " \t "),
            Err(IdentifierError::Empty {
                kind: IdentifierKind::Kpp
            })
        );
    }

    #[test]
    fn digits_keep_leading_zeros_and_report_positions() {
        assert_eq!(digits(IdentifierKind::Bik, "000", &[3]), Ok(vec![0, 0, 0]));
        assert_eq!(
            digits(IdentifierKind::Bik, "0О0", &[3]),
            Err(IdentifierError::NotDigit {
                kind: IdentifierKind::Bik,
                position: 2,
                found: 'О'
            })
        );
        assert_eq!(
            digits(IdentifierKind::Bik, "0000", &[3]),
            Err(IdentifierError::Length {
                kind: IdentifierKind::Bik,
                expected: &[3],
                found: 4
            })
        );
        // Non-ASCII digits (Arabic-Indic, full-width) are not digits here.
        assert!(digits(IdentifierKind::Bik, "١٢٣", &[3]).is_err());
        assert!(digits(IdentifierKind::Bik, "１２３", &[3]).is_err());
    }

    #[test]
    fn remainder_matches_integer_arithmetic() {
        let number: u64 = 102_770_013_219;
        let ds: Vec<u8> = number.to_string().bytes().map(|b| b - b'0').collect();
        assert_eq!(u64::from(remainder(&ds, 11)), number % 11);
        assert_eq!(u64::from(remainder(&ds, 13)), number % 13);
    }
}
