//! GOST R 34.10-2012 signature verification and the Streebog hash
//! (GOST R 34.11-2012): functions over bytes, and a key read once
//! ([`GostPublicKey`]) for verifying many signatures.

use const_oid::ObjectIdentifier;
use kabinet::ffi::{Area, KabinetError};
use kabinet::gost;
use std::sync::Arc;

/// An algorithm OID in dotted form, or `InvalidInput` (`gost.bad_oid`).
fn algorithm(algorithm_oid: &str) -> Result<ObjectIdentifier, KabinetError> {
    ObjectIdentifier::new(algorithm_oid).map_err(|e| {
        KabinetError::from(
            kabinet::InputError::new(kabinet::InputKind::GostAlgorithmOid, algorithm_oid)
                .because(e),
        )
    })
}

fn gost_error(e: &gost::GostError) -> KabinetError {
    KabinetError::coded(Area::Gost, e)
}

/// Verifies a GOST R 34.10-2012 signature.
///
/// `spki_der` is the key's SubjectPublicKeyInfo in DER, `algorithm_oid` the
/// signature (or key) algorithm in dotted form (`1.2.643.7.1.1.3.2`),
/// `message` the signed bytes and `signature` the raw value (`s ‖ r`). The
/// key is read and checked on every call; [`GostPublicKey`] reads it once.
///
/// # Errors
/// `Gost` with the library's code (`gost.bad_signature`,
/// `gost.legacy_2001_refused`, …); `InvalidInput` (`gost.bad_oid`) for an
/// algorithm that is not an OID.
#[uniffi::export]
pub fn gost_verify_signature(
    spki_der: Vec<u8>,
    algorithm_oid: String,
    message: Vec<u8>,
    signature: Vec<u8>,
) -> Result<(), KabinetError> {
    let oid = algorithm(&algorithm_oid)?;
    gost::verify_signature(&spki_der, &oid, &message, &signature).map_err(|e| gost_error(&e))
}

/// A GOST R 34.10-2012 public key, read from a SubjectPublicKeyInfo and
/// checked (on its curve, in the prime-order subgroup) once, to verify
/// many signatures with: from its second signature on it verifies with a
/// table of multiples of its point, built once and kept (two to three times as
/// fast; 4 KiB for a 256-bit key, 16 KiB for a 512-bit one).
#[derive(Debug, uniffi::Object)]
pub struct GostPublicKey(gost::PublicKey);

#[uniffi::export]
impl GostPublicKey {
    /// The key of a DER SubjectPublicKeyInfo.
    ///
    /// # Errors
    /// `Gost` (`gost.bad_key_encoding`, `gost.point_not_on_curve`,
    /// `gost.point_not_in_subgroup`, `gost.legacy_2001_refused`, …).
    #[uniffi::constructor]
    pub fn from_spki_der(spki_der: Vec<u8>) -> Result<Arc<Self>, KabinetError> {
        gost::PublicKey::from_spki_der(&spki_der)
            .map(|key| Arc::new(Self(key)))
            .map_err(|e| gost_error(&e))
    }

    /// The parameter set's name (`id-tc26-gost-3410-12-256-paramSetA`, …).
    pub fn param_set(&self) -> String {
        self.0.param_set().name().to_owned()
    }

    /// The key size in bits: 256 or 512.
    pub fn bits(&self) -> u32 {
        u32::try_from(self.0.bits()).unwrap_or(u32::MAX)
    }

    /// Verifies `signature` (`s ‖ r`) over `message` for the signature (or
    /// key) algorithm `algorithm_oid`, as [`gost_verify_signature`] does.
    ///
    /// # Errors
    /// `Gost` (`gost.bad_signature`, `gost.algorithm_key_mismatch`, …);
    /// `InvalidInput` (`gost.bad_oid`).
    pub fn verify(
        &self,
        algorithm_oid: String,
        message: Vec<u8>,
        signature: Vec<u8>,
    ) -> Result<(), KabinetError> {
        let oid = algorithm(&algorithm_oid)?;
        gost::verify_signature_by_key(&self.0, &oid, &message, &signature)
            .map_err(|e| gost_error(&e))
    }
}

/// The 256-bit Streebog digest (32 bytes, in the order the function outputs).
#[uniffi::export]
pub fn streebog256(data: Vec<u8>) -> Vec<u8> {
    gost::streebog256(&data).to_vec()
}

/// The 512-bit Streebog digest (64 bytes).
#[uniffi::export]
pub fn streebog512(data: Vec<u8>) -> Vec<u8> {
    gost::streebog512(&data).to_vec()
}
