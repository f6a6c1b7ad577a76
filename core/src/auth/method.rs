//! How a person logged in (DOMAIN §3), as the journal records it.

use serde::{Deserialize, Serialize};

/// A login method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LoginMethod {
    /// Login and password.
    Password,
    /// Password and a one-time code (SMS, e-mail or an authenticator app).
    PasswordAndCode,
    /// An electronic signature certificate.
    Certificate,
    /// A one-time QR token from the mobile app.
    QrToken,
    /// A representative by power of attorney number.
    PowerOfAttorney,
    /// Biometrics, verified by the host (the library records the method).
    Biometrics,
}

impl LoginMethod {
    /// The stable code of the method.
    pub fn code(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::PasswordAndCode => "password_and_code",
            Self::Certificate => "certificate",
            Self::QrToken => "qr_token",
            Self::PowerOfAttorney => "power_of_attorney",
            Self::Biometrics => "biometrics",
        }
    }
}
