//! Signatures already verified, remembered by the trust store between
//! validations: those of its CRLs and of its own certificates (intermediates
//! and anchors).
//!
//! The CRLs and certificates of a store do not change between validations,
//! and a signature is the costliest thing about each: verifying the CRL and
//! the intermediate again for every certificate checked doubles or triples
//! the work of a typical path. The store therefore remembers which key
//! verified which of its objects. Certificates from outside the store (the
//! leaves validated, the certificates a message carries) are never
//! remembered, so the memory of a store stays a small multiple of its size.
//!
//! Soundness: the outcome of verifying a signature depends only on the
//! signed object's bytes (its tbs part, algorithm and signature value) and
//! on the signer's subjectPublicKeyInfo. An entry binds both exactly: the
//! SHA-256 fingerprint of the whole DER of the CRL or certificate, and the
//! signer's subjectPublicKeyInfo DER itself (compared byte for byte).
//! Another key — even of a certificate with the same name — never finds an
//! entry made for a different key. Only successes are remembered; a failure
//! is verified again next time (and stays a failure). Validity periods,
//! revocation, a CRL's currency and scope, whether the signer may sign and
//! validates are checked on every validation: the cache holds signatures,
//! nothing that depends on the time or on the path.
//!
//! The cache is a value inside the store (no global state): a lock makes it
//! safe to share a store between threads, and a poisoned lock (a panic
//! elsewhere while it was held, which this module never causes) is read
//! through, since every entry in it is complete.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};

/// Most keys remembered per signed object. A signature verifies under one key;
/// several entries arise only when one key is certified in differently
/// encoded subjectPublicKeyInfos. The bound keeps the memory of a store at
/// a small multiple of its number of CRLs whatever its certificates are.
const MAX_KEYS_PER_OBJECT: usize = 4;

/// Per signed object's fingerprint, the subjectPublicKeyInfo DERs that verified it.
type Verified = HashMap<[u8; 32], Vec<Box<[u8]>>>;

/// Verified (signed object's fingerprint, signer subjectPublicKeyInfo) pairs.
#[derive(Debug, Default)]
pub(crate) struct SignatureCache {
    verified: RwLock<Verified>,
}

impl Clone for SignatureCache {
    fn clone(&self) -> Self {
        let map = self
            .verified
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Self {
            verified: RwLock::new(map),
        }
    }
}

impl SignatureCache {
    /// Whether the object with this fingerprint was verified with exactly this key.
    pub(crate) fn contains(&self, fingerprint: &[u8; 32], signer_spki: &[u8]) -> bool {
        self.verified
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(fingerprint)
            .is_some_and(|keys| keys.iter().any(|k| **k == *signer_spki))
    }

    /// Remembers that the object with this fingerprint verified with this key.
    /// Call only after a successful verification.
    pub(crate) fn insert(&self, fingerprint: &[u8; 32], signer_spki: &[u8]) {
        let mut map = self
            .verified
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let keys = map.entry(*fingerprint).or_default();
        if keys.len() < MAX_KEYS_PER_OBJECT && !keys.iter().any(|k| **k == *signer_spki) {
            keys.push(signer_spki.into());
        }
    }

    /// How many (object, key) pairs are remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.verified
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .map(Vec::len)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_the_crl_and_the_exact_key() {
        let cache = SignatureCache::default();
        let (crl, other_crl) = ([1u8; 32], [2u8; 32]);
        cache.insert(&crl, b"key-a");
        assert!(cache.contains(&crl, b"key-a"));
        assert!(!cache.contains(&crl, b"key-b"));
        assert!(!cache.contains(&crl, b"key-a\0"));
        assert!(!cache.contains(&other_crl, b"key-a"));
        cache.insert(&crl, b"key-a");
        assert_eq!(cache.len(), 1);
        let copy = cache.clone();
        assert!(copy.contains(&crl, b"key-a"));
    }

    #[test]
    fn keys_per_crl_are_bounded() {
        let cache = SignatureCache::default();
        for i in 0..10u8 {
            cache.insert(&[0; 32], &[i]);
        }
        assert_eq!(cache.len(), MAX_KEYS_PER_OBJECT);
    }
}
