//! GOST R 34.10-2012 signature verification and the Streebog hashes
//! (GOST R 34.11-2012), from the core's `gost` module.
//!
//! Verification is a few scalar multiplications on the curve (about a
//! millisecond): the GIL is released while it runs.

use crate::errors::{self, Family};
use const_oid::ObjectIdentifier;
use kabinet::gost;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// An algorithm OID in dotted form, or `InvalidInputError` (`gost.bad_oid`).
fn algorithm(py: Python<'_>, algorithm_oid: &str) -> PyResult<ObjectIdentifier> {
    ObjectIdentifier::new(algorithm_oid).map_err(|_| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::GostAlgorithmOid, algorithm_oid),
        )
    })
}

fn gost_error(py: Python<'_>, e: &gost::GostError) -> PyErr {
    errors::coded(py, Family::Gost, e, serde_json::Value::Null)
}

/// Verifies a GOST signature: `spki_der` the signer's SubjectPublicKeyInfo,
/// `algorithm_oid` the signature (or key) algorithm in dotted form,
/// `message` the signed bytes, `signature` the raw value (`s ‖ r`). The key
/// is read and checked on every call; `GostPublicKey` reads it once.
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
    let oid = algorithm(py, algorithm_oid)?;
    py.detach(|| gost::verify_signature(spki_der, &oid, message, signature))
        .map_err(|e| gost_error(py, &e))
}

/// A GOST R 34.10-2012 public key, read from a SubjectPublicKeyInfo and
/// checked (on its curve, in the prime-order subgroup) once, to verify
/// many signatures with: from its second signature on it verifies with a
/// table of multiples of its point, built once and kept (two to three times as
/// fast; 4 KiB for a 256-bit key, 16 KiB for a 512-bit one).
#[pyclass(frozen, module = "kabinet")]
pub struct GostPublicKey(gost::PublicKey);

#[pymethods]
impl GostPublicKey {
    /// The key of a DER SubjectPublicKeyInfo.
    ///
    /// Raises `GostError` (`gost.bad_key_encoding`, `gost.point_not_on_curve`,
    /// `gost.point_not_in_subgroup`, `gost.legacy_2001_refused`, ...).
    #[staticmethod]
    fn from_spki_der(py: Python<'_>, spki_der: &[u8]) -> PyResult<Self> {
        py.detach(|| gost::PublicKey::from_spki_der(spki_der))
            .map(Self)
            .map_err(|e| gost_error(py, &e))
    }

    /// The parameter set's name (`id-tc26-gost-3410-12-256-paramSetA`, ...).
    #[getter]
    fn param_set(&self) -> &'static str {
        self.0.param_set().name()
    }

    /// The key size in bits: 256 or 512.
    #[getter]
    fn bits(&self) -> usize {
        self.0.bits()
    }

    /// Verifies `signature` (`s ‖ r`) over `message` for the signature (or
    /// key) algorithm `algorithm_oid`, as `gost_verify` does.
    ///
    /// Raises `GostError` (`gost.bad_signature`, `gost.algorithm_key_mismatch`, ...).
    fn verify(
        &self,
        py: Python<'_>,
        algorithm_oid: &str,
        message: &[u8],
        signature: &[u8],
    ) -> PyResult<()> {
        let oid = algorithm(py, algorithm_oid)?;
        py.detach(|| gost::verify_signature_by_key(&self.0, &oid, message, signature))
            .map_err(|e| gost_error(py, &e))
    }

    fn __repr__(&self) -> String {
        format!(
            "GostPublicKey({}, {} bits)",
            self.0.param_set().name(),
            self.0.bits()
        )
    }
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
    m.add_class::<GostPublicKey>()?;
    m.add_function(wrap_pyfunction!(streebog256, m)?)?;
    m.add_function(wrap_pyfunction!(streebog512, m)?)?;
    Ok(())
}
