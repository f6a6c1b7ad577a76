//! Verifying one signature: the single dispatch from algorithm identifiers to `ring`.
//!
//! [`verify_signature`] is the only place where an algorithm identifier
//! chooses a verification routine. Supported: RSA PKCS#1 v1.5 and PSS with
//! SHA-256/384/512 and keys of 2048–8192 bits, ECDSA P-256/P-384 with
//! SHA-256/384, Ed25519. Weak algorithms (SHA-1, MD5, RSA < 2048, DSA,
//! GOST R 34.10-2001) are refused with their own codes. GOST R 34.10-2012 has
//! one marked line where its verifier is wired in.

use der::asn1::{AnyRef, ObjectIdentifier, UintRef};
use der::{Decode, Sequence};
use ring::signature as rs;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::error::WeakAlgorithm;
use super::{oids, ParsedCertificate, PkiError};

/// The smallest RSA modulus accepted, in bits (NIST SP 800-131A, and the
/// "RSA ≥ 2048" rule of the domain).
pub const MIN_RSA_BITS: usize = 2048;

/// RSASSA-PSS-params (RFC 4055), with the defaults written out.
#[derive(Sequence)]
struct PssParams<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    mask_gen: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    salt_length: Option<u32>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    trailer_field: Option<u32>,
}

#[derive(Sequence)]
struct AlgorithmIdentifierRef<'a> {
    oid: ObjectIdentifier,
    parameters: Option<AnyRef<'a>>,
}

#[derive(Sequence)]
struct RsaPublicKey<'a> {
    modulus: UintRef<'a>,
    public_exponent: UintRef<'a>,
}

fn weak(kind: WeakAlgorithm, oid: &ObjectIdentifier) -> PkiError {
    PkiError::WeakAlgorithm {
        kind,
        oid: oid.to_string(),
    }
}

fn unsupported(oid: &ObjectIdentifier) -> PkiError {
    PkiError::UnsupportedAlgorithm {
        oid: oid.to_string(),
    }
}

fn wrong_key(detail: &str) -> PkiError {
    PkiError::WrongKeyFormat {
        detail: detail.to_owned(),
    }
}

/// Checks that a public key is of an accepted algorithm and size (used for
/// the holder's own key, which signs documents).
///
/// # Errors
/// [`PkiError::WeakAlgorithm`], [`PkiError::UnsupportedAlgorithm`] or
/// [`PkiError::WrongKeyFormat`].
pub fn check_public_key(spki: &SubjectPublicKeyInfoOwned) -> Result<(), PkiError> {
    let alg = &spki.algorithm.oid;
    if *alg == oids::RSA_ENCRYPTION {
        rsa_key_bits(spki).map(|_| ())
    } else if *alg == oids::EC_PUBLIC_KEY {
        ec_curve(spki).map(|_| ())
    } else if *alg == oids::ED25519
        || *alg == oids::GOST2012_256_KEY
        || *alg == oids::GOST2012_512_KEY
    {
        Ok(())
    } else if *alg == oids::DSA {
        Err(weak(WeakAlgorithm::Dsa, alg))
    } else if *alg == oids::GOST2001_KEY {
        Err(weak(WeakAlgorithm::Gost2001, alg))
    } else {
        Err(unsupported(alg))
    }
}

fn key_bytes(spki: &SubjectPublicKeyInfoOwned) -> Result<&[u8], PkiError> {
    spki.subject_public_key
        .as_bytes()
        .ok_or_else(|| wrong_key("the key bit string has unused bits"))
}

fn rsa_key_bits(spki: &SubjectPublicKeyInfoOwned) -> Result<usize, PkiError> {
    if spki.algorithm.oid != oids::RSA_ENCRYPTION {
        return Err(wrong_key("an rsa signature needs an rsa key"));
    }
    let key =
        RsaPublicKey::from_der(key_bytes(spki)?).map_err(|_| wrong_key("not an rsa public key"))?;
    let _ = key.public_exponent;
    let bytes = key.modulus.as_bytes();
    let bits = bytes.first().map_or(0, |first| {
        (bytes.len() - 1) * 8 + (8 - first.leading_zeros() as usize)
    });
    if bits < MIN_RSA_BITS {
        return Err(PkiError::WeakAlgorithm {
            kind: WeakAlgorithm::ShortRsaKey,
            oid: format!("rsa-{bits}"),
        });
    }
    if bits > 8192 {
        return Err(PkiError::UnsupportedAlgorithm {
            oid: format!("rsa-{bits}"),
        });
    }
    Ok(bits)
}

fn ec_curve(spki: &SubjectPublicKeyInfoOwned) -> Result<ObjectIdentifier, PkiError> {
    if spki.algorithm.oid != oids::EC_PUBLIC_KEY {
        return Err(wrong_key("an ecdsa signature needs an elliptic-curve key"));
    }
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
        .ok_or_else(|| wrong_key("the elliptic-curve key names no curve"))?;
    if curve == oids::SECP256R1 || curve == oids::SECP384R1 {
        Ok(curve)
    } else {
        Err(unsupported(&curve))
    }
}

fn ring_verify(
    alg: &'static dyn rs::VerificationAlgorithm,
    key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    rs::UnparsedPublicKey::new(alg, key)
        .verify(message, signature)
        .map_err(|_| PkiError::BadSignature)
}

fn rsa_pkcs1(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &'static rs::RsaParameters,
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    rsa_key_bits(spki)?;
    ring_verify(alg, key_bytes(spki)?, message, signature)
}

fn rsa_pss(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    let bad_params = || PkiError::UnsupportedAlgorithm {
        oid: format!("{} (parameters)", oids::RSASSA_PSS),
    };
    let params_der = algorithm.parameters.as_ref().ok_or_else(bad_params)?;
    let params: PssParams<'_> = params_der.decode_as().map_err(|_| bad_params())?;
    // Every default of RFC 4055 is SHA-1, which is refused.
    let hash = params
        .hash
        .as_ref()
        .map(|h| h.oid)
        .ok_or_else(|| weak(WeakAlgorithm::Sha1, &oids::SHA1))?;
    let mgf_hash = params
        .mask_gen
        .as_ref()
        .filter(|m| m.oid == oids::MGF1)
        .and_then(|m| m.parameters)
        .and_then(|p| p.decode_as::<AlgorithmIdentifierRef<'_>>().ok())
        .map(|h| h.oid);
    if hash == oids::SHA1 {
        return Err(weak(WeakAlgorithm::Sha1, &hash));
    }
    let (ring_alg, salt): (&'static rs::RsaParameters, u32) = if hash == oids::SHA256 {
        (&rs::RSA_PSS_2048_8192_SHA256, 32)
    } else if hash == oids::SHA384 {
        (&rs::RSA_PSS_2048_8192_SHA384, 48)
    } else if hash == oids::SHA512 {
        (&rs::RSA_PSS_2048_8192_SHA512, 64)
    } else {
        return Err(unsupported(&hash));
    };
    // ring verifies PSS with MGF1 over the same hash and a salt as long as the hash.
    if mgf_hash != Some(hash)
        || params.salt_length.unwrap_or(20) != salt
        || params.trailer_field.unwrap_or(1) != 1
    {
        return Err(bad_params());
    }
    rsa_pkcs1(spki, ring_alg, message, signature)
}

fn ecdsa(
    spki: &SubjectPublicKeyInfoOwned,
    hash: &ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    let curve = ec_curve(spki)?;
    let p256 = curve == oids::SECP256R1;
    let alg: &'static rs::EcdsaVerificationAlgorithm = match (p256, *hash == oids::SHA256) {
        (true, true) => &rs::ECDSA_P256_SHA256_ASN1,
        (true, false) => &rs::ECDSA_P256_SHA384_ASN1,
        (false, true) => &rs::ECDSA_P384_SHA256_ASN1,
        (false, false) => &rs::ECDSA_P384_SHA384_ASN1,
    };
    ring_verify(alg, key_bytes(spki)?, message, signature)
}

/// Verifies `signature` over `message` with the public key `spki` (whose DER is
/// `spki_der`), for the signature algorithm `algorithm`. This match is the one
/// dispatch point from algorithm identifiers to verifiers.
///
/// # Errors
/// [`PkiError::BadSignature`] when the signature does not verify,
/// [`PkiError::WeakAlgorithm`] for SHA-1/MD5, short RSA keys, DSA and
/// GOST R 34.10-2001, [`PkiError::UnsupportedAlgorithm`] for anything else not
/// listed above, [`PkiError::WrongKeyFormat`] when the key does not fit the algorithm.
pub fn verify_signature(
    spki: &SubjectPublicKeyInfoOwned,
    spki_der: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    let oid = &algorithm.oid;
    match *oid {
        oids::SHA256_WITH_RSA => {
            rsa_pkcs1(spki, &rs::RSA_PKCS1_2048_8192_SHA256, message, signature)
        }
        oids::SHA384_WITH_RSA => {
            rsa_pkcs1(spki, &rs::RSA_PKCS1_2048_8192_SHA384, message, signature)
        }
        oids::SHA512_WITH_RSA => {
            rsa_pkcs1(spki, &rs::RSA_PKCS1_2048_8192_SHA512, message, signature)
        }
        oids::RSASSA_PSS => rsa_pss(spki, algorithm, message, signature),
        oids::ECDSA_WITH_SHA256 => ecdsa(spki, &oids::SHA256, message, signature),
        oids::ECDSA_WITH_SHA384 => ecdsa(spki, &oids::SHA384, message, signature),
        oids::ED25519 => {
            if spki.algorithm.oid != oids::ED25519 {
                return Err(wrong_key("an ed25519 signature needs an ed25519 key"));
            }
            ring_verify(&rs::ED25519, key_bytes(spki)?, message, signature)
        }
        oids::GOST2012_256_SIGNATURE | oids::GOST2012_512_SIGNATURE => {
            crate::gost::verify_signature(spki_der, oid, message, signature)
                .map_err(|e| gost_problem(e, oid))
        }
        oids::SHA1_WITH_RSA | oids::ECDSA_WITH_SHA1 | oids::MD5_WITH_RSA | oids::MD2_WITH_RSA => {
            Err(weak(WeakAlgorithm::Sha1, oid))
        }
        oids::DSA_WITH_SHA1 | oids::DSA_WITH_SHA224 | oids::DSA_WITH_SHA256 => {
            Err(weak(WeakAlgorithm::Dsa, oid))
        }
        oids::GOST2001_SIGNATURE => Err(weak(WeakAlgorithm::Gost2001, oid)),
        _ => Err(unsupported(oid)),
    }
}

/// Verifies `signature` over `message` with the key of `signer`, as
/// [`verify_signature`] does with its SubjectPublicKeyInfo. A GOST key is
/// read and checked once per certificate, and a key that is not valid is
/// refused from what was kept ([`ParsedCertificate::gost_public_key`]), not
/// read again for each signature: a CA's key verifies every certificate
/// and CRL it issued.
///
/// # Errors
/// As [`verify_signature`].
pub fn verify_signature_by(
    signer: &ParsedCertificate,
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), PkiError> {
    let oid = &algorithm.oid;
    if matches!(
        *oid,
        oids::GOST2012_256_SIGNATURE | oids::GOST2012_512_SIGNATURE
    ) {
        let key = signer
            .gost_public_key()
            .map_err(|e| gost_problem(e.clone(), oid))?;
        return crate::gost::verify_signature_by_key(key, oid, message, signature)
            .map_err(|e| gost_problem(e, oid));
    }
    let spki = &signer.certificate().tbs_certificate.subject_public_key_info;
    verify_signature(spki, signer.spki_der(), algorithm, message, signature)
}

/// What a GOST verification failure means for a certificate path.
fn gost_problem(e: crate::gost::GostError, oid: &ObjectIdentifier) -> PkiError {
    use crate::gost::GostError as G;
    match e {
        G::BadSignature | G::ScalarOutOfRange { .. } | G::BadSignatureEncoding { .. } => {
            PkiError::BadSignature
        }
        G::Legacy2001Refused { .. } => weak(WeakAlgorithm::Gost2001, oid),
        G::UnsupportedAlgorithm { .. } => unsupported(oid),
        other => wrong_key(&crate::Coded::message_en(&other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::BitString;
    use der::{Any, Encode};
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, Ed25519KeyPair, KeyPair, ECDSA_P256_SHA256_ASN1_SIGNING};

    fn spki(alg: ObjectIdentifier, params: Option<Any>, key: &[u8]) -> SubjectPublicKeyInfoOwned {
        SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned {
                oid: alg,
                parameters: params,
            },
            subject_public_key: BitString::from_bytes(key).unwrap(),
        }
    }

    fn alg(oid: ObjectIdentifier) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        }
    }

    fn code(r: Result<(), PkiError>) -> &'static str {
        use crate::Coded;
        r.map_or_else(|e| e.code(), |()| "ok")
    }

    #[test]
    fn ed25519_verifies_and_detects_tampering() {
        let rng = SystemRandom::new();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        let key = spki(oids::ED25519, None, pair.public_key().as_ref());
        let sig = pair.sign(b"message");
        let a = alg(oids::ED25519);
        assert_eq!(
            code(verify_signature(&key, &[], &a, b"message", sig.as_ref())),
            "ok"
        );
        assert_eq!(
            code(verify_signature(&key, &[], &a, b"messagE", sig.as_ref())),
            "pki.bad_signature"
        );
    }

    #[test]
    fn ecdsa_p256_verifies_and_a_mismatched_key_type_is_refused() {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let curve = Any::encode_from(&oids::SECP256R1).unwrap();
        let key = spki(oids::EC_PUBLIC_KEY, Some(curve), pair.public_key().as_ref());
        let sig = pair.sign(&rng, b"tbs").unwrap();
        let a = alg(oids::ECDSA_WITH_SHA256);
        assert_eq!(
            code(verify_signature(&key, &[], &a, b"tbs", sig.as_ref())),
            "ok"
        );
        assert_eq!(
            code(verify_signature(&key, &[], &a, b"tbz", sig.as_ref())),
            "pki.bad_signature"
        );
        let as_rsa = alg(oids::SHA256_WITH_RSA);
        assert_eq!(
            code(verify_signature(&key, &[], &as_rsa, b"tbs", sig.as_ref())),
            "pki.wrong_key_format"
        );
        let no_curve = spki(oids::EC_PUBLIC_KEY, None, pair.public_key().as_ref());
        assert_eq!(
            code(verify_signature(&no_curve, &[], &a, b"tbs", sig.as_ref())),
            "pki.wrong_key_format"
        );
    }

    #[test]
    fn weak_and_unsupported_algorithms_have_their_own_codes() {
        let key = spki(oids::RSA_ENCRYPTION, None, &[0]);
        let check = |oid| code(verify_signature(&key, &[], &alg(oid), b"m", b"s"));
        assert_eq!(check(oids::SHA1_WITH_RSA), "pki.weak_sha1");
        assert_eq!(check(oids::ECDSA_WITH_SHA1), "pki.weak_sha1");
        assert_eq!(check(oids::MD5_WITH_RSA), "pki.weak_sha1");
        assert_eq!(check(oids::DSA_WITH_SHA1), "pki.weak_dsa");
        assert_eq!(check(oids::DSA_WITH_SHA256), "pki.weak_dsa");
        assert_eq!(check(oids::GOST2001_SIGNATURE), "pki.weak_gost2001");
        // a GOST signature with an RSA key: the key does not fit
        assert_eq!(check(oids::GOST2012_256_SIGNATURE), "pki.wrong_key_format");
        assert_eq!(
            check(ObjectIdentifier::new_unwrap("1.2.3.4")),
            "pki.unsupported_algorithm"
        );
        // RSASSA-PSS without parameters defaults to SHA-1 (RFC 4055) or is unreadable.
        assert_eq!(check(oids::RSASSA_PSS), "pki.unsupported_algorithm");
    }

    #[test]
    fn short_rsa_keys_are_weak() {
        let mut modulus = vec![0x80u8];
        modulus.extend([0x11u8; 127]); // 1024 bits
        let key_der = RsaPublicKey {
            modulus: UintRef::new(&modulus).unwrap(),
            public_exponent: UintRef::new(&[1, 0, 1]).unwrap(),
        }
        .to_der()
        .unwrap();
        let key = spki(oids::RSA_ENCRYPTION, None, &key_der);
        let r = verify_signature(&key, &[], &alg(oids::SHA256_WITH_RSA), b"m", &[0u8; 128]);
        assert_eq!(code(r), "pki.weak_rsa_key");
        assert_eq!(code(check_public_key(&key)), "pki.weak_rsa_key");
        let mut big = vec![0x80u8];
        big.extend([0x11u8; 255]); // 2048 bits
        let key_der = RsaPublicKey {
            modulus: UintRef::new(&big).unwrap(),
            public_exponent: UintRef::new(&[3]).unwrap(),
        }
        .to_der()
        .unwrap();
        assert_eq!(
            code(check_public_key(&spki(
                oids::RSA_ENCRYPTION,
                None,
                &key_der
            ))),
            "ok"
        );
        assert_eq!(
            code(check_public_key(&spki(oids::DSA, None, &[0]))),
            "pki.weak_dsa"
        );
        assert_eq!(
            code(check_public_key(&spki(oids::GOST2001_KEY, None, &[0]))),
            "pki.weak_gost2001"
        );
    }
}
