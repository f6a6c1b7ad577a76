//! The trust store: anchors (marked accredited or not), untrusted intermediates, CRLs.
//!
//! Built from bytes in the core; loading from files and folders is the
//! facade's job. Anchors are inputs of path validation (RFC 5280 §6.1.1):
//! they need not carry basicConstraints and their validity is not checked.
//! The "accredited" mark records that the host lists the anchor among the
//! accredited certification authorities (e.g. the Минцифры roots); only paths
//! ending at an accredited anchor can be qualified.
//!
//! The store also remembers which key verified which of its CRLs and of its
//! own certificates ([`super::signature_cache`]), so that the signature of a
//! CRL or of an intermediate is verified once, not on every validation; the
//! store stays a plain value, safe to share between threads.

use super::name::names_equal;
use super::parse::{certificates_from_bytes, ParsedCertificate, ParsedCrl};
use super::signature_cache::SignatureCache;
use super::PkiError;
use x509_cert::name::Name;

/// A trust anchor with its accreditation mark.
#[derive(Debug, Clone)]
pub struct TrustAnchor {
    /// The anchor's certificate (only its name and key are used for validation).
    pub certificate: ParsedCertificate,
    /// Whether the host lists it as an accredited certification authority.
    pub accredited: bool,
}

/// Anchors, untrusted intermediates and CRLs used to validate certificates.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    anchors: Vec<TrustAnchor>,
    intermediates: Vec<ParsedCertificate>,
    crls: Vec<ParsedCrl>,
    crl_signatures: SignatureCache,
    certificate_signatures: SignatureCache,
}

impl TrustStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one trust anchor (duplicates by fingerprint are ignored; a repeated
    /// anchor keeps the strongest accreditation mark).
    pub fn add_anchor(&mut self, certificate: ParsedCertificate, accredited: bool) {
        if let Some(a) = self
            .anchors
            .iter_mut()
            .find(|a| a.certificate.fingerprint() == certificate.fingerprint())
        {
            a.accredited |= accredited;
            return;
        }
        self.anchors.push(TrustAnchor {
            certificate,
            accredited,
        });
    }

    /// Adds every certificate of a DER or PEM input as anchors; returns how many.
    ///
    /// # Errors
    /// Any parse error of [`certificates_from_bytes`].
    pub fn add_anchors_from_bytes(
        &mut self,
        bytes: &[u8],
        accredited: bool,
    ) -> Result<usize, PkiError> {
        let certs = certificates_from_bytes(bytes)?;
        let n = certs.len();
        for c in certs {
            self.add_anchor(c, accredited);
        }
        Ok(n)
    }

    /// Adds one untrusted intermediate certificate (duplicates are ignored).
    pub fn add_intermediate(&mut self, certificate: ParsedCertificate) {
        if !self
            .intermediates
            .iter()
            .any(|c| c.fingerprint() == certificate.fingerprint())
        {
            self.intermediates.push(certificate);
        }
    }

    /// Adds every certificate of a DER or PEM input as intermediates; returns how many.
    ///
    /// # Errors
    /// Any parse error of [`certificates_from_bytes`].
    pub fn add_intermediates_from_bytes(&mut self, bytes: &[u8]) -> Result<usize, PkiError> {
        let certs = certificates_from_bytes(bytes)?;
        let n = certs.len();
        for c in certs {
            self.add_intermediate(c);
        }
        Ok(n)
    }

    /// Adds one CRL.
    pub fn add_crl(&mut self, crl: ParsedCrl) {
        self.crls.push(crl);
    }

    /// Adds every CRL of a DER or PEM input; returns how many.
    ///
    /// # Errors
    /// Any parse error of [`ParsedCrl::all_from_bytes`].
    pub fn add_crls_from_bytes(&mut self, bytes: &[u8]) -> Result<usize, PkiError> {
        let crls = ParsedCrl::all_from_bytes(bytes)?;
        let n = crls.len();
        self.crls.extend(crls);
        Ok(n)
    }

    /// The anchors.
    pub fn anchors(&self) -> &[TrustAnchor] {
        &self.anchors
    }
    /// The intermediates.
    pub fn intermediates(&self) -> &[ParsedCertificate] {
        &self.intermediates
    }
    /// The CRLs.
    pub fn crls(&self) -> &[ParsedCrl] {
        &self.crls
    }

    /// Whether `crl` was already verified with exactly the key of `signer`.
    pub(crate) fn crl_signature_known(&self, crl: &ParsedCrl, signer: &ParsedCertificate) -> bool {
        self.crl_signatures
            .contains(crl.fingerprint(), signer.spki_der())
    }

    /// Remembers that `crl` verified with the key of `signer` (successes only).
    pub(crate) fn remember_crl_signature(&self, crl: &ParsedCrl, signer: &ParsedCertificate) {
        self.crl_signatures
            .insert(crl.fingerprint(), signer.spki_der());
    }

    /// Whether `cert` was already verified with exactly the key of `issuer`
    /// (only certificates of this store are ever remembered).
    pub(crate) fn certificate_signature_known(
        &self,
        cert: &ParsedCertificate,
        issuer: &ParsedCertificate,
    ) -> bool {
        self.certificate_signatures
            .contains(cert.fingerprint(), issuer.spki_der())
    }

    /// Remembers that `cert` verified with the key of `issuer` (successes
    /// only), when `cert` is one of this store's intermediates or anchors.
    pub(crate) fn remember_certificate_signature(
        &self,
        cert: &ParsedCertificate,
        issuer: &ParsedCertificate,
    ) {
        let held = self
            .intermediates
            .iter()
            .chain(self.anchors.iter().map(|a| &a.certificate))
            .any(|c| c.fingerprint() == cert.fingerprint());
        if held {
            self.certificate_signatures
                .insert(cert.fingerprint(), issuer.spki_der());
        }
    }

    /// Anchors whose subject is `name`.
    pub(crate) fn anchors_named<'s>(
        &'s self,
        name: &'s Name,
    ) -> impl Iterator<Item = &'s TrustAnchor> + 's {
        self.anchors.iter().filter(move |a| {
            names_equal(&a.certificate.certificate().tbs_certificate.subject, name)
        })
    }

    /// The one certificate (anchor or intermediate) whose subject text contains `query`
    /// (case-insensitive) or whose SHA-256 fingerprint is `query` in hex.
    ///
    /// # Errors
    /// [`PkiError::NotFound`] when none matches, [`PkiError::Ambiguous`] when several do.
    pub fn find(&self, query: &str) -> Result<&ParsedCertificate, PkiError> {
        let q = query.to_lowercase();
        let all = self
            .anchors
            .iter()
            .map(|a| &a.certificate)
            .chain(self.intermediates.iter());
        let found: Vec<&ParsedCertificate> = all
            .filter(|c| c.fingerprint_hex() == q || c.subject_text().to_lowercase().contains(&q))
            .collect();
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(PkiError::NotFound {
                query: query.to_owned(),
            }),
            many => Err(PkiError::Ambiguous {
                query: query.to_owned(),
                count: many.len(),
            }),
        }
    }
}
