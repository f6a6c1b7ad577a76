//! Typed commands of employees: invitations, statuses, roles, individual
//! rights, custom roles and access groups (see [`crate::commands`]).

use crate::context::Context;
use crate::handle::Kabinet;
use crate::typed::typed_commands;
use crate::values::name;
use kabinet::employees::Invitee;
use kabinet::ffi::KabinetError;
use kabinet::identifiers::{Email, Snils};
use kabinet::{AccessGroupId, AccountId, Command, CustomRoleId, InvitationId, OrgId};
use kabinet::{EmployeeCommand, RightSet, RoleRef};

#[uniffi::export]
impl Kabinet {
    /// Invites a person by СНИЛС or e-mail (exactly one); returns the invitation's number.
    #[allow(clippy::too_many_arguments)]
    pub fn invite_employee(
        &self,
        context: Context,
        org: OrgId,
        surname: String,
        given_name: String,
        snils: Option<String>,
        email: Option<String>,
        position: Option<String>,
        roles: Vec<RoleRef>,
    ) -> Result<u64, KabinetError> {
        let invitee = match (snils, email) {
            (Some(s), None) => Invitee::Snils(Snils::parse(&s)?),
            (None, Some(e)) => Invitee::Email(Email::parse(&e)?),
            _ => {
                return Err(KabinetError::from(
                    kabinet::InputError::new(kabinet::InputKind::Invitee, "")
                        .because("give exactly one of a СНИЛС or an e-mail"),
                ))
            }
        };
        let command = Command::Employees(EmployeeCommand::InviteEmployee {
            org,
            invitee,
            name: name(surname, given_name, None),
            position,
            roles,
        });
        self.creating(command, &context)
    }
}

typed_commands! {
    /// Accepts an invitation with the invited person's confirmed account.
    by fn accept_invitation(invitation: InvitationId) => Employees::AcceptInvitation;
    /// Declines an invitation.
    by fn decline_invitation(invitation: InvitationId) => Employees::DeclineInvitation;
    /// Withdraws a pending invitation.
    by fn revoke_invitation(invitation: InvitationId) => Employees::RevokeInvitation;
    /// Blocks an employee.
    by fn block_employee(org: OrgId, account: AccountId) => Employees::BlockEmployee;
    /// Temporarily disables an employee.
    by fn disable_employee(org: OrgId, account: AccountId) => Employees::DisableEmployee;
    /// Dismisses an employee: access ends at once.
    by fn dismiss_employee(org: OrgId, account: AccountId) => Employees::DismissEmployee;
    /// Restores a blocked, disabled or mistakenly dismissed employee.
    by fn restore_employee(org: OrgId, account: AccountId) => Employees::RestoreEmployee;
    /// Gives a role.
    by fn assign_role(org: OrgId, account: AccountId, role: RoleRef) => Roles::AssignRole;
    /// Takes a role away.
    by fn revoke_role(org: OrgId, account: AccountId, role: RoleRef) => Roles::RevokeRole;
    /// Grants rights (their codes) individually.
    by fn grant_rights(org: OrgId, account: AccountId, rights: RightSet) => Roles::GrantRights;
    /// Takes individually granted rights away.
    by fn revoke_rights(org: OrgId, account: AccountId, rights: RightSet) => Roles::RevokeRights;
    /// Defines a custom role; returns its number.
    creating fn create_custom_role(org: OrgId, name: String, rights: RightSet) => Roles::CreateCustomRole;
    /// Redefines a custom role.
    by fn update_custom_role(org: OrgId, role: CustomRoleId, name: String, rights: RightSet) => Roles::UpdateCustomRole;
    /// Deletes a custom role, taking it from everyone.
    by fn delete_custom_role(org: OrgId, role: CustomRoleId) => Roles::DeleteCustomRole;
    /// Creates an access group of an information system; returns its number.
    creating fn create_access_group(org: OrgId, name: String, system: String) => Roles::CreateAccessGroup;
    /// Renames an access group.
    by fn rename_access_group(org: OrgId, group: AccessGroupId, name: String) => Roles::RenameAccessGroup;
    /// Removes every member from an access group, keeping the group.
    by fn clear_access_group(org: OrgId, group: AccessGroupId) => Roles::ClearAccessGroup;
    /// Adds an employee to an access group.
    by fn add_to_access_group(org: OrgId, group: AccessGroupId, account: AccountId) => Roles::AddToAccessGroup;
    /// Removes an employee from an access group.
    by fn remove_from_access_group(org: OrgId, group: AccessGroupId, account: AccountId) => Roles::RemoveFromAccessGroup;
    /// Deletes an access group.
    by fn delete_access_group(org: OrgId, group: AccessGroupId) => Roles::DeleteAccessGroup;
}
