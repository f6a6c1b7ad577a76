//! GOST R 34.11-2012 (Streebog) digests, through RustCrypto's `streebog`.
//!
//! The digest bytes are returned in the order the hash function outputs them;
//! GOST signatures in X.509 read them as a little-endian integer, which
//! [`super::verify_digest`] does.

use streebog::{Digest, Streebog256, Streebog512};

/// The Streebog-256 digest of `data`.
pub fn streebog256(data: &[u8]) -> [u8; 32] {
    Streebog256::digest(data).into()
}

/// The Streebog-512 digest of `data`.
pub fn streebog512(data: &[u8]) -> [u8; 64] {
    Streebog512::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// GOST R 34.11-2012 Appendix A, message M1 (63 ASCII digits).
    #[test]
    fn standard_example_m1() {
        let m1 = b"012345678901234567890123456789012345678901234567890123456789012";
        assert_eq!(
            streebog256(m1).to_vec(),
            hex("9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500")
        );
        assert_eq!(
            streebog512(m1).to_vec(),
            hex(
                "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa\
                 00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48"
            )
        );
    }

    /// GOST R 34.11-2012 Appendix A, message M2 (72 bytes of CP1251 text).
    #[test]
    fn standard_example_m2() {
        let m2 = hex(
            "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1\
             f2f0e5ebe0ece820ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb",
        );
        assert_eq!(m2.len(), 72);
        assert_eq!(
            streebog256(&m2).to_vec(),
            hex("9dd2fe4e90409e5da87f53976d7405b0c0cac628fc669a741d50063c557e8f50")
        );
        assert_eq!(
            streebog512(&m2).to_vec(),
            hex(
                "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376\
                 035fe83549ada2b8620fcd7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28"
            )
        );
    }
}
