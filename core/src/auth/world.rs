//! What the authentication rules read of the directory and how they name
//! what they give back. The directory implements [`AuthWorld`]; the rules
//! are generic over it, so this feature names no type of the directory and
//! the directory depends on it, not the reverse.

use super::{AuthError, AuthEvent, AuthPolicy, AuthState, SessionEvent};
use crate::accounts::{AccountStatus, ContactKind};
use crate::ids::AccountId;
use crate::view::DirectoryView;

/// The directory as the authentication rules see it.
pub(crate) trait AuthWorld: DirectoryView<Error: From<AuthError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<AuthEvent> + From<SessionEvent>;

    /// The authentication policy.
    fn auth_policy(&self) -> &AuthPolicy;
    /// Failures, codes, tokens and sessions so far.
    fn auth_state(&self) -> &AuthState;
    /// An account's status changed: a lockout blocks it, a recovery restores it.
    fn account_status_changed(account: AccountId, status: AccountStatus) -> Self::Event;
    /// A contact was confirmed by a one-time code.
    fn contact_confirmed(account: AccountId, kind: ContactKind) -> Self::Event;
}
