//! Certificate validation: a [`TrustStore`] built from bytes or files,
//! [`validate_certificate`] returning the [`CertificateReport`], and the
//! report's evidence as a [`SignatureEvidence`](crate::context::SignatureEvidence) usable in `Kabinet.check`.
//!
//! Parsing and validating run in the library (RFC 5280 path building, CRLs,
//! the Russian qualified profile); this file converts only.

use kabinet::ffi::{count, Area, KabinetError};
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

pub use kabinet::ffi::{CertificateParts, CertificateProblem, CertificateReport};
pub use kabinet::pki::{Holder as CertificateHolder, PathEntry as CertificateSummary};

pub(crate) fn pki_error(e: &pki::PkiError) -> KabinetError {
    KabinetError::coded(Area::Certificate, e)
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

/// The certificates in DER, PEM or a PEM bundle, described.
///
/// # Errors
/// `Certificate` (`pki.parse`, …).
#[uniffi::export]
pub fn parse_certificates(bytes: Vec<u8>) -> Result<Vec<CertificateSummary>, KabinetError> {
    let certs = pki::certificates_from_bytes(&bytes).map_err(|e| pki_error(&e))?;
    Ok(certs
        .iter()
        .map(|c| CertificateSummary::of(c, false))
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

/// The signed parts of one certificate (DER or PEM).
///
/// # Errors
/// `Certificate` (`pki.parse`, …).
#[uniffi::export]
pub fn certificate_parts(bytes: Vec<u8>) -> Result<CertificateParts, KabinetError> {
    ParsedCertificate::from_der_or_pem(&bytes)
        .map(|c| CertificateParts::from(&c))
        .map_err(|e| pki_error(&e))
}
