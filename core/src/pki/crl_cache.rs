//! CRL signatures already verified, remembered by the trust store between validations.
//!
//! The CRLs of a store do not change between validations, and the signature
//! of each is the costliest thing about it: verifying it again for every
//! certificate checked doubles the work of a typical path. The store therefore
//! remembers which key verified which CRL.
//!
//! Soundness: the outcome of verifying a CRL signature depends only on the
//! CRL's bytes (its tbsCertList, algorithm and signature value) and on the
//! signer's subjectPublicKeyInfo. An entry binds both exactly: the SHA-256
//! fingerprint of the whole CRL DER, and the signer's subjectPublicKeyInfo
//! DER itself (compared byte for byte). Another key — even of a certificate
//! with the same name — never finds an entry made for a different key. Only
//! successes are remembered; a failure is verified again next time (and
//! stays a failure). Whether the CRL is current (thisUpdate, nextUpdate),
//! whether its scope covers the certificate and whether the signer may sign
//! CRLs and validates are checked on every validation: the cache holds
//! signatures, nothing that depends on the time or on the path.
//!
//! The cache is a value inside the store (no global state): a lock makes it
//! safe to share a store between threads, and a poisoned lock (a panic
//! elsewhere while it was held, which this module never causes) is read
//! through, since every entry in it is complete.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};

/// Most keys remembered per CRL. A CRL's signature verifies under one key;
/// several entries arise only when one key is certified in differently
/// encoded subjectPublicKeyInfos. The bound keeps the memory of a store at
/// a small multiple of its number of CRLs whatever its certificates are.
const MAX_KEYS_PER_CRL: usize = 4;

/// Per CRL fingerprint, the subjectPublicKeyInfo DERs that verified it.
type Verified = HashMap<[u8; 32], Vec<Box<[u8]>>>;

/// Verified (CRL fingerprint, signer subjectPublicKeyInfo) pairs.
#[derive(Debug, Default)]
pub(crate) struct CrlSignatureCache {
    verified: RwLock<Verified>,
}

impl Clone for CrlSignatureCache {
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

impl CrlSignatureCache {
    /// Whether the CRL with this fingerprint was verified with exactly this key.
    pub(crate) fn contains(&self, crl_fingerprint: &[u8; 32], signer_spki: &[u8]) -> bool {
        self.verified
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(crl_fingerprint)
            .is_some_and(|keys| keys.iter().any(|k| **k == *signer_spki))
    }

    /// Remembers that the CRL with this fingerprint verified with this key.
    /// Call only after a successful verification.
    pub(crate) fn insert(&self, crl_fingerprint: &[u8; 32], signer_spki: &[u8]) {
        let mut map = self
            .verified
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let keys = map.entry(*crl_fingerprint).or_default();
        if keys.len() < MAX_KEYS_PER_CRL && !keys.iter().any(|k| **k == *signer_spki) {
            keys.push(signer_spki.into());
        }
    }

    /// How many (CRL, key) pairs are remembered.
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
        let cache = CrlSignatureCache::default();
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
        let cache = CrlSignatureCache::default();
        for i in 0..10u8 {
            cache.insert(&[0; 32], &[i]);
        }
        assert_eq!(cache.len(), MAX_KEYS_PER_CRL);
    }
}
