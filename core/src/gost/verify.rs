//! GOST R 34.10-2012 signature verification (§6.2 of the standard, RFC 7091 §6.2).
//!
//! Given the digest `h`, the key `Q` and the signature `(r, s)`:
//! 1. refuse unless `0 < r < q` and `0 < s < q`;
//! 2. `e = alpha mod q` where `alpha` is the digest read as an integer
//!    (little-endian, the X.509 convention), and `e = 1` when that is zero;
//! 3. `v = e^-1 mod q`, `z1 = s v mod q`, `z2 = -r v mod q`;
//! 4. `C = z1 P + z2 Q`, `R = x_C mod q` (on a curve with a cheaper
//!    isomorphic one, computed there: [`super::params::Isomorphism`]);
//! 5. the signature is valid iff `R = r`.

use super::base_tables::BASE_WIDTH;
use super::curve::{Curve, Jacobian};
use super::error::GostError;
use super::key::{KeyPoint, PublicKey};
use super::limbs;
use super::params::{CurveDef, CurveRef};
use super::signature::Signature;
use super::split::{Prepared, PreparedCell, SplitTable};
use super::{hash, oids, GOST_2001_KEY, GOST_2001_SIGNATURE};
use const_oid::ObjectIdentifier;

/// The core of the check over one curve size; `alpha` is the digest as an
/// integer. With `prepared` (a kept key), `z1 P + z2 Q` runs on split tables
/// once the key has one ([`super::split`]).
fn verify_integers<const N: usize>(
    def: &CurveDef<N>,
    (qx, qy): (&[u64; N], &[u64; N]),
    prepared: &Prepared,
    alpha: &[u64; N],
    r: &[u64; N],
    s: &[u64; N],
) -> Result<(), GostError>
where
    Prepared: PreparedCell<N>,
{
    let order = &def.q;
    for (value, component) in [(r, "r"), (s, "s")] {
        if limbs::is_zero(value) || !order.is_canonical(value) {
            return Err(GostError::ScalarOutOfRange { component });
        }
    }
    let mut e = order.encode(alpha);
    if limbs::is_zero(&e) {
        e = order.one();
    }
    let v = order.inv(&e);
    let z1 = order.decode(&order.mul(&order.encode(s), &v));
    let z2 = order.decode(&order.neg(&order.mul(&order.encode(r), &v)));
    // On a curve with a cheaper isomorphic one, the key moves there and
    // the x-coordinate found is `u^2` times the parameter set's.
    let (on, (x, y), scale) = match def.isomorphism {
        None => (def, (*qx, *qy), None),
        Some(iso) => (&iso.image, iso.map(qx, qy), Some(&iso.u2)),
    };
    let curve = Curve::new(on);
    let key = curve.point(&x, &y);
    let split = split_tables(&curve, &key, prepared);
    let c = match split {
        Some((base_table, key_table)) => curve.split_double_mul(&z1, base_table, &z2, key_table),
        None => curve.base_double_mul(&z1, &z2, &key),
    };
    if curve.x_mod_q_equals(&c, r, scale) {
        Ok(())
    } else {
        Err(GostError::BadSignature)
    }
}

/// The split tables of the base point and of a kept key, when the key has
/// verified before ([`Prepared::table`]); `None` sends verification down
/// the path without them.
fn split_tables<'t, const N: usize>(
    curve: &Curve<'t, N>,
    key: &Jacobian<N>,
    prepared: &'t Prepared,
) -> Option<(&'t SplitTable<N>, &'t SplitTable<N>)>
where
    Prepared: PreparedCell<N>,
{
    let key_table = prepared.table(|| SplitTable::build(curve, key, SplitTable::<N>::KEY_WIDTH))?;
    let base_table = curve
        .def
        .split_base
        .get_or_init(|| SplitTable::build(curve, &curve.generator(), BASE_WIDTH))
        .as_ref()?;
    Some((base_table, key_table))
}

fn verify_sized<const N: usize>(
    def: &CurveDef<N>,
    point: (&[u64; N], &[u64; N]),
    prepared: &Prepared,
    digest: &[u8],
    signature: &Signature,
) -> Result<(), GostError>
where
    Prepared: PreparedCell<N>,
{
    let alpha = limbs::from_le_bytes::<N>(digest).ok_or(GostError::BadDigestLength {
        expected: 8 * N,
        actual: digest.len(),
    })?;
    let expected = 16 * N;
    let actual = signature.r().len() + signature.s().len();
    let r = limbs::from_be_bytes::<N>(signature.r())
        .ok_or(GostError::BadSignatureEncoding { expected, actual })?;
    let s = limbs::from_be_bytes::<N>(signature.s())
        .ok_or(GostError::BadSignatureEncoding { expected, actual })?;
    verify_integers(def, point, prepared, &alpha, &r, &s)
}

/// Verifies a signature over a precomputed digest.
///
/// `digest` is the Streebog output (32 bytes for 256-bit keys, 64 for
/// 512-bit keys) exactly as the hash function returns it; it is read as a
/// little-endian integer, the convention of X.509 and CMS (RFC 9215 §3.2).
///
/// # Errors
/// [`GostError::BadDigestLength`], [`GostError::BadSignatureEncoding`] when the
/// sizes do not fit the key, [`GostError::ScalarOutOfRange`] when `r` or `s`
/// is not in `(0, q)`, [`GostError::BadSignature`] when the signature does not
/// verify.
pub fn verify_digest(
    key: &PublicKey,
    digest: &[u8],
    signature: &Signature,
) -> Result<(), GostError> {
    match (key.param_set().curve(), key.point()) {
        (CurveRef::W256(def), KeyPoint::W256 { x, y }) => {
            verify_sized(def, (x, y), key.prepared(), digest, signature)
        }
        (CurveRef::W512(def), KeyPoint::W512 { x, y }) => {
            verify_sized(def, (x, y), key.prepared(), digest, signature)
        }
        // A key is built from its parameter set's curve, so sizes always agree.
        _ => Err(GostError::BadKeyEncoding {
            reason: "key and parameter set sizes differ".into(),
        }),
    }
}

/// The key size a signature algorithm OID stands for: the X.509 names
/// (signwithdigest, 1.2.643.7.1.1.3.2 / .3.3) and the key algorithm names
/// that CMS SignerInfos carry instead (1.2.643.7.1.1.1.1 / .1.2, RFC 4490 §3.2
/// kept by RFC 9215); `None` for anything else.
fn signature_bits(oid: &ObjectIdentifier) -> Option<usize> {
    if *oid == oids::SIGNATURE_256 || *oid == oids::KEY_256 {
        Some(256)
    } else if *oid == oids::SIGNATURE_512 || *oid == oids::KEY_512 {
        Some(512)
    } else {
        None
    }
}

/// Whether `oid` names a GOST R 34.10 signature: the two of 2012 (with
/// Streebog-256 / -512, under their X.509 or their CMS name) and the legacy
/// ones of 2001, which [`verify_signature`] recognizes only to refuse them
/// with their own code.
pub fn is_gost_signature_algorithm(oid: &ObjectIdentifier) -> bool {
    signature_bits(oid).is_some() || *oid == GOST_2001_SIGNATURE || *oid == GOST_2001_KEY
}

/// Verifies a GOST R 34.10-2012 signature as carried in X.509 and CMS.
///
/// `spki_der` is the signer's DER SubjectPublicKeyInfo, `signature_algorithm`
/// the signature's algorithm OID (1.2.643.7.1.1.3.2 or .3.3 as in X.509, or
/// the key OIDs 1.2.643.7.1.1.1.1 / .1.2 as in CMS SignerInfos), `message` the
/// signed bytes (for a certificate: the DER of its tbsCertificate) and
/// `signature` the raw signature value (`s ‖ r`). The key is read and
/// checked (on the curve, in the prime-order subgroup) on every call; a
/// caller verifying many signatures of one key reads it once with
/// [`PublicKey::from_spki_der`] and calls [`verify_signature_by_key`].
///
/// # Errors
/// [`GostError::Legacy2001Refused`] for GOST R 34.10-2001 keys or signatures,
/// [`GostError::UnsupportedAlgorithm`] for non-GOST algorithms,
/// [`GostError::AlgorithmKeyMismatch`] when the signature algorithm's size is
/// not the key's, every key error of [`PublicKey::from_spki_der`] and every
/// error of [`verify_digest`].
pub fn verify_signature(
    spki_der: &[u8],
    signature_algorithm: &ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> Result<(), GostError> {
    algorithm_bits(signature_algorithm)?;
    let key = PublicKey::from_spki_der(spki_der)?;
    verify_signature_by_key(&key, signature_algorithm, message, signature)
}

/// Verifies a GOST R 34.10-2012 signature with a key already read, as
/// [`verify_signature`] does with the key's SubjectPublicKeyInfo: hashes
/// `message` with the Streebog of the key's size and checks `signature`
/// (`s ‖ r`) over it.
///
/// # Errors
/// As [`verify_signature`], less the errors of reading the key.
pub fn verify_signature_by_key(
    key: &PublicKey,
    signature_algorithm: &ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> Result<(), GostError> {
    let signature_bits = algorithm_bits(signature_algorithm)?;
    if key.bits() != signature_bits {
        return Err(GostError::AlgorithmKeyMismatch {
            signature_bits,
            key_bits: key.bits(),
        });
    }
    let signature = Signature::from_x509_bytes(signature)?;
    if signature_bits == 256 {
        verify_digest(key, &hash::streebog256(message), &signature)
    } else {
        verify_digest(key, &hash::streebog512(message), &signature)
    }
}

/// The key size a signature algorithm OID stands for, or why it is refused.
fn algorithm_bits(signature_algorithm: &ObjectIdentifier) -> Result<usize, GostError> {
    let legacy =
        *signature_algorithm == GOST_2001_SIGNATURE || *signature_algorithm == GOST_2001_KEY;
    match signature_bits(signature_algorithm) {
        Some(bits) => Ok(bits),
        None if legacy => Err(GostError::Legacy2001Refused {
            oid: signature_algorithm.to_string(),
        }),
        None => Err(GostError::UnsupportedAlgorithm {
            oid: signature_algorithm.to_string(),
        }),
    }
}
