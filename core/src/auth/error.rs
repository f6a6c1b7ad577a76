//! Why an authentication or session command failed, with stable codes.

use crate::coded::Coded;
use crate::Timestamp;

/// A failed authentication, password, code, PIN or session operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The salt is shorter than 16 bytes or longer than 48.
    #[error("the salt has {len} bytes, 16 to 48 are needed")]
    SaltLength {
        /// Its length.
        len: usize,
    },
    /// Hash parameters below the minimum or refused by the algorithm.
    #[error("the hash parameters are too weak or invalid")]
    WeakHashParameters,
    /// A stored hash asks for more work than the budgets allow.
    #[error("the stored hash asks for more work than allowed")]
    HashBudget,
    /// A stored hash is not a PHC string of a supported algorithm.
    #[error("the stored password hash is malformed or of an unsupported algorithm")]
    MalformedHash,
    /// One-time passwords have 6 to 9 digits.
    #[error("a one-time password has 6 to 9 digits, not {digits}")]
    OtpDigits {
        /// The digits asked for.
        digits: u32,
    },
    /// A TOTP step of zero seconds or an instant before 1970.
    #[error("the time step of the one-time password is invalid")]
    OtpStep,
    /// The TOTP step was already used: a code is accepted once.
    #[error("this one-time password was already used")]
    OtpReplayed {
        /// The step offered.
        step: u64,
    },
    /// The account is blocked or disabled: it cannot log in.
    #[error("the account is blocked or disabled")]
    AccountLocked {
        /// The status code of the account.
        status: &'static str,
    },
    /// Too many recovery requests in 24 hours.
    #[error("at most {limit} recovery requests a day; the next one is possible at {next_at}")]
    RecoveryLimit {
        /// The limit.
        limit: u32,
        /// When a request becomes possible again.
        next_at: Timestamp,
    },
    /// No code of this purpose is pending for the account.
    #[error("no code is pending")]
    NoPendingCode,
    /// The code's lifetime is over.
    #[error("the code expired at {expired_at}")]
    CodeExpired {
        /// When it expired.
        expired_at: Timestamp,
    },
    /// The contact a code would be sent to is not set.
    #[error("the contact to send the code to is not set")]
    NoContact,
    /// A PIN is 4 to 15 digits.
    #[error("a PIN has 4 to 15 digits")]
    PinFormat,
    /// The signature token is locked after wrong PIN entries.
    #[error("the signature token is locked after wrong PIN entries")]
    TokenLocked,
    /// The token is not locked.
    #[error("the signature token is not locked")]
    TokenNotLocked,
    /// A token's identifier is empty or longer than 128 characters.
    #[error("the token identifier is empty or too long")]
    BadToken,
    /// The host's random source produced nothing.
    #[error("no random bytes are available")]
    NoRandomness,
    /// No such session.
    #[error("session {session} not found")]
    SessionNotFound {
        /// The session's number.
        session: u64,
    },
    /// The session ended by inactivity or by its absolute limit.
    #[error("the session timed out at {at}")]
    SessionTimedOut {
        /// When it timed out.
        at: Timestamp,
    },
    /// Only the session's own account (or the portal) may do this.
    #[error("the session belongs to another account")]
    NotYourSession,
}

impl Coded for AuthError {
    fn code(&self) -> &'static str {
        match self {
            Self::SaltLength { .. } => "auth.salt_length",
            Self::WeakHashParameters => "auth.weak_hash_parameters",
            Self::HashBudget => "auth.hash_budget",
            Self::MalformedHash => "auth.malformed_hash",
            Self::OtpDigits { .. } => "otp.digits",
            Self::OtpStep => "otp.step",
            Self::OtpReplayed { .. } => "otp.replayed",
            Self::AccountLocked { .. } => "auth.account_locked",
            Self::RecoveryLimit { .. } => "auth.recovery_limit",
            Self::NoPendingCode => "code.none_pending",
            Self::CodeExpired { .. } => "code.expired",
            Self::NoContact => "code.no_contact",
            Self::PinFormat => "pin.format",
            Self::TokenLocked => "pin.token_locked",
            Self::TokenNotLocked => "pin.token_not_locked",
            Self::BadToken => "pin.bad_token",
            Self::NoRandomness => "auth.no_randomness",
            Self::SessionNotFound { .. } => "session.not_found",
            Self::SessionTimedOut { .. } => "session.timed_out",
            Self::NotYourSession => "session.not_yours",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::SaltLength { len } => format!("соль длиной {len} байт, нужно от 16 до 48"),
            Self::WeakHashParameters => "параметры хеширования слишком слабые или неверные".into(),
            Self::HashBudget => "сохранённый хеш требует больше вычислений, чем допустимо".into(),
            Self::MalformedHash => {
                "сохранённый хеш пароля повреждён или алгоритм не поддерживается".into()
            }
            Self::OtpDigits { digits } => {
                format!("одноразовый пароль содержит от 6 до 9 цифр, а не {digits}")
            }
            Self::OtpStep => "неверный шаг времени одноразового пароля".into(),
            Self::OtpReplayed { .. } => "этот одноразовый пароль уже использован".into(),
            Self::AccountLocked { .. } => "учётная запись заблокирована или отключена".into(),
            Self::RecoveryLimit { limit, next_at } => format!(
                "не более {limit} запросов на восстановление в сутки; следующий возможен {next_at}"
            ),
            Self::NoPendingCode => "код не запрашивался".into(),
            Self::CodeExpired { expired_at } => format!("срок действия кода истёк {expired_at}"),
            Self::NoContact => "контакт для отправки кода не указан".into(),
            Self::PinFormat => "PIN-код состоит из 4–15 цифр".into(),
            Self::TokenLocked => {
                "носитель подписи заблокирован после неверных вводов PIN-кода".into()
            }
            Self::TokenNotLocked => "носитель подписи не заблокирован".into(),
            Self::BadToken => "идентификатор носителя пустой или слишком длинный".into(),
            Self::NoRandomness => "нет источника случайных чисел".into(),
            Self::SessionNotFound { session } => format!("сеанс {session} не найден"),
            Self::SessionTimedOut { at } => format!("сеанс завершён по времени {at}"),
            Self::NotYourSession => "сеанс принадлежит другой учётной записи".into(),
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}
