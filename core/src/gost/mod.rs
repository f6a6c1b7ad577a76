//! GOST R 34.10-2012 signature verification and GOST R 34.11-2012 hashing.
//!
//! Russian qualified certificates and the documents signed with them use the
//! national algorithms: Streebog (GOST R 34.11-2012) for hashing and the
//! elliptic-curve signature of GOST R 34.10-2012 with 256- or 512-bit keys.
//! This module verifies such signatures in pure Rust: the hash comes from
//! RustCrypto's `streebog`, the field and curve arithmetic is our own
//! (`limbs`, `field`, `curve`), the parameter sets are in [`ParamSet`].
//!
//! It only verifies: no secret ever enters it, so it is not constant time,
//! but every input is checked (key on the curve and in the right subgroup,
//! `0 < r, s < q`, key, digest and algorithm sizes consistent). GOST R
//! 34.10-2001 is recognized and refused with its own code
//! (`gost.legacy_2001_refused`).
//!
//! The entry point for certificates and CMS is [`verify_signature`]; the
//! lower levels are [`PublicKey`], [`Signature`] and [`verify_digest`].
//!
//! # Example
//! ```
//! use kabinet_core::gost::{streebog256, verify_digest, ParamSet, PublicKey, Signature};
//! // A key that is not on its curve is refused before any verification.
//! let err = PublicKey::from_affine(ParamSet::CryptoProA, &[1], &[2]).unwrap_err();
//! assert_eq!(kabinet_core::Coded::code(&err), "gost.point_not_on_curve");
//! # let _ = (streebog256(b""), verify_digest, Signature::from_x509_bytes(&[0; 64]));
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
mod verify;

#[cfg(test)]
mod tests;

pub use error::GostError;
pub use hash::{streebog256, streebog512};
pub use key::PublicKey;
pub use params::ParamSet;
pub use signature::Signature;
pub use verify::{is_gost_signature_algorithm, verify_digest, verify_signature};

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
