//! The directory as each feature's rules see it: the implementations of
//! the traits the features declare (`auth::AuthWorld`, …), so that a
//! feature names no type of the directory and the dependency runs one way.

use super::{CommandError, Directory, Event};
use crate::accounts::AccountEvent;
use crate::accounts::{Account, AccountStatus, ContactKind};
use crate::applications::{
    ApplicationEvent, ApplicationPolicy, ApplicationState, ApplicationWorld,
};
use crate::auth::{AuthEvent, AuthPolicy, AuthState, AuthWorld, SessionEvent};
use crate::certificates::{CertificateEvent, CertificateState, CertificateWorld};
use crate::context::Context;
use crate::ids::{AccountId, OrgId};
use crate::notifications::{Notice, NotificationEvent, NotificationState, NotificationWorld};
use crate::organizations::Organization;
use crate::rights::{Right, RightSet};
use crate::view::DirectoryView;

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

impl DirectoryView for Directory {
    type Error = CommandError;

    fn authorize(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, RightSet), CommandError> {
        Directory::authorize(self, org, ctx, right)
    }

    fn system_only() -> CommandError {
        CommandError::SystemOnly
    }

    fn account_only() -> CommandError {
        CommandError::AccountOnly
    }

    fn account(&self, account: AccountId) -> Option<&Account> {
        Directory::account(self, account)
    }

    fn existing_account(&self, account: AccountId) -> Result<&Account, CommandError> {
        Directory::existing_account(self, account)
    }
}

impl AuthWorld for Directory {
    type Event = Event;

    fn auth_policy(&self) -> &AuthPolicy {
        &self.policy().auth
    }

    fn auth_state(&self) -> &AuthState {
        Directory::auth_state(self)
    }

    fn account_status_changed(account: AccountId, status: AccountStatus) -> Event {
        Event::Accounts(AccountEvent::AccountStatusChanged { account, status })
    }

    fn contact_confirmed(account: AccountId, kind: ContactKind) -> Event {
        Event::Accounts(AccountEvent::ContactConfirmed { account, kind })
    }
}

impl From<ApplicationEvent> for Event {
    fn from(e: ApplicationEvent) -> Self {
        Event::Application(e)
    }
}

impl ApplicationWorld for Directory {
    type Event = Event;

    fn application_policy(&self) -> &ApplicationPolicy {
        &self.policy().applications
    }

    fn application_state(&self) -> &ApplicationState {
        Directory::application_state(self)
    }
}

impl From<CertificateEvent> for Event {
    fn from(e: CertificateEvent) -> Self {
        Event::Certificate(e)
    }
}

impl CertificateWorld for Directory {
    type Event = Event;

    fn certificate_state(&self) -> &CertificateState {
        Directory::certificate_state(self)
    }

    fn employee(
        &self,
        org: OrgId,
        account: AccountId,
    ) -> Result<(&Organization, &Account), CommandError> {
        let organization = self.existing_org(org)?;
        if self.membership(org, account).is_none() {
            return Err(CommandError::NotAMember { account });
        }
        Ok((organization, self.existing_account(account)?))
    }
}

impl From<NotificationEvent> for Event {
    fn from(e: NotificationEvent) -> Self {
        Event::Notification(e)
    }
}

impl NotificationWorld for Directory {
    type Event = Event;

    fn notification_state(&self) -> &NotificationState {
        Directory::notification_state(self)
    }

    fn recipients(&self, notice: &Notice) -> Vec<AccountId> {
        Directory::recipients(self, notice)
    }

    fn not_your_account() -> CommandError {
        CommandError::NotYourAccount
    }
}
