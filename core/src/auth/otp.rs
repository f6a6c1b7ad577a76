//! One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), with HMAC from `ring`.
//!
//! The shared secret is the host's (it provisions authenticator apps); the
//! time is a parameter. [`Totp::verify`] accepts a code from the current
//! step or a few steps around it (clock drift) and returns the step that
//! matched, so the host can refuse reusing a step ([`super::AuthCommand`]
//! journals the last accepted step per account).

use super::AuthError;
use crate::Timestamp;
use ring::hmac;
use serde::{Deserialize, Serialize};

/// The HMAC hash of a one-time password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OtpAlgorithm {
    /// HMAC-SHA-1: RFC 4226 and the authenticator apps' default.
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-512.
    Sha512,
}

impl OtpAlgorithm {
    fn hmac(self) -> hmac::Algorithm {
        match self {
            Self::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            Self::Sha256 => hmac::HMAC_SHA256,
            Self::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// Widest allowed drift, in steps on each side: RFC 6238 §5.2 recommends
/// "at most one time step" of network delay; 10 bounds the work.
const MAX_SKEW: u8 = 10;

/// The HOTP value (RFC 4226 §5.3) of a counter, with 6 to 9 digits.
///
/// # Errors
/// [`AuthError::OtpDigits`] outside 6..=9 digits (RFC 4226 §5.3 asks for at
/// least 6; a 31-bit value has at most 10, and 9 keep the modulus exact).
pub fn hotp(
    secret: &[u8],
    counter: u64,
    digits: u32,
    algorithm: OtpAlgorithm,
) -> Result<u32, AuthError> {
    if !(6..=9).contains(&digits) {
        return Err(AuthError::OtpDigits { digits });
    }
    let key = hmac::Key::new(algorithm.hmac(), secret);
    let tag = hmac::sign(&key, &counter.to_be_bytes());
    let mac = tag.as_ref();
    let offset = usize::from(mac.last().copied().unwrap_or(0) & 0x0f);
    let word: [u8; 4] = mac
        .get(offset..offset + 4)
        .and_then(|w| w.try_into().ok())
        .ok_or(AuthError::OtpDigits { digits })?;
    let binary = u32::from_be_bytes(word) & 0x7fff_ffff;
    Ok(binary % 10u32.pow(digits))
}

/// The parameters of a TOTP (RFC 6238).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totp {
    /// The HMAC hash.
    pub algorithm: OtpAlgorithm,
    /// Digits of a code (6 by default).
    pub digits: u32,
    /// Length of a step in seconds (30 by default).
    pub step_seconds: u32,
    /// Steps accepted before and after the current one (1 by default).
    pub skew: u8,
}

impl Default for Totp {
    fn default() -> Self {
        Self {
            algorithm: OtpAlgorithm::Sha1,
            digits: 6,
            step_seconds: 30,
            skew: 1,
        }
    }
}

impl Totp {
    /// The step number of an instant (T0 = the Unix epoch).
    ///
    /// # Errors
    /// [`AuthError::OtpStep`] for a zero step or an instant before 1970.
    pub fn step(&self, at: Timestamp) -> Result<u64, AuthError> {
        let secs = u64::try_from(at.as_second()).map_err(|_| AuthError::OtpStep)?;
        if self.step_seconds == 0 {
            return Err(AuthError::OtpStep);
        }
        Ok(secs / u64::from(self.step_seconds))
    }

    /// The code at an instant.
    ///
    /// # Errors
    /// As [`hotp`] and [`Totp::step`].
    pub fn code(&self, secret: &[u8], at: Timestamp) -> Result<u32, AuthError> {
        hotp(secret, self.step(at)?, self.digits, self.algorithm)
    }

    /// The step whose code equals `code` within the allowed drift, if any.
    /// Every candidate is computed and compared, so the time taken does not
    /// depend on which one matched.
    ///
    /// # Errors
    /// As [`Totp::code`].
    pub fn verify(
        &self,
        secret: &[u8],
        code: &str,
        at: Timestamp,
    ) -> Result<Option<u64>, AuthError> {
        let now = self.step(at)?;
        let skew = u64::from(self.skew.min(MAX_SKEW));
        let mut found = None;
        for step in now.saturating_sub(skew)..=now.saturating_add(skew) {
            let expected = format!(
                "{:0width$}",
                hotp(secret, step, self.digits, self.algorithm)?,
                width = self.digits as usize
            );
            if super::codes::same_bytes(expected.as_bytes(), code.trim().as_bytes()) {
                found = Some(step);
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4226_appendix_d_vectors() {
        let secret = b"12345678901234567890";
        let expected = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (counter, want) in expected.iter().enumerate() {
            assert_eq!(
                hotp(secret, counter as u64, 6, OtpAlgorithm::Sha1).unwrap(),
                *want
            );
        }
    }

    #[test]
    fn digits_out_of_range_are_refused() {
        assert!(hotp(b"k", 0, 5, OtpAlgorithm::Sha1).is_err());
        assert!(hotp(b"k", 0, 10, OtpAlgorithm::Sha1).is_err());
    }
}
