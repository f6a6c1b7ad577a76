//! The journal as a transparency log in Python: checkpoint keys, signed
//! checkpoints, verification against checkpoints kept elsewhere, entry
//! proofs and their offline check. The documents (checkpoints, proofs) are
//! dicts in the JSON form the CLI prints.

use crate::errors::{self, Family};
use crate::handle::PyKabinet;
use crate::journal::store_error;
use crate::json::to_py;
use kabinet::journal::checkpoint::{CheckpointKey, InclusionProof, SignedCheckpoint};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::{json, Value};

/// A checkpoint key from its PKCS#8 bytes; `JournalError`
/// with the key's error otherwise.
pub fn key(py: Python<'_>, pkcs8: &[u8]) -> PyResult<CheckpointKey> {
    CheckpointKey::from_pkcs8(pkcs8)
        .map_err(|e| errors::coded(py, Family::Journal, &e, Value::Null))
}

/// A JSON document (dict or str) as `T`; `JournalError`
/// (`checkpoint.malformed`) otherwise.
fn document<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let text: String = match value.extract::<String>() {
        Ok(s) => s,
        Err(_) => py
            .import("json")?
            .call_method1("dumps", (value,))?
            .extract()?,
    };
    serde_json::from_str(&text).map_err(|e| {
        let malformed = kabinet::journal::checkpoint::CheckpointError::Malformed {
            reason: e.to_string(),
        };
        errors::coded(py, Family::Journal, &malformed, Value::Null)
    })
}

/// A new Ed25519 checkpoint key as PKCS#8 bytes (keep it outside the
/// database).
#[pyfunction]
fn new_checkpoint_key(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    let pkcs8 = kabinet::audit::new_checkpoint_key()
        .map_err(|e| errors::coded(py, Family::Journal, &e, Value::Null))?;
    Ok(PyBytes::new(py, &pkcs8))
}

/// The public key (hex) of a checkpoint key given as PKCS#8 bytes.
#[pyfunction]
fn checkpoint_public_key(py: Python<'_>, key: &[u8]) -> PyResult<String> {
    Ok(self::key(py, key)?.public_key())
}

/// Verifies the whole journal and returns a checkpoint of it signed with
/// `key` (PKCS#8 bytes) at `at` (now by default).
#[pyfunction]
#[pyo3(name = "_sign_checkpoint", signature = (kabinet, key, at = None))]
fn sign_checkpoint<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    key: &[u8],
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let key = self::key(py, key)?;
    let at = crate::time::timestamp(at)?;
    let k = kabinet.get();
    let signed = py
        .detach(|| k.inner.sign_checkpoint(&key, at))
        .map_err(|e| store_error(py, &e))?
        .map_err(|e| errors::coded(py, Family::Journal, &e, json!({ "seq": e.seq })))?;
    to_py(py, &signed)
}

/// Verifies the whole journal and that it extends every checkpoint given;
/// returns `{"head": …, "root": …}`.
#[pyfunction]
#[pyo3(name = "_verify_against_checkpoints", signature = (kabinet, checkpoints, trusted_key = None))]
fn verify_against_checkpoints<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    checkpoints: Vec<Bound<'py, PyAny>>,
    trusted_key: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let checkpoints: Vec<SignedCheckpoint> = checkpoints
        .iter()
        .map(|c| document(py, c))
        .collect::<PyResult<_>>()?;
    let k = kabinet.get();
    let (head, root) = py
        .detach(|| {
            k.inner
                .verify_against_checkpoints(&checkpoints, trusted_key.as_deref())
        })
        .map_err(|e| store_error(py, &e))?
        .map_err(|e| {
            let details = match &e {
                kabinet::journal::checkpoint::AuditError::Journal(v) => json!({ "seq": v.seq }),
                _ => Value::Null,
            };
            errors::coded(py, Family::Journal, &e, details)
        })?;
    to_py(py, &json!({ "head": head, "root": root }))
}

/// The proof that entry `seq` is in the journal of `size` entries (its
/// current size by default).
#[pyfunction]
#[pyo3(name = "_prove_entry", signature = (kabinet, seq, size = None))]
fn prove_entry<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    seq: u64,
    size: Option<u64>,
) -> PyResult<Bound<'py, PyAny>> {
    let k = kabinet.get();
    let proof = py
        .detach(|| k.inner.prove_entry(seq, size))
        .map_err(|e| store_error(py, &e))?
        .map_err(|e| proof_error(py, seq, &e))?;
    to_py(py, &proof)
}

fn proof_error(py: Python<'_>, seq: u64, e: &kabinet::journal::merkle::ProofError) -> PyErr {
    errors::coded(py, Family::Journal, e, json!({ "seq": seq }))
}

/// Checks an entry's proof without the journal, and — given a checkpoint —
/// that it leads to that checkpoint's root (signed with `trusted_key` when
/// given). Raises `JournalError` (`proof.*`, `checkpoint.*`).
#[pyfunction]
#[pyo3(signature = (proof, checkpoint = None, trusted_key = None))]
fn check_proof(
    py: Python<'_>,
    proof: &Bound<'_, PyAny>,
    checkpoint: Option<&Bound<'_, PyAny>>,
    trusted_key: Option<String>,
) -> PyResult<()> {
    let proof: InclusionProof = document(py, proof)?;
    proof.verify().map_err(|e| proof_error(py, proof.seq, &e))?;
    if let Some(c) = checkpoint {
        let signed: SignedCheckpoint = document(py, c)?;
        let cp = signed
            .verify(trusted_key.as_deref())
            .map_err(|e| errors::coded(py, Family::Journal, &e, Value::Null))?;
        if cp.size != proof.size || cp.root != proof.root {
            return Err(proof_error(
                py,
                proof.seq,
                &kabinet::journal::merkle::ProofError::RootMismatch,
            ));
        }
    }
    Ok(())
}

/// Adds the functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(new_checkpoint_key, m)?)?;
    m.add_function(wrap_pyfunction!(checkpoint_public_key, m)?)?;
    m.add_function(wrap_pyfunction!(sign_checkpoint, m)?)?;
    m.add_function(wrap_pyfunction!(verify_against_checkpoints, m)?)?;
    m.add_function(wrap_pyfunction!(prove_entry, m)?)?;
    m.add_function(wrap_pyfunction!(check_proof, m)?)?;
    Ok(())
}
