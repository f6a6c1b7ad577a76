//! Notifications, typed: preferences, notices, the outbox of deliveries,
//! the history, and the reminders of what ends soon.
//!
//! [`Kabinet::notify`] routes a notice through each recipient's
//! preferences into the outbox: one the events of a command call for
//! ([`Kabinet::notices_for`]), or one the host builds (for example from
//! [`certificate_reminders`]). The host sends what is due
//! ([`Kabinet::due_notifications`]) and reports each with
//! [`Kabinet::mark_sent`]. Refusals are `Command` errors with the
//! `notification.*` codes. The records are in [`crate::notices`].

use crate::context::Context;
use crate::handle::Kabinet;
use crate::notices::{CertificateExpiry, Delivery, Notice, NotificationPreferences, SentDelivery};
use crate::typed::typed_commands;
use crate::values::Event;
use kabinet::ffi::KabinetError;
use kabinet::notifications::{self, DeliveryId, NotificationCommand, NotificationEvent};
use kabinet::Timestamp;
use kabinet::{AccountId, Command, OrgId};

/// The reminders for certificates ending after `at` and within
/// `within_days` days of it; pass them to [`Kabinet::notify`].
///
/// # Errors
/// `time.out_of_range`.
#[uniffi::export]
pub fn certificate_reminders(
    certificates: Vec<CertificateExpiry>,
    at: Timestamp,
    within_days: i64,
) -> Result<Vec<Notice>, KabinetError> {
    Ok(notifications::certificate_reminders(
        &certificates,
        at,
        within_days,
    ))
}

#[uniffi::export]
impl Kabinet {
    /// The notices the events of a command call for (none for most events):
    /// a lockout or a login from a new address, a blocked account, a power
    /// granted or revoked, an application's status. Call it after the
    /// command ran, and pass each notice to [`Kabinet::notify`].
    ///
    /// # Errors
    /// `InvalidInput` (`event.malformed`) for an event that is not in its
    /// documented JSON form; `time.out_of_range`.
    pub fn notices_for(
        &self,
        events: Vec<Event>,
        at: Timestamp,
    ) -> Result<Vec<Notice>, KabinetError> {
        let events = events
            .iter()
            .map(|e| {
                kabinet::from_json::<kabinet::Event>(kabinet::JsonForm::Event, &e.json)
                    .map_err(KabinetError::from)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let d = self.inner.read();
        Ok(events.iter().flat_map(|e| d.notices_for(e, at)).collect())
    }

    /// Sets a person's preferences. The person or the portal.
    ///
    /// # Errors
    /// `Command` (`notification.bad_hours`, `access.*`).
    pub fn set_notification_preferences(
        &self,
        context: Context,
        account: u64,
        preferences: NotificationPreferences,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = NotificationCommand::SetPreferences {
            account: AccountId(account),
            preferences,
        };
        self.by(Command::Notification(command), &context)
    }

    /// Queues a notice for its audience, by their preferences; returns the
    /// deliveries queued (none when nobody wants it). The portal.
    ///
    /// # Errors
    /// `Command` (`notification.reference_too_long`); `time.out_of_range`.
    pub fn notify(&self, notice: Notice, at: Timestamp) -> Result<Vec<Delivery>, KabinetError> {
        let command = Command::Notification(NotificationCommand::Notify { notice });
        let ctx = kabinet::Context::system(at);
        let events = self.run_core(command, &ctx)?;
        Ok(events
            .iter()
            .filter_map(|e| match e {
                kabinet::Event::Notification(NotificationEvent::Queued { delivery }) => {
                    Some(delivery.clone())
                }
                _ => None,
            })
            .collect())
    }

    /// A person's notification preferences (the defaults when never set).
    pub fn notification_preferences(&self, account: u64) -> NotificationPreferences {
        let d = self.inner.read();
        d.notification_state()
            .preferences(AccountId(account))
            .clone()
    }

    /// The deliveries not yet sent, by number.
    pub fn outbox(&self) -> Vec<Delivery> {
        let d = self.inner.read();
        d.notification_state().outbox().cloned().collect()
    }

    /// The deliveries due at `at` (their sending hours open), by number.
    ///
    /// # Errors
    /// `time.out_of_range`.
    pub fn due_notifications(&self, at: Timestamp) -> Result<Vec<Delivery>, KabinetError> {
        let d = self.inner.read();
        Ok(d.notification_state().due(at).cloned().collect())
    }

    /// The deliveries sent, in the order they were reported.
    pub fn notification_history(&self) -> Vec<SentDelivery> {
        let d = self.inner.read();
        d.notification_state().history().to_vec()
    }

    /// The reminders for the powers of attorney in force (of one
    /// organization, or all) that end within `within_days` of `at`; powers
    /// given to a person without an account are left out (nobody to tell).
    ///
    /// # Errors
    /// `time.out_of_range`.
    pub fn power_of_attorney_reminders(
        &self,
        org: Option<u64>,
        at: Timestamp,
        within_days: u32,
    ) -> Result<Vec<Notice>, KabinetError> {
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
        Ok(notifications::power_of_attorney_reminders(
            &powers,
            org.map(OrgId),
            at,
            i64::from(within_days),
        ))
    }
}

typed_commands! {
    /// Reports a delivery sent: it leaves the outbox for the history. The
    /// portal. Errors: `Command` (`notification.delivery_not_found`).
    system fn mark_sent(delivery: DeliveryId) => Notification::MarkSent;
}
