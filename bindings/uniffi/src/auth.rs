//! Authentication: password policies, password hashes, HOTP and TOTP.
//!
//! The host checks a password or a code with these functions and records
//! the outcome with the typed commands of [`crate::logins`] (`recordLogin`,
//! `useTotpStep`, …). Policies and hash schemes cross in their JSON form
//! (the library's serde).

use kabinet::auth::{self, password, HashScheme, PasswordPolicy, Totp};
pub use kabinet::auth::{password::Verification as PasswordVerification, OtpAlgorithm};
use kabinet::ffi::{Area, KabinetError};
use kabinet::CodedMessage;
use kabinet::Timestamp;

fn auth_error(e: &auth::AuthError) -> KabinetError {
    KabinetError::coded(Area::Auth, e)
}

/// A preset password policy (`portal`, `nist`) in its JSON form; edit it for a custom one.
///
/// # Errors
/// `InvalidInput` (`password.unknown_policy`).
#[uniffi::export]
pub fn password_policy_json(preset: String) -> Result<String, KabinetError> {
    let policy = PasswordPolicy::preset(&preset).ok_or_else(|| {
        KabinetError::from(kabinet::InputError::new(
            kabinet::InputKind::PasswordPolicy,
            &preset,
        ))
    })?;
    Ok(serde_json::to_string(&policy).unwrap_or_default())
}

/// Every rule of the policy (JSON form) the password breaks; empty when it is acceptable.
///
/// # Errors
/// `InvalidInput` (`password.malformed_policy`).
#[uniffi::export]
pub fn check_password(
    policy_json: String,
    password: String,
    single_factor: bool,
) -> Result<Vec<CodedMessage>, KabinetError> {
    let policy: PasswordPolicy =
        kabinet::from_json(kabinet::JsonForm::PasswordPolicy, &policy_json)?;
    Ok(policy
        .check(&password, single_factor)
        .iter()
        .map(CodedMessage::of)
        .collect())
}

fn scheme(scheme_json: Option<String>) -> Result<HashScheme, KabinetError> {
    scheme_json.map_or(Ok(HashScheme::default()), |j| {
        kabinet::from_json(kabinet::JsonForm::AuthScheme, &j).map_err(KabinetError::from)
    })
}

/// Hashes a password into a PHC string. The salt is drawn from the system's
/// random source when none is given; the scheme (JSON form) defaults to Argon2id.
///
/// # Errors
/// `Auth` (`auth.salt_length`, `auth.weak_hash_parameters`, …).
#[uniffi::export]
pub fn hash_password(
    password: String,
    salt: Option<Vec<u8>>,
    scheme_json: Option<String>,
) -> Result<String, KabinetError> {
    let scheme = scheme(scheme_json)?;
    let salt = match salt {
        Some(s) => s,
        None => auth::new_salt(&kabinet::SystemRandomSource::new())
            .map_err(|e| auth_error(&e))?
            .to_vec(),
    };
    password::hash_password(&password, &salt, &scheme).map_err(|e| auth_error(&e))
}

/// Checks a password against its PHC string; `ValidNeedsRehash` when the
/// stored parameters are not the current scheme's.
///
/// # Errors
/// `Auth` (`auth.malformed_hash`, `auth.hash_budget`, …).
#[uniffi::export]
pub fn verify_password(
    password: String,
    stored: String,
    scheme_json: Option<String>,
) -> Result<PasswordVerification, KabinetError> {
    let scheme = scheme(scheme_json)?;
    password::verify_password(&password, &stored, &scheme).map_err(|e| auth_error(&e))
}

/// The HOTP value of a counter (RFC 4226), with 6 to 9 digits.
///
/// # Errors
/// `Auth` (`otp.digits`).
#[uniffi::export]
pub fn hotp(
    secret: Vec<u8>,
    counter: u64,
    digits: u32,
    algorithm: OtpAlgorithm,
) -> Result<u32, KabinetError> {
    auth::hotp(&secret, counter, digits, algorithm).map_err(|e| auth_error(&e))
}

fn totp(digits: u32, step_seconds: u32, skew: u8, algorithm: OtpAlgorithm) -> Totp {
    Totp {
        algorithm,
        digits,
        step_seconds,
        skew,
    }
}

/// The TOTP value at `at` (RFC 6238).
///
/// # Errors
/// `Auth` for bad digits or step; `time.out_of_range`.
#[uniffi::export]
pub fn totp_code(
    secret: Vec<u8>,
    at: Timestamp,
    digits: u32,
    step_seconds: u32,
    algorithm: OtpAlgorithm,
) -> Result<u32, KabinetError> {
    totp(digits, step_seconds, 0, algorithm)
        .code(&secret, at)
        .map_err(|e| auth_error(&e))
}

/// The time step whose code equals `code` within `skew` steps of `at`, if any.
/// Record the step with the `use_totp_step` command so that it is not used twice.
///
/// # Errors
/// As [`totp_code`].
#[uniffi::export]
pub fn totp_verify(
    secret: Vec<u8>,
    code: String,
    at: Timestamp,
    digits: u32,
    step_seconds: u32,
    skew: u8,
    algorithm: OtpAlgorithm,
) -> Result<Option<u64>, KabinetError> {
    totp(digits, step_seconds, skew, algorithm)
        .verify(&secret, &code, at)
        .map_err(|e| auth_error(&e))
}
