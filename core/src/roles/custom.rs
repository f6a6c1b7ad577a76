//! Roles an organization defines for itself from individual rights.

use crate::ids::CustomRoleId;
use crate::rights::RightSet;
use serde::{Deserialize, Serialize};

/// A custom role: a name and the rights it combines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRole {
    /// The role's number in the directory.
    pub id: CustomRoleId,
    /// The name the organization gave it.
    pub name: String,
    /// The rights it gives.
    pub rights: RightSet,
}
