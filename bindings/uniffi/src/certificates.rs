//! Certificate validation: a [`TrustStore`] built from bytes or files,
//! [`validate_certificate`] returning the [`CertificateReport`], and the
//! report's evidence as a [`SignatureEvidence`] usable in `Kabinet.check`.
//!
//! Parsing and validating run in the library (RFC 5280 path building, CRLs,
//! the Russian qualified profile); this file converts only.

use crate::context::SignatureEvidence;
use kabinet::ffi::{Area, KabinetError};
use kabinet::pki::{self, ParsedCertificate, RevocationPolicy, ValidationOptions};
use kabinet::Timestamp;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

/// Trust anchors (marked accredited or not), intermediates and CRLs.
/// `Send + Sync`: one store may serve many validations at once.
#[derive(Debug, uniffi::Object)]
pub struct TrustStore {
    inner: Mutex<pki::TrustStore>,
}

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

pub use kabinet::pki::{Holder as CertificateHolder, PathEntry as CertificateSummary};

/// The outcome of validating one certificate.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CertificateReport {
    /// Whether the certificate is valid (no problem found).
    pub valid: bool,
    /// The path chosen, leaf first.
    pub path: Vec<CertificateSummary>,
    /// Every problem found.
    pub problems: Vec<CertificateProblem>,
    /// Warnings.
    pub warnings: Vec<CertificateProblem>,
    /// The holder.
    pub holder: CertificateHolder,
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

pub(crate) fn pki_error(e: &pki::PkiError) -> KabinetError {
    KabinetError::coded(Area::Certificate, e)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl TrustStore {
    pub(crate) fn lock(&self) -> MutexGuard<'_, pki::TrustStore> {
        // A store is only appended to; a panic elsewhere cannot leave it half-written.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Default for TrustStore {
    fn default() -> Self {
        Self::new()
    }
}

#[uniffi::export]
impl TrustStore {
    /// An empty store.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Self {
            inner: Mutex::new(pki::TrustStore::new()),
        }
    }

    /// A store from files and folders of certificates and CRLs.
    ///
    /// # Errors
    /// `Certificate` with the code of the first file that cannot be read or parsed.
    #[uniffi::constructor]
    pub fn from_files(
        anchors: Vec<String>,
        accredited: bool,
        intermediates: Vec<String>,
        crls: Vec<String>,
    ) -> Result<Self, KabinetError> {
        let paths = |v: Vec<String>| v.into_iter().map(PathBuf::from).collect::<Vec<_>>();
        let store = kabinet::trust_files::load_trust_store(
            &paths(anchors),
            accredited,
            &paths(intermediates),
            &paths(crls),
        )
        .map_err(|e| KabinetError::coded(Area::Certificate, &e))?;
        Ok(Self {
            inner: Mutex::new(store),
        })
    }

    /// Adds the anchors in DER, PEM or a PEM bundle; returns how many.
    ///
    /// # Errors
    /// `Certificate` (`pki.parse`, …).
    pub fn add_anchors(&self, bytes: Vec<u8>, accredited: bool) -> Result<u32, KabinetError> {
        self.lock()
            .add_anchors_from_bytes(&bytes, accredited)
            .map(count)
            .map_err(|e| pki_error(&e))
    }

    /// Adds untrusted intermediates; returns how many.
    ///
    /// # Errors
    /// `Certificate`.
    pub fn add_intermediates(&self, bytes: Vec<u8>) -> Result<u32, KabinetError> {
        self.lock()
            .add_intermediates_from_bytes(&bytes)
            .map(count)
            .map_err(|e| pki_error(&e))
    }

    /// Adds CRLs; returns how many.
    ///
    /// # Errors
    /// `Certificate`.
    pub fn add_crls(&self, bytes: Vec<u8>) -> Result<u32, KabinetError> {
        self.lock()
            .add_crls_from_bytes(&bytes)
            .map(count)
            .map_err(|e| pki_error(&e))
    }

    /// How many anchors the store holds.
    pub fn anchor_count(&self) -> u32 {
        count(self.lock().anchors().len())
    }

    /// How many intermediates the store holds.
    pub fn intermediate_count(&self) -> u32 {
        count(self.lock().intermediates().len())
    }

    /// How many CRLs the store holds.
    pub fn crl_count(&self) -> u32 {
        count(self.lock().crls().len())
    }
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

impl From<&pki::ValidationReport> for CertificateReport {
    fn from(r: &pki::ValidationReport) -> Self {
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

/// The certificates in DER, PEM or a PEM bundle, described.
///
/// # Errors
/// `Certificate` (`pki.parse`, …).
#[uniffi::export]
pub fn parse_certificates(bytes: Vec<u8>) -> Result<Vec<CertificateSummary>, KabinetError> {
    let certs = pki::certificates_from_bytes(&bytes).map_err(|e| pki_error(&e))?;
    Ok(certs
        .iter()
        .map(|c| CertificateSummary {
            subject: c.subject_text(),
            issuer: c.issuer_text(),
            serial: c.serial_hex(),
            fingerprint: c.fingerprint_hex(),
            not_before: c.not_before(),
            not_after: c.not_after(),
            anchor: false,
        })
        .collect())
}

pub use kabinet::pki::{AnchorPolicy, ProfileStrictness};

/// The validation options of a host call: revocation, anchors, profile
/// (`None` for an option keeps its safe default).
pub(crate) fn validation_options(
    at: Timestamp,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<ValidationOptions, KabinetError> {
    let mut options = ValidationOptions::at(at);
    if soft_fail_revocation {
        options.revocation = RevocationPolicy::SoftFail;
    }
    if let Some(policy) = anchor_policy {
        options.anchors = policy;
    }
    if let Some(strictness) = profile {
        options.profile = strictness;
    }
    Ok(options)
}

/// Validates `leaf` (DER or PEM) against `store` at `at`. Problems are in the
/// report, not errors; `soft_fail_revocation` accepts an unknown revocation
/// status with a warning instead of refusing; `anchor_policy` and `profile`
/// default to checking anchors as certificates and the strict profile;
/// `intermediates` (DER, PEM or a PEM bundle) are untrusted certificates
/// from the input searched beside the store's.
///
/// # Errors
/// `Certificate` when the leaf or the intermediates cannot be parsed;
/// `time.out_of_range`.
#[uniffi::export(default(anchor_policy = None, profile = None, intermediates = None))]
pub fn validate_certificate(
    leaf: Vec<u8>,
    store: Arc<TrustStore>,
    at: Timestamp,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
    intermediates: Option<Vec<u8>>,
) -> Result<CertificateReport, KabinetError> {
    let leaf = ParsedCertificate::from_der_or_pem(&leaf).map_err(|e| pki_error(&e))?;
    let options = validation_options(at, soft_fail_revocation, anchor_policy, profile)?;
    let intermediates = match intermediates {
        Some(bytes) => pki::certificates_from_bytes(&bytes).map_err(|e| pki_error(&e))?,
        None => Vec::new(),
    };
    let report = pki::validate_with_intermediates(&leaf, &intermediates, &store.lock(), &options);
    Ok(CertificateReport::from(&report))
}

/// The signed parts of a certificate, for verifying its signature by hand
/// (with [`crate::gost_verify_signature`]).
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

/// The signed parts of one certificate (DER or PEM).
///
/// # Errors
/// `Certificate` (`pki.parse`, …).
#[uniffi::export]
pub fn certificate_parts(bytes: Vec<u8>) -> Result<CertificateParts, KabinetError> {
    let c = ParsedCertificate::from_der_or_pem(&bytes).map_err(|e| pki_error(&e))?;
    let cert = c.certificate();
    Ok(CertificateParts {
        tbs_der: c.tbs_der().to_vec(),
        spki_der: c.spki_der().to_vec(),
        signature_algorithm: cert.signature_algorithm.oid.to_string(),
        signature: cert.signature.raw_bytes().to_vec(),
    })
}
