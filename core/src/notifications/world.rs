//! What the rules of notifications read of the directory and how they name
//! what they give back. The directory implements [`NotificationWorld`]; the
//! rules are generic over it, so this feature names no type of the directory.

use super::{Notice, NotificationError, NotificationEvent, NotificationState};
use crate::ids::AccountId;
use crate::view::DirectoryView;

/// The directory as the rules of notifications see it.
pub(crate) trait NotificationWorld: DirectoryView<Error: From<NotificationError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<NotificationEvent>;

    /// Preferences, the outbox and the history.
    fn notification_state(&self) -> &NotificationState;
    /// The accounts a notice goes to, without repeats, in ascending order.
    fn recipients(&self, notice: &Notice) -> Vec<AccountId>;
    /// The refusal of a person acting on another's account.
    fn not_your_account() -> Self::Error;
}
