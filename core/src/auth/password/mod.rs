//! Passwords: the rules a new password must meet, and how it is stored.
//!
//! A [`PasswordPolicy`] is either one of the named presets — [`PasswordPolicy::portal`]
//! (the portal's guides: 8 characters with upper and lower case letters, a
//! digit and a special character, no spaces, changed every 90 days) and
//! [`PasswordPolicy::nist`] (NIST SP 800-63B and OWASP ASVS 5: at least 8, 15
//! when the password is the only factor, up to at least 64 allowed, checked
//! against a list of common passwords, no composition rules, no forced
//! rotation) — or any custom combination of its fields.
//!
//! Passwords are stored as PHC strings ([`hash`]): Argon2id by default
//! (OWASP: m = 19 MiB, t = 2, p = 1) or PBKDF2-HMAC-SHA256 (≥ 600,000
//! iterations) for compatibility. The salt is the caller's: the core never
//! draws randomness. Verification is constant-time and says when a stored
//! hash was made with parameters other than the current ones, so the host
//! re-hashes the password it has just verified.

mod blocklist;
mod hash;
mod policy;

pub use blocklist::{is_common_password, COMMON_PASSWORDS};
pub use hash::{
    hash_password, verify_password, HashScheme, Verification, MAX_SALT_LEN, MIN_SALT_LEN,
};
pub use policy::{PasswordPolicy, PasswordProblem};
