//! The dispatch of commands to their rules.

use super::accounts::blocked;
use super::{Command, CommandError, Context, Directory, Event};
use crate::accounts::AccountStatus;
use crate::delegation::PowerCommands;
use crate::employees::MembershipStatus;

impl Directory {
    /// Checks every rule of a command against the current state and returns
    /// the events it causes. Nothing changes: apply the events (or use
    /// [`Directory::run`]) to change the directory.
    ///
    /// # Errors
    /// A [`CommandError`] naming the rule the command breaks: the actor may
    /// not do it (with every access refusal), the rights exceed the actor's
    /// own, the target does not exist or is in the wrong state, the input
    /// is invalid (with every field error).
    pub fn execute(&self, command: Command, ctx: &Context) -> Result<Vec<Event>, CommandError> {
        use Command as C;
        match command {
            C::RegisterAccount {
                name,
                snils,
                inn,
                email,
                phone,
            } => self.register_account(ctx, name, snils, inn, email, phone),
            C::RaiseAccountLevel { account, level } => self.raise_level(ctx, account, level),
            C::ConfirmIdentity { account } => self.confirm_identity(ctx, account),
            C::ChangeContact { account, contact } => self.change_contact(ctx, account, contact),
            C::ConfirmContact { account, kind } => self.confirm_contact(ctx, account, kind),
            C::BlockAccount { account, reason } => {
                self.set_account_status(ctx, account, blocked(reason))
            }
            C::DisableAccount { account } => {
                self.set_account_status(ctx, account, AccountStatus::Disabled)
            }
            C::RestoreAccount { account } => {
                self.set_account_status(ctx, account, AccountStatus::Active)
            }
            C::SubmitOrganization { kind, requisites } => {
                self.submit_organization(ctx, kind, &requisites)
            }
            C::ResubmitOrganization { org, requisites } => {
                self.resubmit_organization(ctx, org, &requisites)
            }
            C::SubmitOrganizationByPower {
                kind,
                requisites,
                power,
            } => self.submit_by_power(ctx, kind, &requisites, &power),
            C::ResubmitOrganizationByPower {
                org,
                requisites,
                power,
            } => self.resubmit_by_power(ctx, org, &requisites, &power),
            C::RecordRegistryAnswer { org, answer } => {
                self.record_registry_answer(ctx, org, &answer)
            }
            C::ChangeRequisites { org, requisites } => {
                self.change_requisites(ctx, org, &requisites)
            }
            C::BlockOrganization { org, reason } => self.block_organization(ctx, org, Some(reason)),
            C::UnblockOrganization { org } => self.block_organization(ctx, org, None),
            C::LiquidateOrganization { org } => self.liquidate_organization(ctx, org),
            C::InviteEmployee {
                org,
                invitee,
                name,
                position,
                roles,
            } => self.invite_employee(ctx, org, invitee, name, position, roles),
            C::RevokeInvitation { invitation } => self.revoke_invitation(ctx, invitation),
            C::AcceptInvitation { invitation } => self.answer_invitation(ctx, invitation, true),
            C::DeclineInvitation { invitation } => self.answer_invitation(ctx, invitation, false),
            C::BlockEmployee { org, account } => {
                self.set_member_status(ctx, org, account, MembershipStatus::Blocked)
            }
            C::DisableEmployee { org, account } => {
                self.set_member_status(ctx, org, account, MembershipStatus::Disabled)
            }
            C::DismissEmployee { org, account } => {
                self.set_member_status(ctx, org, account, MembershipStatus::Dismissed)
            }
            C::RestoreEmployee { org, account } => {
                self.set_member_status(ctx, org, account, MembershipStatus::Active)
            }
            C::AssignRole { org, account, role } => self.change_role(ctx, org, account, role, true),
            C::RevokeRole { org, account, role } => {
                self.change_role(ctx, org, account, role, false)
            }
            C::GrantRights {
                org,
                account,
                rights,
            } => self.change_grants(ctx, org, account, rights, true),
            C::RevokeRights {
                org,
                account,
                rights,
            } => self.change_grants(ctx, org, account, rights, false),
            C::CreateCustomRole { org, name, rights } => {
                self.define_custom_role(ctx, org, None, &name, rights)
            }
            C::UpdateCustomRole {
                org,
                role,
                name,
                rights,
            } => self.define_custom_role(ctx, org, Some(role), &name, rights),
            C::DeleteCustomRole { org, role } => self.delete_custom_role(ctx, org, role),
            C::CreateAccessGroup { org, name, system } => {
                self.create_access_group(ctx, org, &name, &system)
            }
            C::RenameAccessGroup { org, group, name } => {
                self.rename_access_group(ctx, org, group, &name)
            }
            C::AddToAccessGroup {
                org,
                group,
                account,
            } => self.change_access_group(ctx, org, group, account, true),
            C::RemoveFromAccessGroup {
                org,
                group,
                account,
            } => self.change_access_group(ctx, org, group, account, false),
            C::DeleteAccessGroup { org, group } => self.delete_access_group(ctx, org, group),
            C::IssuePower {
                org,
                terms,
                irrevocable,
            } => self.issue_power(ctx, org, terms, irrevocable),
            C::RedelegatePower { parent, terms } => self.redelegate_power(ctx, parent, terms),
            C::RevokePower { number, ground } => self.revoke_power(ctx, number, ground),
            C::RefusePower { number } => self.refuse_power(ctx, number),
            C::ImportPower { power } => self.register_imported_power(ctx, power),
            C::Auth(c) => crate::auth::execute(self, c, ctx),
            C::Session(c) => crate::auth::execute_session(self, c, ctx),
            C::Notification(c) => crate::notifications::execute(self, c, ctx),
            C::Application(c) => crate::applications::execute(self, c, ctx),
            C::Certificate(c) => crate::certificates::execute(self, c, ctx),
        }
    }
}
