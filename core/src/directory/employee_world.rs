//! Employees as the directory holds them: the implementations of
//! [`EmployeeWorld`] (what their rules read) and [`EmployeeState`] (what
//! their fold changes: invitations, and memberships kept in each account's
//! entry for the access check), and their refusals as the directory's errors.

use super::{CommandError, Directory, Event};
use crate::accounts::Account;
use crate::delegation::PowerCommands;
use crate::employees::{
    EmployeeError, EmployeeEvent, EmployeeState, EmployeeWorld, Invitation, Membership,
    MembershipStatus, Standing,
};
use crate::identifiers::Snils;
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::policy::Policy;
use crate::rights::RightSet;
use crate::roles::RoleRef;
use crate::Timestamp;

impl From<EmployeeError> for CommandError {
    fn from(e: EmployeeError) -> Self {
        match e {
            EmployeeError::BadName => Self::BadName,
            EmployeeError::AlreadyMember { account } => Self::AlreadyMember { account },
            EmployeeError::NotAMember { account } => Self::NotAMember { account },
            EmployeeError::InvitationNotFound { invitation } => {
                Self::InvitationNotFound { invitation }
            }
            EmployeeError::InvitationNotForYou => Self::InvitationNotForYou,
            EmployeeError::InvitationExpired { expires_at } => {
                Self::InvitationExpired { expires_at }
            }
            EmployeeError::OrganizationStatus { status } => Self::OrganizationStatus { status },
            EmployeeError::AlreadyInStatus { status } => Self::AlreadyInStatus { status },
            EmployeeError::Role(e) => e.into(),
        }
    }
}

impl From<EmployeeEvent> for Event {
    fn from(e: EmployeeEvent) -> Self {
        Event::Employees(e)
    }
}

impl EmployeeWorld for Directory {
    type Event = Event;

    fn policy(&self) -> &Policy {
        Directory::policy(self)
    }

    fn membership(&self, org: OrgId, account: AccountId) -> Option<&Membership> {
        Directory::membership(self, org, account)
    }

    fn account_by_snils(&self, snils: &Snils) -> Option<&Account> {
        Directory::account_by_snils(self, snils)
    }

    fn invitation(&self, invitation: InvitationId) -> Option<&Invitation> {
        Directory::invitation(self, invitation)
    }

    fn next_invitation(&self) -> InvitationId {
        InvitationId(self.next.invitation.max(1))
    }

    fn able_to_act(&self, account: &Account) -> Result<(), CommandError> {
        let mut refusals = Vec::new();
        crate::reasons::account_refusals(account, &mut refusals);
        if refusals.is_empty() {
            Ok(())
        } else {
            Err(CommandError::AccountCannotAct { refusals })
        }
    }

    fn revocations_on_dismissal(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Vec<Event> {
        PowerCommands::revocations_on_dismissal(self, org, account, at)
    }
}

impl EmployeeState for Directory {
    fn insert_invitation(&mut self, invitation: Invitation) {
        self.next.invitation = self.next.invitation.max(invitation.id.0 + 1);
        self.invitations.insert(invitation.id, invitation);
    }

    fn remove_invitation(&mut self, invitation: InvitationId) {
        self.invitations.remove(&invitation);
    }

    fn join(
        &mut self,
        org: OrgId,
        account: AccountId,
        standing: Standing,
        roles: &[RoleRef],
        position: Option<Box<str>>,
        at: Timestamp,
    ) {
        let Some(o) = self.organizations.get_mut(&org) else {
            return;
        };
        let m = Membership {
            standing,
            status: MembershipStatus::Active,
            roles: roles.iter().copied().collect(),
            grants: RightSet::EMPTY,
            position,
            joined_at: at,
        };
        let Some(entry) = self.accounts.get_mut(&account) else {
            return;
        };
        if entry.memberships.put(org, m) {
            push_compact(&mut o.members, account);
        }
    }

    fn change_membership(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut Membership),
    ) {
        self.update_member(org, account, change);
    }
}

/// Pushes onto a list that grows by a quarter rather than doubling: an
/// organization's member list lives as long as the directory, and doubling
/// would leave up to half of every such list empty.
fn push_compact<T>(list: &mut Vec<T>, item: T) {
    if list.len() == list.capacity() {
        list.reserve_exact((list.len() / 4).max(4));
    }
    list.push(item);
}
