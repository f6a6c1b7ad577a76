//! The system's secure random source, for salts and one-time codes.
//!
//! The core asks for randomness through [`kabinet_core::auth::RandomSource`]
//! and never owns it; this is the one implementation the facade provides,
//! over `ring::rand::SystemRandom` (the operating system's generator).

use kabinet_core::auth::{AuthError, RandomSource};
use ring::rand::{SecureRandom, SystemRandom};

/// The operating system's secure random generator.
#[derive(Debug, Clone)]
pub struct SystemRandomSource {
    rng: SystemRandom,
}

impl SystemRandomSource {
    /// The system's generator.
    pub fn new() -> Self {
        Self {
            rng: SystemRandom::new(),
        }
    }
}

impl Default for SystemRandomSource {
    fn default() -> Self {
        Self::new()
    }
}

impl RandomSource for SystemRandomSource {
    fn fill(&self, out: &mut [u8]) -> Result<(), AuthError> {
        self.rng.fill(out).map_err(|_| AuthError::NoRandomness)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kabinet_core::auth::{new_numeric_code, new_salt};

    #[test]
    fn salts_differ_and_codes_have_their_digits() {
        let r = SystemRandomSource::new();
        assert_ne!(new_salt(&r).unwrap(), new_salt(&r).unwrap());
        let code = new_numeric_code(&r, 6).unwrap();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert!(new_numeric_code(&r, 3).is_err());
    }
}
