//! PINs of signature tokens: 4 to 15 digits, locked after wrong entries.
//!
//! The token checks the PIN itself; the library checks its form and counts
//! wrong entries per token ([`super::AuthCommand::RecordPinEntry`]).

use super::AuthError;

/// Longest token identifier, in characters: a serial number or a
/// certificate's thumbprint fits in far fewer.
pub(crate) const MAX_TOKEN_ID: usize = 128;

/// Checks the form of a PIN: 4 to 15 ASCII digits.
///
/// # Errors
/// [`AuthError::PinFormat`] otherwise.
pub fn check_pin_format(pin: &str) -> Result<(), AuthError> {
    if (4..=15).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AuthError::PinFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_have_four_to_fifteen_digits() {
        assert!(check_pin_format("1234").is_ok());
        assert!(check_pin_format("123456789012345").is_ok());
        assert!(check_pin_format("123").is_err());
        assert!(check_pin_format("1234567890123456").is_err());
        assert!(check_pin_format("12a4").is_err());
        assert!(check_pin_format("١٢٣٤").is_err());
    }
}
