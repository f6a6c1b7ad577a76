//! Notifications: preferences, the outbox, what is due, the history.
//!
//! The commands (`set_preferences`, `notify`, `mark_sent`) run through
//! `Kabinet.executeJson` in their documented JSON form; their refusals are
//! `Command` errors with the `notification.*` codes. The queries answer in
//! the library's JSON form.

use crate::error::KabinetError;
use crate::handle::Kabinet;
use crate::time;
use kabinet::AccountId;
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
