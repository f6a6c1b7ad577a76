//! XML signatures (XML-DSig, СМЭВ 3): [`verify_xml`] returning an
//! [`XmlDsigReport`].
//!
//! The report is a value like a [`CertificateReport`]: `valid` only when
//! every signature is, and one [`XmlSignature`] per `ds:Signature` with its
//! references (both digests), whether its SignatureValue verifies, its
//! signer and the validation report of the signer's certificate, and its
//! problems (`xmldsig.*` codes with both messages). A document that cannot
//! be verified at all fails with `KabinetError.Certificate` and an
//! `xmldsig.*` code. Verifying runs in the library; this file converts only.

use crate::certificates::TrustStore;
use crate::certificates::{pki_error, validation_options, AnchorPolicy, ProfileStrictness};
use kabinet::ffi::{Area, KabinetError};
pub use kabinet::ffi::{XmlDsigReport, XmlSignature};
use kabinet::pki;
use kabinet::xmldsig;
pub use kabinet::xmldsig::ReferenceReport as XmlReference;
use kabinet::Timestamp;
use std::sync::Arc;

/// Verifies every XML signature of `document` (UTF-8 bytes) against `store`
/// at `at`. `certificates` (DER, PEM or a PEM bundle; may be empty) are
/// looked at for a signer whose KeyInfo carries none. `soft_fail_revocation`
/// accepts an unknown revocation status with a warning instead of refusing;
/// `anchor_policy` and `profile` as for [`crate::validate_certificate`].
///
/// # Errors
/// `Certificate` with an `xmldsig.*` code when the document cannot be
/// verified at all (`xmldsig.malformed`, `xmldsig.encoding`,
/// `xmldsig.no_signature`, `xmldsig.too_large`, …), with a `pki.*` code
/// when `certificates` cannot be read; `time.out_of_range`.
#[uniffi::export(default(anchor_policy = None, profile = None))]
pub fn verify_xml(
    document: Vec<u8>,
    certificates: Vec<u8>,
    store: Arc<TrustStore>,
    at: Timestamp,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<XmlDsigReport, KabinetError> {
    let options = validation_options(at, soft_fail_revocation, anchor_policy, profile)?;
    let certificates = if certificates.is_empty() {
        Vec::new()
    } else {
        // Bytes given and no certificate in them is an error, not an empty list.
        match pki::certificates_from_bytes(&certificates).map_err(|e| pki_error(&e))? {
            none if none.is_empty() => {
                return Err(pki_error(&pki::PkiError::MalformedCertificate {
                    detail: "no certificate in the input".into(),
                }))
            }
            some => some,
        }
    };
    let report = xmldsig::verify_xml(&document, &certificates, &store.lock(), &options)
        .map_err(|e| KabinetError::coded(Area::Certificate, &e))?;
    Ok(XmlDsigReport::from(&report))
}
