//! Notification commands and events.

use super::{Delivery, DeliveryId, Notice, Preferences};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A command of notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "notification_command")]
pub enum NotificationCommand {
    /// Sets a person's preferences. The person or System.
    SetPreferences {
        /// The person.
        account: AccountId,
        /// The preferences.
        preferences: Preferences,
    },
    /// Routes a notice to its recipients' outboxes. System.
    Notify {
        /// The notice.
        notice: Notice,
    },
    /// Reports a delivery sent: it moves from the outbox to the history. System.
    MarkSent {
        /// The delivery.
        delivery: DeliveryId,
    },
}

impl NotificationCommand {
    /// The organization a notice routed is about; `None` for preferences
    /// and delivery reports, which are a person's.
    pub fn organization(&self) -> Option<OrgId> {
        match self {
            Self::Notify { notice } => notice.org,
            Self::SetPreferences { .. } | Self::MarkSent { .. } => None,
        }
    }
}

/// Something that happened to notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "notification_event")]
#[allow(missing_docs)] // fields are named for what they hold; each variant is documented
pub enum NotificationEvent {
    /// Preferences were set.
    PreferencesSet {
        account: AccountId,
        preferences: Preferences,
    },
    /// A delivery entered the outbox.
    Queued { delivery: Delivery },
    /// A delivery was sent.
    Sent { delivery: DeliveryId, at: Timestamp },
}
