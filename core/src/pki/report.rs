//! The result of a validation: one value with every problem, the path, the holder.
//!
//! A report is a decision with diagnostics, not an error: `valid` is true
//! only when no problem was found, and every problem names the certificate it
//! concerns by its index in the path (0 = the leaf, the last = the anchor).

use serde::Serialize;

use super::russian::{Holder, SignToolClass};
use super::{PkiError, ValidationPath};
use crate::{Coded, SignatureEvidence, SignatureLevel, Timestamp};

/// One problem found, with the certificate it concerns. Python receives it
/// as `CertificateProblem`, every field but the typed reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, module = "kabinet", name = "CertificateProblem")
)]
pub struct Problem {
    /// The stable code.
    pub code: &'static str,
    /// Index of the certificate in the path (0 = leaf), when the problem concerns one.
    pub certificate: Option<usize>,
    /// Subject of that certificate.
    pub subject: Option<String>,
    /// The English message.
    pub detail: String,
    /// The Russian message.
    pub detail_ru: String,
    /// The reason itself.
    #[serde(skip)]
    pub error: PkiError,
}

// pyo3 reads `#[pyo3(get)]` on fields only when it is written bare, not
// under `cfg_attr` (PyO3 issue 1003), so the fields that cross are read here.
#[cfg(feature = "python")]
#[pyo3::pymethods]
impl Problem {
    #[getter(code)]
    fn py_code(&self) -> &'static str {
        self.code
    }

    #[getter(certificate)]
    fn py_certificate(&self) -> Option<usize> {
        self.certificate
    }

    #[getter(subject)]
    fn py_subject(&self) -> Option<String> {
        self.subject.clone()
    }

    #[getter(detail)]
    fn py_detail(&self) -> String {
        self.detail.clone()
    }

    #[getter(detail_ru)]
    fn py_detail_ru(&self) -> String {
        self.detail_ru.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "CertificateProblem({:?}, {:?})",
            self.code, self.certificate
        )
    }
}

impl Problem {
    /// A problem about the certificate at `index` with subject `subject`.
    pub fn new(error: PkiError, certificate: Option<usize>, subject: Option<String>) -> Self {
        Self {
            code: error.code(),
            certificate,
            subject,
            detail: error.message_en(),
            detail_ru: error.message_ru(),
            error,
        }
    }
}

/// Something that does not make the certificate invalid but should be seen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// A certificate of the path expires soon.
    #[error("the certificate expires at {not_after}, in {days} days")]
    ExpiresSoon {
        /// The end of its validity.
        not_after: Timestamp,
        /// Whole days left.
        days: i64,
    },
    /// The revocation status is unknown and was accepted by policy.
    #[error("the revocation status is unknown and was accepted: {detail}")]
    RevocationUnknown {
        /// Why no CRL could answer.
        detail: String,
    },
}

impl Coded for Warning {
    fn code(&self) -> &'static str {
        match self {
            Self::ExpiresSoon { .. } => "pki.expires_soon",
            Self::RevocationUnknown { .. } => "pki.revocation_unknown_accepted",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::ExpiresSoon { not_after, days } => {
                format!("срок действия сертификата истекает {not_after}, через {days} дн.")
            }
            Self::RevocationUnknown { detail } => {
                format!("статус отзыва неизвестен и принят: {detail}")
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// A warning with the certificate it concerns, ready to show or serialize.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The stable code.
    pub code: &'static str,
    /// Index of the certificate in the path.
    pub certificate: Option<usize>,
    /// The English message.
    pub detail: String,
    /// The Russian message.
    pub detail_ru: String,
    /// The warning itself.
    #[serde(skip)]
    pub warning: Warning,
}

impl Notice {
    /// A warning about the certificate at `index`.
    pub fn new(warning: Warning, certificate: Option<usize>) -> Self {
        Self {
            code: warning.code(),
            certificate,
            detail: warning.message_en(),
            detail_ru: warning.message_ru(),
            warning,
        }
    }
}

/// One certificate of the path, as shown in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CertificateSummary")
)]
pub struct PathEntry {
    /// Subject name.
    pub subject: String,
    /// Issuer name.
    pub issuer: String,
    /// Serial number, hex.
    pub serial: String,
    /// SHA-256 fingerprint of the DER, hex.
    pub fingerprint: String,
    /// Start of validity.
    pub not_before: Timestamp,
    /// End of validity.
    pub not_after: Timestamp,
    /// Whether this is the trust anchor.
    pub anchor: bool,
}

/// The outcome of validating one certificate.
#[derive(Debug, Clone, Serialize)]
pub struct ValidationReport {
    /// Whether the certificate is valid (no problem found).
    pub valid: bool,
    /// The path chosen (leaf first, anchor last); the best candidate when invalid,
    /// only the leaf when no path reached an anchor.
    pub path: Vec<PathEntry>,
    /// Every problem found.
    pub problems: Vec<Problem>,
    /// Warnings.
    pub warnings: Vec<Notice>,
    /// The holder read from the leaf's subject.
    pub holder: Holder,
    /// Whether the path ends at an accredited anchor.
    pub accredited_anchor: bool,
    /// Whether the certificate is qualified (valid, accredited anchor, qualified markers, allowed algorithm).
    pub qualified: bool,
    /// Why it is not qualified (codes), empty when it is.
    pub not_qualified_because: Vec<&'static str>,
    /// The sign-tool class of the holder's key, from the certificate policies.
    pub sign_tool_class: Option<SignToolClass>,
    /// The verified path, only when valid.
    #[serde(skip)]
    pub verified: Option<ValidationPath>,
}

impl ValidationReport {
    /// The signature level this certificate supports as evidence: qualified
    /// (КЭП) when valid and qualified, enhanced (УНЭП) when valid but not
    /// qualified, none when invalid.
    pub fn signature_level(&self) -> Option<SignatureLevel> {
        match (self.valid, self.qualified) {
            (true, true) => Some(SignatureLevel::Qualified),
            (true, false) => Some(SignatureLevel::Enhanced),
            (false, _) => None,
        }
    }

    /// The evidence this certificate gives for an access decision: its
    /// signature level and the signer's identifiers; none when invalid.
    pub fn signature_evidence(&self) -> Option<SignatureEvidence> {
        self.signature_level()
            .map(|level| SignatureEvidence::certified(level, self.holder.signer_identity()))
    }

    /// As [`Self::signature_evidence`], naming the leaf as a bound
    /// certificate: an access check then also requires it to be bound to the
    /// acting employee (see [`SignatureEvidence::bound_certificate`]).
    pub fn bound_signature_evidence(&self) -> Option<SignatureEvidence> {
        let leaf = self.path.first()?;
        self.signature_evidence()
            .map(|e| e.with_bound_certificate(leaf.fingerprint.to_ascii_lowercase()))
    }

    /// Whether a problem with this code was found.
    pub fn has_problem(&self, code: &str) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }
}
