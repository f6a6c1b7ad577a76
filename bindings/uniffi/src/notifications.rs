//! Notifications: preferences, the outbox, what is due, the history.
//!
//! The commands (`set_preferences`, `notify`, `mark_sent`) run through
//! `Kabinet.executeJson` in their documented JSON form; their refusals are
//! `Command` errors with the `notification.*` codes. The queries answer in
//! the library's JSON form.

use crate::error::KabinetError;
use crate::handle::Kabinet;
use crate::time;
use kabinet::notifications;
use kabinet::{AccountId, OrgId};
use std::time::SystemTime;

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[uniffi::export]
impl Kabinet {
    /// A person's notification preferences (the defaults when never set), JSON.
    pub fn notification_preferences_json(&self, account: u64) -> String {
        json(
            &self
                .inner
                .read()
                .notification_state()
                .preferences(AccountId(account)),
        )
    }

    /// The deliveries not yet sent, as a JSON array.
    pub fn outbox_json(&self) -> String {
        let d = self.inner.read();
        json(&d.notification_state().outbox().collect::<Vec<_>>())
    }

    /// The deliveries due at `at` (their sending hours open), as a JSON array.
    ///
    /// # Errors
    /// `time.out_of_range`.
    pub fn due_notifications_json(&self, at: SystemTime) -> Result<String, KabinetError> {
        let at = time::from_host(at)?;
        let d = self.inner.read();
        Ok(json(&d.notification_state().due(at).collect::<Vec<_>>()))
    }

    /// The deliveries sent, in order, as a JSON array.
    pub fn notification_history_json(&self) -> String {
        json(self.inner.read().notification_state().history())
    }
}

/// A certificate whose end a reminder is about.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CertificateExpiry {
    /// The serial number, hex.
    pub serial: String,
    /// The holder's account.
    pub holder: u64,
    /// The organization the certificate is bound to, if any.
    pub org: Option<u64>,
    /// The end of its validity.
    pub not_after: SystemTime,
}

/// The reminders (JSON array of notices) for certificates ending after `at`
/// and within `within_days` days of it; feed them to the `notify` command.
///
/// # Errors
/// `time.out_of_range`.
#[uniffi::export]
pub fn certificate_reminders_json(
    certificates: Vec<CertificateExpiry>,
    at: SystemTime,
    within_days: i64,
) -> Result<String, KabinetError> {
    let list = certificates
        .into_iter()
        .map(|c| {
            Ok(notifications::CertificateExpiry {
                serial: c.serial,
                holder: AccountId(c.holder),
                org: c.org.map(OrgId),
                not_after: time::from_host(c.not_after)?,
            })
        })
        .collect::<Result<Vec<_>, KabinetError>>()?;
    let notices = notifications::certificate_reminders(&list, time::from_host(at)?, within_days);
    Ok(json(&notices))
}

#[uniffi::export]
impl Kabinet {
    /// The reminders (JSON array of notices) for the powers of attorney in
    /// force (of one organization, or all) that end within `within_days` of `at`.
    ///
    /// # Errors
    /// `time.out_of_range`.
    pub fn power_of_attorney_reminders_json(
        &self,
        org: Option<u64>,
        at: SystemTime,
        within_days: u32,
    ) -> Result<String, KabinetError> {
        let at = time::from_host(at)?;
        let d = self.inner.read();
        let powers: Vec<_> = d
            .powers_expiring_within(org.map(OrgId), at, within_days)
            .into_iter()
            .filter_map(|p| match p.representative {
                kabinet::delegation::Representative::Account { account } => {
                    Some((p.number.to_string(), account, p.valid_until))
                }
                kabinet::delegation::Representative::Person { .. } => None,
            })
            .collect();
        let notices = notifications::power_of_attorney_reminders(
            &powers,
            org.map(OrgId),
            at,
            i64::from(within_days),
        );
        Ok(json(&notices))
    }
}
