//! Access groups (группы доступа): named sets of employees an organization's
//! administrator keeps for an information system.

use crate::ids::{AccessGroupId, AccountId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// An access group of an information system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessGroup {
    /// The group's number in the directory.
    pub id: AccessGroupId,
    /// The group's name.
    pub name: String,
    /// The information system the group gives access to.
    pub system: String,
    /// The employees in the group.
    pub members: BTreeSet<AccountId>,
}
