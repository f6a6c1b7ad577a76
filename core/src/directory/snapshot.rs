//! Snapshots: the whole state of a directory as a serde value, so a store
//! can open without replaying its whole journal.
//!
//! [`DirectorySnapshot::of`] copies the state, indexes included, and
//! [`DirectorySnapshot::restore`] rebuilds a directory equal (`==`) to the
//! one it was taken of. A restored snapshot plus the events after it equals
//! the replay of every event.

use super::memberships::Memberships;
use super::{AccountEntry, Counters, Directory};
use crate::accounts::Account;
use crate::delegation::PowerOfAttorney;
use crate::delegation::RegistrationPower;
use crate::employees::{Invitation, Membership};
use crate::ids::OrgId;
use crate::organizations::Organization;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// The format version of snapshots; a store discards snapshots of another.
pub const SNAPSHOT_VERSION: u32 = 5;

/// An account with its memberships, in joining order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotAccount {
    account: Account,
    memberships: Vec<(OrgId, Membership)>,
}

/// The state of a directory, serializable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectorySnapshot {
    version: u32,
    policy: Policy,
    accounts: Vec<SnapshotAccount>,
    organizations: Vec<Organization>,
    invitations: Vec<Invitation>,
    /// Powers of attorney in the order they were recorded (their statuses
    /// included); the registry's indexes are rebuilt from them.
    powers: Vec<PowerOfAttorney>,
    /// Powers of attorney presented with registrations not yet active, by organization.
    #[serde(default)]
    registration_powers: Vec<RegistrationPower>,
    /// Authentication's memory: failures, codes, PINs, sessions.
    auth: crate::auth::AuthState,
    /// Preferences, the outbox and the history of notifications.
    notifications: crate::notifications::NotificationState,
    /// Applications and their number sequences.
    applications: crate::applications::ApplicationState,
    /// Signature certificates bound to employees.
    #[serde(default)]
    certificates: crate::certificates::CertificateState,
    next: [u64; 5],
}

/// A snapshot that cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The snapshot was written in another format version.
    #[error("snapshot version {found} is not supported")]
    Version {
        /// The version found.
        found: u32,
    },
    /// An account belongs to the same organization twice.
    #[error("the snapshot is inconsistent")]
    Inconsistent,
}

impl crate::coded::Coded for SnapshotError {
    fn code(&self) -> &'static str {
        match self {
            Self::Version { .. } => "snapshot.version",
            Self::Inconsistent => "snapshot.inconsistent",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Version { found } => format!("версия снимка {found} не поддерживается"),
            Self::Inconsistent => "снимок противоречив".into(),
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

impl DirectorySnapshot {
    /// The state of `directory`.
    pub fn of(directory: &Directory) -> Self {
        let mut accounts: Vec<SnapshotAccount> = directory
            .accounts
            .values()
            .map(|e| SnapshotAccount {
                account: e.account.clone(),
                memberships: e.memberships.iter().cloned().collect(),
            })
            .collect();
        accounts.sort_by_key(|a| a.account.id);
        let mut organizations: Vec<Organization> =
            directory.organizations.values().cloned().collect();
        organizations.sort_by_key(|o| o.id);
        let invitations: Vec<Invitation> = directory.invitations.values().cloned().collect();
        let n = &directory.next;
        Self {
            version: SNAPSHOT_VERSION,
            policy: directory.policy.clone(),
            accounts,
            organizations,
            invitations,
            powers: directory.powers.in_order().cloned().collect(),
            registration_powers: directory.registration_powers.in_order(),
            auth: directory.auth.clone(),
            notifications: directory.notifications.clone(),
            applications: directory.applications.clone(),
            certificates: directory.certificates.clone(),
            next: [n.account, n.org, n.invitation, n.role, n.group],
        }
    }

    /// The directory this snapshot was taken of.
    ///
    /// # Errors
    /// [`SnapshotError`] when the version is not this library's or an
    /// account belongs to the same organization twice.
    pub fn restore(self) -> Result<Directory, SnapshotError> {
        if self.version != SNAPSHOT_VERSION {
            return Err(SnapshotError::Version {
                found: self.version,
            });
        }
        let [account, org, invitation, role, group] = self.next;
        let mut powers = crate::delegation::PowerRegistry::default();
        for power in self.powers {
            powers.insert(power);
        }
        let mut registration_powers = crate::delegation::RegistrationPowers::default();
        for p in self.registration_powers {
            registration_powers.insert(p.power.principal, p);
        }
        // The indexes are not stored: they follow from the records.
        let by_snils = self
            .accounts
            .iter()
            .filter_map(|a| Some((a.account.snils.as_ref()?.number(), a.account.id)))
            .collect();
        let by_inn = self
            .organizations
            .iter()
            .map(|o| (o.requisites.inn.clone(), o.id))
            .collect();
        let accounts = self
            .accounts
            .into_iter()
            .map(|a| {
                let memberships =
                    Memberships::from_ordered(a.memberships).ok_or(SnapshotError::Inconsistent)?;
                Ok((
                    a.account.id,
                    AccountEntry {
                        account: a.account,
                        memberships,
                    },
                ))
            })
            .collect::<Result<_, SnapshotError>>()?;
        Ok(Directory {
            policy: self.policy,
            accounts,
            by_snils,
            organizations: self.organizations.into_iter().map(|o| (o.id, o)).collect(),
            by_inn,
            invitations: self.invitations.into_iter().map(|i| (i.id, i)).collect(),
            powers,
            registration_powers,
            auth: self.auth,
            notifications: self.notifications,
            applications: self.applications,
            certificates: self.certificates,
            next: Counters {
                account,
                org,
                invitation,
                role,
                group,
            },
        })
    }

    /// Replaces the policy the snapshot carries (the host's policy wins over
    /// the one in force when the snapshot was taken).
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{AccountCommand, PersonName};
    use crate::directory::{Command, Context};

    fn sample() -> Directory {
        let mut d = Directory::new();
        let at = "2026-03-02T09:00:00Z".parse().unwrap();
        for n in 0..3 {
            d.run(
                Command::Accounts(AccountCommand::RegisterAccount {
                    name: PersonName::new("Сотрудник", &format!("И{n}"), None),
                    snils: None,
                    inn: None,
                    email: None,
                    phone: None,
                }),
                &Context::system(at),
            )
            .unwrap();
        }
        d
    }

    #[test]
    fn a_snapshot_round_trips_through_json_exactly() {
        let d = sample();
        let json = serde_json::to_string(&DirectorySnapshot::of(&d)).unwrap();
        let back: DirectorySnapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back.clone().restore().unwrap(), d);
        // the counters came back too: the next account gets the next number
        assert_eq!(back.next, DirectorySnapshot::of(&d).next);
    }

    #[test]
    fn a_foreign_or_inconsistent_snapshot_is_refused() {
        let mut s = DirectorySnapshot::of(&sample());
        s.version = 99;
        assert_eq!(
            s.clone().restore(),
            Err(SnapshotError::Version { found: 99 })
        );
        s.version = SNAPSHOT_VERSION;
        let member = Membership {
            standing: crate::employees::Standing::Employee,
            status: crate::employees::MembershipStatus::Active,
            roles: Default::default(),
            grants: crate::rights::RightSet::EMPTY,
            position: None,
            joined_at: crate::Timestamp::UNIX_EPOCH,
        };
        s.accounts[0].memberships.push((OrgId(1), member.clone()));
        assert!(s.clone().restore().is_ok(), "one membership is consistent");
        s.accounts[0].memberships.push((OrgId(1), member));
        assert_eq!(s.restore(), Err(SnapshotError::Inconsistent));
    }
}
