//! Roles: the eight built-in roles the guides name, custom roles an
//! organization defines, and access groups of information systems.
//!
//! A role is a named set of rights. An employee holds the union of the rights
//! of their roles and of rights granted to them individually; the head holds
//! every right. Least privilege is enforced by the commands that assign roles
//! and rights: nobody grants what they do not hold.

mod access_group;
mod builtin;
mod command;
mod custom;
mod error;
mod held;
mod rules;
mod world;

pub use access_group::AccessGroup;
pub use builtin::BuiltInRole;
pub use command::{RoleCommand, RoleEvent};
pub use custom::CustomRole;
pub(crate) use error::{clean_name, role_rights, within_own, RoleError};
pub use held::HeldRoles;
pub(crate) use rules::{apply, execute};
pub(crate) use world::{Member, RoleState, RoleWorld};

use crate::ids::CustomRoleId;
use serde::{Deserialize, Serialize};

/// A role held by an employee: built in, or defined by the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RoleRef {
    /// One of the built-in roles.
    BuiltIn(BuiltInRole),
    /// A custom role of the organization.
    Custom(CustomRoleId),
}

impl core::fmt::Display for RoleRef {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            RoleRef::BuiltIn(r) => f.write_str(r.code()),
            RoleRef::Custom(id) => write!(f, "{id}"),
        }
    }
}
