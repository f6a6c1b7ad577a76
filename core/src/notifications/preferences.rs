//! A person's notification preferences.

use super::{Category, Channel, Importance, NotificationError};
use crate::Timestamp;
use jiff::tz::{Offset, TimeZone};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The hours a person accepts messages, in their own UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SendingHours {
    /// The first hour (0–23) messages may be sent.
    pub from_hour: u8,
    /// The hour (0–24) sending stops; before `from_hour` for a window over midnight.
    pub to_hour: u8,
    /// The person's offset from UTC in minutes (Moscow: +180).
    pub utc_offset_minutes: i16,
}

impl SendingHours {
    /// Checks the hours and the offset (−12:00 to +14:00, whole minutes).
    ///
    /// # Errors
    /// [`NotificationError::BadHours`] for an hour out of range, an empty
    /// window or an impossible offset.
    pub fn validate(&self) -> Result<(), NotificationError> {
        let ok = self.from_hour < 24
            && self.to_hour <= 24
            && self.from_hour != self.to_hour
            && (-12 * 60..=14 * 60).contains(&self.utc_offset_minutes);
        if ok {
            Ok(())
        } else {
            Err(NotificationError::BadHours)
        }
    }

    fn open(&self, hour: u8) -> bool {
        if self.from_hour < self.to_hour {
            (self.from_hour..self.to_hour).contains(&hour)
        } else {
            hour >= self.from_hour || hour < self.to_hour
        }
    }

    /// The first instant at or after `at` inside the window.
    pub fn next_open(&self, at: Timestamp) -> Timestamp {
        let Ok(offset) = Offset::from_seconds(i32::from(self.utc_offset_minutes) * 60) else {
            return at;
        };
        let local = at.to_zoned(TimeZone::fixed(offset));
        if self.open(local.hour().unsigned_abs()) {
            return at;
        }
        let start_today = local
            .with()
            .hour(i8::try_from(self.from_hour).unwrap_or(0))
            .minute(0)
            .second(0)
            .subsec_nanosecond(0)
            .build()
            .map(|z| z.timestamp())
            .unwrap_or(at);
        if start_today > at {
            start_today
        } else {
            start_today
                .saturating_add(SignedDuration::from_hours(24))
                .unwrap_or(start_today)
        }
    }
}

/// What a person wants to receive, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "NotificationPreferences")
)]
pub struct Preferences {
    /// The channels, in order of preference.
    pub channels: BTreeSet<Channel>,
    /// The categories subscribed to.
    pub categories: BTreeSet<Category>,
    /// The least importance sent.
    pub min_importance: Importance,
    /// When messages may be sent (none: any time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<SendingHours>,
}

impl Default for Preferences {
    /// E-mail and push, every category, normal importance and above, any time.
    fn default() -> Self {
        Self {
            channels: [Channel::Email, Channel::Push].into_iter().collect(),
            categories: Category::ALL.into_iter().collect(),
            min_importance: Importance::Normal,
            hours: None,
        }
    }
}

impl Preferences {
    /// Whether a notice of this category and importance is wanted.
    pub fn wants(&self, category: Category, importance: Importance) -> bool {
        self.categories.contains(&category) && importance >= self.min_importance
    }

    /// When a notice of this importance may be sent: critical ones at once,
    /// others at the next opening of the sending hours.
    pub fn send_at(&self, importance: Importance, at: Timestamp) -> Timestamp {
        match self.hours {
            Some(h) if importance < Importance::Critical => h.next_open(at),
            _ => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn sending_hours_follow_the_persons_offset() {
        let moscow = SendingHours {
            from_hour: 9,
            to_hour: 18,
            utc_offset_minutes: 180,
        };
        // 07:00 UTC is 10:00 in Moscow: open.
        assert_eq!(
            moscow.next_open(t("2026-03-02T07:00:00Z")),
            t("2026-03-02T07:00:00Z")
        );
        // 16:00 UTC is 19:00 in Moscow: next morning 09:00 MSK = 06:00 UTC.
        assert_eq!(
            moscow.next_open(t("2026-03-02T16:00:00Z")),
            t("2026-03-03T06:00:00Z")
        );
        // 03:00 UTC is 06:00 in Moscow: this morning.
        assert_eq!(
            moscow.next_open(t("2026-03-02T03:00:00Z")),
            t("2026-03-02T06:00:00Z")
        );
        let night = SendingHours {
            from_hour: 22,
            to_hour: 6,
            utc_offset_minutes: 0,
        };
        assert_eq!(
            night.next_open(t("2026-03-02T23:00:00Z")),
            t("2026-03-02T23:00:00Z")
        );
        assert_eq!(
            night.next_open(t("2026-03-02T12:00:00Z")),
            t("2026-03-02T22:00:00Z")
        );
        assert!(SendingHours {
            from_hour: 9,
            to_hour: 9,
            utc_offset_minutes: 0
        }
        .validate()
        .is_err());
        assert!(SendingHours {
            from_hour: 9,
            to_hour: 18,
            utc_offset_minutes: 15 * 60
        }
        .validate()
        .is_err());
    }
}
