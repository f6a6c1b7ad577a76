//! How the rules of roles refuse. Each refusal becomes the directory's
//! [`crate::CommandError`] of the same name, with its stable code.

use super::RoleRef;
use crate::ids::{AccessGroupId, CustomRoleId};
use crate::rights::RightSet;

/// A refusal of the rules of roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RoleError {
    /// The role cannot be given by a command (the head's).
    NotAssignable { role: RoleRef },
    /// No such custom role.
    NotFound { role: CustomRoleId },
    /// The member already holds the role.
    AlreadyHeld { role: RoleRef },
    /// The member does not hold the role.
    NotHeld { role: RoleRef },
    /// No such access group.
    GroupNotFound { group: AccessGroupId },
    /// Least privilege: the actor lacks these rights.
    BeyondOwnRights { missing: RightSet },
    /// Nobody in the organization acts on the head.
    HeadProtected,
    /// A name is empty or too long.
    BadName,
    /// A policy limit was reached.
    LimitReached { limit: usize },
    /// The change is already the state.
    AlreadyInStatus { status: &'static str },
}

/// Longest name of a role, group or system, in characters.
pub(crate) const MAX_NAME: usize = 200;

/// Least privilege: `needed` must lie within what the actor holds.
pub(crate) fn within_own(held: RightSet, needed: RightSet) -> Result<(), RoleError> {
    let missing = needed.difference(held);
    if missing.is_empty() {
        Ok(())
    } else {
        Err(RoleError::BeyondOwnRights { missing })
    }
}

/// A name of a role, group or system: trimmed, not empty, not too long.
pub(crate) fn clean_name(name: &str) -> Result<String, RoleError> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > MAX_NAME {
        Err(RoleError::BadName)
    } else {
        Ok(n.to_owned())
    }
}

/// The rights a role gives in an organization with `custom` roles.
pub(crate) fn role_rights(
    custom: &[super::CustomRole],
    role: RoleRef,
) -> Result<RightSet, RoleError> {
    match role {
        RoleRef::BuiltIn(b) if !b.is_assignable() => Err(RoleError::NotAssignable { role }),
        RoleRef::BuiltIn(b) => Ok(b.rights()),
        RoleRef::Custom(id) => custom_role(custom, id).map(|r| r.rights),
    }
}

/// A custom role among an organization's.
pub(crate) fn custom_role(
    roles: &[super::CustomRole],
    role: CustomRoleId,
) -> Result<&super::CustomRole, RoleError> {
    roles
        .iter()
        .find(|r| r.id == role)
        .ok_or(RoleError::NotFound { role })
}
