//! The chain of powers of attorney a decision rests on, link by link.

use crate::ids::{AccountId, OrgId, PowerNumber};
use crate::rights::RightSet;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// What a valid chain of powers gives: the basis of a decision taken through
/// a power of attorney, and the acting context of a representative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "Delegation")
)]
pub struct DelegationBasis {
    /// The power used (the last link).
    pub number: PowerNumber,
    /// The organization acted for.
    pub principal: OrgId,
    /// The rights the whole chain gives: the intersection of its links' powers.
    pub powers: RightSet,
    /// The first instant the chain no longer works: the earliest end of its links.
    pub valid_until: Timestamp,
    /// The links, from the first power (given by the organization) to the one used.
    pub chain: Vec<ChainLink>,
}

/// One link of a chain of powers, as a decision names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChainLink {
    /// The power's number.
    pub number: PowerNumber,
    /// Who signed it.
    pub issuer: AccountId,
    /// Its own powers.
    pub powers: RightSet,
    /// The first instant it no longer works.
    pub valid_until: Timestamp,
}
