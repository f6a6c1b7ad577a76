//! The values of notifications as records: categories, importance,
//! channels, preferences with their sending hours, notices and deliveries,
//! with their conversions to and from the library's.
//!
//! Inputs (preferences, notices) are checked by the library when the
//! command runs (`notification.bad_hours`, …); here only times are converted.

use crate::error::KabinetError;
use crate::mirror::mirror_enum;
use crate::time;
use kabinet::notifications as core;
use kabinet::{AccountId, OrgId};
use std::time::SystemTime;

mirror_enum! {
    /// What a notification is about.
    NotificationCategory = kabinet::notifications::Category {
        /// An application was registered.
        ApplicationRegistered,
        /// An application's status changed.
        StatusChanged,
        /// A deadline is approaching.
        DeadlineApproaching,
        /// The account was blocked.
        AccountBlocked,
        /// Identity confirmation is needed.
        IdentityConfirmationNeeded,
        /// A signature certificate expires soon.
        CertificateExpiring,
        /// A power of attorney was granted.
        PowerOfAttorneyGranted,
        /// A power of attorney expires soon.
        PowerOfAttorneyExpiring,
        /// A power of attorney was revoked.
        PowerOfAttorneyRevoked,
        /// An unauthorized attempt: failed logins, a login from a new address.
        UnauthorizedAttempt,
        /// A dismissed employee still holds a power of attorney from the organization.
        DismissedHoldsPower,
    }
}

mirror_enum! {
    /// How much a notification matters, least first.
    Importance = kabinet::notifications::Importance {
        /// For information.
        Low,
        /// The usual.
        Normal,
        /// Needs attention soon.
        High,
        /// Needs attention now: sent at any hour.
        Critical,
    }
}

mirror_enum! {
    /// A channel of delivery.
    NotificationChannel = kabinet::notifications::Channel {
        /// E-mail to the confirmed address.
        Email,
        /// SMS to the confirmed phone.
        Sms,
        /// Push to the mobile app.
        Push,
    }
}

/// The hours a person accepts messages, in their own UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct SendingHours {
    /// The first hour (0–23) messages may be sent.
    pub from_hour: u8,
    /// The hour (0–24) sending stops; before `from_hour` for a window over midnight.
    pub to_hour: u8,
    /// The offset from UTC in minutes (Moscow: 180).
    pub utc_offset_minutes: i16,
}

/// What a person wants to receive, and how.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotificationPreferences {
    /// The channels.
    pub channels: Vec<NotificationChannel>,
    /// The categories subscribed to.
    pub categories: Vec<NotificationCategory>,
    /// The least importance sent.
    pub min_importance: Importance,
    /// When messages may be sent (none: any time).
    pub hours: Option<SendingHours>,
}

/// Who among the organization's people receives a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Audience {
    /// The person concerned.
    pub person: bool,
    /// The organization's administrators (holders of `users.manage`).
    pub administrators: bool,
    /// The organization's head.
    pub head: bool,
}

/// Something to tell people about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Notice {
    /// The category.
    pub category: NotificationCategory,
    /// How much it matters.
    pub importance: Importance,
    /// The person concerned.
    pub person: Option<u64>,
    /// The organization concerned.
    pub org: Option<u64>,
    /// Who receives it.
    pub audience: Audience,
    /// What it refers to: an application's number, a certificate's serial, … (at most 200 characters).
    pub reference: String,
    /// When the thing happened (for a reminder, when it expires).
    pub at: SystemTime,
}

/// One message to one person through one channel.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Delivery {
    /// Its number.
    pub id: u64,
    /// Who receives it.
    pub recipient: u64,
    /// Through which channel.
    pub channel: NotificationChannel,
    /// What about.
    pub category: NotificationCategory,
    /// How much it matters.
    pub importance: Importance,
    /// The organization concerned.
    pub org: Option<u64>,
    /// What it refers to.
    pub reference: String,
    /// When the thing happened.
    pub event_at: SystemTime,
    /// Not to be sent before (the recipient's sending hours).
    pub not_before: SystemTime,
}

/// A delivery the host reported sent.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SentDelivery {
    /// The delivery.
    pub delivery: Delivery,
    /// When it was sent.
    pub sent_at: SystemTime,
}

impl From<core::SendingHours> for SendingHours {
    fn from(h: core::SendingHours) -> Self {
        Self {
            from_hour: h.from_hour,
            to_hour: h.to_hour,
            utc_offset_minutes: h.utc_offset_minutes,
        }
    }
}

impl From<SendingHours> for core::SendingHours {
    fn from(h: SendingHours) -> Self {
        Self {
            from_hour: h.from_hour,
            to_hour: h.to_hour,
            utc_offset_minutes: h.utc_offset_minutes,
        }
    }
}

impl From<&core::Preferences> for NotificationPreferences {
    fn from(p: &core::Preferences) -> Self {
        Self {
            channels: p.channels.iter().copied().map(Into::into).collect(),
            categories: p.categories.iter().copied().map(Into::into).collect(),
            min_importance: p.min_importance.into(),
            hours: p.hours.map(Into::into),
        }
    }
}

impl From<NotificationPreferences> for core::Preferences {
    fn from(p: NotificationPreferences) -> Self {
        Self {
            channels: p.channels.into_iter().map(Into::into).collect(),
            categories: p.categories.into_iter().map(Into::into).collect(),
            min_importance: p.min_importance.into(),
            hours: p.hours.map(Into::into),
        }
    }
}

impl From<core::Audience> for Audience {
    fn from(a: core::Audience) -> Self {
        Self {
            person: a.person,
            administrators: a.administrators,
            head: a.head,
        }
    }
}

impl From<Audience> for core::Audience {
    fn from(a: Audience) -> Self {
        Self {
            person: a.person,
            administrators: a.administrators,
            head: a.head,
        }
    }
}

impl From<&core::Notice> for Notice {
    fn from(n: &core::Notice) -> Self {
        Self {
            category: n.category.into(),
            importance: n.importance.into(),
            person: n.person.map(|a| a.0),
            org: n.org.map(|o| o.0),
            audience: n.audience.into(),
            reference: n.reference.clone(),
            at: time::to_host(n.at),
        }
    }
}

impl Notice {
    /// The library's notice.
    ///
    /// # Errors
    /// `time.out_of_range`.
    pub(crate) fn to_core(&self) -> Result<core::Notice, KabinetError> {
        Ok(core::Notice {
            category: self.category.into(),
            importance: self.importance.into(),
            person: self.person.map(AccountId),
            org: self.org.map(OrgId),
            audience: self.audience.into(),
            reference: self.reference.clone(),
            at: time::from_host(self.at)?,
        })
    }
}

impl From<&core::Delivery> for Delivery {
    fn from(d: &core::Delivery) -> Self {
        Self {
            id: d.id.0,
            recipient: d.recipient.0,
            channel: d.channel.into(),
            category: d.category.into(),
            importance: d.importance.into(),
            org: d.org.map(|o| o.0),
            reference: d.reference.clone(),
            event_at: time::to_host(d.event_at),
            not_before: time::to_host(d.not_before),
        }
    }
}

impl From<&core::SentDelivery> for SentDelivery {
    fn from(s: &core::SentDelivery) -> Self {
        Self {
            delivery: (&s.delivery).into(),
            sent_at: time::to_host(s.sent_at),
        }
    }
}
