//! The algorithm URIs of XML signatures, mapped onto the library's digests,
//! signature verifiers and canonicalizations.
//!
//! GOST R 34.10/34.11-2012 under both URI families met in practice: the
//! CryptoPro `urn:ietf:params:xml:ns:cpxmlsec:algorithms:` ones (СМЭВ 3,
//! xmlsec) and RFC 9231's `http://www.w3.org/2001/04/xmldsig-more#` ones.
//! RSA PKCS#1 v1.5 and ECDSA with SHA-2 (RFC 6931). SHA-1, MD5 and GOST
//! R 34.11-94 / 34.10-2001 are refused as weak; HMAC (no public key) and
//! anything else as unsupported.

use const_oid::ObjectIdentifier;
use ring::digest;
use spki::AlgorithmIdentifierOwned;

use super::XmlSigProblem;
use crate::gost::oids as gost;
use crate::pki::oids;
use crate::xml::c14n::C14nMode;

const CPXMLSEC: &str = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:";
const MORE: &str = "http://www.w3.org/2001/04/xmldsig-more#";
const DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";

/// Canonical XML 1.0 without comments.
pub const C14N: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/// Exclusive XML Canonicalization 1.0 without comments.
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
/// The enveloped-signature transform.
pub const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
/// XPath filtering (XML-DSig §6.6.3).
pub const XPATH: &str = "http://www.w3.org/TR/1999/REC-xpath-19991116";
/// The SMEV 3 transform.
pub const SMEV: &str = "urn://smev-gov-ru/xmldsig/transform";

/// A digest algorithm of a Reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digest {
    /// GOST R 34.11-2012, 256 bits.
    Streebog256,
    /// GOST R 34.11-2012, 512 bits.
    Streebog512,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Digest {
    /// The algorithm a DigestMethod URI names.
    ///
    /// # Errors
    /// [`XmlSigProblem::WeakAlgorithm`] or [`XmlSigProblem::UnsupportedAlgorithm`].
    pub fn from_uri(uri: &str) -> Result<Self, XmlSigProblem> {
        let gost_name = uri
            .strip_prefix(CPXMLSEC)
            .or_else(|| uri.strip_prefix(MORE));
        match (gost_name, uri) {
            (Some("gostr34112012-256"), _) => Ok(Self::Streebog256),
            (Some("gostr34112012-512"), _) => Ok(Self::Streebog512),
            (_, "http://www.w3.org/2001/04/xmlenc#sha256") => Ok(Self::Sha256),
            (_, "http://www.w3.org/2001/04/xmldsig-more#sha384") => Ok(Self::Sha384),
            (_, "http://www.w3.org/2001/04/xmlenc#sha512") => Ok(Self::Sha512),
            (Some("gostr3411" | "md5"), _) | (_, "http://www.w3.org/2000/09/xmldsig#sha1") => {
                Err(XmlSigProblem::WeakAlgorithm { uri: uri.into() })
            }
            _ => Err(XmlSigProblem::UnsupportedAlgorithm { uri: uri.into() }),
        }
    }

    /// The digest of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let ring_alg = match self {
            Self::Streebog256 => return crate::gost::streebog256(data).to_vec(),
            Self::Streebog512 => return crate::gost::streebog512(data).to_vec(),
            Self::Sha256 => &digest::SHA256,
            Self::Sha384 => &digest::SHA384,
            Self::Sha512 => &digest::SHA512,
        };
        digest::digest(ring_alg, data).as_ref().to_vec()
    }
}

/// A SignatureMethod: the X.509 algorithm the verifier dispatches on, and
/// whether the value is ECDSA's raw `r‖s` (RFC 6931 §3.3.1), which the
/// verifier takes in DER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureMethod {
    /// The X.509 signature algorithm.
    pub algorithm: AlgorithmIdentifierOwned,
    /// Whether the value is ECDSA's `r‖s`.
    pub raw_ecdsa: bool,
}

impl SignatureMethod {
    /// The method a SignatureMethod URI names.
    ///
    /// # Errors
    /// [`XmlSigProblem::WeakAlgorithm`] or [`XmlSigProblem::UnsupportedAlgorithm`].
    pub fn from_uri(uri: &str) -> Result<Self, XmlSigProblem> {
        let gost_name = uri
            .strip_prefix(CPXMLSEC)
            .or_else(|| uri.strip_prefix(MORE));
        let (oid, raw_ecdsa): (ObjectIdentifier, bool) = match (gost_name, uri.strip_prefix(MORE)) {
            (Some("gostr34102012-gostr34112012-256"), _) => (gost::SIGNATURE_256, false),
            (Some("gostr34102012-gostr34112012-512"), _) => (gost::SIGNATURE_512, false),
            (_, Some("rsa-sha256")) => (oids::SHA256_WITH_RSA, false),
            (_, Some("rsa-sha384")) => (oids::SHA384_WITH_RSA, false),
            (_, Some("rsa-sha512")) => (oids::SHA512_WITH_RSA, false),
            (_, Some("ecdsa-sha256")) => (oids::ECDSA_WITH_SHA256, true),
            (_, Some("ecdsa-sha384")) => (oids::ECDSA_WITH_SHA384, true),
            (Some("gostr34102001-gostr3411"), _) | (_, Some("rsa-md5" | "ecdsa-sha1")) => {
                return Err(XmlSigProblem::WeakAlgorithm { uri: uri.into() })
            }
            _ if uri.strip_prefix(DSIG).is_some_and(|n| n.ends_with("-sha1")) => {
                return Err(XmlSigProblem::WeakAlgorithm { uri: uri.into() })
            }
            _ => return Err(XmlSigProblem::UnsupportedAlgorithm { uri: uri.into() }),
        };
        Ok(Self {
            algorithm: AlgorithmIdentifierOwned {
                oid,
                parameters: None,
            },
            raw_ecdsa,
        })
    }
}

/// The canonicalization a CanonicalizationMethod or Transform URI names,
/// `None` when it is not one.
pub fn canonicalization(uri: &str, inclusive_prefixes: Vec<String>) -> Option<C14nMode> {
    match uri {
        C14N => Some(C14nMode::Inclusive),
        EXC_C14N => Some(C14nMode::Exclusive { inclusive_prefixes }),
        _ => None,
    }
}

/// ECDSA's `r‖s` as the DER `SEQUENCE { INTEGER r, INTEGER s }` the verifier takes.
///
/// # Errors
/// [`XmlSigProblem::BadSignatureValue`] for an odd or empty length.
pub fn ecdsa_der(raw: &[u8]) -> Result<Vec<u8>, XmlSigProblem> {
    use der::asn1::UintRef;
    use der::Encode;
    let bad = || XmlSigProblem::BadSignatureValue {
        detail: "an ECDSA value is r and s of equal length".into(),
    };
    if raw.is_empty() || raw.len() % 2 != 0 {
        return Err(bad());
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    let r = UintRef::new(r).map_err(|_| bad())?;
    let s = UintRef::new(s).map_err(|_| bad())?;
    let body_len = (r.encoded_len().map_err(|_| bad())? + s.encoded_len().map_err(|_| bad())?)
        .map_err(|_| bad())?;
    let mut out = Vec::new();
    der::Header::new(der::Tag::Sequence, body_len)
        .and_then(|h| h.encode_to_vec(&mut out))
        .and_then(|_| r.encode_to_vec(&mut out))
        .and_then(|_| s.encode_to_vec(&mut out))
        .map_err(|_| bad())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gost_uris_of_both_families_are_known() {
        for prefix in [CPXMLSEC, MORE] {
            assert_eq!(
                Digest::from_uri(&format!("{prefix}gostr34112012-256")),
                Ok(Digest::Streebog256)
            );
            let m = SignatureMethod::from_uri(&format!("{prefix}gostr34102012-gostr34112012-512"))
                .unwrap();
            assert_eq!(m.algorithm.oid, gost::SIGNATURE_512);
        }
    }

    #[test]
    fn weak_and_unknown_algorithms_are_named() {
        let weak = |r: Result<SignatureMethod, XmlSigProblem>| {
            matches!(r, Err(XmlSigProblem::WeakAlgorithm { .. }))
        };
        assert!(weak(SignatureMethod::from_uri(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
        )));
        assert!(weak(SignatureMethod::from_uri(&format!(
            "{CPXMLSEC}gostr34102001-gostr3411"
        ))));
        assert!(matches!(
            Digest::from_uri("http://www.w3.org/2000/09/xmldsig#sha1"),
            Err(XmlSigProblem::WeakAlgorithm { .. })
        ));
        assert!(matches!(
            SignatureMethod::from_uri("http://www.w3.org/2000/09/xmldsig#hmac-sha256"),
            Err(XmlSigProblem::UnsupportedAlgorithm { .. })
        ));
    }

    #[test]
    fn ecdsa_values_become_der_with_sign_padding() {
        let mut raw = vec![0x80; 32];
        raw.extend([0x01; 32]);
        let der = ecdsa_der(&raw).unwrap();
        assert_eq!(der.first(), Some(&0x30));
        assert_eq!(der.get(2..4), Some(&[0x02, 33][..]));
        assert!(ecdsa_der(&[1, 2, 3]).is_err());
    }
}
