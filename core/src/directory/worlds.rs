//! The directory as each feature's rules see it: the implementations of
//! the traits the features declare (`auth::AuthWorld`, …), so that a
//! feature names no type of the directory and the dependency runs one way.

use super::{CommandError, Directory, Event};
use crate::accounts::{Account, AccountStatus, ContactKind};
use crate::auth::{AuthEvent, AuthPolicy, AuthState, AuthWorld, SessionEvent};
use crate::ids::AccountId;

impl From<AuthEvent> for Event {
    fn from(e: AuthEvent) -> Self {
        Event::Auth(e)
    }
}

impl From<SessionEvent> for Event {
    fn from(e: SessionEvent) -> Self {
        Event::Session(e)
    }
}

impl AuthWorld for Directory {
    type Event = Event;
    type Error = CommandError;

    fn account(&self, account: AccountId) -> Option<&Account> {
        Directory::account(self, account)
    }

    fn auth_policy(&self) -> &AuthPolicy {
        &self.policy().auth
    }

    fn auth_state(&self) -> &AuthState {
        Directory::auth_state(self)
    }

    fn system_only() -> CommandError {
        CommandError::SystemOnly
    }

    fn account_not_found(account: AccountId) -> CommandError {
        CommandError::AccountNotFound { account }
    }

    fn account_status_changed(account: AccountId, status: AccountStatus) -> Event {
        Event::AccountStatusChanged { account, status }
    }

    fn contact_confirmed(account: AccountId, kind: ContactKind) -> Event {
        Event::ContactConfirmed { account, kind }
    }
}
