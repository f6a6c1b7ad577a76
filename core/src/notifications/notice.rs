//! A notice: what happened and whom it concerns.

use super::{Category, Importance};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Who among the organization's people receives a notice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Audience {
    /// The person concerned ([`Notice::person`]).
    pub person: bool,
    /// The organization's administrators: active members holding `users.manage`.
    pub administrators: bool,
    /// The organization's head.
    pub head: bool,
}

/// Something to tell people about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Notice {
    /// The category.
    pub category: Category,
    /// How much it matters.
    pub importance: Importance,
    /// The person concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<AccountId>,
    /// The organization concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<OrgId>,
    /// Who receives it.
    pub audience: Audience,
    /// What it refers to: an application's number, a certificate's serial,
    /// a power of attorney's number, an address (at most 200 characters).
    pub reference: String,
    /// When the thing happened (or, for a reminder, when it expires).
    pub at: Timestamp,
}
