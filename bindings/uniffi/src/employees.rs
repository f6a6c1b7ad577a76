//! Typed commands of employees: invitations, statuses, roles, individual
//! rights, custom roles and access groups (see [`crate::commands`]).

use crate::context::Context;
use crate::handle::Kabinet;
use crate::values::{name, right_set, Event, Role};
use kabinet::employees::Invitee;
use kabinet::ffi::KabinetError;
use kabinet::identifiers::{Email, Snils};
use kabinet::{AccessGroupId, AccountId, Command, CustomRoleId, InvitationId, OrgId};
use kabinet::{EmployeeCommand, RoleCommand};

impl Kabinet {
    /// Runs a command about an invitation, built from its number.
    fn on_invitation(
        &self,
        context: &Context,
        invitation: u64,
        command: impl FnOnce(InvitationId) -> Command,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(command(InvitationId(invitation)), context)
    }

    /// Runs a command about a member of an organization, built from their numbers.
    fn on_member(
        &self,
        context: &Context,
        org: u64,
        account: u64,
        command: impl FnOnce(OrgId, AccountId) -> Command,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(command(OrgId(org), AccountId(account)), context)
    }

    /// Runs a command about an access group of an organization.
    fn on_group(
        &self,
        context: &Context,
        org: u64,
        group: u64,
        command: impl FnOnce(OrgId, AccessGroupId) -> Command,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(command(OrgId(org), AccessGroupId(group)), context)
    }
}

#[uniffi::export]
impl Kabinet {
    /// Invites a person by СНИЛС or e-mail (exactly one); returns the invitation's number.
    #[allow(clippy::too_many_arguments)]
    pub fn invite_employee(
        &self,
        context: Context,
        org: u64,
        surname: String,
        given_name: String,
        snils: Option<String>,
        email: Option<String>,
        position: Option<String>,
        roles: Vec<Role>,
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
        let roles = roles.iter().map(Role::to_core).collect::<Result<_, _>>()?;
        let command = Command::Employees(EmployeeCommand::InviteEmployee {
            org: OrgId(org),
            invitee,
            name: name(surname, given_name, None),
            position,
            roles,
        });
        self.creating(command, &context)
    }

    /// Accepts an invitation with the invited person's confirmed account.
    pub fn accept_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_invitation(&context, invitation, |invitation| {
            Command::Employees(EmployeeCommand::AcceptInvitation { invitation })
        })
    }

    /// Declines an invitation.
    pub fn decline_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_invitation(&context, invitation, |invitation| {
            Command::Employees(EmployeeCommand::DeclineInvitation { invitation })
        })
    }

    /// Withdraws a pending invitation.
    pub fn revoke_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_invitation(&context, invitation, |invitation| {
            Command::Employees(EmployeeCommand::RevokeInvitation { invitation })
        })
    }

    /// Blocks an employee.
    pub fn block_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_member(&context, org, account, |org, account| {
            Command::Employees(EmployeeCommand::BlockEmployee { org, account })
        })
    }

    /// Temporarily disables an employee.
    pub fn disable_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_member(&context, org, account, |org, account| {
            Command::Employees(EmployeeCommand::DisableEmployee { org, account })
        })
    }

    /// Dismisses an employee: access ends at once.
    pub fn dismiss_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_member(&context, org, account, |org, account| {
            Command::Employees(EmployeeCommand::DismissEmployee { org, account })
        })
    }

    /// Restores a blocked, disabled or mistakenly dismissed employee.
    pub fn restore_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_member(&context, org, account, |org, account| {
            Command::Employees(EmployeeCommand::RestoreEmployee { org, account })
        })
    }

    /// Gives a role.
    pub fn assign_role(
        &self,
        context: Context,
        org: u64,
        account: u64,
        role: Role,
    ) -> Result<Vec<Event>, KabinetError> {
        let role = role.to_core()?;
        self.on_member(&context, org, account, |org, account| {
            Command::Roles(RoleCommand::AssignRole { org, account, role })
        })
    }

    /// Takes a role away.
    pub fn revoke_role(
        &self,
        context: Context,
        org: u64,
        account: u64,
        role: Role,
    ) -> Result<Vec<Event>, KabinetError> {
        let role = role.to_core()?;
        self.on_member(&context, org, account, |org, account| {
            Command::Roles(RoleCommand::RevokeRole { org, account, role })
        })
    }

    /// Grants rights (their codes) individually.
    pub fn grant_rights(
        &self,
        context: Context,
        org: u64,
        account: u64,
        rights: Vec<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        let rights = right_set(&rights)?;
        self.on_member(&context, org, account, |org, account| {
            Command::Roles(RoleCommand::GrantRights {
                org,
                account,
                rights,
            })
        })
    }

    /// Takes individually granted rights away.
    pub fn revoke_rights(
        &self,
        context: Context,
        org: u64,
        account: u64,
        rights: Vec<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        let rights = right_set(&rights)?;
        self.on_member(&context, org, account, |org, account| {
            Command::Roles(RoleCommand::RevokeRights {
                org,
                account,
                rights,
            })
        })
    }

    /// Defines a custom role; returns its number.
    pub fn create_custom_role(
        &self,
        context: Context,
        org: u64,
        name: String,
        rights: Vec<String>,
    ) -> Result<u64, KabinetError> {
        let command = Command::Roles(RoleCommand::CreateCustomRole {
            org: OrgId(org),
            name,
            rights: right_set(&rights)?,
        });
        self.creating(command, &context)
    }

    /// Redefines a custom role.
    pub fn update_custom_role(
        &self,
        context: Context,
        org: u64,
        role: u64,
        name: String,
        rights: Vec<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::Roles(RoleCommand::UpdateCustomRole {
                org: OrgId(org),
                role: CustomRoleId(role),
                name,
                rights: right_set(&rights)?,
            }),
            &context,
        )
    }

    /// Deletes a custom role, taking it from everyone.
    pub fn delete_custom_role(
        &self,
        context: Context,
        org: u64,
        role: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::Roles(RoleCommand::DeleteCustomRole {
                org: OrgId(org),
                role: CustomRoleId(role),
            }),
            &context,
        )
    }

    /// Creates an access group of an information system; returns its number.
    pub fn create_access_group(
        &self,
        context: Context,
        org: u64,
        name: String,
        system: String,
    ) -> Result<u64, KabinetError> {
        self.creating(
            Command::Roles(RoleCommand::CreateAccessGroup {
                org: OrgId(org),
                name,
                system,
            }),
            &context,
        )
    }

    /// Renames an access group.
    pub fn rename_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
        name: String,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_group(&context, org, group, |org, group| {
            Command::Roles(RoleCommand::RenameAccessGroup { org, group, name })
        })
    }

    /// Removes every member from an access group, keeping the group.
    pub fn clear_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_group(&context, org, group, |org, group| {
            Command::Roles(RoleCommand::ClearAccessGroup { org, group })
        })
    }

    /// Adds an employee to an access group.
    pub fn add_to_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_group(&context, org, group, |org, group| {
            Command::Roles(RoleCommand::AddToAccessGroup {
                org,
                group,
                account: AccountId(account),
            })
        })
    }

    /// Removes an employee from an access group.
    pub fn remove_from_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_group(&context, org, group, |org, group| {
            Command::Roles(RoleCommand::RemoveFromAccessGroup {
                org,
                group,
                account: AccountId(account),
            })
        })
    }

    /// Deletes an access group.
    pub fn delete_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.on_group(&context, org, group, |org, group| {
            Command::Roles(RoleCommand::DeleteAccessGroup { org, group })
        })
    }
}
