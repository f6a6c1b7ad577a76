//! Rules of role, right and access-group commands (DOMAIN §5), with least
//! privilege: nobody grants or defines a right they do not hold. Taking a
//! role or a right away grants nothing: a holder of `users.manage` may take
//! them from any member but the head. And the fold of their events.

use super::error::{clean_name, custom_role, role_rights, within_own, RoleError};
use super::world::{Member, RoleState, RoleWorld};
use super::{AccessGroup, CustomRole, RoleCommand, RoleEvent, RoleRef};
use crate::context::Context;
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::rights::{Right, RightSet};

/// Executes a command about roles, rights and access groups.
pub(crate) fn execute<W: RoleWorld>(
    w: &W,
    command: RoleCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    use RoleCommand as C;
    let event = match command {
        C::ClearAccessGroup { org, group } => {
            let g = group_for(w, ctx, org, group, Right::AccessGroupsEdit)?;
            if g.members.is_empty() {
                return Err(RoleError::AlreadyInStatus { status: "empty" }.into());
            }
            return Ok(g
                .members
                .iter()
                .map(|&account| {
                    RoleEvent::AccessGroupMemberRemoved {
                        org,
                        group,
                        account,
                    }
                    .into()
                })
                .collect());
        }
        C::AssignRole { org, account, role } => change_role(w, ctx, org, account, role, true)?,
        C::RevokeRole { org, account, role } => change_role(w, ctx, org, account, role, false)?,
        C::GrantRights {
            org,
            account,
            rights,
        } => change_grants(w, ctx, org, account, rights, true)?,
        C::RevokeRights {
            org,
            account,
            rights,
        } => change_grants(w, ctx, org, account, rights, false)?,
        C::CreateCustomRole { org, name, rights } => {
            define_custom_role(w, ctx, org, None, &name, rights)?
        }
        C::UpdateCustomRole {
            org,
            role,
            name,
            rights,
        } => define_custom_role(w, ctx, org, Some(role), &name, rights)?,
        C::DeleteCustomRole { org, role } => {
            let (_, held) = w.authorize(org, ctx, Right::UsersManage)?;
            let r = custom_role(w.custom_roles(org)?, role)?;
            within_own(held, r.rights)?;
            RoleEvent::CustomRoleDeleted { org, role }
        }
        C::CreateAccessGroup { org, name, system } => {
            w.authorize(org, ctx, Right::AccessGroupsEdit)?;
            let limit = w.policy().max_access_groups;
            if w.access_groups(org)?.len() >= limit {
                return Err(RoleError::LimitReached { limit }.into());
            }
            RoleEvent::AccessGroupCreated {
                org,
                group: w.next_access_group(),
                name: clean_name(&name)?,
                system: clean_name(&system)?,
            }
        }
        C::RenameAccessGroup { org, group, name } => {
            let g = group_for(w, ctx, org, group, Right::AccessGroupsEdit)?;
            let name = clean_name(&name)?;
            if g.name == name {
                return Err(RoleError::AlreadyInStatus { status: "named_so" }.into());
            }
            RoleEvent::AccessGroupRenamed { org, group, name }
        }
        C::AddToAccessGroup {
            org,
            group,
            account,
        } => change_access_group(w, ctx, org, group, account, true)?,
        C::RemoveFromAccessGroup {
            org,
            group,
            account,
        } => change_access_group(w, ctx, org, group, account, false)?,
        C::DeleteAccessGroup { org, group } => {
            group_for(w, ctx, org, group, Right::AccessGroupsDelete)?;
            RoleEvent::AccessGroupDeleted { org, group }
        }
    };
    Ok(vec![event.into()])
}

/// Folds an event about roles, rights and access groups into the state.
pub(crate) fn apply<S: RoleState>(s: &mut S, event: &RoleEvent) {
    match event {
        RoleEvent::RoleAssigned { org, account, role } => {
            s.change_member(*org, *account, |roles, _| roles.insert(*role));
        }
        RoleEvent::RoleRevoked { org, account, role } => {
            s.change_member(*org, *account, |roles, _| roles.remove(*role));
        }
        RoleEvent::RightsGranted {
            org,
            account,
            rights,
        } => s.change_member(*org, *account, |_, grants| *grants = grants.union(*rights)),
        RoleEvent::RightsRevoked {
            org,
            account,
            rights,
        } => s.change_member(*org, *account, |_, grants| {
            *grants = grants.difference(*rights);
        }),
        RoleEvent::CustomRoleDefined { org, role } => {
            s.note_custom_role(role.id);
            if let Some(roles) = s.custom_roles_mut(*org) {
                match roles.iter_mut().find(|r| r.id == role.id) {
                    Some(existing) => *existing = role.clone(),
                    None => roles.push(role.clone()),
                }
            }
        }
        RoleEvent::CustomRoleDeleted { org, role } => {
            let gone = RoleRef::Custom(*role);
            if let Some(roles) = s.custom_roles_mut(*org) {
                roles.retain(|r| r.id != *role);
            }
            for account in s.members(*org) {
                s.change_member(*org, account, |roles, _| roles.remove(gone));
            }
        }
        RoleEvent::AccessGroupCreated {
            org,
            group,
            name,
            system,
        } => {
            s.note_access_group(*group);
            if let Some(groups) = s.access_groups_mut(*org) {
                groups.push(AccessGroup {
                    id: *group,
                    name: name.clone(),
                    system: system.clone(),
                    members: Default::default(),
                });
            }
        }
        RoleEvent::AccessGroupMemberAdded {
            org,
            group,
            account,
        } => change_group(s, *org, *group, |g| {
            g.members.insert(*account);
        }),
        RoleEvent::AccessGroupMemberRemoved {
            org,
            group,
            account,
        } => change_group(s, *org, *group, |g| {
            g.members.remove(account);
        }),
        RoleEvent::AccessGroupRenamed { org, group, name } => {
            change_group(s, *org, *group, |g| g.name = name.clone());
        }
        RoleEvent::AccessGroupDeleted { org, group } => {
            if let Some(groups) = s.access_groups_mut(*org) {
                groups.retain(|g| g.id != *group);
            }
        }
    }
}

fn change_group<S: RoleState>(
    s: &mut S,
    org: OrgId,
    group: AccessGroupId,
    change: impl FnOnce(&mut AccessGroup),
) {
    if let Some(g) = s
        .access_groups_mut(org)
        .and_then(|groups| groups.iter_mut().find(|g| g.id == group))
    {
        change(g);
    }
}

/// The member a command acts on, when it is not the head.
fn not_the_head<W: RoleWorld>(
    w: &W,
    org: OrgId,
    account: AccountId,
) -> Result<Member<'_>, W::Error> {
    let target = w.member(org, account)?;
    if target.head {
        return Err(RoleError::HeadProtected.into());
    }
    Ok(target)
}

fn change_role<W: RoleWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    account: AccountId,
    role: RoleRef,
    assign: bool,
) -> Result<RoleEvent, W::Error> {
    let (_, held) = w.authorize(org, ctx, Right::UsersManage)?;
    let rights = role_rights(w.custom_roles(org)?, role)?;
    if assign {
        within_own(held, rights)?;
    }
    let target = not_the_head(w, org, account)?;
    let limit = w.policy().max_roles_per_member;
    match (assign, target.roles.contains(role)) {
        (true, true) => Err(RoleError::AlreadyHeld { role }.into()),
        (false, false) => Err(RoleError::NotHeld { role }.into()),
        (true, false) if target.roles.len() >= limit => {
            Err(RoleError::LimitReached { limit }.into())
        }
        (true, false) => Ok(RoleEvent::RoleAssigned { org, account, role }),
        (false, true) => Ok(RoleEvent::RoleRevoked { org, account, role }),
    }
}

fn change_grants<W: RoleWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    account: AccountId,
    rights: RightSet,
    grant: bool,
) -> Result<RoleEvent, W::Error> {
    let (_, held) = w.authorize(org, ctx, Right::UsersManage)?;
    if grant {
        within_own(held, rights)?;
    }
    let target = not_the_head(w, org, account)?;
    let changes = if grant {
        !rights.is_subset(target.grants)
    } else {
        !rights.intersection(target.grants).is_empty()
    };
    if !changes {
        let status = if grant { "granted" } else { "not_granted" };
        return Err(RoleError::AlreadyInStatus { status }.into());
    }
    Ok(if grant {
        RoleEvent::RightsGranted {
            org,
            account,
            rights,
        }
    } else {
        RoleEvent::RightsRevoked {
            org,
            account,
            rights,
        }
    })
}

fn define_custom_role<W: RoleWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    existing: Option<CustomRoleId>,
    name: &str,
    rights: RightSet,
) -> Result<RoleEvent, W::Error> {
    let (_, held) = w.authorize(org, ctx, Right::UsersManage)?;
    let roles = w.custom_roles(org)?;
    let name = clean_name(name)?;
    let limit = w.policy().max_custom_roles;
    let id = match existing {
        Some(id) => {
            within_own(held, custom_role(roles, id)?.rights)?;
            id
        }
        None if roles.len() >= limit => return Err(RoleError::LimitReached { limit }.into()),
        None => w.next_custom_role(),
    };
    within_own(held, rights)?;
    Ok(RoleEvent::CustomRoleDefined {
        org,
        role: CustomRole { id, name, rights },
    })
}

fn change_access_group<W: RoleWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    group: AccessGroupId,
    account: AccountId,
    add: bool,
) -> Result<RoleEvent, W::Error> {
    let g = group_for(w, ctx, org, group, Right::AccessGroupsEdit)?;
    w.member(org, account)?;
    match (add, g.members.contains(&account)) {
        (true, false) => Ok(RoleEvent::AccessGroupMemberAdded {
            org,
            group,
            account,
        }),
        (false, true) => Ok(RoleEvent::AccessGroupMemberRemoved {
            org,
            group,
            account,
        }),
        (true, true) => Err(RoleError::AlreadyInStatus { status: "in_group" }.into()),
        (false, false) => Err(RoleError::AlreadyInStatus {
            status: "not_in_group",
        }
        .into()),
    }
}

/// The access group a command about it names, once the actor is
/// authorized for `right`.
fn group_for<'w, W: RoleWorld>(
    w: &'w W,
    ctx: &Context,
    org: OrgId,
    group: AccessGroupId,
    right: Right,
) -> Result<&'w AccessGroup, W::Error> {
    w.authorize(org, ctx, right)?;
    w.access_groups(org)?
        .iter()
        .find(|g| g.id == group)
        .ok_or_else(|| RoleError::GroupNotFound { group }.into())
}
