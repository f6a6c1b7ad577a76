//! What an allowed decision rests on.

use crate::roles::RoleRef;
use serde::{Deserialize, Serialize};

/// What an allowed decision rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "basis", content = "role")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Basis {
    /// The actor is the head the registry names.
    Head,
    /// A role the actor holds gives the right.
    Role(RoleRef),
    /// The right was granted to the actor individually.
    Grant,
    /// A valid chain of powers of attorney gives the right; the decision's
    /// `delegation` names the chain.
    PowerOfAttorney,
}

impl Basis {
    /// The stable code of the basis.
    pub fn code(&self) -> &'static str {
        match self {
            Basis::Head => "head",
            Basis::Role(_) => "role",
            Basis::Grant => "grant",
            Basis::PowerOfAttorney => "power_of_attorney",
        }
    }
}
