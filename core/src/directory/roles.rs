//! Rules of role, right and access-group commands (DOMAIN §5), with least
//! privilege: nobody grants or defines a right they do not hold. Taking a
//! role or a right away grants nothing: a holder of `users.manage` may take
//! them from any member but the head.

use super::employees::role_rights;
use super::guard::{clean_name, not_the_head, within_own};
use super::{CommandError, Context, Directory, Event};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::rights::{Right, RightSet};
use crate::roles::RoleEvent;
use crate::roles::{AccessGroup, CustomRole, RoleRef};

impl Directory {
    pub(super) fn change_role(
        &self,
        ctx: &Context,
        org: OrgId,
        account: AccountId,
        role: RoleRef,
        assign: bool,
    ) -> Result<Vec<Event>, CommandError> {
        let (_, held) = self.authorize(org, ctx, Right::UsersManage)?;
        let o = self.existing_org(org)?;
        let rights = role_rights(o, role)?;
        if assign {
            within_own(held, rights)?;
        }
        let target = self.existing_member(org, account)?;
        not_the_head(target)?;
        let has = target.roles.contains(role);
        match (assign, has) {
            (true, true) => Err(CommandError::RoleAlreadyHeld { role }),
            (false, false) => Err(CommandError::RoleNotHeld { role }),
            (true, false) if target.roles.len() >= self.policy().max_roles_per_member => {
                Err(CommandError::LimitReached {
                    limit: self.policy().max_roles_per_member,
                })
            }
            (true, false) => Ok(vec![Event::Roles(RoleEvent::RoleAssigned {
                org,
                account,
                role,
            })]),
            (false, true) => Ok(vec![Event::Roles(RoleEvent::RoleRevoked {
                org,
                account,
                role,
            })]),
        }
    }

    pub(super) fn change_grants(
        &self,
        ctx: &Context,
        org: OrgId,
        account: AccountId,
        rights: RightSet,
        grant: bool,
    ) -> Result<Vec<Event>, CommandError> {
        let (_, held) = self.authorize(org, ctx, Right::UsersManage)?;
        if grant {
            within_own(held, rights)?;
        }
        let target = self.existing_member(org, account)?;
        not_the_head(target)?;
        let changes = if grant {
            !rights.is_subset(target.grants)
        } else {
            !rights.intersection(target.grants).is_empty()
        };
        if !changes {
            return Err(CommandError::AlreadyInStatus {
                status: if grant { "granted" } else { "not_granted" },
            });
        }
        Ok(vec![if grant {
            Event::Roles(RoleEvent::RightsGranted {
                org,
                account,
                rights,
            })
        } else {
            Event::Roles(RoleEvent::RightsRevoked {
                org,
                account,
                rights,
            })
        }])
    }

    pub(super) fn define_custom_role(
        &self,
        ctx: &Context,
        org: OrgId,
        existing: Option<CustomRoleId>,
        name: &str,
        rights: RightSet,
    ) -> Result<Vec<Event>, CommandError> {
        let (_, held) = self.authorize(org, ctx, Right::UsersManage)?;
        let o = self.existing_org(org)?;
        let name = clean_name(name)?;
        let id = match existing {
            Some(id) => {
                let old = o
                    .custom_role(id)
                    .ok_or(CommandError::RoleNotFound { role: id })?;
                within_own(held, old.rights)?;
                id
            }
            None if o.custom_roles.len() >= self.policy().max_custom_roles => {
                return Err(CommandError::LimitReached {
                    limit: self.policy().max_custom_roles,
                })
            }
            None => CustomRoleId(self.next.role.max(1)),
        };
        within_own(held, rights)?;
        Ok(vec![Event::Roles(RoleEvent::CustomRoleDefined {
            org,
            role: CustomRole { id, name, rights },
        })])
    }

    pub(super) fn delete_custom_role(
        &self,
        ctx: &Context,
        org: OrgId,
        role: CustomRoleId,
    ) -> Result<Vec<Event>, CommandError> {
        let (_, held) = self.authorize(org, ctx, Right::UsersManage)?;
        let o = self.existing_org(org)?;
        let r = o
            .custom_role(role)
            .ok_or(CommandError::RoleNotFound { role })?;
        within_own(held, r.rights)?;
        Ok(vec![Event::Roles(RoleEvent::CustomRoleDeleted {
            org,
            role,
        })])
    }

    pub(super) fn create_access_group(
        &self,
        ctx: &Context,
        org: OrgId,
        name: &str,
        system: &str,
    ) -> Result<Vec<Event>, CommandError> {
        self.authorize(org, ctx, Right::AccessGroupsEdit)?;
        let o = self.existing_org(org)?;
        if o.access_groups.len() >= self.policy().max_access_groups {
            return Err(CommandError::LimitReached {
                limit: self.policy().max_access_groups,
            });
        }
        Ok(vec![Event::Roles(RoleEvent::AccessGroupCreated {
            org,
            group: AccessGroupId(self.next.group.max(1)),
            name: clean_name(name)?,
            system: clean_name(system)?,
        })])
    }

    pub(super) fn rename_access_group(
        &self,
        ctx: &Context,
        org: OrgId,
        group: AccessGroupId,
        name: &str,
    ) -> Result<Vec<Event>, CommandError> {
        let g = self.group_for(ctx, org, group, Right::AccessGroupsEdit)?;
        let name = clean_name(name)?;
        if g.name == name {
            return Err(CommandError::AlreadyInStatus { status: "named_so" });
        }
        Ok(vec![Event::Roles(RoleEvent::AccessGroupRenamed {
            org,
            group,
            name,
        })])
    }

    pub(super) fn change_access_group(
        &self,
        ctx: &Context,
        org: OrgId,
        group: AccessGroupId,
        account: AccountId,
        add: bool,
    ) -> Result<Vec<Event>, CommandError> {
        let g = self.group_for(ctx, org, group, Right::AccessGroupsEdit)?;
        self.existing_member(org, account)?;
        match (add, g.members.contains(&account)) {
            (true, false) => Ok(vec![Event::Roles(RoleEvent::AccessGroupMemberAdded {
                org,
                group,
                account,
            })]),
            (false, true) => Ok(vec![Event::Roles(RoleEvent::AccessGroupMemberRemoved {
                org,
                group,
                account,
            })]),
            (true, true) => Err(CommandError::AlreadyInStatus { status: "in_group" }),
            (false, false) => Err(CommandError::AlreadyInStatus {
                status: "not_in_group",
            }),
        }
    }

    pub(super) fn delete_access_group(
        &self,
        ctx: &Context,
        org: OrgId,
        group: AccessGroupId,
    ) -> Result<Vec<Event>, CommandError> {
        self.group_for(ctx, org, group, Right::AccessGroupsDelete)?;
        Ok(vec![Event::Roles(RoleEvent::AccessGroupDeleted {
            org,
            group,
        })])
    }

    /// The access group a command about it names, once the actor is
    /// authorized for `right`.
    fn group_for(
        &self,
        ctx: &Context,
        org: OrgId,
        group: AccessGroupId,
        right: Right,
    ) -> Result<&AccessGroup, CommandError> {
        self.authorize(org, ctx, right)?;
        self.existing_org(org)?
            .access_group(group)
            .ok_or(CommandError::AccessGroupNotFound { group })
    }
}
