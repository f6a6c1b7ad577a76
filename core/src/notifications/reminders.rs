//! Reminders of what expires soon: signature certificates and powers of attorney.
//!
//! Certificates are validated by another part of the library; here only
//! their expiry matters, so the caller passes it. DOMAIN §7: warn 30 days
//! before a certificate expires.

use super::{Audience, Category, Importance, Notice};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

/// Days before expiry a reminder is due (DOMAIN §7: 30).
pub const REMINDER_DAYS: i64 = 30;

/// A certificate's expiry, as the certificate module reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CertificateExpiry {
    /// The certificate's serial number or thumbprint.
    pub serial: String,
    /// Its holder.
    pub holder: AccountId,
    /// The organization it is bound to, if any.
    pub org: Option<OrgId>,
    /// The end of its validity (notAfter).
    pub not_after: Timestamp,
}

fn due(at: Timestamp, until: Timestamp, within_days: i64) -> bool {
    let horizon = at
        .saturating_add(SignedDuration::from_hours(within_days.saturating_mul(24)))
        .unwrap_or(at);
    at < until && until <= horizon
}

/// Reminders for the certificates that expire after `at` and within
/// `within_days` days of it (use [`REMINDER_DAYS`]). Sent to the holder and,
/// for a certificate bound to an organization, its administrators.
pub fn certificate_reminders(
    certificates: &[CertificateExpiry],
    at: Timestamp,
    within_days: i64,
) -> Vec<Notice> {
    certificates
        .iter()
        .filter(|c| due(at, c.not_after, within_days))
        .map(|c| Notice {
            category: Category::CertificateExpiring,
            importance: Importance::High,
            person: Some(c.holder),
            org: c.org,
            audience: Audience {
                person: true,
                administrators: c.org.is_some(),
                head: false,
            },
            reference: c.serial.clone(),
            at: c.not_after,
        })
        .collect()
}

/// Reminders for powers of attorney — `(number, holder, valid_until)` —
/// that end after `at` and within `within_days` days, sent to the holder
/// and to the principal organization's head and administrators.
///
/// HOOK(delegation): when `crate::delegation` lands, the directory will
/// feed its active powers of attorney here; until then the caller lists them.
pub fn power_of_attorney_reminders(
    powers: &[(String, AccountId, Timestamp)],
    org: Option<OrgId>,
    at: Timestamp,
    within_days: i64,
) -> Vec<Notice> {
    powers
        .iter()
        .filter(|(_, _, until)| due(at, *until, within_days))
        .map(|(number, holder, until)| Notice {
            category: Category::PowerOfAttorneyExpiring,
            importance: Importance::High,
            person: Some(*holder),
            org,
            audience: Audience {
                person: true,
                administrators: org.is_some(),
                head: org.is_some(),
            },
            reference: number.clone(),
            at: *until,
        })
        .collect()
}
