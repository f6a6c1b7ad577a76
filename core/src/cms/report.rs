//! The result of verifying a CMS message: one report per signer, and the whole.
//!
//! Like a certificate [`ValidationReport`], a report is a decision with
//! diagnostics: `valid` is true only when every signer is valid, and every
//! problem keeps its stable code and both messages.

use serde::Serialize;

use super::SignerProblem;
use crate::pki::{Holder, ValidationReport};
use crate::{ReportedProblem, Timestamp};

/// Which time the signers' certificates were validated at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateTime {
    /// At the signing time of each signer when it carries one, else at the
    /// time of verification. The signing time is the signer's own claim,
    /// authenticated by the signature only: it tells whether the certificate
    /// was valid when the signer says it signed, not when the message was made.
    #[default]
    SigningTime,
    /// At the time of verification for every signer.
    Verification,
}

/// One problem of a signer, as shown in a report.
pub type CmsProblem = ReportedProblem<SignerProblem>;

/// What is known of one signer.
#[derive(Debug, Clone, Serialize)]
pub struct SignerReport {
    /// Whether this signer's signature and certificate are valid.
    pub valid: bool,
    /// The signer identifier as written: `issuer=…, serial=…` or `ski=…`.
    pub signer_id: String,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<Holder>,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The signing time from the signed attributes, when present.
    pub signing_time: Option<Timestamp>,
    /// The time the certificate was validated at.
    pub certificate_checked_at: Timestamp,
    /// The digest algorithm (name or OID).
    pub digest_algorithm: String,
    /// The signature algorithm as written in the SignerInfo (name or OID).
    pub signature_algorithm: String,
    /// Whether the signature covers signed attributes (else the content itself).
    pub signed_attributes: bool,
    /// Every problem of this signer.
    pub problems: Vec<CmsProblem>,
    /// The validation report of the signer's certificate, when found.
    pub certificate: Option<ValidationReport>,
    /// Its signature timestamps (CAdES-T), reported beside the signer's
    /// validity, which they do not change.
    pub timestamps: Vec<super::TimestampReport>,
}

impl SignerReport {
    /// Whether a problem with this code was found.
    pub fn has_problem(&self, code: &str) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }
}

/// The outcome of verifying a CMS SignedData message.
#[derive(Debug, Clone, Serialize)]
pub struct CmsReport {
    /// Whether every signer is valid.
    pub valid: bool,
    /// The encapsulated content type (OID).
    pub content_type: String,
    /// Whether the content was detached (supplied separately).
    pub detached: bool,
    /// The policy of certificate validation times.
    pub certificate_time: CertificateTime,
    /// The time of verification.
    pub verified_at: Timestamp,
    /// One report per signer, in the order of the message.
    pub signers: Vec<SignerReport>,
}

impl CmsReport {
    /// Whether any signer has a problem with this code.
    pub fn has_problem(&self, code: &str) -> bool {
        self.signers.iter().any(|s| s.has_problem(code))
    }
}
