//! CMS SignedData verification: `verify_cms(message, store, ...)` returning a `CmsReport`.
//!
//! The report is a value, like a certificate `ValidationReport`: `valid`
//! only when every signer is, and one `CmsSigner` per signer with its
//! holder, signing time, algorithms, problems (`cms.*` codes with both
//! messages) and the validation report of its certificate. A message that
//! cannot be verified at all (unreadable, not signed data, detached content
//! missing, over a limit) raises `CmsError`. Verifying hashes, checks
//! signatures and walks CRLs: the GIL is released while it runs.

use crate::errors;
use crate::json::to_py;
use crate::pki::{NamedOptions, TrustStore, ValidationReport};
use kabinet::cms::{self, CertificateTime, CmsOptions};
use kabinet::{Coded, Timestamp};
use kabinet::{CodedMessage, ReportedProblem};
use pyo3::prelude::*;

/// `CmsError` (under `KabinetError`) for a message that cannot be verified.
pub(crate) fn cms_error(py: Python<'_>, e: &cms::CmsError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let exc = py.import("kabinet.errors")?.getattr("_error_for")?.call1((
            "cms",
            e.code(),
            e.message_ru(),
            e.message_en(),
            py.None(),
        ))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

fn certificate_time_name(t: CertificateTime) -> &'static str {
    match t {
        CertificateTime::SigningTime => "signing_time",
        CertificateTime::Verification => "verification",
    }
}

/// What is known of one signer of a message.
#[pyclass(frozen, module = "kabinet")]
pub struct CmsSigner(cms::SignerReport);

#[pymethods]
impl CmsSigner {
    /// Whether this signer's signature and certificate are valid.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// The signer identifier as written: `issuer=..., serial=...` or `ski=...`.
    #[getter]
    fn signer_id(&self) -> String {
        self.0.signer_id.clone()
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

    /// The signing time the signer claims, when its signed attributes carry one.
    #[getter]
    fn signing_time(&self) -> Option<Timestamp> {
        self.0.signing_time
    }

    /// The time the signer's certificate was validated at.
    #[getter]
    fn certificate_checked_at(&self) -> Timestamp {
        self.0.certificate_checked_at
    }

    /// The digest algorithm, e.g. `streebog256`.
    #[getter]
    fn digest_algorithm(&self) -> String {
        self.0.digest_algorithm.clone()
    }

    /// The signature algorithm, e.g. `gost2012-256`.
    #[getter]
    fn signature_algorithm(&self) -> String {
        self.0.signature_algorithm.clone()
    }

    /// Whether the signer signed attributes (rather than the content itself).
    #[getter]
    fn signed_attributes(&self) -> bool {
        self.0.signed_attributes
    }

    /// Every problem of this signer, in order.
    #[getter]
    fn problems(&self) -> Vec<CodedMessage> {
        self.0.problems.iter().map(CodedMessage::from).collect()
    }

    /// The codes of the problems, in order.
    #[getter]
    fn problem_codes(&self) -> Vec<&'static str> {
        ReportedProblem::codes(&self.0.problems)
    }

    /// The validation report of the signer's certificate, when it was found.
    #[getter]
    fn certificate(&self) -> Option<ValidationReport> {
        self.0.certificate.clone().map(ValidationReport)
    }

    fn __bool__(&self) -> bool {
        self.0.valid
    }

    fn __repr__(&self) -> String {
        let codes = ReportedProblem::codes(&self.0.problems);
        format!(
            "CmsSigner(valid={}, subject={:?}, problems={codes:?})",
            self.0.valid, self.0.subject
        )
    }
}

/// The outcome of verifying a CMS message: a value, not an exception.
#[pyclass(frozen, module = "kabinet")]
pub struct CmsReport(cms::CmsReport);

#[pymethods]
impl CmsReport {
    /// Whether every signer is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// The content type, dotted (`1.2.840.113549.1.7.1` for data).
    #[getter]
    fn content_type(&self) -> String {
        self.0.content_type.clone()
    }

    /// Whether the content was detached (supplied separately).
    #[getter]
    fn detached(&self) -> bool {
        self.0.detached
    }

    /// Which time the certificates were validated at: `signing_time` or `verification`.
    #[getter]
    fn certificate_time(&self) -> &'static str {
        certificate_time_name(self.0.certificate_time)
    }

    /// The time of verification.
    #[getter]
    fn verified_at(&self) -> Timestamp {
        self.0.verified_at
    }

    /// One entry per signer, in the order of the message.
    #[getter]
    fn signers(&self) -> Vec<CmsSigner> {
        self.0.signers.iter().cloned().map(CmsSigner).collect()
    }

    /// Whether any signer has a problem with this code.
    fn has_problem(&self, code: &str) -> bool {
        self.0.has_problem(code)
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
            "CmsReport(valid={}, signers={})",
            self.0.valid,
            self.0.signers.len()
        )
    }
}

/// Verifies a CMS SignedData `message` (DER or PEM) against `store` at `at`
/// (default: now). `content` is the detached content; `certificate_time` is
/// `signing_time` (each signer's certificate validated at its claimed
/// signing time, else at `at`) or `verification`; `revocation`,
/// `anchor_policy` and `profile` as for `validate`.
///
/// Raises `CmsError` (`cms.malformed`, `cms.content_missing`, ...) when the
/// message cannot be verified at all, `InvalidInputError` for an unknown policy.
#[pyfunction]
#[pyo3(signature = (message, store, at = None, *, content = None, certificate_time = "signing_time", revocation = "require", anchor_policy = "certificate", profile = "strict"))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one Python function
fn verify_cms(
    py: Python<'_>,
    message: &[u8],
    store: &TrustStore,
    at: Option<&Bound<'_, PyAny>>,
    content: Option<&[u8]>,
    certificate_time: &str,
    revocation: &str,
    anchor_policy: &str,
    profile: &str,
) -> PyResult<CmsReport> {
    let at = crate::time::timestamp(at)?;
    let mut options = CmsOptions::at(at);
    options.certificate_time = match certificate_time {
        "signing_time" => CertificateTime::SigningTime,
        "verification" => CertificateTime::Verification,
        other => {
            return Err(errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::CertificateTime, other)
                    .because("expected signing_time or verification"),
            ))
        }
    };
    options.validation = NamedOptions {
        revocation,
        anchor_policy,
        profile,
    }
    .at(py, at)?;
    let result = py.detach(|| {
        let store = store.read();
        cms::verify_cms(message, content, &[], &store, &options)
    });
    result.map(CmsReport).map_err(|e| cms_error(py, &e))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<CmsSigner>()?;
    m.add_class::<CmsReport>()?;
    m.add_function(wrap_pyfunction!(verify_cms, m)?)?;
    Ok(())
}
