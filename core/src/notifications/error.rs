//! Why a notification command failed.

use crate::coded::Coded;

/// A refused notification command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotificationError {
    /// Sending hours out of range, an empty window or an impossible offset.
    #[error("the sending hours or the time zone offset are invalid")]
    BadHours,
    /// The reference is longer than 200 characters.
    #[error("the reference is longer than 200 characters")]
    ReferenceTooLong,
    /// No such delivery in the outbox.
    #[error("delivery {delivery} is not in the outbox")]
    DeliveryNotFound {
        /// The delivery's number.
        delivery: u64,
    },
}

impl Coded for NotificationError {
    fn code(&self) -> &'static str {
        match self {
            Self::BadHours => "notification.bad_hours",
            Self::ReferenceTooLong => "notification.reference_too_long",
            Self::DeliveryNotFound { .. } => "notification.delivery_not_found",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::BadHours => "часы отправки или часовой пояс указаны неверно".into(),
            Self::ReferenceTooLong => "ссылка длиннее 200 символов".into(),
            Self::DeliveryNotFound { delivery } => {
                format!("отправление {delivery} не найдено в очереди")
            }
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}
