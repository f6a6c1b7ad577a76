//! A membership: one account in one organization, with its roles and rights.

use crate::organizations::Organization;
use crate::rights::RightSet;
use crate::roles::HeldRoles;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Whether a member may currently act for the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum MembershipStatus {
    /// Works in the organization.
    Active,
    /// Blocked by an administrator.
    Blocked,
    /// Temporarily disabled.
    Disabled,
    /// Dismissed: access ends at once; a mistaken dismissal can be restored.
    Dismissed,
}

impl MembershipStatus {
    /// The stable code of the status.
    pub fn code(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Blocked => "blocked",
            Self::Disabled => "disabled",
            Self::Dismissed => "dismissed",
        }
    }

    /// The status in Russian, as a message says it («уволен»).
    pub fn title_ru(self) -> &'static str {
        match self {
            Self::Active => "действует",
            Self::Blocked => "заблокирован",
            Self::Disabled => "отключён",
            Self::Dismissed => "уволен",
        }
    }

    /// The status in English.
    pub fn title_en(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Blocked => "blocked",
            Self::Disabled => "disabled",
            Self::Dismissed => "dismissed",
        }
    }
}

/// What a member is in the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// An employee with the rights of their roles and grants.
    Employee,
    /// The head (руководитель) the registry names: every right; nobody but
    /// the registry can remove the head.
    Head,
}

/// One account's membership in one organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// Employee or head.
    pub standing: Standing,
    /// Whether the member may act now.
    pub status: MembershipStatus,
    /// Roles held.
    #[serde(with = "held_roles")]
    pub roles: HeldRoles,
    /// Rights granted individually, beyond the roles.
    pub grants: RightSet,
    /// The position (должность), when given.
    pub position: Option<Box<str>>,
    /// When the member joined.
    pub joined_at: Timestamp,
}

impl Membership {
    /// Every right the member holds through standing, roles and grants
    /// (whatever the status): everything for the head, otherwise the union
    /// of the roles' rights and the grants. `org` is the organization of the
    /// membership, whose custom roles it may hold.
    pub fn rights(&self, org: &Organization) -> RightSet {
        if self.standing == Standing::Head {
            return RightSet::all();
        }
        self.roles
            .iter()
            .fold(self.grants, |acc, role| acc.union(org.role_rights(role)))
    }
}

/// Held roles travel as a list of roles.
mod held_roles {
    use crate::roles::{HeldRoles, RoleRef};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(roles: &HeldRoles, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(roles.iter())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<HeldRoles, D::Error> {
        Ok(Vec::<RoleRef>::deserialize(d)?.into_iter().collect())
    }
}
