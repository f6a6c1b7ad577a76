//! Certificates: parsing (DER, PEM, bundles), the trust store, path
//! validation with its report, and loading from files and folders.
//!
//! `Certificate` is a parsed certificate; `TrustStore` holds the anchors
//! (each marked accredited or not), intermediates and CRLs, shared between
//! threads; `validate(leaf, store, ...)` returns a `ValidationReport`, a
//! value (like a `Decision`): `valid`, the `path`, every `problem` with its
//! stable code, the `holder` with its Russian identifiers, whether the
//! signature is `qualified`, and the `signature_evidence()` to pass to
//! `Kabinet.check`. Validation verifies signatures and walks CRLs: the GIL
//! is released while it runs.

use crate::context::Signature;
use crate::errors::{self, Family};
use crate::json::to_py;
use kabinet::pki::{
    self, AnchorPolicy, ParsedCertificate, ProfileStrictness, RevocationPolicy, ValidationOptions,
};
use kabinet::trust_files;
use kabinet::Timestamp;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::RwLock;

fn pki_error(py: Python<'_>, e: &pki::PkiError) -> PyErr {
    errors::coded(py, Family::Certificate, e, serde_json::Value::Null)
}

fn file_error(py: Python<'_>, e: &trust_files::TrustFileError) -> PyErr {
    errors::coded(py, Family::Certificate, e, serde_json::Value::Null)
}

/// A parsed X.509 certificate.
#[pyclass(frozen, module = "kabinet")]
#[derive(Clone)]
pub struct Certificate(pub ParsedCertificate);

#[pymethods]
impl Certificate {
    /// One certificate from DER or PEM bytes.
    ///
    /// Raises `CertificateError` (`pki.malformed_certificate`, `pki.too_large`).
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        ParsedCertificate::from_der_or_pem(data)
            .map(Self)
            .map_err(|e| pki_error(py, &e))
    }

    /// Every certificate of DER bytes or a PEM bundle.
    #[staticmethod]
    fn all_from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Vec<Self>> {
        pki::certificates_from_bytes(data)
            .map(|v| v.into_iter().map(Self).collect())
            .map_err(|e| pki_error(py, &e))
    }

    /// Every certificate of a file (DER or PEM bundle) or of a folder's files.
    ///
    /// Raises `CertificateError` (`trust_file.io`, `pki.malformed_certificate`, ...).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Vec<Self>> {
        py.detach(|| trust_files::load_certificates(&path))
            .map(|v| v.into_iter().map(Self).collect())
            .map_err(|e| file_error(py, &e))
    }

    /// The subject, as text.
    #[getter]
    fn subject(&self) -> String {
        self.0.subject_text()
    }

    /// The issuer, as text.
    #[getter]
    fn issuer(&self) -> String {
        self.0.issuer_text()
    }

    /// The serial number in hex.
    #[getter]
    fn serial(&self) -> String {
        self.0.serial_hex()
    }

    /// The SHA-256 fingerprint of the DER, in hex.
    #[getter]
    fn fingerprint(&self) -> String {
        self.0.fingerprint_hex()
    }

    /// The first instant of validity.
    #[getter]
    fn not_before(&self) -> Timestamp {
        self.0.not_before()
    }

    /// The last instant of validity.
    #[getter]
    fn not_after(&self) -> Timestamp {
        self.0.not_after()
    }

    /// The certificate's DER.
    #[getter]
    fn der<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.der())
    }

    /// The DER of the tbsCertificate (the signed bytes).
    #[getter]
    fn tbs_der<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.tbs_der())
    }

    /// The DER of the SubjectPublicKeyInfo.
    #[getter]
    fn spki_der<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.spki_der())
    }

    /// The holder's identity as the certificate states it (ФИО, ИНН, ОГРН, СНИЛС, ...).
    #[getter]
    fn holder<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &pki::Holder::of(&self.0))
    }

    fn __repr__(&self) -> String {
        format!("Certificate({:?})", self.0.subject_text())
    }
}

/// Anchors, intermediates and CRLs to validate against; shared between threads.
#[pyclass(frozen, module = "kabinet")]
pub struct TrustStore(RwLock<pki::TrustStore>);

impl TrustStore {
    /// The store, for reading (a poisoned lock still holds a whole store: it is only appended to).
    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, pki::TrustStore> {
        self.0.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, pki::TrustStore> {
        self.0.write().unwrap_or_else(|p| p.into_inner())
    }
}

#[pymethods]
impl TrustStore {
    #[new]
    fn new() -> Self {
        Self(RwLock::new(pki::TrustStore::new()))
    }

    /// A store from files and folders (DER or PEM): anchors (all marked
    /// `accredited` or not), intermediates and CRLs.
    ///
    /// Raises `CertificateError` for the first file that cannot be read or parsed.
    #[staticmethod]
    #[pyo3(signature = (anchors, *, accredited = false, intermediates = Vec::new(), crls = Vec::new()))]
    fn load(
        py: Python<'_>,
        anchors: Vec<PathBuf>,
        accredited: bool,
        intermediates: Vec<PathBuf>,
        crls: Vec<PathBuf>,
    ) -> PyResult<Self> {
        py.detach(|| trust_files::load_trust_store(&anchors, accredited, &intermediates, &crls))
            .map(|s| Self(RwLock::new(s)))
            .map_err(|e| file_error(py, &e))
    }

    /// Adds one trust anchor; `accredited` marks a root of the accredited
    /// CAs (needed for a qualified signature).
    #[pyo3(signature = (certificate, accredited = false))]
    fn add_anchor(&self, certificate: &Certificate, accredited: bool) {
        self.write().add_anchor(certificate.0.clone(), accredited);
    }

    /// Adds the anchors of DER or PEM bytes; returns how many.
    #[pyo3(signature = (data, accredited = false))]
    fn add_anchors_from_bytes(
        &self,
        py: Python<'_>,
        data: &[u8],
        accredited: bool,
    ) -> PyResult<usize> {
        self.write()
            .add_anchors_from_bytes(data, accredited)
            .map_err(|e| pki_error(py, &e))
    }

    /// Adds one intermediate certificate.
    fn add_intermediate(&self, certificate: &Certificate) {
        self.write().add_intermediate(certificate.0.clone());
    }

    /// Adds the intermediates of DER or PEM bytes; returns how many.
    fn add_intermediates_from_bytes(&self, py: Python<'_>, data: &[u8]) -> PyResult<usize> {
        self.write()
            .add_intermediates_from_bytes(data)
            .map_err(|e| pki_error(py, &e))
    }

    /// Adds the CRLs of DER or PEM bytes; returns how many.
    ///
    /// Raises `CertificateError` (`pki.malformed_crl`).
    fn add_crls_from_bytes(&self, py: Python<'_>, data: &[u8]) -> PyResult<usize> {
        self.write()
            .add_crls_from_bytes(data)
            .map_err(|e| pki_error(py, &e))
    }
}

/// The outcome of validating a certificate: a value, not an exception.
#[pyclass(frozen, module = "kabinet")]
pub struct ValidationReport(pub pki::ValidationReport);

#[pymethods]
impl ValidationReport {
    /// Whether a path to a trusted anchor holds at the time asked.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// Whether the certificate is qualified (accredited anchor, Russian identifiers, ...).
    #[getter]
    fn qualified(&self) -> bool {
        self.0.qualified
    }

    /// Why it is not qualified, by code.
    #[getter]
    fn not_qualified_because(&self) -> Vec<&'static str> {
        self.0.not_qualified_because.clone()
    }

    /// Whether the path ends at an accredited anchor.
    #[getter]
    fn accredited_anchor(&self) -> bool {
        self.0.accredited_anchor
    }

    /// Every problem found, in order.
    #[getter]
    fn problems(&self) -> Vec<pki::Problem> {
        self.0.problems.clone()
    }

    /// The codes of the problems, in order.
    #[getter]
    fn problem_codes(&self) -> Vec<&'static str> {
        self.0.problems.iter().map(|p| p.code).collect()
    }

    /// Warnings (expiring soon, revocation unknown but accepted), as dicts
    /// with `code`, `certificate`, `detail`, `detail_ru`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.warnings)
    }

    /// The path from the leaf to the anchor, each with `subject`, `issuer`,
    /// `serial`, `fingerprint`, `not_before`, `not_after`, `anchor`.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.path)
    }

    /// The holder: names, organization, ИНН, ИНН ЮЛ, ОГРН, ОГРНИП, СНИЛС, sign tool.
    #[getter]
    fn holder<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.holder)
    }

    /// The class of the holder's signature tool (`kc1` ... `ka1`), if stated.
    #[getter]
    fn sign_tool_class<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.sign_tool_class)
    }

    /// The signature level the certificate gives: `qualified`, `enhanced`, or `None`.
    #[getter]
    fn signature_level(&self) -> Option<&'static str> {
        self.0.signature_level().map(|l| l.as_str())
    }

    /// Whether a problem with this code was found.
    fn has_problem(&self, code: &str) -> bool {
        self.0.has_problem(code)
    }

    /// The evidence to pass to `Kabinet.check` or a `Context`: the level and
    /// the holder's identifiers; `None` when the certificate is not valid.
    fn signature_evidence(&self) -> Option<Signature> {
        self.0.signature_evidence().map(Signature)
    }

    /// As `signature_evidence()`, naming the leaf as a bound certificate:
    /// `check` then also requires it to be bound to the acting employee.
    fn bound_signature_evidence(&self) -> Option<Signature> {
        self.0.bound_signature_evidence().map(Signature)
    }

    /// The report in its JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __bool__(&self) -> bool {
        self.0.valid
    }

    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self.0.problems.iter().map(|p| p.code).collect();
        format!(
            "ValidationReport(valid={}, qualified={}, problems={codes:?})",
            self.0.valid, self.0.qualified
        )
    }
}

/// The named validation options of a call: revocation policy (`require`,
/// `soft_fail`), anchor policy (`certificate`, `name_and_key_only`) and
/// profile strictness (`strict`, `relaxed`), as the core names them.
pub(crate) struct NamedOptions<'a> {
    pub revocation: &'a str,
    pub anchor_policy: &'a str,
    pub profile: &'a str,
}

impl NamedOptions<'_> {
    /// The validation options at `at`.
    ///
    /// Raises `InvalidInputError` (`pki.unknown_revocation_policy`,
    /// `pki.unknown_anchor_policy`, `pki.unknown_profile`) for another name.
    pub(crate) fn at(&self, py: Python<'_>, at: Timestamp) -> PyResult<ValidationOptions> {
        let input = |e: pki::OptionError| errors::coded(py, errors::Family::Input, &e, Value::Null);
        let mut options = ValidationOptions::at(at);
        options.revocation = RevocationPolicy::from_name(self.revocation).map_err(input)?;
        options.anchors = AnchorPolicy::from_name(self.anchor_policy).map_err(input)?;
        options.profile = ProfileStrictness::from_name(self.profile).map_err(input)?;
        Ok(options)
    }
}

/// Validates `leaf` against `store` at `at` (default: now). `revocation` is
/// `require` (a missing CRL is a problem) or `soft_fail` (a warning);
/// `anchor_policy` is `certificate` (anchors checked as certificates) or
/// `name_and_key_only`; `profile` is `strict` or `relaxed` (key identifiers
/// may be missing, policyConstraints non-critical); `required_eku` an
/// extended key usage OID the leaf must carry; `intermediates` untrusted
/// certificates from the input (a message's) searched beside the store's.
#[pyfunction]
#[pyo3(signature = (leaf, store, at = None, *, revocation = "require", anchor_policy = "certificate", profile = "strict", required_eku = None, intermediates = Vec::new()))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one Python function
fn validate(
    py: Python<'_>,
    leaf: &Certificate,
    store: &TrustStore,
    at: Option<&Bound<'_, PyAny>>,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
    required_eku: Option<&str>,
    intermediates: Vec<PyRef<'_, Certificate>>,
) -> PyResult<ValidationReport> {
    let named = NamedOptions {
        revocation,
        anchor_policy,
        profile,
    };
    let mut options = named.at(py, crate::time::timestamp(at)?)?;
    if let Some(eku) = required_eku {
        let oid = const_oid::ObjectIdentifier::new(eku).map_err(|_| {
            errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::PkiOid, eku),
            )
        })?;
        options.required_eku = Some(oid);
    }
    let intermediates: Vec<ParsedCertificate> = intermediates.iter().map(|c| c.0.clone()).collect();
    let report = py.detach(|| {
        let store = store.read();
        pki::validate_with_intermediates(&leaf.0, &intermediates, &store, &options)
    });
    Ok(ValidationReport(report))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Certificate>()?;
    m.add_class::<TrustStore>()?;
    m.add_class::<pki::Problem>()?;
    m.add_class::<ValidationReport>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    Ok(())
}
