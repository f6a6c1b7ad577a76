//! Parsing certificates and CRLs from DER or PEM, with limits and precomputed facts.
//!
//! A [`ParsedCertificate`] keeps the original DER, the decoded structure, the
//! exact bytes that were signed, the SHA-256 fingerprint and the extensions
//! already read ([`Extensions`](super::extensions::CertExtensions)). Parsing is the
//! only place where bytes from outside are decoded; everything after works on types.

use std::sync::Arc;

use der::{Decode, Reader, SliceReader};
use x509_cert::crl::CertificateList;
use x509_cert::Certificate;

use super::crl_index::CrlIndex;
use super::extensions::{CertExtensions, CrlExtensions};
use super::limits::{
    MAX_BUNDLE_CERTIFICATES, MAX_CERTIFICATE_BYTES, MAX_CRL_BYTES, MAX_CRL_ENTRIES, MAX_PEM_BYTES,
};
use super::name::display_name;
use super::PkiError;
use crate::Timestamp;

/// A certificate that was decoded successfully, with its facts precomputed.
#[derive(Debug, Clone)]
pub struct ParsedCertificate {
    // Shared: stores, paths and reports hold the same parsed certificate without copying it.
    inner: Arc<CertificateInner>,
}

#[derive(Debug)]
struct CertificateInner {
    der: Vec<u8>,
    tbs_der: core::ops::Range<usize>,
    spki_der: core::ops::Range<usize>,
    fingerprint: [u8; 32],
    cert: Certificate,
    extensions: CertExtensions,
    not_before: Timestamp,
    not_after: Timestamp,
    // Texts computed on first use (reports of paths through stored certificates reuse them).
    subject_text: std::sync::OnceLock<String>,
    issuer_text: std::sync::OnceLock<String>,
    fingerprint_hex: std::sync::OnceLock<String>,
    // The GOST R 34.10-2012 key, read and checked on first use, or why it
    // is not one: a CA's key verifies many signatures.
    gost_key: std::sync::OnceLock<Result<crate::gost::PublicKey, crate::gost::GostError>>,
}

/// A certificate revocation list that was decoded successfully.
#[derive(Debug, Clone)]
pub struct ParsedCrl {
    der: Vec<u8>,
    fingerprint: [u8; 32],
    tbs_der: Vec<u8>,
    crl: CertificateList,
    extensions: CrlExtensions,
    this_update: Timestamp,
    next_update: Option<Timestamp>,
    index: CrlIndex,
}

fn signed_part(der: &[u8]) -> Result<&[u8], der::Error> {
    let mut outer = SliceReader::new(der)?;
    outer.sequence(|inner| {
        let tbs = inner.tlv_bytes()?;
        // Skip the rest (algorithm and signature) so the nested reader is finished.
        inner.read_slice(inner.remaining_len())?;
        Ok(tbs)
    })
}

/// The subjectPublicKeyInfo inside a tbsCertificate, as encoded.
fn spki_part(tbs: &[u8]) -> Result<&[u8], der::Error> {
    let mut r = SliceReader::new(tbs)?;
    der::Header::decode(&mut r)?;
    if r.peek_byte() == Some(0xA0) {
        r.tlv_bytes()?; // version
    }
    for _ in 0..5 {
        r.tlv_bytes()?; // serialNumber, signature, issuer, validity, subject
    }
    r.tlv_bytes()
}

/// Where `part` (a subslice of `whole`) lies in `whole`.
fn range_in(whole: &[u8], part: &[u8]) -> core::ops::Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    start..start + part.len()
}

/// The DER time types cannot hold dates before 1970, which real certificates
/// use (PKITS 4.2.3 has a notBefore in 1950). For validation at any time after
/// 1970 such a date is equivalent to 1970-01-01T00:00:00Z, so a copy of the
/// certificate is decoded with validity times before 1970 replaced by that
/// instant (same length, so nothing else moves). The signature is still checked
/// over the original bytes.
fn clamp_validity_before_1970(der: &[u8]) -> Option<Vec<u8>> {
    let mut r = SliceReader::new(der).ok()?;
    der::Header::decode(&mut r).ok()?;
    der::Header::decode(&mut r).ok()?;
    if r.peek_byte()? == 0xA0 {
        r.tlv_bytes().ok()?;
    }
    for _ in 0..3 {
        r.tlv_bytes().ok()?; // serialNumber, signature, issuer
    }
    let start = usize::try_from(u32::from(r.position())).ok()?;
    let validity_len = r.tlv_bytes().ok()?.len();
    let mut out = der.to_vec();
    let validity = out.get_mut(start..start + validity_len)?;
    let mut i = 2; // after the SEQUENCE header of Validity (short form: two times fit in 127 bytes)
    let mut changed = false;
    while i + 2 <= validity.len() {
        let (tag, len) = (*validity.get(i)?, usize::from(*validity.get(i + 1)?));
        let value = validity.get_mut(i + 2..i + 2 + len)?;
        if tag == 0x17
            && len == 13
            && value
                .get(..2)
                .is_some_and(|yy| yy >= b"50".as_slice() && yy < b"70".as_slice())
        {
            value.get_mut(..12)?.copy_from_slice(b"700101000000");
            changed = true;
        } else if tag == 0x18 && len == 15 && value.get(..4).is_some_and(|y| y < b"1970".as_slice())
        {
            value.get_mut(..14)?.copy_from_slice(b"19700101000000");
            changed = true;
        }
        i += 2 + len;
    }
    changed.then_some(out)
}

pub(crate) fn timestamp(t: &x509_cert::time::Time) -> Timestamp {
    let seconds = i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    Timestamp::from_second(seconds).unwrap_or(Timestamp::MAX)
}

impl ParsedCertificate {
    /// Decodes one DER certificate.
    ///
    /// # Errors
    /// [`PkiError::TooLarge`] above [`MAX_CERTIFICATE_BYTES`],
    /// [`PkiError::MalformedCertificate`] when the bytes are not a certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, PkiError> {
        if der.len() > MAX_CERTIFICATE_BYTES {
            return Err(PkiError::TooLarge {
                what: "certificate bytes",
                limit: MAX_CERTIFICATE_BYTES,
            });
        }
        let malformed = |e: der::Error| PkiError::MalformedCertificate {
            detail: e.to_string(),
        };
        check_shape(der, |detail| PkiError::MalformedCertificate { detail })?;
        let cert = match Certificate::from_der(der) {
            Ok(cert) => cert,
            Err(e) => {
                let patched = clamp_validity_before_1970(der).ok_or_else(|| malformed(e))?;
                Certificate::from_der(&patched).map_err(malformed)?
            }
        };
        let tbs = signed_part(der).map_err(malformed)?;
        let tbs_der = range_in(der, tbs);
        let spki_der = range_in(der, spki_part(tbs).map_err(malformed)?);
        let extensions = CertExtensions::read(cert.tbs_certificate.extensions.as_deref());
        let fingerprint = sha256(der);
        let not_before = timestamp(&cert.tbs_certificate.validity.not_before);
        let not_after = timestamp(&cert.tbs_certificate.validity.not_after);
        Ok(Self {
            inner: Arc::new(CertificateInner {
                der: der.to_vec(),
                tbs_der,
                spki_der,
                fingerprint,
                cert,
                extensions,
                not_before,
                not_after,
                subject_text: std::sync::OnceLock::new(),
                issuer_text: std::sync::OnceLock::new(),
                fingerprint_hex: std::sync::OnceLock::new(),
                gost_key: std::sync::OnceLock::new(),
            }),
        })
    }

    /// Decodes one certificate given as DER or as a single PEM block.
    ///
    /// # Errors
    /// As [`ParsedCertificate::from_der`], or a malformed PEM block.
    pub fn from_der_or_pem(bytes: &[u8]) -> Result<Self, PkiError> {
        let mut all = certificates_from_bytes(bytes)?;
        match all.len() {
            1 => Ok(all.remove(0)),
            0 => Err(PkiError::MalformedCertificate {
                detail: "no certificate in the input".into(),
            }),
            n => Err(PkiError::Ambiguous {
                query: "one certificate".into(),
                count: n,
            }),
        }
    }

    /// The DER encoding as received.
    pub fn der(&self) -> &[u8] {
        &self.inner.der
    }
    /// The signed part (tbsCertificate) exactly as encoded.
    pub fn tbs_der(&self) -> &[u8] {
        self.inner
            .der
            .get(self.inner.tbs_der.clone())
            .unwrap_or_default()
    }
    /// The DER of the subjectPublicKeyInfo.
    pub fn spki_der(&self) -> &[u8] {
        self.inner
            .der
            .get(self.inner.spki_der.clone())
            .unwrap_or_default()
    }
    /// The subject's GOST R 34.10-2012 public key, read from the
    /// SubjectPublicKeyInfo and checked (on the curve, in the prime-order
    /// subgroup) on the first call; the key, or why it is not a valid GOST
    /// R 34.10-2012 key (the errors of
    /// [`crate::gost::PublicKey::from_spki_der`]), is kept for later calls.
    ///
    /// # Errors
    /// The kept error of reading the key.
    pub fn gost_public_key(&self) -> Result<&crate::gost::PublicKey, &crate::gost::GostError> {
        self.inner
            .gost_key
            .get_or_init(|| crate::gost::PublicKey::from_spki_der(self.spki_der()))
            .as_ref()
    }
    /// The SHA-256 fingerprint of the DER.
    pub fn fingerprint(&self) -> &[u8; 32] {
        &self.inner.fingerprint
    }
    /// The fingerprint as lowercase hex.
    pub fn fingerprint_hex(&self) -> String {
        self.inner
            .fingerprint_hex
            .get_or_init(|| hex(&self.inner.fingerprint))
            .clone()
    }
    /// The decoded certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.inner.cert
    }
    /// The extensions already read.
    pub fn extensions(&self) -> &CertExtensions {
        &self.inner.extensions
    }
    /// The subject as `CN=…, O=…` text (most specific attribute first).
    pub fn subject_text(&self) -> String {
        self.inner
            .subject_text
            .get_or_init(|| display_name(&self.inner.cert.tbs_certificate.subject))
            .clone()
    }
    /// The issuer as text.
    pub fn issuer_text(&self) -> String {
        self.inner
            .issuer_text
            .get_or_init(|| display_name(&self.inner.cert.tbs_certificate.issuer))
            .clone()
    }
    /// The serial number as lowercase hex.
    pub fn serial_hex(&self) -> String {
        hex(self.inner.cert.tbs_certificate.serial_number.as_bytes())
    }
    /// The start of validity.
    pub fn not_before(&self) -> Timestamp {
        self.inner.not_before
    }
    /// The end of validity.
    pub fn not_after(&self) -> Timestamp {
        self.inner.not_after
    }
    /// Whether the subject and issuer names are equal (RFC 5280 §6.1: self-issued).
    pub fn is_self_issued(&self) -> bool {
        super::name::names_equal(
            &self.inner.cert.tbs_certificate.subject,
            &self.inner.cert.tbs_certificate.issuer,
        )
    }
}

impl ParsedCrl {
    /// Decodes one DER CRL.
    ///
    /// # Errors
    /// [`PkiError::TooLarge`] above [`MAX_CRL_BYTES`] or [`MAX_CRL_ENTRIES`],
    /// [`PkiError::MalformedCrl`] when the bytes are not a CRL.
    pub fn from_der(der: &[u8]) -> Result<Self, PkiError> {
        if der.len() > MAX_CRL_BYTES {
            return Err(PkiError::TooLarge {
                what: "crl bytes",
                limit: MAX_CRL_BYTES,
            });
        }
        let malformed = |e: der::Error| PkiError::MalformedCrl {
            detail: e.to_string(),
        };
        check_shape(der, |detail| PkiError::MalformedCrl { detail })?;
        let crl = CertificateList::from_der(der).map_err(malformed)?;
        let entries = crl
            .tbs_cert_list
            .revoked_certificates
            .as_ref()
            .map_or(0, Vec::len);
        if entries > MAX_CRL_ENTRIES {
            return Err(PkiError::TooLarge {
                what: "crl entries",
                limit: MAX_CRL_ENTRIES,
            });
        }
        let tbs_der = signed_part(der).map_err(malformed)?.to_vec();
        let extensions = CrlExtensions::read(crl.tbs_cert_list.crl_extensions.as_deref());
        check_crl_profile(&crl, &extensions)?;
        let this_update = timestamp(&crl.tbs_cert_list.this_update);
        let next_update = crl.tbs_cert_list.next_update.as_ref().map(timestamp);
        let indirect = extensions
            .issuing_distribution_point
            .as_ref()
            .is_some_and(|i| i.indirect_crl);
        let index = CrlIndex::build(&crl, indirect);
        Ok(Self {
            der: der.to_vec(),
            fingerprint: sha256(der),
            tbs_der,
            crl,
            extensions,
            this_update,
            next_update,
            index,
        })
    }

    /// Decodes CRLs given as DER or as PEM blocks (`X509 CRL`).
    ///
    /// # Errors
    /// As [`ParsedCrl::from_der`], or a malformed PEM block.
    pub fn all_from_bytes(bytes: &[u8]) -> Result<Vec<Self>, PkiError> {
        if !looks_like_pem(bytes) {
            return Ok(vec![Self::from_der(bytes)?]);
        }
        let mut out = Vec::new();
        for (label, der) in pem_blocks(bytes, MAX_CRL_BYTES.saturating_mul(2))? {
            if label == "X509 CRL" {
                out.push(Self::from_der(&der)?);
            }
        }
        Ok(out)
    }

    /// The DER encoding as received.
    pub fn der(&self) -> &[u8] {
        &self.der
    }
    /// The SHA-256 fingerprint of the DER.
    pub fn fingerprint(&self) -> &[u8; 32] {
        &self.fingerprint
    }
    /// The signed part (tbsCertList) exactly as encoded.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs_der
    }
    /// The decoded CRL.
    pub fn crl(&self) -> &CertificateList {
        &self.crl
    }
    /// The CRL extensions already read.
    pub fn extensions(&self) -> &CrlExtensions {
        &self.extensions
    }
    /// thisUpdate.
    pub fn this_update(&self) -> Timestamp {
        self.this_update
    }
    /// nextUpdate, when present.
    pub fn next_update(&self) -> Option<Timestamp> {
        self.next_update
    }
    /// The issuer as text.
    pub fn issuer_text(&self) -> String {
        display_name(&self.crl.tbs_cert_list.issuer)
    }
    /// The index of the entries.
    pub(crate) fn index(&self) -> &CrlIndex {
        &self.index
    }
    /// How many certificates the CRL lists.
    pub fn entry_count(&self) -> usize {
        self.crl
            .tbs_cert_list
            .revoked_certificates
            .as_ref()
            .map_or(0, Vec::len)
    }
}

/// Refuses DER whose shape would make decoding costly ([`super::shape`]).
fn check_shape(der: &[u8], malformed: impl Fn(String) -> PkiError) -> Result<(), PkiError> {
    use super::shape::{ShapeError, MAX_DEPTH, MAX_SET_ELEMENTS};
    super::shape::check(der).map_err(|e| match e {
        ShapeError::Malformed => malformed(e.describe().into()),
        ShapeError::TooDeep => PkiError::TooLarge {
            what: "nesting depth",
            limit: MAX_DEPTH,
        },
        ShapeError::SetTooLarge => PkiError::TooLarge {
            what: "elements of one set",
            limit: MAX_SET_ELEMENTS,
        },
    })
}

/// The rules a CRL must meet to be used at all (RFC 5280 §5.2, §5.3): no
/// extension twice, in the list or in an entry; a cRLNumber, not critical.
fn check_crl_profile(crl: &CertificateList, extensions: &CrlExtensions) -> Result<(), PkiError> {
    let entry_duplicates = crl
        .tbs_cert_list
        .revoked_certificates
        .iter()
        .flatten()
        .filter_map(|entry| entry.crl_entry_extensions.as_deref())
        .find_map(|exts| super::extensions::duplicated_ids(exts).first().copied());
    if let Some(oid) = extensions.duplicates.first().copied().or(entry_duplicates) {
        return Err(PkiError::DuplicateExtension {
            oid: oid.to_string(),
        });
    }
    if extensions.crl_number.is_none() && !extensions.malformed.contains(&super::oids::CRL_NUMBER) {
        return Err(PkiError::CrlNumberMissing);
    }
    if extensions.crl_number_critical {
        return Err(PkiError::CrlNumberCritical);
    }
    Ok(())
}

/// DER starts with a SEQUENCE tag; anything else is read as PEM text (which
/// may have explanatory text before its blocks, as bundles often do).
fn looks_like_pem(bytes: &[u8]) -> bool {
    bytes.first() != Some(&0x30)
}

/// Splits a PEM text into its blocks and decodes each one (label, DER).
fn pem_blocks(bytes: &[u8], max_bytes: usize) -> Result<Vec<(String, Vec<u8>)>, PkiError> {
    if bytes.len() > max_bytes {
        return Err(PkiError::TooLarge {
            what: "pem bytes",
            limit: max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| PkiError::MalformedCertificate {
        detail: "pem text is not utf-8".into(),
    })?;
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let tail = rest.get(start..).unwrap_or_default();
        let label_end = tail.get(11..).and_then(|t| t.find("-----")).map(|i| i + 11);
        let Some(label_end) = label_end else { break };
        let label = tail.get(11..label_end).unwrap_or_default();
        let end_marker = format!("-----END {label}-----");
        let Some(end) = tail.find(&end_marker) else {
            return Err(PkiError::MalformedCertificate {
                detail: format!("unterminated pem block {label}"),
            });
        };
        let block_end = end + end_marker.len();
        let block = tail.get(..block_end).unwrap_or_default();
        let decoded = der::pem::decode_vec(block.as_bytes())
            .map(|(label, der)| (label.to_owned(), der))
            .or_else(|e| {
                // RFC 7468 asks for lines of 64 characters; bundles in the wild also come
                // with 76-character lines or the whole body on one line: re-wrap and retry.
                let rewrapped = rewrap_pem(label, block);
                der::pem::decode_vec(rewrapped.as_bytes())
                    .map(|(label, der)| (label.to_owned(), der))
                    .map_err(|_| PkiError::MalformedCertificate {
                        detail: e.to_string(),
                    })
            })?;
        blocks.push(decoded);
        if blocks.len() > MAX_BUNDLE_CERTIFICATES {
            return Err(PkiError::TooLarge {
                what: "pem blocks",
                limit: MAX_BUNDLE_CERTIFICATES,
            });
        }
        rest = tail.get(block_end..).unwrap_or_default();
    }
    Ok(blocks)
}

/// The block with its base64 body re-wrapped into lines of 64 characters.
fn rewrap_pem(label: &str, block: &str) -> String {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let body: String = block
        .strip_prefix(&begin)
        .and_then(|b| b.strip_suffix(&end))
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = format!("{begin}\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&end);
    out.push('\n');
    out
}

/// Decodes every certificate of an input: one DER certificate, or PEM text
/// with any number of `CERTIFICATE` blocks (other blocks are ignored).
///
/// # Errors
/// [`PkiError::TooLarge`] past [`MAX_PEM_BYTES`] or [`MAX_BUNDLE_CERTIFICATES`],
/// [`PkiError::MalformedCertificate`] for a bad block or certificate.
pub fn certificates_from_bytes(bytes: &[u8]) -> Result<Vec<ParsedCertificate>, PkiError> {
    if !looks_like_pem(bytes) {
        return Ok(vec![ParsedCertificate::from_der(bytes)?]);
    }
    pem_blocks(bytes, MAX_PEM_BYTES)?
        .into_iter()
        .filter(|(label, _)| label == "CERTIFICATE" || label == "X509 CERTIFICATE")
        .map(|(_, der)| ParsedCertificate::from_der(&der))
        .collect()
}

pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, bytes);
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_a_typed_error() {
        let e = ParsedCertificate::from_der(b"\x30\x03\x02\x01\x01").unwrap_err();
        assert!(matches!(e, PkiError::MalformedCertificate { .. }));
        let e = ParsedCrl::from_der(b"nonsense").unwrap_err();
        assert!(matches!(e, PkiError::MalformedCrl { .. }));
    }

    #[test]
    fn oversized_certificate_is_refused_before_parsing() {
        let big = vec![0u8; MAX_CERTIFICATE_BYTES + 1];
        assert!(matches!(
            ParsedCertificate::from_der(&big),
            Err(PkiError::TooLarge { .. })
        ));
    }

    #[test]
    fn unterminated_pem_is_refused() {
        let e = certificates_from_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n").unwrap_err();
        assert!(matches!(e, PkiError::MalformedCertificate { .. }));
    }
}
