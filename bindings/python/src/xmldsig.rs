//! XML signatures (XML-DSig, СМЭВ 3): `verify_xml(document, store, ...)`
//! returning an `XmlDsigReport`.
//!
//! The report is a value: `valid` only when every signature is, and one
//! `XmlSignature` per `ds:Signature` with its references (both digests),
//! whether its SignatureValue verifies, its signer and the validation report
//! of the signer's certificate, and its problems (`xmldsig.*` codes with
//! both messages). A document that cannot be verified at all (not UTF-8 XML,
//! a DTD, no signature, over a limit) raises `XmlDsigError`. Canonicalizing,
//! hashing and checking certificates run with the GIL released.

use crate::errors::{self, Family};
use crate::json::to_py;
use crate::pki::{Certificate, NamedOptions, TrustStore, ValidationReport};
use kabinet::xmldsig::{self, ReferenceReport};
use kabinet::Timestamp;
use kabinet::{CodedMessage, ReportedProblem};
use pyo3::prelude::*;

/// One `ds:Signature` of a document.
#[pyclass(frozen, module = "kabinet")]
pub struct XmlSignature(xmldsig::XmlSignatureReport);

#[pymethods]
impl XmlSignature {
    /// Whether every reference matches, the value verifies and the certificate is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// The signature's `Id` attribute, when it has one.
    #[getter]
    fn id(&self) -> Option<String> {
        self.0.id.clone()
    }

    /// The CanonicalizationMethod URI of SignedInfo.
    #[getter]
    fn canonicalization(&self) -> String {
        self.0.canonicalization.clone()
    }

    /// The SignatureMethod URI.
    #[getter]
    fn signature_method(&self) -> String {
        self.0.signature_method.clone()
    }

    /// Every reference, in document order.
    #[getter]
    fn references(&self) -> Vec<ReferenceReport> {
        self.0.references.clone()
    }

    /// Whether the SignatureValue verifies over the canonical SignedInfo.
    #[getter]
    fn signature_value_valid(&self) -> bool {
        self.0.signature_value_valid
    }

    /// The subject of the signer's certificate, when found.
    #[getter]
    fn subject(&self) -> Option<String> {
        self.0.subject.clone()
    }

    /// The holder read from the signer's certificate (a dict), when found.
    #[getter]
    fn holder<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.holder)
    }

    /// The validation report of the signer's certificate, when found.
    #[getter]
    fn certificate(&self) -> Option<ValidationReport> {
        self.0.certificate.clone().map(ValidationReport)
    }

    /// Every problem of this signature, in order.
    #[getter]
    fn problems(&self) -> Vec<CodedMessage> {
        self.0.problems.iter().map(CodedMessage::from).collect()
    }

    /// The codes of the problems, in order.
    #[getter]
    fn problem_codes(&self) -> Vec<&'static str> {
        ReportedProblem::codes(&self.0.problems)
    }

    fn __bool__(&self) -> bool {
        self.0.valid
    }

    fn __repr__(&self) -> String {
        let codes = ReportedProblem::codes(&self.0.problems);
        format!(
            "XmlSignature(valid={}, id={:?}, problems={codes:?})",
            self.0.valid, self.0.id
        )
    }
}

/// The outcome of verifying the signatures of a document: a value, not an exception.
#[pyclass(frozen, module = "kabinet")]
pub struct XmlDsigReport(xmldsig::XmlDsigReport);

#[pymethods]
impl XmlDsigReport {
    /// Whether every signature is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// The time the certificates were validated at.
    #[getter]
    fn verified_at(&self) -> Timestamp {
        self.0.verified_at
    }

    /// One entry per `ds:Signature`, in document order.
    #[getter]
    fn signatures(&self) -> Vec<XmlSignature> {
        self.0
            .signatures
            .iter()
            .cloned()
            .map(XmlSignature)
            .collect()
    }

    /// Whether any signature has a problem with this code.
    fn has_problem(&self, code: &str) -> bool {
        self.0.signatures.iter().any(|s| s.has_problem(code))
    }

    /// The report in its JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __bool__(&self) -> bool {
        self.0.valid
    }

    fn __repr__(&self) -> String {
        format!(
            "XmlDsigReport(valid={}, signatures={})",
            self.0.valid,
            self.0.signatures.len()
        )
    }
}

/// Verifies every XML signature of `document` (UTF-8 bytes) against `store`
/// at `at` (default: now). `certificates` (`Certificate` values) are looked at for a signer
/// whose KeyInfo carries none (`Certificate` values); `revocation`, `anchor_policy` and `profile`
/// as for `validate`.
///
/// Raises `XmlDsigError` (`xmldsig.malformed`, `xmldsig.no_signature`, ...)
/// when the document cannot be verified at all, `InvalidInputError` for an
/// unknown policy.
#[pyfunction]
#[pyo3(signature = (document, store, at = None, *, certificates = Vec::new(), revocation = "require", anchor_policy = "certificate", profile = "strict"))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one Python function
fn verify_xml(
    py: Python<'_>,
    document: &[u8],
    store: &TrustStore,
    at: Option<&Bound<'_, PyAny>>,
    certificates: Vec<PyRef<'_, Certificate>>,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
) -> PyResult<XmlDsigReport> {
    let at = crate::time::timestamp(at)?;
    let options = NamedOptions {
        revocation,
        anchor_policy,
        profile,
    }
    .at(py, at)?;
    let certificates: Vec<_> = certificates.iter().map(|c| c.0.clone()).collect();
    let result = py.detach(|| {
        let store = store.read();
        xmldsig::verify_xml(document, &certificates, &store, &options)
    });
    result
        .map(XmlDsigReport)
        .map_err(|e| errors::coded(py, Family::Xmldsig, &e, serde_json::Value::Null))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ReferenceReport>()?;
    m.add_class::<XmlSignature>()?;
    m.add_class::<XmlDsigReport>()?;
    m.add_function(wrap_pyfunction!(verify_xml, m)?)?;
    Ok(())
}
