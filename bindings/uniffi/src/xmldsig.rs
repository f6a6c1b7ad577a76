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

use crate::certificates::{pki_error, validation_options, AnchorPolicy, ProfileStrictness};
use crate::certificates::{CertificateHolder, CertificateReport, TrustStore};
use kabinet::ffi::{Area, KabinetError};
use kabinet::pki;
use kabinet::xmldsig;
use kabinet::Timestamp;
use std::sync::Arc;

/// One problem of a signature.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlProblem {
    /// The stable code (`xmldsig.digest_mismatch`, `xmldsig.bad_signature`, …).
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

/// One `ds:Reference` of a signature, with both digests.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlReference {
    /// The URI as written (`""` for the whole document, `#id`).
    pub uri: String,
    /// The transform URIs, in order.
    pub transforms: Vec<String>,
    /// The DigestMethod URI.
    pub digest_method: String,
    /// The DigestValue as written (base64, no whitespace).
    pub digest_claimed: String,
    /// The digest computed over the transformed content, when it could be.
    pub digest_computed: Option<String>,
    /// Whether the two agree.
    pub digest_matches: bool,
}

/// One `ds:Signature` of a document.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlSignature {
    /// Whether every reference matches, the value verifies and the certificate is valid.
    pub valid: bool,
    /// The signature's `Id` attribute, when it has one.
    pub id: Option<String>,
    /// The CanonicalizationMethod URI of SignedInfo.
    pub canonicalization: String,
    /// The SignatureMethod URI.
    pub signature_method: String,
    /// Every reference, in document order.
    pub references: Vec<XmlReference>,
    /// Whether the SignatureValue verifies over the canonical SignedInfo.
    pub signature_value_valid: bool,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<CertificateHolder>,
    /// The validation report of the signer's certificate, when found.
    pub certificate: Option<CertificateReport>,
    /// Every problem of this signature, in order.
    pub problems: Vec<XmlProblem>,
}

/// The outcome of verifying the signatures of a document.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlDsigReport {
    /// Whether every signature is valid.
    pub valid: bool,
    /// The time the certificates were validated at.
    pub verified_at: Timestamp,
    /// One entry per `ds:Signature`, in document order.
    pub signatures: Vec<XmlSignature>,
}

fn signature(s: &xmldsig::XmlSignatureReport) -> XmlSignature {
    XmlSignature {
        valid: s.valid,
        id: s.id.clone(),
        canonicalization: s.canonicalization.clone(),
        signature_method: s.signature_method.clone(),
        references: s
            .references
            .iter()
            .map(|r| XmlReference {
                uri: r.uri.clone(),
                transforms: r.transforms.clone(),
                digest_method: r.digest_method.clone(),
                digest_claimed: r.digest_claimed.clone(),
                digest_computed: r.digest_computed.clone(),
                digest_matches: r.digest_matches,
            })
            .collect(),
        signature_value_valid: s.signature_value_valid,
        subject: s.subject.clone(),
        holder: s.holder.clone(),
        certificate: s.certificate.as_ref().map(CertificateReport::from),
        problems: s
            .problems
            .iter()
            .map(|p| XmlProblem {
                code: p.code.into(),
                message_ru: p.detail_ru.clone(),
                message_en: p.detail.clone(),
            })
            .collect(),
    }
}

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
    Ok(XmlDsigReport {
        valid: report.valid,
        verified_at: report.verified_at,
        signatures: report.signatures.iter().map(signature).collect(),
    })
}
