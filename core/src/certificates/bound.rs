//! A certificate as it is bound: what the directory keeps of a valid report.

use super::CertificateError;
use crate::coded::Coded;
use crate::pki::ValidationReport;
use crate::{SignatureLevel, SignerIdentity, Timestamp};
use serde::{Deserialize, Serialize};

/// Days before expiry a certificate is flagged at binding time (DOMAIN §7: 30).
pub const EXPIRY_WARNING_DAYS: i64 = 30;

const DAY_SECONDS: i64 = 86_400;

/// A validated certificate, as the directory binds it to an employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundCertificate {
    /// SHA-256 fingerprint of the DER, lowercase hex.
    pub fingerprint: String,
    /// Serial number, hex.
    pub serial: String,
    /// Issuer name.
    pub issuer: String,
    /// Subject name.
    pub subject: String,
    /// The holder's identifiers, typed (values failing their checksum are left out).
    pub holder: SignerIdentity,
    /// Start of validity.
    pub not_before: Timestamp,
    /// End of validity.
    pub not_after: Timestamp,
    /// The signature level it supports: qualified (КЭП) or enhanced (УНЭП).
    pub level: SignatureLevel,
}

impl BoundCertificate {
    /// What to bind of a validation report, checked at `at`.
    ///
    /// # Errors
    /// [`CertificateError::Invalid`] (with the report's problem codes) when
    /// the report is not valid, [`CertificateError::Expired`] or
    /// [`CertificateError::NotYetValid`] when `at` is outside the validity.
    pub fn from_report(report: &ValidationReport, at: Timestamp) -> Result<Self, CertificateError> {
        let invalid = || CertificateError::Invalid {
            problems: report.problems.iter().map(|p| p.code).collect(),
        };
        let (Some(level), Some(leaf)) = (report.signature_level(), report.path.first()) else {
            return Err(invalid());
        };
        let cert = Self {
            fingerprint: leaf.fingerprint.to_ascii_lowercase(),
            serial: leaf.serial.clone(),
            issuer: leaf.issuer.clone(),
            subject: leaf.subject.clone(),
            holder: report.holder.signer_identity(),
            not_before: leaf.not_before,
            not_after: leaf.not_after,
            level,
        };
        cert.usable_at(at)?;
        Ok(cert)
    }

    /// Whether `at` lies inside the validity period.
    ///
    /// # Errors
    /// [`CertificateError::Expired`] or [`CertificateError::NotYetValid`].
    pub fn usable_at(&self, at: Timestamp) -> Result<(), CertificateError> {
        if at > self.not_after {
            Err(CertificateError::Expired {
                not_after: self.not_after,
            })
        } else if at < self.not_before {
            Err(CertificateError::NotYetValid {
                not_before: self.not_before,
            })
        } else {
            Ok(())
        }
    }

    /// Whole days left at `at` (0 when expired).
    pub fn days_left(&self, at: Timestamp) -> i64 {
        (at.duration_until(self.not_after).as_secs() / DAY_SECONDS).max(0)
    }

    /// Whether it is still valid at `at` and expires within `days` days.
    pub fn expires_within(&self, at: Timestamp, days: i64) -> bool {
        at <= self.not_after
            && at.duration_until(self.not_after).as_secs() <= days.saturating_mul(DAY_SECONDS)
    }

    /// The warnings binding it at `at` calls for.
    pub fn warnings_at(&self, at: Timestamp) -> Vec<CertificateWarning> {
        if self.expires_within(at, EXPIRY_WARNING_DAYS) {
            vec![CertificateWarning::ExpiresSoon {
                not_after: self.not_after,
                days: self.days_left(at),
            }]
        } else {
            Vec::new()
        }
    }
}

/// Something about a certificate bound that should be seen; it is bound all the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "warning")]
pub enum CertificateWarning {
    /// It expires within [`EXPIRY_WARNING_DAYS`] days.
    #[error("the certificate expires at {not_after}, in {days} days")]
    ExpiresSoon {
        /// The end of its validity.
        not_after: Timestamp,
        /// Whole days left at binding time.
        days: i64,
    },
}

impl Coded for CertificateWarning {
    fn code(&self) -> &'static str {
        match self {
            Self::ExpiresSoon { .. } => "certificate.expires_soon",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::ExpiresSoon { not_after, days } => {
                format!("срок действия сертификата истекает {not_after}, через {days} дн.")
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}
