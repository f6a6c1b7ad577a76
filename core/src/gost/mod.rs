//! GOST R 34.10-2012 signature verification and GOST R 34.11-2012 hashing.
//!
//! Russian qualified certificates and the documents signed with them use the
//! national algorithms: Streebog (GOST R 34.11-2012) for hashing and the
//! elliptic-curve signature of GOST R 34.10-2012 with 256- or 512-bit keys.
//! This module verifies such signatures in pure Rust: the hash comes from
//! RustCrypto's `streebog`, the field and curve arithmetic is our own
//! (`limbs`, `field`, `curve`, and `subgroup`, the prime-order subgroup test
//! of the two cofactor-4 curves by 2-descent), the parameter sets are in
//! [`ParamSet`].
//!
//! It only verifies: no secret ever enters it, so it is not constant time,
//! but every input is checked (key on the curve and in the right subgroup,
//! `0 < r, s < q`, key, digest and algorithm sizes consistent). GOST R
//! 34.10-2001 is recognized and refused with its own code
//! (`gost.legacy_2001_refused`).
//!
//! The entry point for certificates and CMS is [`verify_signature`]; the
//! lower levels are [`PublicKey`], [`Signature`] and [`verify_digest`]. A
//! [`PublicKey`] kept for many signatures (a CA's key in a trust store, a
//! parsed certificate's key) builds a table of multiples of its point on
//! its second verification and verifies two to three times as fast from then on
//! (`split`; BENCHMARKS.md).
//!
//! # Example
//! The worked example of GOST R 34.10-2012 (Appendix A.1, RFC 7091 §7.1):
//! ```
//! use kabinet_core::gost::{verify_digest, GostError, ParamSet, PublicKey, Signature};
//! use kabinet_core::Coded;
//!
//! fn hex(s: &str) -> Vec<u8> {
//!     (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
//! }
//! let key = PublicKey::from_affine(
//!     ParamSet::CryptoProTest,
//!     &hex("7f2b49e270db6d90d8595bec458b50c58585ba1d4e9b788f6689dbd8e56fd80b"),
//!     &hex("26f1b489d6701dd185c8413a977b3cbbaf64d1c593d26627dffb101a87ff77da"),
//! )?;
//! let signature = Signature::from_rs(
//!     &hex("41aa28d2f1ab148280cd9ed56feda41974053554a42767b83ad043fd39dc0493"),
//!     &hex("01456c64ba4642a1653c235a98a60249bcd6d3f746b631df928014f6c5bf9c40"),
//! )?;
//! // The digest as the hash function outputs it: the integer e, little-endian.
//! let mut digest = hex("2dfbc1b372d89a1188c09c52e0eec61fce52032ab1022e8e67ece6672b043ee5");
//! digest.reverse();
//! verify_digest(&key, &digest, &signature)?;
//!
//! digest[0] ^= 1;
//! let refused = verify_digest(&key, &digest, &signature).unwrap_err();
//! assert_eq!(refused.code(), "gost.bad_signature");
//! # Ok::<(), GostError>(())
//! ```

mod base_tables;
mod curve;
mod error;
mod field;
mod hash;
mod key;
mod limbs;
mod params;
mod signature;
mod split;
mod subgroup;
mod verify;

#[cfg(test)]
mod tests;

pub use error::GostError;
pub use hash::{streebog256, streebog512};
pub use key::PublicKey;
pub use params::ParamSet;
pub use signature::Signature;
pub use verify::{
    is_gost_signature_algorithm, verify_digest, verify_signature, verify_signature_by_key,
};

use const_oid::ObjectIdentifier;

/// The algorithm OIDs of GOST R 34.10-2012 and GOST R 34.11-2012 (RFC 9215 §2).
pub mod oids {
    use const_oid::ObjectIdentifier;

    /// id-tc26-gost3410-12-256: a 256-bit public key.
    pub const KEY_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.1.1");
    /// id-tc26-gost3410-12-512: a 512-bit public key.
    pub const KEY_512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.1.2");
    /// id-tc26-gost3411-12-256: Streebog-256.
    pub const STREEBOG_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.2.2");
    /// id-tc26-gost3411-12-512: Streebog-512.
    pub const STREEBOG_512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.2.3");
    /// id-tc26-signwithdigest-gost3410-12-256: signature with Streebog-256.
    pub const SIGNATURE_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.3.2");
    /// id-tc26-signwithdigest-gost3410-12-512: signature with Streebog-512.
    pub const SIGNATURE_512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.3.3");
}

/// id-GostR3410-2001: a legacy GOST R 34.10-2001 key (refused).
const GOST_2001_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.19");
/// id-GostR3411-94-with-GostR3410-2001: a legacy signature (refused).
const GOST_2001_SIGNATURE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.3");
