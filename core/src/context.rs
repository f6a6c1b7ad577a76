//! Who executes a command, when, from where and with which signature: the
//! circumstances every feature's rules read (shared vocabulary, below the
//! features and the directory). How the rules see the directory itself is
//! [`crate::view`].

use crate::ids::AccountId;
use crate::signatures::SignatureEvidence;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "actor", content = "account")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Actor {
    /// The portal itself (ЕСИА, the registry, the operator): the host's trusted process.
    System,
    /// A person, through their account.
    Account(AccountId),
}

/// The circumstances of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
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
