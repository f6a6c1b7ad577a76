//! What the rules of roles read of the directory and change in it, and how
//! they name what they give back. The directory implements [`RoleWorld`]
//! and [`RoleState`]; the rules and the fold in `rules.rs` are generic over
//! them, so this feature names no type of the directory, nor of the
//! organizations and employees that hold its values.

use super::{AccessGroup, CustomRole, HeldRoles, RoleError, RoleEvent};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::policy::Policy;
use crate::rights::RightSet;
use crate::view::DirectoryView;

/// An employee as the rules of roles see them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member<'a> {
    /// The roles held.
    pub roles: &'a HeldRoles,
    /// The rights granted individually.
    pub grants: RightSet,
    /// Whether the member is the head, whom nobody in the organization acts on.
    pub head: bool,
}

/// The directory as the rules of roles read it.
pub(crate) trait RoleWorld: DirectoryView<Error: From<RoleError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<RoleEvent>;

    /// The limits of roles and groups.
    fn policy(&self) -> &Policy;
    /// The custom roles of an organization; refused when there is no such organization.
    fn custom_roles(&self, org: OrgId) -> Result<&[CustomRole], Self::Error>;
    /// The access groups of an organization; refused when there is no such organization.
    fn access_groups(&self, org: OrgId) -> Result<&[AccessGroup], Self::Error>;
    /// A member of an organization; refused when the account is not one.
    fn member(&self, org: OrgId, account: AccountId) -> Result<Member<'_>, Self::Error>;
    /// The number the next custom role gets.
    fn next_custom_role(&self) -> CustomRoleId;
    /// The number the next access group gets.
    fn next_access_group(&self) -> AccessGroupId;
}

/// The directory as the fold of this feature's events changes it.
pub(crate) trait RoleState {
    /// Changes a member's roles and individual rights, if the membership exists.
    fn change_member(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut HeldRoles, &mut RightSet),
    );
    /// The custom roles of an organization, if it exists.
    fn custom_roles_mut(&mut self, org: OrgId) -> Option<&mut Vec<CustomRole>>;
    /// The access groups of an organization, if it exists.
    fn access_groups_mut(&mut self, org: OrgId) -> Option<&mut Vec<AccessGroup>>;
    /// The members of an organization.
    fn members(&self, org: OrgId) -> Vec<AccountId>;
    /// Notes a number given to a custom role, so the next one is higher.
    fn note_custom_role(&mut self, role: CustomRoleId);
    /// Notes a number given to an access group, so the next one is higher.
    fn note_access_group(&mut self, group: AccessGroupId);
}
