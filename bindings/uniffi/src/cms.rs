//! CMS SignedData verification: [`verify_cms`] returning a [`CmsReport`].
//!
//! The report is a value like a [`CertificateReport`]: `valid` only when
//! every signer is, and one [`CmsSigner`] per signer with its holder,
//! signing time, algorithms, problems (`cms.*` codes with both messages) and
//! the validation report of its certificate. A message that cannot be
//! verified at all fails with `KabinetError.Certificate` and a `cms.*` code.
//! Verifying runs in the library; this file converts only.

use crate::certificates::{validation_options, AnchorPolicy, ProfileStrictness};
use crate::certificates::{CertificateHolder, CertificateReport, TrustStore};
use kabinet::cms::{self, CertificateTime, CmsOptions};
use kabinet::ffi::{Area, KabinetError};
use kabinet::Timestamp;
use std::sync::Arc;

/// One problem of a signer.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CmsProblem {
    /// The stable code (`cms.bad_signature`, `cms.certificate_invalid`, …).
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

/// What is known of one signer of a message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CmsSigner {
    /// Whether this signer's signature and certificate are valid.
    pub valid: bool,
    /// The signer identifier as written: `issuer=…, serial=…` or `ski=…`.
    pub signer_id: String,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<CertificateHolder>,
    /// The signing time the signer claims, when its signed attributes carry one.
    pub signing_time: Option<Timestamp>,
    /// The time the signer's certificate was validated at.
    pub certificate_checked_at: Timestamp,
    /// The digest algorithm (`streebog256`, `sha256`, …).
    pub digest_algorithm: String,
    /// The signature algorithm (`gost2012-256`, …).
    pub signature_algorithm: String,
    /// Whether the signer signed attributes rather than the content itself.
    pub signed_attributes: bool,
    /// Every problem of this signer.
    pub problems: Vec<CmsProblem>,
    /// The validation report of the signer's certificate, when it was found.
    pub certificate: Option<CertificateReport>,
}

/// The outcome of verifying a CMS message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CmsReport {
    /// Whether every signer is valid.
    pub valid: bool,
    /// The content type, dotted (`1.2.840.113549.1.7.1` for data).
    pub content_type: String,
    /// Whether the content was detached (supplied separately).
    pub detached: bool,
    /// Whether the certificates were validated at each signer's signing time
    /// (when it carries one) rather than at the time of verification.
    pub signing_time_policy: bool,
    /// The time of verification.
    pub verified_at: Timestamp,
    /// One entry per signer, in the order of the message.
    pub signers: Vec<CmsSigner>,
}

fn signer(s: &cms::SignerReport) -> CmsSigner {
    CmsSigner {
        valid: s.valid,
        signer_id: s.signer_id.clone(),
        subject: s.subject.clone(),
        holder: s.holder.clone(),
        signing_time: s.signing_time,
        certificate_checked_at: s.certificate_checked_at,
        digest_algorithm: s.digest_algorithm.clone(),
        signature_algorithm: s.signature_algorithm.clone(),
        signed_attributes: s.signed_attributes,
        problems: s
            .problems
            .iter()
            .map(|p| CmsProblem {
                code: p.code.into(),
                message_ru: p.detail_ru.clone(),
                message_en: p.detail.clone(),
            })
            .collect(),
        certificate: s.certificate.as_ref().map(CertificateReport::from),
    }
}

/// Verifies a CMS SignedData `message` (DER or PEM) against `store` at `at`.
/// `content` is the detached content (or a copy of the attached one, which
/// must be identical). With `signing_time_policy` each signer's certificate
/// is validated at the signing time it claims (else at `at`); without, at
/// `at`. `soft_fail_revocation` accepts an unknown revocation status with a
/// warning instead of refusing; `anchor_policy` and `profile` as for
/// [`crate::validate_certificate`].
///
/// # Errors
/// `Certificate` with a `cms.*` code when the message cannot be verified at
/// all (`cms.malformed`, `cms.not_signed_data`, `cms.content_missing`, …);
/// `time.out_of_range`.
#[uniffi::export(default(anchor_policy = None, profile = None))]
#[allow(clippy::too_many_arguments)] // one foreign function with its options
pub fn verify_cms(
    message: Vec<u8>,
    content: Option<Vec<u8>>,
    store: Arc<TrustStore>,
    at: Timestamp,
    signing_time_policy: bool,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<CmsReport, KabinetError> {
    let mut options = CmsOptions::at(at);
    options.validation = validation_options(at, soft_fail_revocation, anchor_policy, profile)?;
    options.certificate_time = if signing_time_policy {
        CertificateTime::SigningTime
    } else {
        CertificateTime::Verification
    };
    let report = cms::verify_cms(&message, content.as_deref(), &[], &store.lock(), &options)
        .map_err(|e| KabinetError::coded(Area::Certificate, &e))?;
    Ok(CmsReport {
        valid: report.valid,
        content_type: report.content_type.clone(),
        detached: report.detached,
        signing_time_policy: report.certificate_time == CertificateTime::SigningTime,
        verified_at: report.verified_at,
        signers: report.signers.iter().map(signer).collect(),
    })
}
