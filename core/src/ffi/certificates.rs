//! The foreign form of certificate validation: the report with its
//! problems, warnings and the evidence it gives an access decision, and
//! the signed parts of a certificate. The library's report keeps the
//! reasons as typed values and the verified path for later use; what
//! crosses is their codes and messages, and the evidence computed once.

use crate::pki::{Holder, ParsedCertificate, PathEntry, ValidationReport};
use crate::signatures::SignatureEvidence;

/// A problem or a warning of a validation.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CertificateProblem {
    /// The stable code (`pki.expired`, `pki.revoked`, …).
    pub code: String,
    /// Index of the certificate in the path (0 = leaf), when it concerns one.
    pub certificate: Option<u32>,
    /// The English message.
    pub detail: String,
    /// The Russian message.
    pub detail_ru: String,
}

/// The outcome of validating one certificate.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CertificateReport {
    /// Whether the certificate is valid (no problem found).
    pub valid: bool,
    /// The path chosen, leaf first.
    pub path: Vec<PathEntry>,
    /// Every problem found.
    pub problems: Vec<CertificateProblem>,
    /// Warnings.
    pub warnings: Vec<CertificateProblem>,
    /// The holder.
    pub holder: Holder,
    /// Whether the path ends at an accredited anchor.
    pub accredited_anchor: bool,
    /// Whether the certificate is qualified.
    pub qualified: bool,
    /// Why it is not qualified (codes).
    pub not_qualified_because: Vec<String>,
    /// The sign-tool class (`KC1` … `KA1`), from the certificate policies.
    pub sign_tool_class: Option<String>,
    /// The evidence for an access decision; none when invalid.
    pub evidence: Option<SignatureEvidence>,
    /// The same evidence naming the leaf as a bound certificate: `check`
    /// then also requires it to be bound to the actor; none when invalid.
    pub bound_evidence: Option<SignatureEvidence>,
}

/// A count or an index as the foreign interface's `u32` (saturating; a
/// store or a path never holds four billion certificates).
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A problem or warning of a report; both carry the same four fields.
fn problem(
    code: &str,
    certificate: Option<usize>,
    detail: &str,
    detail_ru: &str,
) -> CertificateProblem {
    CertificateProblem {
        code: code.to_owned(),
        certificate: certificate.map(count),
        detail: detail.to_owned(),
        detail_ru: detail_ru.to_owned(),
    }
}

impl From<&ValidationReport> for CertificateReport {
    fn from(r: &ValidationReport) -> Self {
        Self {
            valid: r.valid,
            path: r.path.clone(),
            problems: r
                .problems
                .iter()
                .map(|p| problem(p.code, p.certificate, &p.detail, &p.detail_ru))
                .collect(),
            warnings: r
                .warnings
                .iter()
                .map(|w| problem(w.code, w.certificate, &w.detail, &w.detail_ru))
                .collect(),
            holder: r.holder.clone(),
            accredited_anchor: r.accredited_anchor,
            qualified: r.qualified,
            not_qualified_because: r
                .not_qualified_because
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            sign_tool_class: r.sign_tool_class.map(|c| c.as_str().to_owned()),
            evidence: r.signature_evidence(),
            bound_evidence: r.bound_signature_evidence(),
        }
    }
}

/// The signed parts of a certificate, for verifying its signature by hand.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CertificateParts {
    /// The DER of the tbsCertificate (the signed bytes).
    pub tbs_der: Vec<u8>,
    /// The DER of the subject's public key info.
    pub spki_der: Vec<u8>,
    /// The signature algorithm, dotted.
    pub signature_algorithm: String,
    /// The raw signature value.
    pub signature: Vec<u8>,
}

impl From<&ParsedCertificate> for CertificateParts {
    fn from(c: &ParsedCertificate) -> Self {
        let cert = c.certificate();
        Self {
            tbs_der: c.tbs_der().to_vec(),
            spki_der: c.spki_der().to_vec(),
            signature_algorithm: cert.signature_algorithm.oid.to_string(),
            signature: cert.signature.raw_bytes().to_vec(),
        }
    }
}
