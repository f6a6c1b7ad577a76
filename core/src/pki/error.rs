//! Every reason a certificate, a CRL or a path can be refused, with stable codes.
//!
//! One enum, [`PkiError`], serves both as the error of the parsing functions
//! and as the reason carried by each [`Problem`](super::Problem) of a
//! [`ValidationReport`](super::ValidationReport). Codes are `pki.reason` and
//! never change between releases; messages exist in Russian and English.

use crate::{Coded, Timestamp};

/// Which weak or retired algorithm was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakAlgorithm {
    /// SHA-1 (or MD5/MD2) as the hash of a signature: collisions are practical.
    Sha1,
    /// An RSA key shorter than 2048 bits.
    ShortRsaKey,
    /// DSA keys or signatures (retired, not supported).
    Dsa,
    /// GOST R 34.10-2001 (retired in Russia since 2019).
    Gost2001,
}

/// A reason a certificate, a CRL or a path is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PkiError {
    /// The input is not a well-formed certificate.
    #[error("the certificate is malformed: {detail}")]
    MalformedCertificate {
        /// What the parser reported.
        detail: String,
    },
    /// The input is not a well-formed certificate revocation list.
    #[error("the certificate revocation list is malformed: {detail}")]
    MalformedCrl {
        /// What the parser reported.
        detail: String,
    },
    /// The input is larger than the limit for one object or a bundle.
    #[error("the input exceeds the limit of {limit} ({what})")]
    TooLarge {
        /// What was counted (bytes, certificates, entries).
        what: &'static str,
        /// The limit that was exceeded.
        limit: usize,
    },
    /// No certificate matches what was asked for.
    #[error("certificate not found: {query}")]
    NotFound {
        /// What was looked for.
        query: String,
    },
    /// Several certificates match a name that should designate one.
    #[error("{count} certificates match the name {query}")]
    Ambiguous {
        /// What was looked for.
        query: String,
        /// How many certificates matched.
        count: usize,
    },
    /// The certificate expired before the time of validation.
    #[error("the certificate expired at {not_after}")]
    Expired {
        /// The end of its validity.
        not_after: Timestamp,
    },
    /// The certificate is not yet valid at the time of validation.
    #[error("the certificate is not valid before {not_before}")]
    NotYetValid {
        /// The start of its validity.
        not_before: Timestamp,
    },
    /// The certificate was revoked by its issuer.
    #[error("the certificate was revoked at {revoked_at} (reason: {reason})")]
    Revoked {
        /// When it was revoked.
        revoked_at: Timestamp,
        /// The CRL reason code name (`unspecified` when absent).
        reason: String,
    },
    /// No usable, current CRL tells whether the certificate is revoked.
    #[error("the revocation status is unknown: {detail}")]
    RevocationUnknown {
        /// Why no CRL could answer.
        detail: String,
    },
    /// No path leads from the certificate to a trust anchor.
    #[error("no path to a trusted root certificate was found")]
    NoTrustedRoot,
    /// A signature does not verify with the issuer's key.
    #[error("the signature does not verify with the issuer's public key")]
    BadSignature,
    /// The public key cannot be read for its declared algorithm.
    #[error("the public key has a wrong format: {detail}")]
    WrongKeyFormat {
        /// What is wrong with it.
        detail: String,
    },
    /// The algorithm is not supported.
    #[error("unsupported algorithm {oid}")]
    UnsupportedAlgorithm {
        /// The algorithm identifier.
        oid: String,
    },
    /// The algorithm is weak or retired and refused.
    #[error("weak or retired algorithm refused: {oid}")]
    WeakAlgorithm {
        /// Which weakness.
        kind: WeakAlgorithm,
        /// The algorithm identifier (or key size for short RSA keys).
        oid: String,
    },
    /// The issuer name of a certificate does not match the subject of the next one up.
    #[error("the issuer name does not match the subject of its issuer")]
    NameChaining,
    /// An issuing certificate is not a certification authority.
    #[error("the issuing certificate is not a certification authority")]
    NotCa,
    /// The path is longer than an issuer's pathLenConstraint allows.
    #[error("the path is longer than a path length constraint allows")]
    PathLenExceeded,
    /// The key usage extension does not allow what the certificate is used for.
    #[error("the key usage does not allow {required}")]
    KeyUsage {
        /// The usage required.
        required: &'static str,
    },
    /// The extended key usage does not contain the required purpose.
    #[error("the extended key usage does not contain {required}")]
    ExtendedKeyUsage {
        /// The purpose required.
        required: String,
    },
    /// A critical extension is not understood.
    #[error("unknown critical extension {oid}")]
    UnknownCriticalExtension {
        /// The extension identifier.
        oid: String,
    },
    /// An extension is present but cannot be read.
    #[error("the extension {oid} is malformed")]
    MalformedExtension {
        /// The extension identifier.
        oid: String,
    },
    /// A name is outside the name constraints of an issuer.
    #[error("the name {name} violates the name constraints of an issuer")]
    NameConstraints {
        /// The offending name.
        name: String,
    },
    /// Certificate policy processing failed (RFC 5280 §6.1.3–6.1.5).
    #[error("certificate policy check failed: {detail}")]
    Policy {
        /// What failed.
        detail: &'static str,
    },
    /// The path is longer than the depth limit.
    #[error("the path is longer than {limit} certificates")]
    PathTooLong {
        /// The limit.
        limit: usize,
    },
    /// An extension appears more than once in a certificate, a CRL or a CRL
    /// entry (RFC 5280 §4.2, §5.2, §5.3); which copy counts would be a guess.
    #[error("the extension {oid} appears more than once")]
    DuplicateExtension {
        /// The extension identifier.
        oid: String,
    },
    /// An extension is marked critical where the profile forbids it, or not
    /// critical where the profile requires it.
    #[error("the extension {oid} {rule}")]
    ExtensionCriticality {
        /// The extension identifier.
        oid: String,
        /// "must be critical" or "must not be critical".
        rule: &'static str,
    },
    /// An extension the profile requires is missing.
    #[error("the certificate lacks the required extension {name}")]
    MissingExtension {
        /// The extension's name.
        name: &'static str,
    },
    /// keyUsage asserts keyCertSign in a certificate that is not a CA (RFC 5280 §4.2.1.3).
    #[error("the key usage allows certificate signing but the certificate is not a certification authority")]
    KeyCertSignWithoutCa,
    /// An end-entity certificate carries name constraints (RFC 5280 §4.2.1.10: CA certificates only).
    #[error("an end-entity certificate carries name constraints")]
    NameConstraintsInEndEntity,
    /// A name constraint of a form that is not processed covers a name of that form.
    #[error(
        "a name constraint of the form {form} covers a name of that form, which is not processed"
    )]
    NameConstraintsUnsupported {
        /// The form (otherName, ediPartyName, registeredID).
        form: &'static str,
    },
    /// A name in a certificate or in a name constraint breaks its syntax.
    #[error("the {form} {name} is not well-formed")]
    InvalidName {
        /// The form (dNSName, rfc822Name, iPAddress, uniformResourceIdentifier, and as constraints).
        form: &'static str,
        /// The name as found.
        name: String,
    },
    /// The serial number is zero, negative or longer than 20 octets (RFC 5280 §4.1.2.2).
    #[error("the serial number is {detail}")]
    InvalidSerial {
        /// What is wrong with it.
        detail: &'static str,
    },
    /// A certification authority's subject is empty (RFC 5280 §4.1.2.6).
    #[error("the subject of a certification authority is empty")]
    EmptySubject,
    /// A CRL lacks cRLNumber (RFC 5280 §5.2.3: conforming issuers must include it).
    #[error("the certificate revocation list has no crl number")]
    CrlNumberMissing,
    /// A CRL marks cRLNumber critical (RFC 5280 §5.2.3: it must not be).
    #[error("the crl number of the certificate revocation list is marked critical")]
    CrlNumberCritical,
    /// Validation work exceeded the budget (signatures or paths tried).
    #[error("the validation work budget was exhausted ({what})")]
    BudgetExhausted {
        /// Which budget.
        what: &'static str,
    },
}

/// The rule of [`PkiError::ExtensionCriticality`] for an extension that must be critical.
pub const CRITICAL_REQUIRED: &str = "must be critical";
/// The rule of [`PkiError::ExtensionCriticality`] for an extension that must not be critical.
pub const CRITICAL_FORBIDDEN: &str = "must not be critical";
/// The detail of [`PkiError::InvalidSerial`] for a zero serial number.
pub const SERIAL_ZERO: &str = "zero";
/// The detail of [`PkiError::InvalidSerial`] for a negative serial number.
pub const SERIAL_NEGATIVE: &str = "negative";
/// The detail of [`PkiError::InvalidSerial`] for a serial number over 20 octets.
pub const SERIAL_TOO_LONG: &str = "longer than 20 octets";

impl PkiError {
    /// Whether this problem is about an algorithm that cannot be used (weak or unsupported).
    pub fn is_algorithm_refusal(&self) -> bool {
        matches!(
            self,
            Self::UnsupportedAlgorithm { .. } | Self::WeakAlgorithm { .. }
        )
    }
}

impl Coded for PkiError {
    fn code(&self) -> &'static str {
        match self {
            Self::MalformedCertificate { .. } => "pki.malformed_certificate",
            Self::MalformedCrl { .. } => "pki.malformed_crl",
            Self::TooLarge { .. } => "pki.too_large",
            Self::NotFound { .. } => "pki.not_found",
            Self::Ambiguous { .. } => "pki.ambiguous",
            Self::Expired { .. } => "pki.expired",
            Self::NotYetValid { .. } => "pki.not_yet_valid",
            Self::Revoked { .. } => "pki.revoked",
            Self::RevocationUnknown { .. } => "pki.revocation_unknown",
            Self::NoTrustedRoot => "pki.no_trusted_root",
            Self::BadSignature => "pki.bad_signature",
            Self::WrongKeyFormat { .. } => "pki.wrong_key_format",
            Self::UnsupportedAlgorithm { .. } => "pki.unsupported_algorithm",
            Self::WeakAlgorithm { kind, .. } => match kind {
                WeakAlgorithm::Sha1 => "pki.weak_sha1",
                WeakAlgorithm::ShortRsaKey => "pki.weak_rsa_key",
                WeakAlgorithm::Dsa => "pki.weak_dsa",
                WeakAlgorithm::Gost2001 => "pki.weak_gost2001",
            },
            Self::NameChaining => "pki.name_chaining",
            Self::NotCa => "pki.not_ca",
            Self::PathLenExceeded => "pki.path_len_exceeded",
            Self::KeyUsage { .. } => "pki.key_usage",
            Self::ExtendedKeyUsage { .. } => "pki.extended_key_usage",
            Self::UnknownCriticalExtension { .. } => "pki.unknown_critical_extension",
            Self::MalformedExtension { .. } => "pki.malformed_extension",
            Self::NameConstraints { .. } => "pki.name_constraints",
            Self::Policy { .. } => "pki.policy",
            Self::PathTooLong { .. } => "pki.path_too_long",
            Self::BudgetExhausted { .. } => "pki.budget_exhausted",
            Self::DuplicateExtension { .. } => "pki.duplicate_extension",
            Self::ExtensionCriticality { .. } => "pki.extension_criticality",
            Self::MissingExtension { .. } => "pki.missing_extension",
            Self::KeyCertSignWithoutCa => "pki.key_cert_sign_without_ca",
            Self::NameConstraintsInEndEntity => "pki.name_constraints_in_end_entity",
            Self::NameConstraintsUnsupported { .. } => "pki.name_constraints_unsupported",
            Self::InvalidName { .. } => "pki.invalid_name",
            Self::InvalidSerial { .. } => "pki.invalid_serial",
            Self::EmptySubject => "pki.empty_subject",
            Self::CrlNumberMissing => "pki.crl_number_missing",
            Self::CrlNumberCritical => "pki.crl_number_critical",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::MalformedCertificate { detail } => format!("сертификат повреждён: {detail}"),
            Self::MalformedCrl { detail } => format!("список отзыва повреждён: {detail}"),
            Self::TooLarge { what, limit } => {
                format!("входные данные превышают предел {limit} ({what})")
            }
            Self::NotFound { query } => format!("сертификат не найден: {query}"),
            Self::Ambiguous { query, count } => {
                format!("имени {query} соответствуют несколько сертификатов ({count})")
            }
            Self::Expired { not_after } => format!("срок действия сертификата истёк {not_after}"),
            Self::NotYetValid { not_before } => {
                format!("сертификат ещё не действует, начало действия {not_before}")
            }
            Self::Revoked { revoked_at, reason } => {
                format!("сертификат отозван {revoked_at} (причина: {reason})")
            }
            Self::RevocationUnknown { detail } => format!("статус отзыва неизвестен: {detail}"),
            Self::NoTrustedRoot => "не найдена цепочка до доверенного корневого сертификата".into(),
            Self::BadSignature => "подпись не проверяется открытым ключом издателя".into(),
            Self::WrongKeyFormat { detail } => format!("неверный формат открытого ключа: {detail}"),
            Self::UnsupportedAlgorithm { oid } => format!("алгоритм {oid} не поддерживается"),
            Self::WeakAlgorithm { oid, .. } => {
                format!("слабый или выведенный из обращения алгоритм отклонён: {oid}")
            }
            Self::NameChaining => {
                "имя издателя не совпадает с именем владельца сертификата издателя".into()
            }
            Self::NotCa => {
                "сертификат издателя не является сертификатом удостоверяющего центра".into()
            }
            Self::PathLenExceeded => "цепочка длиннее, чем позволяет ограничение длины пути".into(),
            Self::KeyUsage { required } => format!("назначение ключа не допускает {required}"),
            Self::ExtendedKeyUsage { required } => {
                format!("расширенное назначение ключа не содержит {required}")
            }
            Self::UnknownCriticalExtension { oid } => {
                format!("неизвестное критическое расширение {oid}")
            }
            Self::MalformedExtension { oid } => format!("расширение {oid} повреждено"),
            Self::NameConstraints { name } => {
                format!("имя {name} нарушает ограничения имён издателя")
            }
            Self::Policy { detail } => {
                format!("проверка политик сертификата не пройдена: {detail}")
            }
            Self::PathTooLong { limit } => format!("цепочка длиннее {limit} сертификатов"),
            Self::BudgetExhausted { what } => format!("исчерпан лимит работы проверки ({what})"),
            Self::DuplicateExtension { oid } => format!("расширение {oid} повторяется"),
            Self::ExtensionCriticality { oid, rule } => {
                let rule = if *rule == CRITICAL_REQUIRED {
                    "должно быть критическим"
                } else {
                    "не должно быть критическим"
                };
                format!("расширение {oid} {rule}")
            }
            Self::MissingExtension { name } => {
                format!("в сертификате нет обязательного расширения {name}")
            }
            Self::KeyCertSignWithoutCa => "назначение ключа разрешает подпись сертификатов, но сертификат не является сертификатом удостоверяющего центра".into(),
            Self::NameConstraintsInEndEntity => {
                "сертификат конечного пользователя содержит ограничения имён".into()
            }
            Self::NameConstraintsUnsupported { form } => format!(
                "ограничение имён вида {form} распространяется на имя этого вида, которое не обрабатывается"
            ),
            Self::InvalidName { form, name } => format!("имя {name} ({form}) записано неверно"),
            Self::InvalidSerial { detail } => {
                let detail = match *detail {
                    SERIAL_ZERO => "равен нулю",
                    SERIAL_NEGATIVE => "отрицателен",
                    _ => "длиннее 20 байт",
                };
                format!("серийный номер {detail}")
            }
            Self::EmptySubject => "имя владельца сертификата удостоверяющего центра пусто".into(),
            Self::CrlNumberMissing => "в списке отзыва нет номера (cRLNumber)".into(),
            Self::CrlNumberCritical => {
                "номер списка отзыва (cRLNumber) помечен как критический".into()
            }
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_per_weakness() {
        let codes: Vec<&str> = [
            WeakAlgorithm::Sha1,
            WeakAlgorithm::ShortRsaKey,
            WeakAlgorithm::Dsa,
            WeakAlgorithm::Gost2001,
        ]
        .iter()
        .map(|kind| {
            PkiError::WeakAlgorithm {
                kind: *kind,
                oid: String::new(),
            }
            .code()
        })
        .collect();
        assert_eq!(
            codes,
            [
                "pki.weak_sha1",
                "pki.weak_rsa_key",
                "pki.weak_dsa",
                "pki.weak_gost2001"
            ]
        );
    }

    #[test]
    fn messages_are_lowercase_without_period() {
        let e = PkiError::NoTrustedRoot;
        assert!(!e.message_en().ends_with('.'));
        assert!(e.message_ru().starts_with('н'));
        assert_eq!(e.to_string(), e.message_en());
    }
}
