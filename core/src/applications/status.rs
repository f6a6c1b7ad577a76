//! Statuses of an application and the moves between them.

use serde::{Deserialize, Serialize};

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ApplicationStatus {
    /// Черновик: being filled in, not yet sent.
    Draft,
    /// В обработке: sent, being processed.
    Processing,
    /// Ожидает подтверждения: the organization must confirm.
    AwaitingConfirmation,
    /// Одобрено.
    Approved,
    /// Отклонено.
    Rejected,
}

impl ApplicationStatus {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Processing => "processing",
            Self::AwaitingConfirmation => "awaiting_confirmation",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    /// The name the portal shows.
    pub fn title_ru(self) -> &'static str {
        match self {
            Self::Draft => "Черновик",
            Self::Processing => "В обработке",
            Self::AwaitingConfirmation => "Ожидает подтверждения",
            Self::Approved => "Одобрено",
            Self::Rejected => "Отклонено",
        }
    }

    /// Whether the agency may move an application from this status to `to`.
    pub fn agency_may_move_to(self, to: ApplicationStatus) -> bool {
        use ApplicationStatus as S;
        matches!(
            (self, to),
            (
                S::Processing,
                S::AwaitingConfirmation | S::Approved | S::Rejected
            ) | (S::AwaitingConfirmation, S::Approved | S::Rejected)
        )
    }

    /// Whether nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Approved | Self::Rejected)
    }
}
