//! The commands and events of roles, individually granted rights, custom roles and access groups, in the
//! directory's flat JSON form (`{"command": "assign_role", …}`,
//! `{"event": "role_assigned", …}`): [`crate::Command`] and
//! [`crate::Event`] hold them as one family each.

use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::rights::RightSet;
use crate::roles::{CustomRole, RoleRef};
use serde::{Deserialize, Serialize};

/// A command of this family. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum RoleCommand {
    /// Gives a role. Right `users.manage` and every right of the role.
    AssignRole {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The role.
        role: RoleRef,
    },
    /// Takes a role away. Right `users.manage`; never from the head (taking
    /// away grants nothing, so the actor need not hold the role's rights).
    RevokeRole {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The role.
        role: RoleRef,
    },
    /// Grants rights individually. Right `users.manage` and every right granted.
    GrantRights {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The rights.
        rights: RightSet,
    },
    /// Takes individually granted rights away. Right `users.manage`; never
    /// from the head.
    RevokeRights {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The rights.
        rights: RightSet,
    },
    /// Defines a custom role. Right `users.manage` and every right of it.
    CreateCustomRole {
        /// The organization.
        org: OrgId,
        /// The role's name.
        name: String,
        /// Its rights.
        rights: RightSet,
    },
    /// Redefines a custom role. Right `users.manage` and every right it had and gets.
    UpdateCustomRole {
        /// The organization.
        org: OrgId,
        /// The role.
        role: CustomRoleId,
        /// The new name.
        name: String,
        /// The new rights.
        rights: RightSet,
    },
    /// Deletes a custom role, taking it from everyone. Right `users.manage` and every right of it.
    DeleteCustomRole {
        /// The organization.
        org: OrgId,
        /// The role.
        role: CustomRoleId,
    },
    /// Creates an access group. Right `access_groups.edit`.
    CreateAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group's name.
        name: String,
        /// The information system.
        system: String,
    },
    /// Renames an access group. Right `access_groups.edit`.
    RenameAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The new name.
        name: String,
    },
    /// Adds an employee to an access group. Right `access_groups.edit`.
    AddToAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The employee.
        account: AccountId,
    },
    /// Removes an employee from an access group. Right `access_groups.edit`.
    RemoveFromAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The employee.
        account: AccountId,
    },
    /// Removes every member from an access group at once (access to its
    /// information system withdrawn from all), keeping the group. Right
    /// `access_groups.edit`; an empty group is refused.
    ClearAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
    },
    /// Deletes an access group. Right `access_groups.delete`.
    DeleteAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
    },
}

impl RoleCommand {
    /// Every kind of this family, as in the JSON `command` tag.
    pub const KINDS: &'static [&'static str] = &[
        "assign_role",
        "revoke_role",
        "grant_rights",
        "revoke_rights",
        "create_custom_role",
        "update_custom_role",
        "delete_custom_role",
        "create_access_group",
        "rename_access_group",
        "add_to_access_group",
        "remove_from_access_group",
        "clear_access_group",
        "delete_access_group",
    ];

    /// The organization the command is about: every one names it.
    pub fn organization(&self) -> OrgId {
        match self {
            Self::AssignRole { org, .. }
            | Self::RevokeRole { org, .. }
            | Self::GrantRights { org, .. }
            | Self::RevokeRights { org, .. }
            | Self::CreateCustomRole { org, .. }
            | Self::UpdateCustomRole { org, .. }
            | Self::DeleteCustomRole { org, .. }
            | Self::CreateAccessGroup { org, .. }
            | Self::RenameAccessGroup { org, .. }
            | Self::AddToAccessGroup { org, .. }
            | Self::RemoveFromAccessGroup { org, .. }
            | Self::ClearAccessGroup { org, .. }
            | Self::DeleteAccessGroup { org, .. } => *org,
        }
    }

    /// The command's kind: its JSON `command` tag (`assign_role`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AssignRole { .. } => "assign_role",
            Self::RevokeRole { .. } => "revoke_role",
            Self::GrantRights { .. } => "grant_rights",
            Self::RevokeRights { .. } => "revoke_rights",
            Self::CreateCustomRole { .. } => "create_custom_role",
            Self::UpdateCustomRole { .. } => "update_custom_role",
            Self::DeleteCustomRole { .. } => "delete_custom_role",
            Self::CreateAccessGroup { .. } => "create_access_group",
            Self::RenameAccessGroup { .. } => "rename_access_group",
            Self::AddToAccessGroup { .. } => "add_to_access_group",
            Self::RemoveFromAccessGroup { .. } => "remove_from_access_group",
            Self::ClearAccessGroup { .. } => "clear_access_group",
            Self::DeleteAccessGroup { .. } => "delete_access_group",
        }
    }
}

/// Something that happened in this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum RoleEvent {
    /// A role was given.
    RoleAssigned {
        org: OrgId,
        account: AccountId,
        role: RoleRef,
    },
    /// A role was taken away.
    RoleRevoked {
        org: OrgId,
        account: AccountId,
        role: RoleRef,
    },
    /// Rights were granted individually.
    RightsGranted {
        org: OrgId,
        account: AccountId,
        rights: RightSet,
    },
    /// Individually granted rights were taken away.
    RightsRevoked {
        org: OrgId,
        account: AccountId,
        rights: RightSet,
    },
    /// A custom role was defined or redefined.
    CustomRoleDefined { org: OrgId, role: CustomRole },
    /// A custom role was deleted and taken from everyone.
    CustomRoleDeleted { org: OrgId, role: CustomRoleId },
    /// An access group was created.
    AccessGroupCreated {
        org: OrgId,
        group: AccessGroupId,
        name: String,
        system: String,
    },
    /// An employee was added to an access group.
    AccessGroupMemberAdded {
        org: OrgId,
        group: AccessGroupId,
        account: AccountId,
    },
    /// An employee was removed from an access group.
    AccessGroupMemberRemoved {
        org: OrgId,
        group: AccessGroupId,
        account: AccountId,
    },
    /// An access group was deleted.
    AccessGroupDeleted { org: OrgId, group: AccessGroupId },
    /// An access group was renamed.
    AccessGroupRenamed {
        org: OrgId,
        group: AccessGroupId,
        name: String,
    },
}

impl RoleEvent {
    /// Every kind of this family, as in the JSON `event` tag.
    pub const KINDS: &'static [&'static str] = &[
        "role_assigned",
        "role_revoked",
        "rights_granted",
        "rights_revoked",
        "custom_role_defined",
        "custom_role_deleted",
        "access_group_created",
        "access_group_member_added",
        "access_group_member_removed",
        "access_group_deleted",
        "access_group_renamed",
    ];

    /// The event's kind: its JSON `event` tag (`role_assigned`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RoleAssigned { .. } => "role_assigned",
            Self::RoleRevoked { .. } => "role_revoked",
            Self::RightsGranted { .. } => "rights_granted",
            Self::RightsRevoked { .. } => "rights_revoked",
            Self::CustomRoleDefined { .. } => "custom_role_defined",
            Self::CustomRoleDeleted { .. } => "custom_role_deleted",
            Self::AccessGroupCreated { .. } => "access_group_created",
            Self::AccessGroupMemberAdded { .. } => "access_group_member_added",
            Self::AccessGroupMemberRemoved { .. } => "access_group_member_removed",
            Self::AccessGroupDeleted { .. } => "access_group_deleted",
            Self::AccessGroupRenamed { .. } => "access_group_renamed",
        }
    }
}
