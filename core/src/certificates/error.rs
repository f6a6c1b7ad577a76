//! Why a certificate could not be bound or unbound.

use crate::coded::Coded;
use crate::pki::russian::HolderMismatch;
use crate::Timestamp;

/// A refused certificate binding or unbinding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// The validation report is not valid: the certificate cannot be bound.
    #[error("the certificate is not valid: {}", problems.join(", "))]
    Invalid {
        /// The codes of the problems the validation found.
        problems: Vec<&'static str>,
    },
    /// The certificate has expired.
    #[error("the certificate expired at {not_after}")]
    Expired {
        /// The end of its validity.
        not_after: Timestamp,
    },
    /// The certificate is not valid yet.
    #[error("the certificate is valid only from {not_before}")]
    NotYetValid {
        /// The start of its validity.
        not_before: Timestamp,
    },
    /// The holder is not the organization or the person it is bound to;
    /// the code is the first mismatch's (e.g. `holder.inn_le_mismatch`).
    #[error(
        "the certificate is not bound to this organization: {}",
        list(mismatches)
    )]
    HolderMismatch {
        /// Every way the holder differs, never empty.
        mismatches: Vec<HolderMismatch>,
    },
    /// The organization's requisites lack the identifier a certificate is matched by.
    #[error("the organization has no {identifier} to match the certificate with")]
    OrganizationUnidentified {
        /// ОГРН or ОГРНИП.
        identifier: &'static str,
    },
    /// The account has neither СНИЛС nor ИНН to match the certificate with.
    #[error("the account has neither СНИЛС nor ИНН to match the certificate with")]
    PersonUnidentified,
    /// The certificate is already bound to this employee.
    #[error("the certificate {fingerprint} is already bound to this employee")]
    AlreadyBound {
        /// Its fingerprint.
        fingerprint: String,
    },
    /// No such certificate is bound to this employee.
    #[error("no certificate {fingerprint} is bound to this employee")]
    NotBound {
        /// The fingerprint asked for.
        fingerprint: String,
    },
    /// The fingerprint is not 64 hexadecimal digits.
    #[error("a fingerprint is 64 hexadecimal digits")]
    BadFingerprint,
    /// The employee has as many certificates bound as allowed.
    #[error("at most {max} certificates may be bound to an employee")]
    TooMany {
        /// The limit.
        max: usize,
    },
}

fn list(mismatches: &[HolderMismatch]) -> String {
    mismatches
        .iter()
        .map(Coded::message_en)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Coded for CertificateError {
    fn code(&self) -> &'static str {
        match self {
            Self::Invalid { .. } => "certificate.invalid",
            Self::Expired { .. } => "certificate.expired",
            Self::NotYetValid { .. } => "certificate.not_yet_valid",
            Self::HolderMismatch { mismatches } => mismatches
                .first()
                .map_or("certificate.not_bound_to_organization", Coded::code),
            Self::OrganizationUnidentified { .. } => "certificate.organization_unidentified",
            Self::PersonUnidentified => "certificate.person_unidentified",
            Self::AlreadyBound { .. } => "certificate.already_bound",
            Self::NotBound { .. } => "certificate.not_bound",
            Self::BadFingerprint => "certificate.bad_fingerprint",
            Self::TooMany { .. } => "certificate.too_many",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Invalid { problems } => {
                format!("сертификат недействителен: {}", problems.join(", "))
            }
            Self::Expired { not_after } => format!("срок действия сертификата истёк {not_after}"),
            Self::NotYetValid { not_before } => {
                format!("сертификат действует только с {not_before}")
            }
            Self::HolderMismatch { mismatches } => format!(
                "сертификат не привязан к этой организации: {}",
                mismatches
                    .iter()
                    .map(Coded::message_ru)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Self::OrganizationUnidentified { identifier } => {
                format!("у организации нет {identifier} для сверки с сертификатом")
            }
            Self::PersonUnidentified => {
                "у учётной записи нет ни СНИЛС, ни ИНН для сверки с сертификатом".into()
            }
            Self::AlreadyBound { fingerprint } => {
                format!("сертификат {fingerprint} уже привязан к этому сотруднику")
            }
            Self::NotBound { fingerprint } => {
                format!("сертификат {fingerprint} не привязан к этому сотруднику")
            }
            Self::BadFingerprint => "отпечаток — это 64 шестнадцатеричные цифры".into(),
            Self::TooMany { max } => {
                format!("к сотруднику можно привязать не более {max} сертификатов")
            }
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}
