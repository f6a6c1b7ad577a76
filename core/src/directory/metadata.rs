//! What the journal records of a command, read from the typed command: its
//! kind and the organization it concerns. No JSON is looked into; every
//! command kind is named here, so a new one cannot be journaled without an
//! organization by oversight.

use super::{Command, Directory, Event};
use crate::applications::ApplicationCommand;
use crate::certificates::CertificateCommand;
use crate::delegation::PowerNumber;
use crate::ids::OrgId;
use crate::notifications::NotificationCommand;

impl Command {
    /// The command's kind: its JSON `command` tag (`assign_role`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RegisterAccount { .. } => "register_account",
            Self::RaiseAccountLevel { .. } => "raise_account_level",
            Self::ConfirmIdentity { .. } => "confirm_identity",
            Self::ChangeContact { .. } => "change_contact",
            Self::ConfirmContact { .. } => "confirm_contact",
            Self::BlockAccount { .. } => "block_account",
            Self::DisableAccount { .. } => "disable_account",
            Self::RestoreAccount { .. } => "restore_account",
            Self::SubmitOrganization { .. } => "submit_organization",
            Self::ResubmitOrganization { .. } => "resubmit_organization",
            Self::SubmitOrganizationByPower { .. } => "submit_organization_by_power",
            Self::ResubmitOrganizationByPower { .. } => "resubmit_organization_by_power",
            Self::RecordRegistryAnswer { .. } => "record_registry_answer",
            Self::ChangeRequisites { .. } => "change_requisites",
            Self::BlockOrganization { .. } => "block_organization",
            Self::UnblockOrganization { .. } => "unblock_organization",
            Self::LiquidateOrganization { .. } => "liquidate_organization",
            Self::InviteEmployee { .. } => "invite_employee",
            Self::RevokeInvitation { .. } => "revoke_invitation",
            Self::AcceptInvitation { .. } => "accept_invitation",
            Self::DeclineInvitation { .. } => "decline_invitation",
            Self::BlockEmployee { .. } => "block_employee",
            Self::DisableEmployee { .. } => "disable_employee",
            Self::DismissEmployee { .. } => "dismiss_employee",
            Self::RestoreEmployee { .. } => "restore_employee",
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
            Self::DeleteAccessGroup { .. } => "delete_access_group",
            Self::IssuePower { .. } => "issue_power",
            Self::RedelegatePower { .. } => "redelegate_power",
            Self::RevokePower { .. } => "revoke_power",
            Self::RefusePower { .. } => "refuse_power",
            Self::ImportPower { .. } => "import_power",
            Self::Auth(_) => "auth",
            Self::Session(_) => "session",
            Self::Notification(_) => "notification",
            Self::Application(_) => "application",
            Self::Certificate(_) => "certificate",
        }
    }
}

impl Directory {
    /// The organization a command concerns, judged against the state before
    /// it ran: named in it; through the invitation, power of attorney or
    /// application it acts on; or, for a registration, created by it (read
    /// from its `events`). `None` for commands on people alone (accounts,
    /// logins, sessions, preferences).
    pub fn organization_of(&self, command: &Command, events: &[Event]) -> Option<OrgId> {
        match command {
            Command::ResubmitOrganization { org, .. }
            | Command::ResubmitOrganizationByPower { org, .. }
            | Command::RecordRegistryAnswer { org, .. }
            | Command::ChangeRequisites { org, .. }
            | Command::BlockOrganization { org, .. }
            | Command::UnblockOrganization { org, .. }
            | Command::LiquidateOrganization { org, .. }
            | Command::InviteEmployee { org, .. }
            | Command::BlockEmployee { org, .. }
            | Command::DisableEmployee { org, .. }
            | Command::DismissEmployee { org, .. }
            | Command::RestoreEmployee { org, .. }
            | Command::AssignRole { org, .. }
            | Command::RevokeRole { org, .. }
            | Command::GrantRights { org, .. }
            | Command::RevokeRights { org, .. }
            | Command::CreateCustomRole { org, .. }
            | Command::UpdateCustomRole { org, .. }
            | Command::DeleteCustomRole { org, .. }
            | Command::CreateAccessGroup { org, .. }
            | Command::RenameAccessGroup { org, .. }
            | Command::AddToAccessGroup { org, .. }
            | Command::RemoveFromAccessGroup { org, .. }
            | Command::DeleteAccessGroup { org, .. }
            | Command::IssuePower { org, .. } => Some(*org),
            Command::RevokeInvitation { invitation }
            | Command::AcceptInvitation { invitation }
            | Command::DeclineInvitation { invitation } => {
                self.invitation(*invitation).map(|i| i.org)
            }
            Command::RedelegatePower { parent: number, .. }
            | Command::RevokePower { number, .. }
            | Command::RefusePower { number } => self.principal_of(number),
            Command::ImportPower { power } => Some(power.principal),
            Command::Application(c) => match c {
                ApplicationCommand::Create { org, .. } => Some(*org),
                ApplicationCommand::AttachDocument { application, .. }
                | ApplicationCommand::Submit { application }
                | ApplicationCommand::SetStatus { application, .. }
                | ApplicationCommand::Confirm { application }
                | ApplicationCommand::AddComment { application, .. } => {
                    self.application_state().get(*application).map(|a| a.org)
                }
            },
            Command::Certificate(
                CertificateCommand::Bind { org, .. } | CertificateCommand::Unbind { org, .. },
            ) => Some(*org),
            Command::Notification(NotificationCommand::Notify { notice }) => notice.org,
            Command::Notification(
                NotificationCommand::SetPreferences { .. } | NotificationCommand::MarkSent { .. },
            )
            | Command::Auth(_)
            | Command::Session(_) => None,
            Command::RegisterAccount { .. }
            | Command::RaiseAccountLevel { .. }
            | Command::ConfirmIdentity { .. }
            | Command::ChangeContact { .. }
            | Command::ConfirmContact { .. }
            | Command::BlockAccount { .. }
            | Command::DisableAccount { .. }
            | Command::RestoreAccount { .. } => None,
            Command::SubmitOrganization { .. } | Command::SubmitOrganizationByPower { .. } => {
                events.iter().find_map(|e| match e {
                    Event::OrganizationSubmitted { org, .. } => Some(*org),
                    _ => None,
                })
            }
        }
    }

    /// The principal of a power of attorney, or of one presented with a
    /// registration.
    fn principal_of(&self, number: &PowerNumber) -> Option<OrgId> {
        self.power(*number)
            .or_else(|| self.presented_power(number).map(|p| &p.power))
            .map(|p| p.principal)
    }
}
