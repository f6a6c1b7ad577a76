//! What can be wrong with a signed XML document or with one of its
//! signatures, with stable `xmldsig.*` codes.
//!
//! [`XmlDsigError`] refuses a whole document (it cannot be read, holds no
//! signature, or exceeds a limit); [`XmlSigProblem`] is one problem of one
//! signature or one of its references, reported next to the others.

use crate::pki::PkiError;
use crate::xml::XmlBoundsError;
use crate::Coded;

/// A document whose signatures cannot be verified at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlDsigError {
    /// The input is larger than the limit.
    #[error("the document is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is not UTF-8, or declares another encoding.
    #[error("the document is not in UTF-8: {detail}")]
    Encoding {
        /// What was found.
        detail: String,
    },
    /// The input is not a well-formed XML document within the limits.
    #[error("the document cannot be read: {detail}")]
    Malformed {
        /// What the parser said.
        detail: String,
    },
    /// The document holds no `ds:Signature`.
    #[error("the document holds no XML signature")]
    NoSignature,
    /// More signatures than the limit.
    #[error("the document holds {count} signatures, more than the limit of {limit}")]
    TooManySignatures {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

impl From<XmlBoundsError> for XmlDsigError {
    fn from(e: XmlBoundsError) -> Self {
        Self::Malformed {
            detail: match e {
                XmlBoundsError::Dtd => "a document type declaration is not accepted".into(),
                XmlBoundsError::Malformed { line, reason } => format!("line {line}: {reason}"),
                XmlBoundsError::TooComplex { limit } => format!("over the {limit} limit"),
            },
        }
    }
}

impl Coded for XmlDsigError {
    fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "xmldsig.too_large",
            Self::Encoding { .. } => "xmldsig.encoding",
            Self::Malformed { .. } => "xmldsig.malformed",
            Self::NoSignature => "xmldsig.no_signature",
            Self::TooManySignatures { .. } => "xmldsig.too_many_signatures",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::TooLarge { size, limit } => {
                format!("документ занимает {size} байт, больше предела {limit}")
            }
            Self::Encoding { detail } => format!("документ не в кодировке UTF-8: {detail}"),
            Self::Malformed { detail } => format!("документ не читается: {detail}"),
            Self::NoSignature => "в документе нет XML-подписи".into(),
            Self::TooManySignatures { count, limit } => {
                format!("в документе {count} подписей, больше предела {limit}")
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// One problem of one signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlSigProblem {
    /// The `ds:Signature` element lacks a part or has one twice.
    #[error("the signature element is malformed: {detail}")]
    Structure {
        /// What is wrong.
        detail: String,
    },
    /// An algorithm is not supported.
    #[error("unsupported algorithm {uri}")]
    UnsupportedAlgorithm {
        /// Its URI.
        uri: String,
    },
    /// An algorithm is weak (SHA-1, MD5, GOST R 34.11-94, GOST R 34.10-2001).
    #[error("weak algorithm {uri}")]
    WeakAlgorithm {
        /// Its URI.
        uri: String,
    },
    /// A transform is not supported, or not in an order that can be applied.
    #[error("unsupported transform: {detail}")]
    UnsupportedTransform {
        /// Which, and why.
        detail: String,
    },
    /// The references of the document need more canonicalization and
    /// transform output than one verification may produce; this one was not
    /// computed.
    #[error("the references need more than {limit} bytes of canonicalization and transforms: not computed")]
    TooMuchWork {
        /// The bytes one verification may produce.
        limit: usize,
    },
    /// A Reference URI is not `""` or `#id`.
    #[error("unsupported reference URI {uri}")]
    UnsupportedReference {
        /// The URI.
        uri: String,
    },
    /// No element carries the referenced identifier.
    #[error("no element has the identifier {id}")]
    ReferenceNotFound {
        /// The identifier.
        id: String,
    },
    /// Several elements carry the referenced identifier (a signature-wrapping attempt).
    #[error("{count} elements have the identifier {id}")]
    DuplicateId {
        /// The identifier.
        id: String,
        /// How many.
        count: usize,
    },
    /// The digest of a reference differs from its DigestValue.
    #[error("the content of reference {uri} does not match its digest")]
    DigestMismatch {
        /// The Reference URI.
        uri: String,
    },
    /// A DigestValue or SignatureValue is not base64 of the right size.
    #[error("the signature value cannot be read: {detail}")]
    BadSignatureValue {
        /// Why.
        detail: String,
    },
    /// The SignatureValue does not verify over the canonical SignedInfo.
    #[error("the signature value does not verify")]
    BadSignature,
    /// The signer's key does not fit the signature method.
    #[error("the signer's key does not fit the signature method: {detail}")]
    WrongKeyFormat {
        /// Why.
        detail: String,
    },
    /// KeyInfo carries no certificate, or no single signer among several.
    #[error("the signer's certificate is not in KeyInfo: {detail}")]
    NoCertificate {
        /// Why.
        detail: String,
    },
    /// A certificate in KeyInfo cannot be read.
    #[error("a certificate in KeyInfo cannot be read: {detail}")]
    BadCertificate {
        /// What the reader said.
        detail: String,
    },
    /// The signer's certificate does not validate (details in its report).
    #[error("the signer's certificate is not valid: {codes}")]
    CertificateInvalid {
        /// The codes of its validation problems.
        codes: String,
    },
}

impl XmlSigProblem {
    /// The problem a failed signature verification means.
    pub(crate) fn from_signature(e: PkiError, uri: &str) -> Self {
        match e {
            PkiError::BadSignature => Self::BadSignature,
            PkiError::WeakAlgorithm { .. } => Self::WeakAlgorithm { uri: uri.into() },
            PkiError::UnsupportedAlgorithm { .. } => Self::UnsupportedAlgorithm { uri: uri.into() },
            other => Self::WrongKeyFormat {
                detail: other.message_en(),
            },
        }
    }
}

impl Coded for XmlSigProblem {
    fn code(&self) -> &'static str {
        match self {
            Self::Structure { .. } => "xmldsig.structure",
            Self::UnsupportedAlgorithm { .. } => "xmldsig.unsupported_algorithm",
            Self::WeakAlgorithm { .. } => "xmldsig.weak_algorithm",
            Self::UnsupportedTransform { .. } => "xmldsig.unsupported_transform",
            Self::TooMuchWork { .. } => "xmldsig.too_much_work",
            Self::UnsupportedReference { .. } => "xmldsig.unsupported_reference",
            Self::ReferenceNotFound { .. } => "xmldsig.reference_not_found",
            Self::DuplicateId { .. } => "xmldsig.duplicate_id",
            Self::DigestMismatch { .. } => "xmldsig.digest_mismatch",
            Self::BadSignatureValue { .. } => "xmldsig.bad_signature_value",
            Self::BadSignature => "xmldsig.bad_signature",
            Self::WrongKeyFormat { .. } => "xmldsig.wrong_key_format",
            Self::NoCertificate { .. } => "xmldsig.no_certificate",
            Self::BadCertificate { .. } => "xmldsig.bad_certificate",
            Self::CertificateInvalid { .. } => "xmldsig.certificate_invalid",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Structure { detail } => format!("элемент подписи искажён: {detail}"),
            Self::UnsupportedAlgorithm { uri } => format!("алгоритм {uri} не поддерживается"),
            Self::WeakAlgorithm { uri } => format!("слабый алгоритм {uri}"),
            Self::UnsupportedTransform { detail } => {
                format!("преобразование не поддерживается: {detail}")
            }
            Self::TooMuchWork { limit } => format!(
                "ссылки документа требуют более {limit} байт канонизации и преобразований: не вычислено"
            ),
            Self::UnsupportedReference { uri } => format!("ссылка {uri} не поддерживается"),
            Self::ReferenceNotFound { id } => format!("нет элемента с идентификатором {id}"),
            Self::DuplicateId { id, count } => {
                format!("идентификатор {id} носят {count} элемента")
            }
            Self::DigestMismatch { uri } => {
                format!("содержимое по ссылке {uri} не совпадает с его хэшем")
            }
            Self::BadSignatureValue { detail } => format!("значение подписи не читается: {detail}"),
            Self::BadSignature => "значение подписи неверно".into(),
            Self::WrongKeyFormat { detail } => {
                format!("ключ подписанта не подходит к алгоритму подписи: {detail}")
            }
            Self::NoCertificate { detail } => {
                format!("сертификата подписанта нет в KeyInfo: {detail}")
            }
            Self::BadCertificate { detail } => {
                format!("сертификат в KeyInfo не читается: {detail}")
            }
            Self::CertificateInvalid { codes } => {
                format!("сертификат подписанта недействителен: {codes}")
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}
