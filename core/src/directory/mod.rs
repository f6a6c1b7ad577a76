//! The directory: accounts, organizations, memberships and invitations, as
//! the fold of their events.
//!
//! [`Directory::execute`] checks every rule of a [`Command`] against the
//! current state and returns the [`Event`]s it causes, changing nothing;
//! [`Directory::apply`] folds an event into the state and cannot fail.
//! [`Directory::run`] does both. Replaying the events of any run on a new
//! directory with the same policy rebuilds an equal directory.

mod accounts;
mod apply;
mod command;
mod context;
mod employees;
mod error;
mod event;
mod execute;
mod guard;
mod organizations;
mod roles;

pub use command::{Command, ContactValue};
pub use context::{Actor, Context};
pub use error::CommandError;
pub use event::Event;

use crate::accounts::Account;
use crate::employees::{Invitation, Membership};
use crate::identifiers::{Inn, Snils};
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::organizations::Organization;
use crate::policy::Policy;
use std::collections::HashMap;

/// The next numbers the directory will assign.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Counters {
    account: u64,
    org: u64,
    invitation: u64,
    role: u64,
    group: u64,
}

/// Accounts, organizations, memberships and invitations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    policy: Policy,
    accounts: HashMap<AccountId, Account>,
    by_snils: HashMap<Snils, AccountId>,
    organizations: HashMap<OrgId, Organization>,
    by_inn: HashMap<Inn, Vec<OrgId>>,
    memberships: HashMap<(OrgId, AccountId), Membership>,
    account_orgs: HashMap<AccountId, Vec<OrgId>>,
    invitations: HashMap<InvitationId, Invitation>,
    pub(crate) powers: crate::delegation::PowerRegistry,
    next: Counters,
}

impl Directory {
    /// An empty directory with the default policy.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty directory with the given policy.
    pub fn with_policy(policy: Policy) -> Self {
        Self {
            policy,
            ..Self::default()
        }
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Executes a command and applies its events.
    ///
    /// # Errors
    /// The [`CommandError`] of [`Directory::execute`]; nothing changes then.
    pub fn run(&mut self, command: Command, context: &Context) -> Result<Vec<Event>, CommandError> {
        let events = self.execute(command, context)?;
        for event in &events {
            self.apply(event);
        }
        Ok(events)
    }

    /// An account by number.
    pub fn account(&self, id: AccountId) -> Option<&Account> {
        self.accounts.get(&id)
    }

    /// The account holding a СНИЛС.
    pub fn account_by_snils(&self, snils: &Snils) -> Option<&Account> {
        self.by_snils
            .get(snils)
            .and_then(|id| self.accounts.get(id))
    }

    /// Every account, in no particular order.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }

    /// An organization by number.
    pub fn organization(&self, id: OrgId) -> Option<&Organization> {
        self.organizations.get(&id)
    }

    /// The organizations submitted with an ИНН (a legal entity and its branches
    /// share one), in submission order.
    pub fn organizations_by_inn(&self, inn: &Inn) -> impl Iterator<Item = &Organization> {
        self.by_inn
            .get(inn)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|id| self.organizations.get(id))
    }

    /// Every organization, in no particular order.
    pub fn organizations(&self) -> impl Iterator<Item = &Organization> {
        self.organizations.values()
    }

    /// The membership of an account in an organization.
    pub fn membership(&self, org: OrgId, account: AccountId) -> Option<&Membership> {
        self.memberships.get(&(org, account))
    }

    /// The organizations an account belongs to ("выбор организации"), in joining order.
    pub fn organizations_of(&self, account: AccountId) -> &[OrgId] {
        self.account_orgs.get(&account).map_or(&[], Vec::as_slice)
    }

    /// The members of an organization with their memberships, in joining order.
    pub fn members(&self, org: OrgId) -> impl Iterator<Item = (AccountId, &Membership)> {
        self.organizations
            .get(&org)
            .map(|o| o.members.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(move |&a| self.memberships.get(&(org, a)).map(|m| (a, m)))
    }

    /// An invitation by number.
    pub fn invitation(&self, id: InvitationId) -> Option<&Invitation> {
        self.invitations.get(&id)
    }

    /// Every invitation of an organization, in no particular order.
    pub fn invitations_of(&self, org: OrgId) -> impl Iterator<Item = &Invitation> {
        self.invitations.values().filter(move |i| i.org == org)
    }

    /// How many accounts, organizations and memberships the directory holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.accounts.len(),
            self.organizations.len(),
            self.memberships.len(),
        )
    }
}
