//! The commands and events of employees: invitations, joining, blocking, dismissal, in the
//! directory's flat JSON form (`{"command": "invite_employee", …}`,
//! `{"event": "invitation_sent", …}`): [`crate::Command`] and
//! [`crate::Event`] hold them as one family each.

use crate::accounts::PersonName;
use crate::employees::{Invitation, InvitationStatus, Invitee, MembershipStatus, Standing};
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::roles::RoleRef;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A command of this family. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum EmployeeCommand {
    /// Invites a person to join. Right `users.edit`; giving roles also needs
    /// `users.manage` and every right of those roles.
    InviteEmployee {
        /// The organization.
        org: OrgId,
        /// By e-mail or СНИЛС.
        invitee: Invitee,
        /// The person's name.
        name: PersonName,
        /// The position offered.
        position: Option<String>,
        /// The roles given on joining.
        roles: Vec<RoleRef>,
    },
    /// Withdraws a pending invitation. Right `users.edit`.
    RevokeInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Accepts an invitation. The invited person's confirmed account.
    AcceptInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Declines an invitation. The invited person.
    DeclineInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Blocks an employee. Right `users.manage`; never the head.
    BlockEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Temporarily disables an employee. Right `users.manage`; never the head.
    DisableEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Dismisses an employee: access through membership ends at once. Right
    /// `users.manage`; never the head. Powers of attorney the person holds
    /// from the organization remain (a notice names them) unless the policy
    /// revokes them with the dismissal.
    DismissEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Restores a blocked, disabled or mistakenly dismissed employee. Right
    /// `users.manage`; never the head.
    RestoreEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
}

impl EmployeeCommand {
    /// Every kind of this family, as in the JSON `command` tag.
    pub const KINDS: &'static [&'static str] = &[
        "invite_employee",
        "revoke_invitation",
        "accept_invitation",
        "decline_invitation",
        "block_employee",
        "disable_employee",
        "dismiss_employee",
        "restore_employee",
    ];

    /// The command's kind: its JSON `command` tag (`invite_employee`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::InviteEmployee { .. } => "invite_employee",
            Self::RevokeInvitation { .. } => "revoke_invitation",
            Self::AcceptInvitation { .. } => "accept_invitation",
            Self::DeclineInvitation { .. } => "decline_invitation",
            Self::BlockEmployee { .. } => "block_employee",
            Self::DisableEmployee { .. } => "disable_employee",
            Self::DismissEmployee { .. } => "dismiss_employee",
            Self::RestoreEmployee { .. } => "restore_employee",
        }
    }
}

/// Something that happened in this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum EmployeeEvent {
    /// An invitation was sent.
    InvitationSent { invitation: Invitation },
    /// An invitation was accepted, declined or revoked.
    InvitationClosed {
        invitation: InvitationId,
        status: InvitationStatus,
    },
    /// A person joined an organization.
    MemberJoined {
        org: OrgId,
        account: AccountId,
        standing: Standing,
        roles: Vec<RoleRef>,
        position: Option<String>,
        at: Timestamp,
    },
    /// A membership was blocked, disabled, ended or restored.
    MembershipStatusChanged {
        org: OrgId,
        account: AccountId,
        status: MembershipStatus,
    },
}

impl EmployeeEvent {
    /// Every kind of this family, as in the JSON `event` tag.
    pub const KINDS: &'static [&'static str] = &[
        "invitation_sent",
        "invitation_closed",
        "member_joined",
        "membership_status_changed",
    ];

    /// The event's kind: its JSON `event` tag (`invitation_sent`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::InvitationSent { .. } => "invitation_sent",
            Self::InvitationClosed { .. } => "invitation_closed",
            Self::MemberJoined { .. } => "member_joined",
            Self::MembershipStatusChanged { .. } => "membership_status_changed",
        }
    }
}
