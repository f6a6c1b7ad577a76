//! The digest and signature algorithms of a SignerInfo, mapped onto the PKI verifiers.
//!
//! A SignerInfo names its digest algorithm and, separately, a signature
//! algorithm that is often only the key's algorithm (rsaEncryption in
//! RFC 3370 §3.2, the GOST key OIDs in RFC 4490 §3.2 / RFC 9215). This module
//! computes the digest of the content and turns the pair into the one X.509
//! signature algorithm that [`crate::pki::signature::verify_signature`] dispatches on.

use const_oid::ObjectIdentifier;
use ring::digest;
use spki::AlgorithmIdentifierOwned;

use super::SignerProblem;
use crate::gost::oids as gost;
use crate::pki::oids;

/// MD5 (RFC 1321), refused as weak.
const MD5: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.2.5");
/// GOST R 34.11-94, the hash of GOST R 34.10-2001, refused as weak.
const GOST_94: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.9");

/// The digest of `data` with the SignerInfo's digest algorithm.
///
/// # Errors
/// [`SignerProblem::WeakAlgorithm`] for SHA-1, MD5 and GOST R 34.11-94,
/// [`SignerProblem::UnsupportedDigest`] for anything other than
/// SHA-256/384/512 and Streebog-256/512.
pub fn digest_of(algorithm: &ObjectIdentifier, data: &[u8]) -> Result<Vec<u8>, SignerProblem> {
    let ring_alg = match *algorithm {
        oids::SHA256 => &digest::SHA256,
        oids::SHA384 => &digest::SHA384,
        oids::SHA512 => &digest::SHA512,
        gost::STREEBOG_256 => return Ok(crate::gost::streebog256(data).to_vec()),
        gost::STREEBOG_512 => return Ok(crate::gost::streebog512(data).to_vec()),
        oids::SHA1 | MD5 | GOST_94 => {
            return Err(SignerProblem::WeakAlgorithm {
                detail: format!("digest {}", name(algorithm)),
            })
        }
        _ => {
            return Err(SignerProblem::UnsupportedDigest {
                oid: algorithm.to_string(),
            })
        }
    };
    Ok(digest::digest(ring_alg, data).as_ref().to_vec())
}

/// The X.509 signature algorithm a SignerInfo's (digest, signature) pair stands for.
///
/// # Errors
/// [`SignerProblem::UnsupportedSignature`] when the two do not fit together
/// (for example sha256WithRSA with a SHA-384 digest, or a 256-bit GOST key
/// with Streebog-512).
pub fn signature_algorithm(
    digest: &ObjectIdentifier,
    signature: &AlgorithmIdentifierOwned,
) -> Result<AlgorithmIdentifierOwned, SignerProblem> {
    let unsupported = || SignerProblem::UnsupportedSignature {
        oid: signature.oid.to_string(),
        digest: digest.to_string(),
    };
    let plain = |oid: ObjectIdentifier| AlgorithmIdentifierOwned {
        oid,
        parameters: None,
    };
    let oid = signature.oid;
    let mapped = match (oid, *digest) {
        // The key algorithm alone: the digest decides (RFC 3370 §3.2, RFC 5753 §2.1.1).
        (oids::RSA_ENCRYPTION, oids::SHA256) => plain(oids::SHA256_WITH_RSA),
        (oids::RSA_ENCRYPTION, oids::SHA384) => plain(oids::SHA384_WITH_RSA),
        (oids::RSA_ENCRYPTION, oids::SHA512) => plain(oids::SHA512_WITH_RSA),
        (oids::EC_PUBLIC_KEY, oids::SHA256) => plain(oids::ECDSA_WITH_SHA256),
        (oids::EC_PUBLIC_KEY, oids::SHA384) => plain(oids::ECDSA_WITH_SHA384),
        (gost::KEY_256 | gost::SIGNATURE_256, gost::STREEBOG_256) => plain(gost::SIGNATURE_256),
        (gost::KEY_512 | gost::SIGNATURE_512, gost::STREEBOG_512) => plain(gost::SIGNATURE_512),
        // Full signature algorithms must agree with the digest.
        (oids::SHA256_WITH_RSA | oids::ECDSA_WITH_SHA256, oids::SHA256)
        | (oids::SHA384_WITH_RSA | oids::ECDSA_WITH_SHA384, oids::SHA384)
        | (oids::SHA512_WITH_RSA, oids::SHA512)
        | (oids::ED25519, oids::SHA512)
        | (oids::RSASSA_PSS, _) => signature.clone(),
        // Legacy and unknown algorithms go to the dispatcher, which names
        // weak ones with their own codes.
        (oids::SHA1_WITH_RSA | oids::ECDSA_WITH_SHA1 | oids::MD5_WITH_RSA, _) => signature.clone(),
        (oids::GOST2001_SIGNATURE, _) => signature.clone(),
        _ => return Err(unsupported()),
    };
    Ok(mapped)
}

/// A readable name for the algorithms a report shows; the OID for others.
pub fn name(oid: &ObjectIdentifier) -> String {
    let known = match *oid {
        oids::SHA1 => "sha1",
        oids::SHA256 => "sha256",
        oids::SHA384 => "sha384",
        oids::SHA512 => "sha512",
        gost::STREEBOG_256 => "streebog256",
        gost::STREEBOG_512 => "streebog512",
        oids::RSA_ENCRYPTION => "rsa",
        oids::SHA256_WITH_RSA => "sha256-rsa",
        oids::SHA384_WITH_RSA => "sha384-rsa",
        oids::SHA512_WITH_RSA => "sha512-rsa",
        oids::RSASSA_PSS => "rsa-pss",
        oids::EC_PUBLIC_KEY => "ecdsa",
        oids::ECDSA_WITH_SHA256 => "ecdsa-sha256",
        oids::ECDSA_WITH_SHA384 => "ecdsa-sha384",
        oids::ED25519 => "ed25519",
        gost::KEY_256 | gost::SIGNATURE_256 => "gost2012-256",
        gost::KEY_512 | gost::SIGNATURE_512 => "gost2012-512",
        _ => return oid.to_string(),
    };
    known.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn digests_have_their_sizes_and_weak_ones_are_refused() {
        assert_eq!(digest_of(&oids::SHA256, b"abc").unwrap().len(), 32);
        assert_eq!(digest_of(&oids::SHA512, b"abc").unwrap().len(), 64);
        assert_eq!(
            digest_of(&gost::STREEBOG_256, b"abc").unwrap(),
            crate::gost::streebog256(b"abc").to_vec()
        );
        assert_eq!(
            digest_of(&oids::SHA1, b"abc").unwrap_err().code(),
            "cms.weak_algorithm"
        );
        assert_eq!(
            digest_of(&ObjectIdentifier::new_unwrap("1.2.3"), b"")
                .unwrap_err()
                .code(),
            "cms.unsupported_digest"
        );
    }

    #[test]
    fn key_algorithms_take_the_digest_and_mismatches_are_refused() {
        let alg = |oid| AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        };
        let m = signature_algorithm(&oids::SHA384, &alg(oids::RSA_ENCRYPTION)).unwrap();
        assert_eq!(m.oid, oids::SHA384_WITH_RSA);
        let m = signature_algorithm(&gost::STREEBOG_512, &alg(gost::KEY_512)).unwrap();
        assert_eq!(m.oid, gost::SIGNATURE_512);
        for (d, s) in [
            (gost::STREEBOG_512, gost::KEY_256),
            (oids::SHA384, oids::SHA256_WITH_RSA),
            (oids::SHA256, gost::KEY_256),
        ] {
            assert_eq!(
                signature_algorithm(&d, &alg(s)).unwrap_err().code(),
                "cms.unsupported_signature"
            );
        }
    }
}
