//! GOST R 34.10-2012 signature verification and the Streebog hashes
//! (GOST R 34.11-2012), from the core's `gost` module.
//!
//! Verification is a few scalar multiplications on the curve (about a
//! millisecond): the GIL is released while it runs.

use crate::errors::{self, Family};
use kabinet::gost;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Verifies a GOST signature: `spki_der` the signer's SubjectPublicKeyInfo,
/// `algorithm_oid` the signature (or key) algorithm in dotted form,
/// `message` the signed bytes, `signature` the raw value (`s ‖ r`).
///
/// Returns `None` when it verifies; raises `GostError` with its code
/// (`gost.bad_signature`, `gost.legacy_2001_refused`, ...) otherwise.
#[pyfunction]
fn gost_verify(
    py: Python<'_>,
    spki_der: &[u8],
    algorithm_oid: &str,
    message: &[u8],
    signature: &[u8],
) -> PyResult<()> {
    let oid = const_oid::ObjectIdentifier::new(algorithm_oid).map_err(|_| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::GostAlgorithmOid, algorithm_oid),
        )
    })?;
    py.detach(|| gost::verify_signature(spki_der, &oid, message, signature))
        .map_err(|e| errors::coded(py, Family::Gost, &e, serde_json::Value::Null))
}

/// The Streebog-256 digest of `data` (32 bytes).
#[pyfunction]
fn streebog256<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    let digest = py.detach(|| gost::streebog256(data));
    PyBytes::new(py, &digest)
}

/// The Streebog-512 digest of `data` (64 bytes).
#[pyfunction]
fn streebog512<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    let digest = py.detach(|| gost::streebog512(data));
    PyBytes::new(py, &digest)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(gost_verify, m)?)?;
    m.add_function(wrap_pyfunction!(streebog256, m)?)?;
    m.add_function(wrap_pyfunction!(streebog512, m)?)?;
    Ok(())
}
