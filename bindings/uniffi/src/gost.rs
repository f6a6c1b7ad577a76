//! GOST R 34.10-2012 signature verification and the Streebog hash
//! (GOST R 34.11-2012), as plain functions over bytes.

use const_oid::ObjectIdentifier;
use kabinet::ffi::{Area, KabinetError};
use kabinet::gost;

/// Verifies a GOST R 34.10-2012 signature.
///
/// `spki_der` is the key's SubjectPublicKeyInfo in DER, `algorithm_oid` the
/// signature (or key) algorithm in dotted form (`1.2.643.7.1.1.3.2`),
/// `message` the signed bytes and `signature` the raw value (`s ‖ r`).
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
    let oid = ObjectIdentifier::new(&algorithm_oid).map_err(|e| {
        KabinetError::from(
            kabinet::InputError::new(kabinet::InputKind::GostAlgorithmOid, &algorithm_oid)
                .because(e),
        )
    })?;
    gost::verify_signature(&spki_der, &oid, &message, &signature)
        .map_err(|e| KabinetError::coded(Area::Gost, &e))
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
