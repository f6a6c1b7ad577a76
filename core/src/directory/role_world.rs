//! Roles, individual rights, custom roles and access groups as the
//! directory holds them: the implementations of [`RoleWorld`] (what their
//! rules read) and [`RoleState`] (what their fold changes), and their
//! refusals as the directory's errors.

use super::{CommandError, Directory, Event};
use crate::employees::Standing;
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::policy::Policy;
use crate::rights::RightSet;
use crate::roles::{
    AccessGroup, CustomRole, HeldRoles, Member, RoleError, RoleEvent, RoleState, RoleWorld,
};

impl From<RoleError> for CommandError {
    fn from(e: RoleError) -> Self {
        match e {
            RoleError::NotAssignable { role } => Self::RoleNotAssignable { role },
            RoleError::NotFound { role } => Self::RoleNotFound { role },
            RoleError::AlreadyHeld { role } => Self::RoleAlreadyHeld { role },
            RoleError::NotHeld { role } => Self::RoleNotHeld { role },
            RoleError::GroupNotFound { group } => Self::AccessGroupNotFound { group },
            RoleError::BeyondOwnRights { missing } => Self::BeyondOwnRights { missing },
            RoleError::HeadProtected => Self::HeadProtected,
            RoleError::BadName => Self::BadName,
            RoleError::LimitReached { limit } => Self::LimitReached { limit },
            RoleError::AlreadyInStatus { status } => Self::AlreadyInStatus { status },
        }
    }
}

impl From<RoleEvent> for Event {
    fn from(e: RoleEvent) -> Self {
        Event::Roles(e)
    }
}

impl RoleWorld for Directory {
    type Event = Event;

    fn policy(&self) -> &Policy {
        Directory::policy(self)
    }

    fn custom_roles(&self, org: OrgId) -> Result<&[CustomRole], CommandError> {
        Ok(&self.existing_org(org)?.custom_roles)
    }

    fn access_groups(&self, org: OrgId) -> Result<&[AccessGroup], CommandError> {
        Ok(&self.existing_org(org)?.access_groups)
    }

    fn member(&self, org: OrgId, account: AccountId) -> Result<Member<'_>, CommandError> {
        let m = self.existing_member(org, account)?;
        Ok(Member {
            roles: &m.roles,
            grants: m.grants,
            head: m.standing == Standing::Head,
        })
    }

    fn next_custom_role(&self) -> CustomRoleId {
        CustomRoleId(self.next.role.max(1))
    }

    fn next_access_group(&self) -> AccessGroupId {
        AccessGroupId(self.next.group.max(1))
    }
}

impl RoleState for Directory {
    fn change_member(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut HeldRoles, &mut RightSet),
    ) {
        self.update_member(org, account, |m| change(&mut m.roles, &mut m.grants));
    }

    fn custom_roles_mut(&mut self, org: OrgId) -> Option<&mut Vec<CustomRole>> {
        self.organizations
            .get_mut(&org)
            .map(|o| &mut o.custom_roles)
    }

    fn access_groups_mut(&mut self, org: OrgId) -> Option<&mut Vec<AccessGroup>> {
        self.organizations
            .get_mut(&org)
            .map(|o| &mut o.access_groups)
    }

    fn members(&self, org: OrgId) -> Vec<AccountId> {
        self.organizations
            .get(&org)
            .map(|o| o.members.clone())
            .unwrap_or_default()
    }

    fn note_custom_role(&mut self, role: CustomRoleId) {
        self.next.role = self.next.role.max(role.0 + 1);
    }

    fn note_access_group(&mut self, group: AccessGroupId) {
        self.next.group = self.next.group.max(group.0 + 1);
    }
}
