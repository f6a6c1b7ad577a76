//! Who executes a command, when, from where and with which signature: the
//! circumstances every feature's rules read (shared vocabulary, below the
//! features and the directory).

use crate::accounts::Account;
use crate::ids::{AccountId, OrgId};
use crate::rights::{Right, RightSet};
use crate::signatures::SignatureEvidence;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "actor", content = "account")]
pub enum Actor {
    /// The portal itself (ЕСИА, the registry, the operator): the host's trusted process.
    System,
    /// A person, through their account.
    Account(AccountId),
}

/// The circumstances of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Who acts.
    pub actor: Actor,
    /// When.
    pub at: Timestamp,
    /// The signature the command was confirmed with.
    #[serde(default)]
    pub signature: SignatureEvidence,
    /// The address the request came from, for the journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<IpAddr>,
}

impl Context {
    /// The portal acting at `at`.
    pub fn system(at: Timestamp) -> Self {
        Self {
            actor: Actor::System,
            at,
            signature: SignatureEvidence::simple(),
            ip: None,
        }
    }

    /// A person acting at `at` with a simple signature.
    pub fn account(account: AccountId, at: Timestamp) -> Self {
        Self {
            actor: Actor::Account(account),
            at,
            signature: SignatureEvidence::simple(),
            ip: None,
        }
    }

    /// The same context with another signature.
    #[must_use]
    pub fn signed(mut self, signature: SignatureEvidence) -> Self {
        self.signature = signature;
        self
    }

    /// The same context with the request's address.
    #[must_use]
    pub fn from_ip(mut self, ip: IpAddr) -> Self {
        self.ip = Some(ip);
        self
    }
}

/// The directory as every feature's rules see it: the one authorization
/// guard (its rules are in `directory/guard.rs`), the portal-only refusal
/// and the accounts. The directory implements it; each feature's own trait
/// (`auth::AuthWorld`, …) adds what that feature reads, so a feature's rules
/// are generic over it and name no type of the directory.
pub(crate) trait DirectoryView {
    /// The directory's error, which holds every refusal.
    type Error;

    /// The acting account, when it may exercise `right` for `org` now
    /// (every refusal in the error otherwise), with every right it holds
    /// there: a grant never exceeds them.
    fn authorize(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, RightSet), Self::Error>;

    /// The refusal of a command only the portal gives.
    fn system_only() -> Self::Error;

    /// Refuses anyone but the portal.
    fn require_system(ctx: &Context) -> Result<(), Self::Error> {
        match ctx.actor {
            Actor::System => Ok(()),
            Actor::Account(_) => Err(Self::system_only()),
        }
    }

    /// The refusal of a command only a person gives.
    fn account_only() -> Self::Error;

    /// The acting account; refuses the portal.
    fn require_person(ctx: &Context) -> Result<AccountId, Self::Error> {
        match ctx.actor {
            Actor::Account(a) => Ok(a),
            Actor::System => Err(Self::account_only()),
        }
    }

    /// An account, if it exists.
    fn account(&self, account: AccountId) -> Option<&Account>;

    /// The account, or the refusal of a command about one that does not exist.
    fn existing_account(&self, account: AccountId) -> Result<&Account, Self::Error>;
}
