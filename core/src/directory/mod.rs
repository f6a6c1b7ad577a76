//! The directory: accounts, organizations, memberships and invitations, as
//! the fold of their events.
//!
//! [`Directory::execute`] checks every rule of a [`Command`] against the
//! current state and returns the [`Event`]s it causes, changing nothing;
//! [`Directory::apply`] folds an event into the state and cannot fail.
//! [`Directory::run`] does both. Replaying the events of any run on a new
//! directory with the same policy rebuilds an equal directory.

mod access;
mod account_world;
mod apply;
mod command;
mod employee_world;
mod error;
mod event;
mod execute;
mod families;
mod guard;
mod id_map;
mod memberships;
mod metadata;
mod notices;
mod organization_world;
mod powers;
mod query;
mod role_world;
mod snapshot;
mod worlds;

pub use crate::accounts::ContactValue;
pub use crate::context::{Actor, Context};
pub use command::Command;
pub use error::CommandError;
pub use event::Event;
pub use query::{Query, QueryError};
pub use snapshot::{DirectorySnapshot, SnapshotError, SNAPSHOT_VERSION};

use crate::accounts::Account;
use crate::employees::{Invitation, Membership};
use crate::identifiers::{Inn, Snils};
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::organizations::Organization;
use crate::policy::Policy;
use id_map::IdMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The next numbers the directory will assign.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Counters {
    account: u64,
    org: u64,
    invitation: u64,
    role: u64,
    group: u64,
}

/// An account with its memberships, in joining order: a person belongs to
/// few organizations, so finding one is a short scan in the same entry, not
/// another lookup (see [`memberships`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct AccountEntry {
    account: Account,
    memberships: memberships::Memberships,
}

/// Accounts, organizations, memberships and invitations.
///
/// Layout (measured in `examples/memory.rs` and `benches/check_random.rs`):
/// accounts and organizations in vectors indexed by their numbers
/// ([`id_map`]); each account's memberships in the account's entry, the
/// first inline, so that the access check finds the account and its
/// membership in adjacent lines of memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    policy: Policy,
    accounts: IdMap<AccountId, AccountEntry>,
    /// Accounts by the number of their СНИЛС ([`Snils::number`]).
    by_snils: HashMap<u64, AccountId>,
    organizations: IdMap<OrgId, Organization>,
    by_inn: BTreeSet<(Inn, OrgId)>,
    invitations: BTreeMap<InvitationId, Invitation>,
    pub(crate) powers: crate::delegation::PowerRegistry,
    /// Powers of attorney presented with registrations not yet active.
    pub(crate) registration_powers: crate::delegation::RegistrationPowers,
    next: Counters,
    auth: crate::auth::AuthState,
    notifications: crate::notifications::NotificationState,
    applications: crate::applications::ApplicationState,
    certificates: crate::certificates::CertificateState,
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

    /// What authentication keeps: failures, codes, PIN counters, sessions.
    pub fn auth_state(&self) -> &crate::auth::AuthState {
        &self.auth
    }

    /// Notification preferences, the outbox and the history.
    pub fn notification_state(&self) -> &crate::notifications::NotificationState {
        &self.notifications
    }

    /// Applications and their numbering.
    pub fn application_state(&self) -> &crate::applications::ApplicationState {
        &self.applications
    }

    /// The signature certificates bound to employees.
    pub fn certificate_state(&self) -> &crate::certificates::CertificateState {
        &self.certificates
    }
    /// The certificates bound to an employee of an organization, in binding order.
    pub fn certificates_of(
        &self,
        org: OrgId,
        account: AccountId,
    ) -> &[crate::certificates::BoundCertificate] {
        self.certificate_state().of(org, account)
    }

    /// The bound certificates (of one organization, or all) still valid at
    /// `at` that expire within `days` days, soonest first.
    pub fn certificates_expiring_within(
        &self,
        org: Option<OrgId>,
        at: crate::Timestamp,
        days: i64,
    ) -> Vec<(OrgId, AccountId, &crate::certificates::BoundCertificate)> {
        self.certificate_state().expiring_within(org, at, days)
    }

    /// An account by number.
    pub fn account(&self, id: AccountId) -> Option<&Account> {
        self.accounts.get(&id).map(|e| &e.account)
    }

    /// An account and its membership in an organization, in one lookup.
    pub(crate) fn account_and_membership(
        &self,
        id: AccountId,
        org: OrgId,
    ) -> (Option<&Account>, Option<&Membership>) {
        match self.accounts.get(&id) {
            None => (None, None),
            Some(e) => (Some(&e.account), e.memberships.get(org)),
        }
    }

    /// The account holding a СНИЛС.
    pub fn account_by_snils(&self, snils: &Snils) -> Option<&Account> {
        self.by_snils
            .get(&snils.number())
            .and_then(|id| self.account(*id))
    }

    /// Every account, by number.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values().map(|e| &e.account)
    }

    /// An organization by number.
    pub fn organization(&self, id: OrgId) -> Option<&Organization> {
        self.organizations.get(&id)
    }

    /// The organizations submitted with an ИНН (a legal entity and its branches
    /// share one), in submission order.
    pub fn organizations_by_inn(&self, inn: &Inn) -> impl Iterator<Item = &Organization> {
        self.by_inn
            .range((inn.clone(), OrgId(0))..=(inn.clone(), OrgId(u64::MAX)))
            .filter_map(|(_, id)| self.organization(*id))
    }

    /// Every organization, by number.
    pub fn organizations(&self) -> impl Iterator<Item = &Organization> {
        self.organizations.values()
    }

    /// The membership of an account in an organization.
    pub fn membership(&self, org: OrgId, account: AccountId) -> Option<&Membership> {
        self.account_and_membership(account, org).1
    }

    /// The organizations an account belongs to ("выбор организации"), in joining order.
    pub fn organizations_of(&self, account: AccountId) -> Vec<OrgId> {
        self.accounts
            .get(&account)
            .map(|e| e.memberships.iter().map(|(o, _)| *o).collect())
            .unwrap_or_default()
    }

    /// The members of an organization with their memberships, in joining order.
    pub fn members(&self, org: OrgId) -> impl Iterator<Item = (AccountId, &Membership)> {
        self.organizations
            .get(&org)
            .map(|o| o.members.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(move |&a| self.membership(org, a).map(|m| (a, m)))
    }

    /// An invitation by number.
    pub fn invitation(&self, id: InvitationId) -> Option<&Invitation> {
        self.invitations.get(&id)
    }

    /// Every pending invitation of an organization, by number.
    pub fn invitations_of(&self, org: OrgId) -> impl Iterator<Item = &Invitation> {
        self.invitations.values().filter(move |i| i.org == org)
    }

    /// How many accounts, organizations and memberships the directory holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.accounts.len(),
            self.organizations.len(),
            self.accounts.values().map(|e| e.memberships.len()).sum(),
        )
    }
}
