//! Errors of the library as Python exceptions of `kabinet.errors`.
//!
//! The exception classes are defined in Python (`kabinet/errors.py`) so that
//! they carry typed attributes (`code`, `message_ru`, `message_en`,
//! `details`); this file only fills them from any [`Coded`] error.
//! `kabinet.errors._raise_for(kind, code, message_ru, message_en, details)`
//! picks the subclass from the kind and the code.

use kabinet::{Coded, CommandError};
use pyo3::prelude::*;
use serde_json::{json, Value};

/// Which family of exception a coded error belongs to.
#[derive(Clone, Copy)]
pub enum Family {
    /// A value is not a valid identifier (`IdentifierError`).
    Identifier,
    /// A command was refused (`CommandError` and its subclasses).
    Command,
    /// The state registry could not answer (`RegistryError`).
    Registry,
    /// The input does not have the documented form (`InvalidInputError`).
    Input,
    /// A certificate, CRL or trust file could not be read (`CertificateError`).
    Certificate,
    /// A GOST signature does not verify or its inputs are malformed (`GostError`).
    Gost,
    /// The journal or its store failed, or reading it was refused (`JournalError`).
    Journal,
    /// A machine-readable power of attorney could not be read or written (`MchdError`).
    Mchd,
    /// An XML document whose signatures cannot be verified at all (`XmlDsigError`).
    Xmldsig,
}

impl Family {
    fn name(self) -> &'static str {
        match self {
            Family::Identifier => "identifier",
            Family::Command => "command",
            Family::Registry => "registry",
            Family::Input => "input",
            Family::Certificate => "certificate",
            Family::Gost => "gost",
            Family::Journal => "journal",
            Family::Mchd => "mchd",
            Family::Xmldsig => "xmldsig",
        }
    }
}

/// Builds the Python exception for a coded error, with optional details.
pub fn coded(py: Python<'_>, family: Family, error: &impl Coded, details: Value) -> PyErr {
    raw(
        py,
        family,
        error.code(),
        &error.message_ru(),
        &error.message_en(),
        details,
    )
}

/// Builds the Python exception from its parts.
pub fn raw(
    py: Python<'_>,
    family: Family,
    code: &str,
    message_ru: &str,
    message_en: &str,
    details: Value,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let details = crate::json::to_py(py, &details)?;
        let exc = py.import("kabinet.errors")?.getattr("_error_for")?.call1((
            family.name(),
            code,
            message_ru,
            message_en,
            details,
        ))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// A value the library cannot take (an unknown right, role or level, a
/// malformed number), with the core's code.
pub fn input(py: Python<'_>, e: &kabinet::InputError) -> PyErr {
    raw(
        py,
        Family::Input,
        e.code(),
        &e.message_ru(),
        &e.message_en(),
        Value::Null,
    )
}

/// An input that does not have the documented form (a malformed command,
/// an unknown right or role, an unknown signature level).
pub fn invalid_input(py: Python<'_>, code: &str, ru: &str, en: &str) -> PyErr {
    raw(py, Family::Input, code, ru, en, Value::Null)
}

/// The refusals of a decision in their JSON form (code and both messages).
pub fn refusals_json(r: &[kabinet::Refusal]) -> Value {
    r.iter()
        .map(|r| json!({"code": r.code(), "message_ru": r.message_ru(), "message_en": r.message_en()}))
        .collect()
}

/// A refused command, with what the caller needs to react: the refusals of
/// an access check, the field errors of requisites, the rights lacking.
pub fn command(py: Python<'_>, error: &CommandError) -> PyErr {
    let codes = |s: &kabinet::RightSet| s.iter().map(|r| r.code()).collect::<Vec<_>>();
    let refusals = refusals_json;
    let details = match error {
        CommandError::Denied { refusals: r } | CommandError::AccountCannotAct { refusals: r } => {
            json!({ "refusals": refusals(r) })
        }
        CommandError::InvalidRequisites { fields } => json!({ "fields": fields }),
        CommandError::BeyondOwnRights { missing } => {
            json!({ "missing": codes(missing) })
        }
        CommandError::InvitationExpired { expires_at } => {
            json!({ "expires_at": expires_at.to_string() })
        }
        _ => json!({}),
    };
    coded(py, Family::Command, error, details)
}

/// A query without an answer, as the exception of what it carries.
pub fn query(py: Python<'_>, error: &kabinet::QueryError) -> PyErr {
    use kabinet::QueryError as Q;
    match error {
        Q::Input(e) => input(py, e),
        Q::Identifier(e) => crate::identifiers::error(py, e),
        Q::Refused(r) => {
            let details = json!({ "refusals": refusals_json(std::slice::from_ref(r)) });
            coded(py, Family::Command, r, details)
        }
        Q::Mchd(e) => coded(py, Family::Mchd, e, Value::Null),
        other => coded(py, Family::Input, other, Value::Null),
    }
}
