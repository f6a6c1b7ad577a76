//! Authentication: password policies, hashing and verification, HOTP/TOTP,
//! one-time code digests and salts. The directory's authentication and
//! session state is read with queries through `Kabinet.query`.
//!
//! The host verifies what only it can (a password against its stored hash,
//! a TOTP, a PIN on the token) with these functions and records the outcome
//! with the `auth` commands (`record_login`, `issue_code`, ...), which cross
//! as JSON through `execute`. Hashing is deliberately slow (Argon2id,
//! PBKDF2): the GIL is released while it runs.

use crate::errors;
use crate::json::{from_py, to_py};
use kabinet::auth::{
    self, CodeDigest, CodePurpose, HashScheme, OtpAlgorithm, PasswordPolicy, RandomSource, Totp,
    Verification,
};
use kabinet::{AccountId, Coded, SystemRandomSource};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// An error of a hashing or OTP function: the input does not fit (salt
/// length, digits, parameters), so `InvalidInputError` with the core's code.
fn input_error(py: Python<'_>, e: &auth::AuthError) -> PyErr {
    errors::raw(
        py,
        errors::Family::Input,
        e.code(),
        &e.message_ru(),
        &e.message_en(),
        serde_json::Value::Null,
    )
}

fn policy(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<PasswordPolicy> {
    if let Ok(name) = value.extract::<String>() {
        return PasswordPolicy::preset(&name).ok_or_else(|| {
            errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::PasswordPolicy, &name)
                    .because("expected portal or nist"),
            )
        });
    }
    from_py(value, kabinet::JsonForm::PasswordPolicy)
}

fn scheme(value: Option<&Bound<'_, PyAny>>) -> PyResult<HashScheme> {
    value.map_or(Ok(HashScheme::default()), |v| {
        from_py(v, kabinet::JsonForm::AuthScheme)
    })
}

fn algorithm(py: Python<'_>, name: &str) -> PyResult<OtpAlgorithm> {
    match name {
        "sha1" => Ok(OtpAlgorithm::Sha1),
        "sha256" => Ok(OtpAlgorithm::Sha256),
        "sha512" => Ok(OtpAlgorithm::Sha512),
        other => Err(errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::OtpAlgorithm, other)
                .because("expected sha1, sha256 or sha512"),
        )),
    }
}

/// A preset password policy in its JSON form: `portal` or `nist`.
#[pyfunction]
fn password_policy<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let p = policy(py, &pyo3::types::PyString::new(py, name).into_any())?;
    to_py(py, &p)
}

/// The problems of a password under a policy (a preset's name or a policy
/// dict; `nist` by default), each a dict with `code`, `message_ru`, `message_en` and its
/// fields; empty when it is acceptable. `single_factor` applies the longer
/// minimum of a password used alone.
#[pyfunction]
#[pyo3(signature = (password, policy = None, *, single_factor = false))]
fn check_password<'py>(
    py: Python<'py>,
    password: &str,
    policy: Option<&Bound<'py, PyAny>>,
    single_factor: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let p = match policy {
        None => PasswordPolicy::default(),
        Some(v) => self::policy(py, v)?,
    };
    let problems: Vec<_> = p
        .check(password, single_factor)
        .iter()
        .map(|problem| {
            let mut v = serde_json::to_value(problem).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("code".into(), problem.code().into());
                o.insert("message_ru".into(), problem.message_ru().into());
                o.insert("message_en".into(), problem.message_en().into());
            }
            v
        })
        .collect();
    to_py(py, &problems)
}

/// A fresh 16-byte salt from the system's secure random source.
#[pyfunction]
fn new_salt<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
    let salt = auth::new_salt(&SystemRandomSource::new()).map_err(|e| input_error(py, &e))?;
    Ok(PyBytes::new(py, &salt))
}

/// A fresh numeric one-time code of `digits` digits from the system's random source.
#[pyfunction]
#[pyo3(signature = (digits = 6))]
fn new_numeric_code(py: Python<'_>, digits: u32) -> PyResult<String> {
    auth::new_numeric_code(&SystemRandomSource::new(), digits).map_err(|e| input_error(py, &e))
}

/// Hashes a password as a PHC string. `salt` defaults to 16 fresh random
/// bytes; `scheme` is the JSON form of the scheme (default Argon2id with
/// OWASP parameters: `{"scheme": "argon2id", "m_kib": 19456, "t": 2, "p": 1}`,
/// or `{"scheme": "pbkdf2_sha256", "iterations": 600000}`).
///
/// Raises `InvalidInputError` (`auth.salt_length`, `auth.weak_hash_parameters`, `auth.hash_budget`).
#[pyfunction]
#[pyo3(signature = (password, salt = None, scheme = None))]
fn hash_password(
    py: Python<'_>,
    password: &str,
    salt: Option<Vec<u8>>,
    scheme: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let scheme = self::scheme(scheme)?;
    let salt = match salt {
        Some(s) => s,
        None => {
            let mut s = vec![0u8; 16];
            SystemRandomSource::new()
                .fill(&mut s)
                .map_err(|e| input_error(py, &e))?;
            s
        }
    };
    py.detach(|| auth::hash_password(password, &salt, &scheme))
        .map_err(|e| input_error(py, &e))
}

/// Verifies a password against its stored PHC hash: `valid`,
/// `valid_needs_rehash` (it matches but was hashed with weaker parameters
/// than `scheme`), or `invalid`.
///
/// Raises `InvalidInputError` (`auth.malformed_hash`, `auth.hash_budget`).
#[pyfunction]
#[pyo3(signature = (password, stored, scheme = None))]
fn verify_password(
    py: Python<'_>,
    password: &str,
    stored: &str,
    scheme: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    let scheme = self::scheme(scheme)?;
    let v = py
        .detach(|| auth::verify_password(password, stored, &scheme))
        .map_err(|e| input_error(py, &e))?;
    Ok(match v {
        Verification::Valid => "valid",
        Verification::ValidNeedsRehash => "valid_needs_rehash",
        Verification::Invalid => "invalid",
    })
}

/// The HOTP value (RFC 4226) of a counter, as an integer (pad it to `digits`).
///
/// Raises `InvalidInputError` (`otp.digits`) outside 6..=9 digits.
#[pyfunction]
#[pyo3(signature = (secret, counter, digits = 6, algorithm = "sha1"))]
fn hotp(
    py: Python<'_>,
    secret: &[u8],
    counter: u64,
    digits: u32,
    algorithm: &str,
) -> PyResult<u32> {
    let a = self::algorithm(py, algorithm)?;
    auth::hotp(secret, counter, digits, a).map_err(|e| input_error(py, &e))
}

fn totp_of(
    py: Python<'_>,
    digits: u32,
    step_seconds: u32,
    algorithm: &str,
    skew: u8,
) -> PyResult<Totp> {
    Ok(Totp {
        algorithm: self::algorithm(py, algorithm)?,
        digits,
        step_seconds,
        skew,
    })
}

/// The TOTP value (RFC 6238) at `at`, as an integer.
#[pyfunction]
#[pyo3(signature = (secret, at = None, *, digits = 6, step_seconds = 30, algorithm = "sha1"))]
fn totp(
    py: Python<'_>,
    secret: &[u8],
    at: Option<&Bound<'_, PyAny>>,
    digits: u32,
    step_seconds: u32,
    algorithm: &str,
) -> PyResult<u32> {
    let t = totp_of(py, digits, step_seconds, algorithm, 0)?;
    t.code(secret, crate::time::timestamp(at)?)
        .map_err(|e| input_error(py, &e))
}

/// Checks a TOTP code at `at` within `skew` steps either side; returns the
/// matching step (record it with `use_totp_step` so it is not replayed) or `None`.
#[pyfunction]
#[pyo3(signature = (secret, code, at = None, *, digits = 6, step_seconds = 30, algorithm = "sha1", skew = 1))]
#[allow(clippy::too_many_arguments)]
fn totp_verify(
    py: Python<'_>,
    secret: &[u8],
    code: &str,
    at: Option<&Bound<'_, PyAny>>,
    digits: u32,
    step_seconds: u32,
    algorithm: &str,
    skew: u8,
) -> PyResult<Option<u64>> {
    let t = totp_of(py, digits, step_seconds, algorithm, skew)?;
    t.verify(secret, code, crate::time::timestamp(at)?)
        .map_err(|e| input_error(py, &e))
}

/// The digest the directory keeps of a one-time code (never the code):
/// 32 bytes bound to the account and the purpose (`login`,
/// `contact_confirmation`, `recovery`).
#[pyfunction]
fn code_digest<'py>(
    py: Python<'py>,
    account: crate::id::Id,
    purpose: &Bound<'py, PyAny>,
    code: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let purpose: CodePurpose = from_py(purpose, kabinet::JsonForm::CodePurpose)?;
    Ok(PyBytes::new(
        py,
        &CodeDigest::of(AccountId(account.0), purpose, code).0,
    ))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(password_policy, m)?)?;
    m.add_function(wrap_pyfunction!(check_password, m)?)?;
    m.add_function(wrap_pyfunction!(new_salt, m)?)?;
    m.add_function(wrap_pyfunction!(new_numeric_code, m)?)?;
    m.add_function(wrap_pyfunction!(hash_password, m)?)?;
    m.add_function(wrap_pyfunction!(verify_password, m)?)?;
    m.add_function(wrap_pyfunction!(hotp, m)?)?;
    m.add_function(wrap_pyfunction!(totp, m)?)?;
    m.add_function(wrap_pyfunction!(totp_verify, m)?)?;
    m.add_function(wrap_pyfunction!(code_digest, m)?)?;
    Ok(())
}
