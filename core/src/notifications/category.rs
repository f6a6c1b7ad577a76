//! Categories, importance and channels of notifications.

use serde::{Deserialize, Serialize};

/// What a notification is about (DOMAIN §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "NotificationCategory")
)]
pub enum Category {
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
    /// A dismissed employee still holds a power of attorney from the
    /// organization (DOMAIN §2: dismissal does not end it).
    DismissedHoldsPower,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 11] = [
        Self::ApplicationRegistered,
        Self::StatusChanged,
        Self::DeadlineApproaching,
        Self::AccountBlocked,
        Self::IdentityConfirmationNeeded,
        Self::CertificateExpiring,
        Self::PowerOfAttorneyGranted,
        Self::PowerOfAttorneyExpiring,
        Self::PowerOfAttorneyRevoked,
        Self::UnauthorizedAttempt,
        Self::DismissedHoldsPower,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::ApplicationRegistered => "application_registered",
            Self::StatusChanged => "status_changed",
            Self::DeadlineApproaching => "deadline_approaching",
            Self::AccountBlocked => "account_blocked",
            Self::IdentityConfirmationNeeded => "identity_confirmation_needed",
            Self::CertificateExpiring => "certificate_expiring",
            Self::PowerOfAttorneyGranted => "power_of_attorney_granted",
            Self::PowerOfAttorneyExpiring => "power_of_attorney_expiring",
            Self::PowerOfAttorneyRevoked => "power_of_attorney_revoked",
            Self::UnauthorizedAttempt => "unauthorized_attempt",
            Self::DismissedHoldsPower => "dismissed_holds_power",
        }
    }

    /// The title in Russian, as the portal's settings name it.
    pub fn title_ru(self) -> &'static str {
        match self {
            Self::ApplicationRegistered => "регистрация заявления",
            Self::StatusChanged => "изменение статуса",
            Self::DeadlineApproaching => "приближение срока",
            Self::AccountBlocked => "блокировка учётной записи",
            Self::IdentityConfirmationNeeded => "необходимость подтверждения личности",
            Self::CertificateExpiring => "истечение срока сертификата",
            Self::PowerOfAttorneyGranted => "выдача доверенности",
            Self::PowerOfAttorneyExpiring => "истечение срока доверенности",
            Self::PowerOfAttorneyRevoked => "отзыв доверенности",
            Self::UnauthorizedAttempt => "попытка несанкционированного доступа",
            Self::DismissedHoldsPower => "доверенность у уволенного сотрудника",
        }
    }
}

/// How much a notification matters, ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Importance {
    /// For information.
    Low,
    /// The usual.
    Normal,
    /// Needs attention soon.
    High,
    /// Needs attention now: sent at any hour.
    Critical,
}

/// A channel of delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "NotificationChannel")
)]
pub enum Channel {
    /// E-mail to the confirmed address.
    Email,
    /// SMS to the confirmed phone.
    Sms,
    /// Push to the mobile app.
    Push,
}
