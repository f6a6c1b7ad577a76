//! Password hashes as PHC strings: Argon2id (default) and PBKDF2-HMAC-SHA256.
//!
//! `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` and
//! `$pbkdf2-sha256$i=600000$<salt>$<hash>` (the PHC string format). The salt
//! comes from the caller (at least [`MIN_SALT_LEN`] bytes from a secure
//! random source). Verification compares in constant time and reports
//! whether the stored hash used other parameters than the current scheme.

use super::super::AuthError;
use argon2::password_hash::{
    Decimal, Ident, Output, ParamsString, PasswordHash, PasswordHasher, PasswordVerifier,
    SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

/// Fewest salt bytes accepted: 16, as NIST SP 800-132 and OWASP recommend.
pub const MIN_SALT_LEN: usize = 16;

/// Most salt bytes: the PHC salt field holds at most 64 Base64 characters.
pub const MAX_SALT_LEN: usize = 48;

/// Budgets for a stored hash, which may come from anywhere: at most 1 GiB of
/// memory and 100 passes for Argon2, 10,000,000 PBKDF2 iterations (16 times
/// the OWASP figure). A hash asking for more is refused, not computed.
const MAX_ARGON2_M_KIB: u32 = 1024 * 1024;
const MAX_ARGON2_T: u32 = 100;
const MAX_ARGON2_P: u32 = 16;
const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA256 needs 600,000 iterations.
const MIN_PBKDF2_ITERATIONS: u32 = 600_000;
const PBKDF2_ID: &str = "pbkdf2-sha256";
const PBKDF2_LEN: usize = 32;

/// How new passwords are hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "scheme")]
pub enum HashScheme {
    /// Argon2id with memory in KiB, passes and lanes.
    Argon2id {
        /// Memory, KiB (OWASP: 19,456 = 19 MiB).
        m_kib: u32,
        /// Passes (OWASP: 2).
        t: u32,
        /// Lanes (OWASP: 1).
        p: u32,
    },
    /// PBKDF2-HMAC-SHA256 with a number of iterations (OWASP: ≥ 600,000).
    Pbkdf2Sha256 {
        /// Iterations.
        iterations: u32,
    },
}

impl HashScheme {
    /// Argon2id with the OWASP parameters: m = 19 MiB, t = 2, p = 1.
    pub const ARGON2ID_OWASP: Self = Self::Argon2id {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    /// PBKDF2-HMAC-SHA256 with the OWASP 600,000 iterations.
    pub const PBKDF2_OWASP: Self = Self::Pbkdf2Sha256 {
        iterations: MIN_PBKDF2_ITERATIONS,
    };

    /// A PBKDF2 scheme, refusing fewer iterations than OWASP asks.
    ///
    /// # Errors
    /// [`AuthError::WeakHashParameters`] below 600,000 iterations.
    pub fn pbkdf2(iterations: u32) -> Result<Self, AuthError> {
        if iterations < MIN_PBKDF2_ITERATIONS {
            return Err(AuthError::WeakHashParameters);
        }
        Ok(Self::Pbkdf2Sha256 { iterations })
    }
}

impl Default for HashScheme {
    fn default() -> Self {
        Self::ARGON2ID_OWASP
    }
}

/// The result of checking a password against its stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "PasswordVerification")
)]
pub enum Verification {
    /// The password matches and the hash uses the current parameters.
    Valid,
    /// The password matches but the hash uses other parameters: re-hash it.
    ValidNeedsRehash,
    /// The password does not match.
    Invalid,
}

impl Verification {
    /// Whether the password matched.
    pub fn matched(self) -> bool {
        self != Self::Invalid
    }
}

fn argon2(m_kib: u32, t: u32, p: u32) -> Result<Argon2<'static>, AuthError> {
    if m_kib > MAX_ARGON2_M_KIB || t > MAX_ARGON2_T || p > MAX_ARGON2_P {
        return Err(AuthError::HashBudget);
    }
    let params = Params::new(m_kib, t, p, None).map_err(|_| AuthError::WeakHashParameters)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with a scheme and a salt into a PHC string.
///
/// # Errors
/// [`AuthError::SaltLength`] for fewer than 16 or more than 48 salt bytes,
/// [`AuthError::WeakHashParameters`] for parameters the algorithm refuses
/// or PBKDF2 below 600,000 iterations, [`AuthError::HashBudget`] beyond the
/// budgets.
pub fn hash_password(
    password: &str,
    salt: &[u8],
    scheme: &HashScheme,
) -> Result<String, AuthError> {
    if !(MIN_SALT_LEN..=MAX_SALT_LEN).contains(&salt.len()) {
        return Err(AuthError::SaltLength { len: salt.len() });
    }
    let salt_string =
        SaltString::encode_b64(salt).map_err(|_| AuthError::SaltLength { len: salt.len() })?;
    match *scheme {
        HashScheme::Argon2id { m_kib, t, p } => argon2(m_kib, t, p)?
            .hash_password(password.as_bytes(), &salt_string)
            .map(|h| h.to_string())
            .map_err(|_| AuthError::WeakHashParameters),
        HashScheme::Pbkdf2Sha256 { iterations } => {
            if iterations > MAX_PBKDF2_ITERATIONS {
                return Err(AuthError::HashBudget);
            }
            let n = NonZeroU32::new(iterations)
                .filter(|n| n.get() >= MIN_PBKDF2_ITERATIONS)
                .ok_or(AuthError::WeakHashParameters)?;
            let mut out = [0u8; PBKDF2_LEN];
            ring::pbkdf2::derive(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                n,
                salt,
                password.as_bytes(),
                &mut out,
            );
            pbkdf2_phc(iterations, &salt_string, &out)
        }
    }
}

fn pbkdf2_phc(iterations: u32, salt: &SaltString, hash: &[u8]) -> Result<String, AuthError> {
    let mut params = ParamsString::new();
    params
        .add_decimal("i", Decimal::from(iterations))
        .map_err(|_| AuthError::MalformedHash)?;
    let phc = PasswordHash {
        algorithm: Ident::new(PBKDF2_ID).map_err(|_| AuthError::MalformedHash)?,
        version: None,
        params,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(hash).map_err(|_| AuthError::MalformedHash)?),
    };
    Ok(phc.to_string())
}

/// Checks a password against a stored PHC string, in constant time, and
/// says whether the hash should be remade with `current`.
///
/// # Errors
/// [`AuthError::MalformedHash`] when the stored string is not a PHC hash of
/// a supported algorithm, [`AuthError::HashBudget`] when its parameters ask
/// for more work than the budgets allow.
pub fn verify_password(
    password: &str,
    stored: &str,
    current: &HashScheme,
) -> Result<Verification, AuthError> {
    let phc = PasswordHash::new(stored).map_err(|_| AuthError::MalformedHash)?;
    let (matched, scheme) = match phc.algorithm.as_str() {
        "argon2id" => {
            // The budgets come before the argon2 crate reads the parameters:
            // it multiplies `p` unchecked (found by fuzzing).
            let over = |name: &str, max: u32| phc.params.get_decimal(name).is_some_and(|v| v > max);
            if over("m", MAX_ARGON2_M_KIB) || over("t", MAX_ARGON2_T) || over("p", MAX_ARGON2_P) {
                return Err(AuthError::HashBudget);
            }
            let params = Params::try_from(&phc).map_err(|_| AuthError::MalformedHash)?;
            let a = argon2(params.m_cost(), params.t_cost(), params.p_cost())?;
            let ok = a.verify_password(password.as_bytes(), &phc).is_ok();
            let scheme = HashScheme::Argon2id {
                m_kib: params.m_cost(),
                t: params.t_cost(),
                p: params.p_cost(),
            };
            (ok, scheme)
        }
        PBKDF2_ID => {
            let iterations = phc
                .params
                .get_decimal("i")
                .ok_or(AuthError::MalformedHash)?;
            if iterations > MAX_PBKDF2_ITERATIONS {
                return Err(AuthError::HashBudget);
            }
            let n = NonZeroU32::new(iterations).ok_or(AuthError::MalformedHash)?;
            let mut salt_buf = [0u8; 64];
            let salt = phc
                .salt
                .ok_or(AuthError::MalformedHash)?
                .decode_b64(&mut salt_buf)
                .map_err(|_| AuthError::MalformedHash)?;
            let expected = phc.hash.ok_or(AuthError::MalformedHash)?;
            let ok = ring::pbkdf2::verify(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                n,
                salt,
                password.as_bytes(),
                expected.as_bytes(),
            )
            .is_ok();
            (ok, HashScheme::Pbkdf2Sha256 { iterations })
        }
        _ => return Err(AuthError::MalformedHash),
    };
    Ok(match (matched, scheme == *current) {
        (false, _) => Verification::Invalid,
        (true, true) => Verification::Valid,
        (true, false) => Verification::ValidNeedsRehash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: &[u8] = b"0123456789abcdef";
    const LIGHT: HashScheme = HashScheme::Argon2id {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn argon2id_round_trips_and_refuses_a_wrong_password() {
        let phc = hash_password("пароль верный", SALT, &LIGHT).unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=64,t=1,p=1$"), "{phc}");
        assert_eq!(
            verify_password("пароль верный", &phc, &LIGHT).unwrap(),
            Verification::Valid
        );
        assert_eq!(
            verify_password("пароль неверный", &phc, &LIGHT).unwrap(),
            Verification::Invalid
        );
        let stronger = HashScheme::Argon2id {
            m_kib: 128,
            t: 1,
            p: 1,
        };
        assert_eq!(
            verify_password("пароль верный", &phc, &stronger).unwrap(),
            Verification::ValidNeedsRehash
        );
    }

    #[test]
    fn pbkdf2_round_trips_in_phc_form() {
        let phc = hash_password("secret", SALT, &HashScheme::PBKDF2_OWASP).unwrap();
        assert!(phc.starts_with("$pbkdf2-sha256$i=600000$"), "{phc}");
        assert_eq!(
            verify_password("secret", &phc, &HashScheme::PBKDF2_OWASP).unwrap(),
            Verification::Valid
        );
        assert_eq!(
            verify_password("Secret", &phc, &HashScheme::PBKDF2_OWASP).unwrap(),
            Verification::Invalid
        );
        assert_eq!(
            verify_password("secret", &phc, &LIGHT).unwrap(),
            Verification::ValidNeedsRehash
        );
    }

    #[test]
    fn bad_input_gets_typed_errors() {
        use crate::Coded;
        let e = hash_password("x", b"short", &LIGHT).unwrap_err();
        assert_eq!(e.code(), "auth.salt_length");
        let e = hash_password("x", &[0u8; 49], &LIGHT).unwrap_err();
        assert_eq!(e.code(), "auth.salt_length");
        assert_eq!(
            HashScheme::pbkdf2(1000).unwrap_err().code(),
            "auth.weak_hash_parameters"
        );
        assert_eq!(
            verify_password("x", "not a hash", &LIGHT)
                .unwrap_err()
                .code(),
            "auth.malformed_hash"
        );
        // Found by fuzzing: a huge `p` overflowed inside the argon2 crate.
        assert_eq!(
            verify_password("x", "$argon2id$p=1000000000$r0gAAAA", &LIGHT)
                .unwrap_err()
                .code(),
            "auth.hash_budget"
        );
        assert_eq!(
            verify_password("x", "$argon2id$v=19$m=64,t=1,p=4000000000$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &LIGHT)
                .unwrap_err()
                .code(),
            "auth.hash_budget"
        );
        let greedy = "$pbkdf2-sha256$i=4000000000$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assert_eq!(
            verify_password("x", greedy, &LIGHT).unwrap_err().code(),
            "auth.hash_budget"
        );
    }
}
