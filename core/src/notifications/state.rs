//! Preferences, the outbox and the history of notifications.

use super::{Category, Channel, Importance, Preferences};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A delivery's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeliveryId(pub u64);

/// One message to one person through one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Delivery {
    /// Its number.
    pub id: DeliveryId,
    /// Who receives it.
    pub recipient: AccountId,
    /// Through which channel.
    pub channel: Channel,
    /// What about.
    pub category: Category,
    /// How much it matters.
    pub importance: Importance,
    /// The organization concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<OrgId>,
    /// What it refers to.
    pub reference: String,
    /// When the thing happened.
    pub event_at: Timestamp,
    /// Not to be sent before (the recipient's sending hours).
    pub not_before: Timestamp,
}

/// A delivery the host reported sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SentDelivery {
    /// The delivery.
    pub delivery: Delivery,
    /// When it was sent.
    pub sent_at: Timestamp,
}

/// Everything notifications keep.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificationState {
    pub(crate) preferences: HashMap<AccountId, Preferences>,
    pub(crate) outbox: BTreeMap<DeliveryId, Delivery>,
    pub(crate) history: Vec<SentDelivery>,
    pub(crate) next: u64,
}

impl NotificationState {
    /// A person's preferences (the defaults when never set).
    pub fn preferences(&self, account: AccountId) -> Preferences {
        self.preferences.get(&account).cloned().unwrap_or_default()
    }

    /// The deliveries due at `at`, oldest first: what the host sends now.
    pub fn due(&self, at: Timestamp) -> impl Iterator<Item = &Delivery> {
        self.outbox.values().filter(move |d| d.not_before <= at)
    }

    /// Every delivery waiting, due or not.
    pub fn outbox(&self) -> impl Iterator<Item = &Delivery> {
        self.outbox.values()
    }

    /// What was sent, in the order it was reported.
    pub fn history(&self) -> &[SentDelivery] {
        &self.history
    }
}
