//! The source of randomness the core asks for but never owns.
//!
//! Salts and one-time codes need secure random bytes; the core has no
//! globals and reads nothing from the system, so the host passes a
//! [`RandomSource`]. The facade implements it with `ring::rand::SystemRandom`.

use super::AuthError;

/// Secure random bytes, supplied by the host.
pub trait RandomSource {
    /// Fills `out` with secure random bytes.
    ///
    /// # Errors
    /// [`AuthError::NoRandomness`] when the source cannot produce bytes.
    fn fill(&self, out: &mut [u8]) -> Result<(), AuthError>;
}

/// A fresh 16-byte salt.
///
/// # Errors
/// The source's error.
pub fn new_salt(random: &dyn RandomSource) -> Result<[u8; 16], AuthError> {
    let mut salt = [0u8; 16];
    random.fill(&mut salt)?;
    Ok(salt)
}

/// A numeric one-time code of `digits` digits (4 to 9), uniformly drawn.
///
/// # Errors
/// The source's error, or [`AuthError::OtpDigits`] outside 4..=9.
pub fn new_numeric_code(random: &dyn RandomSource, digits: u32) -> Result<String, AuthError> {
    if !(4..=9).contains(&digits) {
        return Err(AuthError::OtpDigits { digits });
    }
    let modulus = 10u32.pow(digits);
    // Rejection sampling: values at or above the largest multiple of the
    // modulus are drawn again, so every code is equally likely.
    let limit = u32::MAX - u32::MAX % modulus;
    loop {
        let mut b = [0u8; 4];
        random.fill(&mut b)?;
        let v = u32::from_be_bytes(b);
        if v < limit {
            return Ok(format!("{:0width$}", v % modulus, width = digits as usize));
        }
    }
}
