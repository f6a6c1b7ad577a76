//! GOST R 34.10-2012 public keys: decoding from X.509 and validation.
//!
//! In a SubjectPublicKeyInfo (RFC 9215 §4) the algorithm is
//! `id-tc26-gost3410-12-256` (1.2.643.7.1.1.1.1) or `-512` (…1.1.2), its
//! parameters are `SEQUENCE { publicKeyParamSet OID, digestParamSet OID
//! OPTIONAL }` (older encoders may append the 2001-era
//! `encryptionParamSet`, which is ignored), and the BIT STRING holds the DER
//! of an OCTET STRING with the little-endian X followed by the little-endian
//! Y. Every key is checked before use: known parameter set, coordinates below
//! `p`, point on the curve, and — on the two curves with cofactor 4 — inside
//! the subgroup of prime order (by quadratic characters, [`super::subgroup`];
//! a scalar multiplication by `q` for a curve without that constant).

use const_oid::ObjectIdentifier;
use der::asn1::{AnyRef, OctetStringRef};
use der::{Decode, Sequence};
use spki::SubjectPublicKeyInfoRef;

use super::curve::Curve;
use super::error::GostError;
use super::limbs;
use super::params::{CurveDef, CurveRef, ParamSet};
use super::split::Prepared;
use super::subgroup;
use super::{oids, GOST_2001_KEY};

/// Largest SubjectPublicKeyInfo accepted: a 512-bit GOST key with every
/// optional parameter takes under 200 bytes; 4 KiB leaves room for odd but
/// harmless encodings and bounds the parser's work on hostile input.
const MAX_SPKI_LEN: usize = 4096;

/// The point of a public key as plain integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyPoint {
    /// A point of a 256-bit curve.
    W256 { x: [u64; 4], y: [u64; 4] },
    /// A point of a 512-bit curve.
    W512 { x: [u64; 8], y: [u64; 8] },
}

/// A validated GOST R 34.10-2012 public key.
///
/// A key kept for many signatures verifies faster from its second one on:
/// it then builds, once, a table of multiples of its point
/// ([`super::split`]; 4 KiB for a 256-bit key, 16 KiB for a 512-bit one) and
/// keeps it. A clone starts without the table; equality compares the key only.
#[derive(Debug, Clone)]
pub struct PublicKey {
    param_set: ParamSet,
    point: KeyPoint,
    prepared: Prepared,
}

impl PartialEq for PublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.param_set == other.param_set && self.point == other.point
    }
}

impl Eq for PublicKey {}

/// `GostR3410-2012-PublicKeyParameters` (RFC 9215 §4.2.2), with the
/// 2001-era optional encryption parameters tolerated.
#[derive(Sequence)]
struct KeyParameters {
    public_key_param_set: ObjectIdentifier,
    digest_param_set: Option<ObjectIdentifier>,
    encryption_param_set: Option<ObjectIdentifier>,
}

fn bad_encoding(reason: impl Into<String>) -> GostError {
    GostError::BadKeyEncoding {
        reason: reason.into(),
    }
}

/// Left-pads a big-endian integer of at most `8 * N` bytes to limbs.
fn be_to_limbs<const N: usize>(bytes: &[u8]) -> Option<[u64; N]> {
    let pad = (8 * N).checked_sub(bytes.len())?;
    let mut buf = vec![0u8; pad];
    buf.extend_from_slice(bytes);
    limbs::from_be_bytes(&buf)
}

fn check_point<const N: usize>(
    set: ParamSet,
    def: &CurveDef<N>,
    x: &[u64; N],
    y: &[u64; N],
) -> Result<(), GostError> {
    let curve = Curve::new(def);
    if !curve.is_on_curve(x, y) {
        return Err(GostError::PointNotOnCurve {
            param_set: set.name(),
        });
    }
    let in_subgroup = match &def.two_torsion {
        _ if def.cofactor == 1 => true,
        Some(t) if def.cofactor == 4 => subgroup::in_prime_subgroup(def, t, x),
        _ => curve.mul(&def.q.m, &curve.point(x, y)).is_infinity(),
    };
    if !in_subgroup {
        return Err(GostError::PointNotInSubgroup {
            param_set: set.name(),
        });
    }
    Ok(())
}

impl PublicKey {
    /// A key from its affine coordinates, big-endian, each at most 32 bytes
    /// (256-bit sets) or 64 bytes (512-bit sets).
    ///
    /// # Errors
    /// [`GostError::BadKeyEncoding`] when a coordinate is too long,
    /// [`GostError::PointNotOnCurve`] when a coordinate is not below `p` or the
    /// point is not on the curve, [`GostError::PointNotInSubgroup`] when it is
    /// outside the prime-order subgroup.
    pub fn from_affine(param_set: ParamSet, x_be: &[u8], y_be: &[u8]) -> Result<Self, GostError> {
        let too_long = || bad_encoding("a coordinate is longer than the field");
        let point = match param_set.curve() {
            CurveRef::W256(def) => {
                let x = be_to_limbs::<4>(x_be).ok_or_else(too_long)?;
                let y = be_to_limbs::<4>(y_be).ok_or_else(too_long)?;
                check_point(param_set, def, &x, &y)?;
                KeyPoint::W256 { x, y }
            }
            CurveRef::W512(def) => {
                let x = be_to_limbs::<8>(x_be).ok_or_else(too_long)?;
                let y = be_to_limbs::<8>(y_be).ok_or_else(too_long)?;
                check_point(param_set, def, &x, &y)?;
                KeyPoint::W512 { x, y }
            }
        };
        Ok(Self {
            param_set,
            point,
            prepared: Prepared::default(),
        })
    }

    /// A key from a DER SubjectPublicKeyInfo.
    ///
    /// # Errors
    /// [`GostError::Legacy2001Refused`] for a GOST R 34.10-2001 key,
    /// [`GostError::UnsupportedAlgorithm`] for a non-GOST key,
    /// [`GostError::UnknownParameterSet`], [`GostError::DigestMismatchParameters`],
    /// [`GostError::BadKeyEncoding`] for malformed DER or a point of the wrong
    /// length, and the point checks of [`PublicKey::from_affine`].
    pub fn from_spki_der(spki_der: &[u8]) -> Result<Self, GostError> {
        if spki_der.len() > MAX_SPKI_LEN {
            return Err(bad_encoding(format!("longer than {MAX_SPKI_LEN} bytes")));
        }
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der)
            .map_err(|e| bad_encoding(format!("not a subject public key info ({e})")))?;
        let oid = spki.algorithm.oid;
        let bits = if oid == oids::KEY_256 {
            256
        } else if oid == oids::KEY_512 {
            512
        } else if oid == GOST_2001_KEY {
            return Err(GostError::Legacy2001Refused {
                oid: oid.to_string(),
            });
        } else {
            return Err(GostError::UnsupportedAlgorithm {
                oid: oid.to_string(),
            });
        };
        let params: AnyRef<'_> = spki
            .algorithm
            .parameters
            .ok_or_else(|| bad_encoding("the key parameters are missing"))?;
        let params: KeyParameters = params
            .decode_as()
            .map_err(|e| bad_encoding(format!("malformed key parameters ({e})")))?;
        let set = ParamSet::from_oid(&params.public_key_param_set).ok_or_else(|| {
            GostError::UnknownParameterSet {
                oid: params.public_key_param_set.to_string(),
            }
        })?;
        if set.bits() != bits {
            return Err(bad_encoding(format!(
                "a {bits}-bit key names the {}-bit parameter set {set}",
                set.bits()
            )));
        }
        if let Some(digest) = params.digest_param_set {
            let expected = if bits == 256 {
                oids::STREEBOG_256
            } else {
                oids::STREEBOG_512
            };
            if digest != expected {
                return Err(GostError::DigestMismatchParameters {
                    digest_oid: digest.to_string(),
                    key_bits: bits,
                });
            }
        }
        let _ = params.encryption_param_set;
        let raw = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| bad_encoding("the key bit string has unused bits"))?;
        let octets = OctetStringRef::from_der(raw)
            .map_err(|e| bad_encoding(format!("the key is not an octet string ({e})")))?;
        Self::from_le_octets(set, octets.as_bytes())
    }

    /// A key from the X.509 point encoding: little-endian X then little-endian Y.
    fn from_le_octets(set: ParamSet, point: &[u8]) -> Result<Self, GostError> {
        let len = set.bits() / 4;
        if point.len() != len {
            return Err(bad_encoding(format!(
                "the point takes {} bytes, {len} expected",
                point.len()
            )));
        }
        let (x_le, y_le) = point.split_at(len / 2);
        let x_be: Vec<u8> = x_le.iter().rev().copied().collect();
        let y_be: Vec<u8> = y_le.iter().rev().copied().collect();
        Self::from_affine(set, &x_be, &y_be)
    }

    /// The parameter set of the key.
    pub fn param_set(&self) -> ParamSet {
        self.param_set
    }

    /// The key size in bits: 256 or 512.
    pub fn bits(&self) -> usize {
        self.param_set.bits()
    }

    /// The affine coordinates, big-endian, 32 or 64 bytes each.
    pub fn to_affine_be(&self) -> (Vec<u8>, Vec<u8>) {
        match &self.point {
            KeyPoint::W256 { x, y } => (limbs::to_be_bytes(x), limbs::to_be_bytes(y)),
            KeyPoint::W512 { x, y } => (limbs::to_be_bytes(x), limbs::to_be_bytes(y)),
        }
    }

    pub(crate) fn point(&self) -> &KeyPoint {
        &self.point
    }

    /// The table kept for verifying many signatures.
    pub(crate) fn prepared(&self) -> &Prepared {
        &self.prepared
    }
}
