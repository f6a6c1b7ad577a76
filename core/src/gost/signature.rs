//! GOST R 34.10-2012 signature values.
//!
//! A signature is the pair `(r, s)` of integers below the group order `q`. In
//! X.509 (the signatureValue BIT STRING) and CMS (the signature OCTET STRING)
//! it is carried as 64 or 128 bytes: `s` then `r`, each big-endian
//! (RFC 9215 §3.2, GOST R 34.10-2012 §6.1 step 6).

use super::error::GostError;

/// A GOST R 34.10-2012 signature `(r, s)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `r`, big-endian, 32 or 64 bytes.
    r: Vec<u8>,
    /// `s`, big-endian, as long as `r`.
    s: Vec<u8>,
}

impl Signature {
    /// Reads the X.509 / CMS encoding `s ‖ r` (64 bytes for 256-bit keys, 128
    /// bytes for 512-bit keys).
    ///
    /// # Errors
    /// [`GostError::BadSignatureEncoding`] for any other length.
    pub fn from_x509_bytes(bytes: &[u8]) -> Result<Self, GostError> {
        if bytes.len() != 64 && bytes.len() != 128 {
            let expected = if bytes.len() < 96 { 64 } else { 128 };
            return Err(GostError::BadSignatureEncoding {
                expected,
                actual: bytes.len(),
            });
        }
        let (s, r) = bytes.split_at(bytes.len() / 2);
        Ok(Self {
            r: r.to_vec(),
            s: s.to_vec(),
        })
    }

    /// A signature from `r` and `s`, big-endian, both 32 or both 64 bytes.
    ///
    /// # Errors
    /// [`GostError::BadSignatureEncoding`] when the lengths differ or are not 32 or 64.
    pub fn from_rs(r_be: &[u8], s_be: &[u8]) -> Result<Self, GostError> {
        if r_be.len() != s_be.len() || (r_be.len() != 32 && r_be.len() != 64) {
            return Err(GostError::BadSignatureEncoding {
                expected: if r_be.len() <= 32 { 64 } else { 128 },
                actual: r_be.len() + s_be.len(),
            });
        }
        Ok(Self {
            r: r_be.to_vec(),
            s: s_be.to_vec(),
        })
    }

    /// The X.509 / CMS encoding `s ‖ r`.
    pub fn to_x509_bytes(&self) -> Vec<u8> {
        let mut out = self.s.clone();
        out.extend_from_slice(&self.r);
        out
    }

    /// `r`, big-endian.
    pub fn r(&self) -> &[u8] {
        &self.r
    }

    /// `s`, big-endian.
    pub fn s(&self) -> &[u8] {
        &self.s
    }

    /// The size of the key this signature is for, in bits: 256 or 512.
    pub fn bits(&self) -> usize {
        self.r.len() * 8
    }
}
