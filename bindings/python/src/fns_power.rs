//! The FNS power of attorney (EMCHD_1 XML): `read_fns_power`,
//! `export_fns_power`, `verify_fns_power`, and `_fns_power_evidence` under
//! `Kabinet.fns_power_evidence` / `import_fns_power`. Powers cross as dicts in the JSON
//! form of the core (`kabinet mchd show --json` prints the same).

use crate::cms::cms_error;
use crate::errors::{self, Family};
use crate::handle::PyKabinet;
use crate::pki::{NamedOptions, TrustStore};
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{self, SignedPowerError};
use kabinet::Coded;
use pyo3::prelude::*;

fn document_error(py: Python<'_>, e: &fns_xml::FnsXmlError) -> PyErr {
    errors::coded(py, Family::Mchd, e, serde_json::Value::Null)
}

/// Reads a power of attorney from the bytes of an EMCHD_1 file; returns it
/// as a dict. Raises `MchdError` (`mchd_xml.*`, or the code of a failing
/// identifier such as `snils.checksum`).
#[pyfunction]
fn read_fns_power<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let power = py.detach(|| fns_xml::parse_fns_power(data));
    let power = power.map_err(|e| document_error(py, &e))?;
    crate::json::to_py(py, &power)
}

/// Writes a power (a dict as `read_fns_power` returns) as EMCHD_1 XML,
/// read back before it is returned. Raises `MchdError`: `mchd_xml.json`
/// for a dict of another shape, else the code of the value the format refuses.
#[pyfunction]
fn export_fns_power(py: Python<'_>, power: &Bound<'_, PyAny>) -> PyResult<String> {
    let text: String = py
        .import("json")?
        .call_method1("dumps", (power,))?
        .extract()?;
    fns_xml::export_fns_power_json(&text).map_err(|e| document_error(py, &e))
}

/// Verifies a power of attorney file against its detached signature:
/// the signature over the exact bytes, the signer one who may sign for the
/// principal, a qualified certificate valid at the signing time, and the
/// term at `at` (default: now). Returns the report as a dict (`valid`,
/// `term`, `power`, `signature`, `signer`, `problems`). Raises `MchdError`
/// when the file is not a power, `CmsError` when the signature is not a
/// CMS message.
#[pyfunction]
#[pyo3(signature = (xml, signature, store, at = None, *, revocation = "require", anchor_policy = "certificate", profile = "strict"))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one Python function
fn verify_fns_power<'py>(
    py: Python<'py>,
    xml: &[u8],
    signature: &[u8],
    store: &TrustStore,
    at: Option<&Bound<'_, PyAny>>,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let options = cms_options(py, at, revocation, anchor_policy, profile)?;
    let result = py.detach(|| {
        let store = store.read();
        fns_xml::verify_signed_power(xml, signature, &[], &store, &options)
    });
    let report = result.map_err(|e| signed_error(py, &e))?;
    crate::json::to_py(py, &report)
}

/// The options of a verification at `at` (default: now) by their names.
fn cms_options(
    py: Python<'_>,
    at: Option<&Bound<'_, PyAny>>,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
) -> PyResult<CmsOptions> {
    let at = crate::time::timestamp(at)?;
    let mut options = CmsOptions::at(at);
    options.validation = NamedOptions {
        revocation,
        anchor_policy,
        profile,
    }
    .at(py, at)?;
    Ok(options)
}

fn signed_error(py: Python<'_>, e: &SignedPowerError) -> PyErr {
    match e {
        SignedPowerError::Document(e) => document_error(py, e),
        SignedPowerError::Signature(e) => cms_error(py, e),
        e => errors::invalid_input(py, e.code(), &e.message_ru(), &e.message_en()),
    }
}

/// Verifies a power with its signature at `at` and reads it as the
/// directory's evidence through the classifier table (JSON text): a dict
/// with `mchd` (the МЧД form `import_power` and `submit_organization_by_power`
/// take), `granted`, `unmapped`, `restricted`, `text_powers`,
/// `registry_url`. Nothing changes in the directory. Raises `MchdError`
/// (`mchd_evidence.*`, `mchd_xml.*`) or `CmsError`.
#[pyfunction]
#[pyo3(name = "_fns_power_evidence")]
#[pyo3(signature = (kabinet, xml, signature, store, classifier, at = None, *, revocation = "require", anchor_policy = "certificate", profile = "strict"))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one Python function
fn fns_power_evidence<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    xml: &[u8],
    signature: &[u8],
    store: &TrustStore,
    classifier: &str,
    at: Option<&Bound<'_, PyAny>>,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let table = fns_xml::PowerClassifier::from_json(classifier)
        .map_err(|e| errors::coded(py, Family::Mchd, &e, serde_json::Value::Null))?;
    let options = cms_options(py, at, revocation, anchor_policy, profile)?;
    let report = py.detach(|| {
        let store = store.read();
        fns_xml::verify_signed_power(xml, signature, &[], &store, &options)
    });
    let report = report.map_err(|e| signed_error(py, &e))?;
    let evidence = kabinet.get().inner.read().power_evidence(&report, &table);
    let evidence =
        evidence.map_err(|e| errors::coded(py, Family::Mchd, &e, serde_json::Value::Null))?;
    crate::json::to_py(py, &evidence)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read_fns_power, m)?)?;
    m.add_function(wrap_pyfunction!(export_fns_power, m)?)?;
    m.add_function(wrap_pyfunction!(verify_fns_power, m)?)?;
    m.add_function(wrap_pyfunction!(fns_power_evidence, m)?)?;
    Ok(())
}
