//! CMS SignedData verification: [`verify_cms`] returning a [`CmsReport`].
//!
//! The report is a value like a [`CertificateReport`]: `valid` only when
//! every signer is, and one [`CmsSigner`] per signer with its holder,
//! signing time, algorithms, problems (`cms.*` codes with both messages) and
//! the validation report of its certificate. A message that cannot be
//! verified at all fails with `KabinetError.Certificate` and a `cms.*` code.
//! Verifying runs in the library; this file converts only.

use crate::certificates::{validation_options, AnchorPolicy, ProfileStrictness, TrustStore};
use kabinet::cms::{self, CertificateTime, CmsOptions};
use kabinet::ffi::{Area, KabinetError};
pub use kabinet::ffi::{CmsReport, CmsSigner};
pub use kabinet::CodedMessage;
use kabinet::Timestamp;
use std::sync::Arc;

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
    Ok(CmsReport::from(&report))
}
