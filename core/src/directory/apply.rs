//! Folding events into the directory. Applying cannot fail: events record
//! what was already decided; an event that names something missing changes
//! nothing.

use super::{Directory, Event};
use crate::accounts::Account;
use crate::employees::Membership;
use crate::ids::{AccountId, OrgId};

impl Directory {
    /// Folds one event into the state.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::Accounts(e) => crate::accounts::apply(self, e),
            Event::Organizations(e) => crate::organizations::apply(self, e),
            Event::Delegation(e) => crate::delegation::apply(self, e),
            Event::Employees(e) => crate::employees::apply(self, e),
            Event::Roles(e) => crate::roles::apply(self, e),
            Event::Auth(e) => crate::auth::apply(&mut self.auth, e),
            Event::Session(e) => crate::auth::apply_session(&mut self.auth, e),
            Event::Notification(e) => crate::notifications::apply(&mut self.notifications, e),
            Event::Application(e) => crate::applications::apply(&mut self.applications, e),
            Event::Certificate(e) => crate::certificates::apply(&mut self.certificates, e),
        }
    }

    pub(super) fn account_mut(&mut self, account: AccountId) -> Option<&mut Account> {
        self.accounts.get_mut(&account).map(|e| &mut e.account)
    }

    pub(super) fn update_member(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut Membership),
    ) {
        if let Some(m) = self
            .accounts
            .get_mut(&account)
            .and_then(|e| e.memberships.get_mut(org))
        {
            change(m);
        }
    }
}
