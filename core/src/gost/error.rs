//! Why a GOST key, signature or verification was refused.
//!
//! Every failure of the GOST verifier is one of these variants with a stable
//! code (`gost.*`), so a host can tell a forged signature from a malformed key
//! or a legacy algorithm without reading messages.

use crate::coded::Coded;

/// A refusal of the GOST R 34.10-2012 verifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GostError {
    /// The signature does not verify under the key: forged, corrupted or
    /// made over other data.
    #[error("the gost signature does not match the signed data and the key")]
    BadSignature,
    /// The key names an elliptic-curve parameter set this verifier does not know.
    #[error("unknown gost parameter set {oid}")]
    UnknownParameterSet {
        /// The parameter-set OID found in the key.
        oid: String,
    },
    /// The public key is not a point of the curve of its parameter set.
    #[error("the gost public key is not a point of the curve {param_set}")]
    PointNotOnCurve {
        /// The conventional name of the parameter set.
        param_set: &'static str,
    },
    /// The public key lies on the curve but outside the subgroup of prime
    /// order (possible only on the curves with cofactor 4).
    #[error("the gost public key lies outside the prime-order subgroup of {param_set}")]
    PointNotInSubgroup {
        /// The conventional name of the parameter set.
        param_set: &'static str,
    },
    /// A signature component `r` or `s` is zero or not below the group order `q`.
    #[error("the gost signature component {component} is out of range")]
    ScalarOutOfRange {
        /// `"r"` or `"s"`.
        component: &'static str,
    },
    /// The public key is not encoded as GOST R 34.10-2012 keys are in X.509.
    #[error("malformed gost public key: {reason}")]
    BadKeyEncoding {
        /// What is wrong with the encoding.
        reason: String,
    },
    /// The signature value has the wrong length for the key.
    #[error("a gost signature must be {expected} bytes long, found {actual}")]
    BadSignatureEncoding {
        /// Bytes expected (64 or 128).
        expected: usize,
        /// Bytes found.
        actual: usize,
    },
    /// The digest has the wrong length for the key.
    #[error("a digest for this gost key must be {expected} bytes long, found {actual}")]
    BadDigestLength {
        /// Bytes expected (32 or 64).
        expected: usize,
        /// Bytes found.
        actual: usize,
    },
    /// GOST R 34.10-2001 (key or signature) is legacy and refused.
    #[error("gost r 34.10-2001 is a legacy algorithm and is refused ({oid})")]
    Legacy2001Refused {
        /// The OID of the 2001 key or signature algorithm.
        oid: String,
    },
    /// The key's digest parameter set does not fit its size (Streebog-256 for
    /// 256-bit keys, Streebog-512 for 512-bit ones).
    #[error("the digest parameters {digest_oid} do not fit a {key_bits}-bit gost key")]
    DigestMismatchParameters {
        /// The digestParamSet OID found in the key.
        digest_oid: String,
        /// The key size in bits.
        key_bits: usize,
    },
    /// The signature algorithm's size does not match the key's size.
    #[error(
        "a {signature_bits}-bit gost signature algorithm cannot be used with a {key_bits}-bit key"
    )]
    AlgorithmKeyMismatch {
        /// The size named by the signature algorithm.
        signature_bits: usize,
        /// The size of the key.
        key_bits: usize,
    },
    /// The algorithm is not a GOST R 34.10-2012 one.
    #[error("{oid} is not a gost r 34.10-2012 algorithm")]
    UnsupportedAlgorithm {
        /// The algorithm OID.
        oid: String,
    },
}

impl Coded for GostError {
    fn code(&self) -> &'static str {
        match self {
            Self::BadSignature => "gost.bad_signature",
            Self::UnknownParameterSet { .. } => "gost.unknown_parameter_set",
            Self::PointNotOnCurve { .. } => "gost.point_not_on_curve",
            Self::PointNotInSubgroup { .. } => "gost.point_not_in_subgroup",
            Self::ScalarOutOfRange { .. } => "gost.scalar_out_of_range",
            Self::BadKeyEncoding { .. } => "gost.bad_key_encoding",
            Self::BadSignatureEncoding { .. } => "gost.bad_signature_encoding",
            Self::BadDigestLength { .. } => "gost.bad_digest_length",
            Self::Legacy2001Refused { .. } => "gost.legacy_2001_refused",
            Self::DigestMismatchParameters { .. } => "gost.digest_mismatch_parameters",
            Self::AlgorithmKeyMismatch { .. } => "gost.algorithm_key_mismatch",
            Self::UnsupportedAlgorithm { .. } => "gost.unsupported_algorithm",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::BadSignature => "подпись гост не соответствует подписанным данным и ключу".into(),
            Self::UnknownParameterSet { oid } => format!("неизвестный набор параметров гост {oid}"),
            Self::PointNotOnCurve { param_set } => {
                format!("открытый ключ гост не является точкой кривой {param_set}")
            }
            Self::PointNotInSubgroup { param_set } => {
                format!("открытый ключ гост лежит вне подгруппы простого порядка кривой {param_set}")
            }
            Self::ScalarOutOfRange { component } => {
                format!("компонента {component} подписи гост вне допустимого диапазона")
            }
            Self::BadKeyEncoding { reason } => format!("неверный формат открытого ключа гост: {reason}"),
            Self::BadSignatureEncoding { expected, actual } => {
                format!("подпись гост должна занимать {expected} байт, а занимает {actual}")
            }
            Self::BadDigestLength { expected, actual } => {
                format!("хэш для этого ключа гост должен занимать {expected} байт, а занимает {actual}")
            }
            Self::Legacy2001Refused { oid } => {
                format!("гост р 34.10-2001 устарел и не принимается ({oid})")
            }
            Self::DigestMismatchParameters { digest_oid, key_bits } => {
                format!("параметры хэширования {digest_oid} не подходят к ключу гост длиной {key_bits} бит")
            }
            Self::AlgorithmKeyMismatch { signature_bits, key_bits } => format!(
                "алгоритм подписи гост на {signature_bits} бит нельзя применить к ключу на {key_bits} бит"
            ),
            Self::UnsupportedAlgorithm { oid } => {
                format!("{oid} не является алгоритмом гост р 34.10-2012")
            }
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}
