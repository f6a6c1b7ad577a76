//! What can be wrong with a CMS message or with one of its signers, with stable codes.
//!
//! [`CmsError`] refuses a whole message (it cannot be read or exceeds a
//! limit); [`SignerProblem`] is one problem of one signer, reported in
//! [`super::SignerReport`] next to the others.

use crate::pki::PkiError;
use crate::Coded;

/// A message that cannot be verified at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CmsError {
    /// The input is larger than the limit.
    #[error("the message is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is not a DER or PEM CMS ContentInfo.
    #[error("the message cannot be read: {detail}")]
    Malformed {
        /// What the decoder reported.
        detail: String,
    },
    /// The ContentInfo holds something other than SignedData.
    #[error("the message is not signed data but {content_type}")]
    NotSignedData {
        /// The content type found.
        content_type: String,
    },
    /// The message has no signer.
    #[error("the message has no signer")]
    NoSigners,
    /// Too many signers.
    #[error("the message has {count} signers, more than the limit of {limit}")]
    TooManySigners {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Too many certificates.
    #[error("the message carries {count} certificates, more than the limit of {limit}")]
    TooManyCertificates {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The content is detached and was not supplied.
    #[error("the content is detached and was not supplied")]
    ContentMissing,
    /// The content is both attached and supplied, and the two differ.
    #[error("the supplied content differs from the content inside the message")]
    ContentConflict,
}

impl Coded for CmsError {
    fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "cms.too_large",
            Self::Malformed { .. } => "cms.malformed",
            Self::NotSignedData { .. } => "cms.not_signed_data",
            Self::NoSigners => "cms.no_signers",
            Self::TooManySigners { .. } => "cms.too_many_signers",
            Self::TooManyCertificates { .. } => "cms.too_many_certificates",
            Self::ContentMissing => "cms.content_missing",
            Self::ContentConflict => "cms.content_conflict",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::TooLarge { size, limit } => {
                format!("сообщение занимает {size} байт, больше предела {limit}")
            }
            Self::Malformed { detail } => format!("сообщение не читается: {detail}"),
            Self::NotSignedData { content_type } => {
                format!("сообщение не является подписанными данными, а {content_type}")
            }
            Self::NoSigners => "в сообщении нет подписантов".into(),
            Self::TooManySigners { count, limit } => {
                format!("в сообщении {count} подписантов, больше предела {limit}")
            }
            Self::TooManyCertificates { count, limit } => {
                format!("в сообщении {count} сертификатов, больше предела {limit}")
            }
            Self::ContentMissing => "содержимое отсоединено и не передано".into(),
            Self::ContentConflict => {
                "переданное содержимое отличается от содержимого в сообщении".into()
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// One problem of one signer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignerProblem {
    /// No certificate matches the signer identifier.
    #[error("the signer's certificate was not found")]
    SignerNotFound,
    /// The digest algorithm is not supported.
    #[error("unsupported digest algorithm {oid}")]
    UnsupportedDigest {
        /// Its OID.
        oid: String,
    },
    /// The digest or signature algorithm is weak (SHA-1, MD5, GOST R 34.10-2001, short RSA).
    #[error("weak algorithm: {detail}")]
    WeakAlgorithm {
        /// Which.
        detail: String,
    },
    /// The signature algorithm is not supported or does not fit the digest algorithm.
    #[error("unsupported signature algorithm {oid} with digest {digest}")]
    UnsupportedSignature {
        /// The signature algorithm OID.
        oid: String,
        /// The digest algorithm OID.
        digest: String,
    },
    /// The signer's key does not fit the signature algorithm.
    #[error("the signer's key does not fit the algorithm: {detail}")]
    WrongKeyFormat {
        /// Why.
        detail: String,
    },
    /// A signed attribute required by RFC 5652 §5.3 is absent.
    #[error("the signed attribute {name} is missing")]
    MissingAttribute {
        /// Its name.
        name: &'static str,
    },
    /// A signed attribute cannot be read or has not exactly one value.
    #[error("the signed attribute {name} is malformed")]
    BadAttribute {
        /// Its name.
        name: &'static str,
    },
    /// Too many signed attributes.
    #[error("{count} signed attributes, more than the limit of {limit}")]
    TooManyAttributes {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The content-type attribute differs from the encapsulated content type.
    #[error("the signed content type {signed} differs from the content type {actual}")]
    ContentTypeMismatch {
        /// In the attribute.
        signed: String,
        /// Of the encapsulated content.
        actual: String,
    },
    /// Without signed attributes the content must be id-data (RFC 5652 §5.3).
    #[error("content of type {content_type} is signed without signed attributes")]
    ContentTypeNotData {
        /// The content type.
        content_type: String,
    },
    /// The message-digest attribute is not the digest of the content.
    #[error("the content does not match the signed message digest")]
    DigestMismatch,
    /// The signature does not verify.
    #[error("the signature does not verify")]
    BadSignature,
    /// The signing time is after the time of verification.
    #[error("the signing time {signing_time} is after the time of verification {at}")]
    SigningTimeInFuture {
        /// The signing time.
        signing_time: String,
        /// The time of verification.
        at: String,
    },
    /// The signer's certificate does not validate (details in its report).
    #[error("the signer's certificate is not valid: {codes}")]
    CertificateInvalid {
        /// The codes of its validation problems.
        codes: String,
    },
    /// A signature timestamp cannot be read as an RFC 3161 token.
    #[error("the signature timestamp cannot be read")]
    TimestampMalformed,
    /// A signature timestamp vouches for another signature value.
    #[error("the signature timestamp is of another signature")]
    TimestampImprint,
    /// A signature timestamp's own signature or certificate is not valid.
    #[error("the signature timestamp is not valid: {codes}")]
    TimestampInvalid {
        /// The codes of the token's problems.
        codes: String,
    },
}

impl SignerProblem {
    /// The problem a failed signature verification means for a signer.
    pub(crate) fn from_signature(e: PkiError, oid: &str, digest: &str) -> Self {
        match e {
            PkiError::BadSignature => Self::BadSignature,
            PkiError::WeakAlgorithm { .. } => Self::WeakAlgorithm {
                detail: e.message_en(),
            },
            PkiError::UnsupportedAlgorithm { .. } => Self::UnsupportedSignature {
                oid: oid.into(),
                digest: digest.into(),
            },
            other => Self::WrongKeyFormat {
                detail: other.message_en(),
            },
        }
    }
}

impl Coded for SignerProblem {
    fn code(&self) -> &'static str {
        match self {
            Self::SignerNotFound => "cms.signer_not_found",
            Self::UnsupportedDigest { .. } => "cms.unsupported_digest",
            Self::WeakAlgorithm { .. } => "cms.weak_algorithm",
            Self::UnsupportedSignature { .. } => "cms.unsupported_signature",
            Self::WrongKeyFormat { .. } => "cms.wrong_key_format",
            Self::MissingAttribute { .. } => "cms.missing_attribute",
            Self::BadAttribute { .. } => "cms.bad_attribute",
            Self::TooManyAttributes { .. } => "cms.too_many_attributes",
            Self::ContentTypeMismatch { .. } => "cms.content_type_mismatch",
            Self::ContentTypeNotData { .. } => "cms.content_type_not_data",
            Self::DigestMismatch => "cms.digest_mismatch",
            Self::BadSignature => "cms.bad_signature",
            Self::SigningTimeInFuture { .. } => "cms.signing_time_in_future",
            Self::CertificateInvalid { .. } => "cms.certificate_invalid",
            Self::TimestampMalformed => "cms.timestamp_malformed",
            Self::TimestampImprint => "cms.timestamp_imprint",
            Self::TimestampInvalid { .. } => "cms.timestamp_invalid",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::SignerNotFound => "сертификат подписанта не найден".into(),
            Self::UnsupportedDigest { oid } => {
                format!("алгоритм хэширования {oid} не поддерживается")
            }
            Self::WeakAlgorithm { detail } => format!("слабый алгоритм: {detail}"),
            Self::UnsupportedSignature { oid, digest } => {
                format!("алгоритм подписи {oid} с хэшированием {digest} не поддерживается")
            }
            Self::WrongKeyFormat { detail } => {
                format!("ключ подписанта не подходит к алгоритму: {detail}")
            }
            Self::MissingAttribute { name } => format!("нет подписанного атрибута {name}"),
            Self::BadAttribute { name } => format!("подписанный атрибут {name} искажён"),
            Self::TooManyAttributes { count, limit } => {
                format!("{count} подписанных атрибутов, больше предела {limit}")
            }
            Self::ContentTypeMismatch { signed, actual } => {
                format!("подписанный тип содержимого {signed} отличается от типа {actual}")
            }
            Self::ContentTypeNotData { content_type } => {
                format!("содержимое типа {content_type} подписано без подписанных атрибутов")
            }
            Self::DigestMismatch => "содержимое не совпадает с подписанным хэшем".into(),
            Self::BadSignature => "подпись неверна".into(),
            Self::SigningTimeInFuture { signing_time, at } => {
                format!("время подписания {signing_time} позже времени проверки {at}")
            }
            Self::CertificateInvalid { codes } => {
                format!("сертификат подписанта недействителен: {codes}")
            }
            Self::TimestampMalformed => "штамп времени подписи не читается".into(),
            Self::TimestampImprint => "штамп времени выдан на другую подпись".into(),
            Self::TimestampInvalid { codes } => {
                format!("штамп времени подписи недействителен: {codes}")
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}
