//! The result of verifying the signatures of an XML document: per
//! signature, its references with both digests, the signature value, the
//! signer's certificate, and which check failed.

use serde::Serialize;

use super::XmlSigProblem;
use crate::pki::{Holder, ValidationReport};
use crate::{ReportedProblem, Timestamp};

/// One problem of a signature, as shown in a report.
pub type XmlProblem = ReportedProblem<XmlSigProblem>;

/// One `ds:Reference` of a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "XmlReference")
)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "kabinet", name = "XmlReference")
)]
pub struct ReferenceReport {
    /// The URI as written (`""` for the whole document, `#id`).
    pub uri: String,
    /// The transform URIs, in order.
    pub transforms: Vec<String>,
    /// The DigestMethod URI.
    pub digest_method: String,
    /// The DigestValue as written, without whitespace.
    pub digest_claimed: String,
    /// The digest computed over the transformed content, base64, when it could be.
    pub digest_computed: Option<String>,
    /// Whether the two agree.
    pub digest_matches: bool,
}

#[cfg(feature = "python")]
#[pyo3::pymethods]
impl ReferenceReport {
    fn __repr__(&self) -> String {
        format!(
            "XmlReference(uri={:?}, digest_matches={})",
            self.uri, self.digest_matches
        )
    }
}

/// One `ds:Signature` of the document.
#[derive(Debug, Clone, Serialize)]
pub struct XmlSignatureReport {
    /// Whether every reference matches, the value verifies and the certificate is valid.
    pub valid: bool,
    /// The signature's `Id` attribute, when it has one.
    pub id: Option<String>,
    /// The CanonicalizationMethod URI of SignedInfo.
    pub canonicalization: String,
    /// The SignatureMethod URI.
    pub signature_method: String,
    /// Every reference, in document order.
    pub references: Vec<ReferenceReport>,
    /// Whether the SignatureValue verifies over the canonical SignedInfo with the signer's key.
    pub signature_value_valid: bool,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<Holder>,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The validation report of the signer's certificate, when found.
    pub certificate: Option<ValidationReport>,
    /// Every problem of this signature.
    pub problems: Vec<XmlProblem>,
}

impl XmlSignatureReport {
    /// Whether a problem with this code was found.
    pub fn has_problem(&self, code: &str) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }
}

/// The outcome of verifying every XML signature of a document.
#[derive(Debug, Clone, Serialize)]
pub struct XmlDsigReport {
    /// Whether every signature is valid.
    pub valid: bool,
    /// The time the certificates were validated at.
    pub verified_at: Timestamp,
    /// One report per `ds:Signature`, in document order.
    pub signatures: Vec<XmlSignatureReport>,
}
