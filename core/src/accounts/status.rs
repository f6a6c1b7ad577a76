//! Levels and statuses of an account.

use serde::{Deserialize, Serialize};

/// The level of an account's identity confirmation, ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AccountLevel {
    /// Упрощённая: name and a contact.
    Simplified,
    /// Стандартная: СНИЛС and passport checked.
    Standard,
    /// Подтверждённая: identity confirmed in person, by signature or by a bank.
    Confirmed,
}

/// Why an account was blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "AccountBlockReason")
)]
pub enum BlockReason {
    /// Too many failed login attempts.
    FailedLogins,
    /// The account is believed compromised.
    Compromised,
    /// Identity was not confirmed in time.
    NotConfirmedInTime,
    /// Blocked by the portal's operator.
    Operator,
}

impl BlockReason {
    /// The stable code of the reason.
    pub fn code(self) -> &'static str {
        match self {
            Self::FailedLogins => "failed_logins",
            Self::Compromised => "compromised",
            Self::NotConfirmedInTime => "not_confirmed_in_time",
            Self::Operator => "operator",
        }
    }
}

/// Whether an account can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AccountStatus {
    /// Usable.
    Active,
    /// Blocked, with the reason.
    Blocked(BlockReason),
    /// Temporarily disabled.
    Disabled,
}

impl AccountStatus {
    /// The stable code of the status.
    pub fn code(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Blocked(_) => "blocked",
            Self::Disabled => "disabled",
        }
    }
}
