//! Events: the effects of commands. The directory is the fold of its events.

use super::ContactValue;
use crate::accounts::{AccountLevel, AccountStatus, ContactKind, PersonName};
use crate::delegation::RegistrationPower;
use crate::delegation::{PowerNumber, PowerOfAttorney};
use crate::employees::{Invitation, InvitationStatus, MembershipStatus, Standing};
use crate::identifiers::{Email, Inn, Phone, Snils};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
use crate::organizations::{
    OrganizationKind, OrganizationStatus, RegistrationStage, RejectionReason, Requisites,
};
use crate::rights::RightSet;
use crate::roles::{CustomRole, RoleRef};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Something that happened to the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum Event {
    /// An account was registered at the simplified level.
    AccountRegistered {
        account: AccountId,
        name: PersonName,
        snils: Option<Snils>,
        inn: Option<Inn>,
        email: Option<Email>,
        phone: Option<Phone>,
    },
    /// An account's level changed.
    AccountLevelChanged {
        account: AccountId,
        level: AccountLevel,
    },
    /// A contact was set, unconfirmed.
    ContactChanged {
        account: AccountId,
        contact: ContactValue,
    },
    /// A contact was confirmed.
    ContactConfirmed {
        account: AccountId,
        kind: ContactKind,
    },
    /// An account was blocked, disabled or restored.
    AccountStatusChanged {
        account: AccountId,
        status: AccountStatus,
    },
    /// An organization was submitted for registration.
    OrganizationSubmitted {
        org: OrgId,
        kind: OrganizationKind,
        requisites: Requisites,
        by: AccountId,
    },
    /// A representative presented a power of attorney for a registration;
    /// it is judged by the formal check and the reconciliation, and joins
    /// the powers of attorney on activation.
    RegistrationPowerPresented {
        org: OrgId,
        power: Box<RegistrationPower>,
    },
    /// Requisites were replaced (a resubmission or a change).
    RequisitesChanged { org: OrgId, requisites: Requisites },
    /// Registration passed a stage.
    RegistrationAdvanced {
        org: OrgId,
        stage: RegistrationStage,
    },
    /// Registration was rejected.
    RegistrationRejected {
        org: OrgId,
        reasons: Vec<RejectionReason>,
    },
    /// Registration ended: the organization is active with its head.
    OrganizationActivated {
        org: OrgId,
        head: AccountId,
        at: Timestamp,
    },
    /// An organization was blocked, unblocked or liquidated.
    OrganizationStatusChanged {
        org: OrgId,
        status: OrganizationStatus,
    },
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
    /// A power of attorney was issued, re-delegated or imported.
    PowerIssued { power: PowerOfAttorney },
    /// A power of attorney was revoked; `ended` lists every power
    /// re-delegated from it that ended with it.
    PowerRevoked {
        number: PowerNumber,
        at: Timestamp,
        ground: Option<String>,
        ended: Vec<PowerNumber>,
    },
    /// The representative refused a power of attorney; `ended` as for a revocation.
    PowerRefused {
        number: PowerNumber,
        at: Timestamp,
        ended: Vec<PowerNumber>,
    },
    /// Authentication: logins, codes, PINs.
    Auth(crate::auth::AuthEvent),
    /// Sessions.
    Session(crate::auth::SessionEvent),
    /// Notifications.
    Notification(crate::notifications::NotificationEvent),
    /// Applications and reports.
    Application(crate::applications::ApplicationEvent),
    /// Signature certificates bound or unbound.
    Certificate(crate::certificates::CertificateEvent),
}

impl Event {
    /// The stable name of the event's kind, as in its JSON `event` tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AccountRegistered { .. } => "account_registered",
            Self::AccountLevelChanged { .. } => "account_level_changed",
            Self::ContactChanged { .. } => "contact_changed",
            Self::ContactConfirmed { .. } => "contact_confirmed",
            Self::AccountStatusChanged { .. } => "account_status_changed",
            Self::OrganizationSubmitted { .. } => "organization_submitted",
            Self::RegistrationPowerPresented { .. } => "registration_power_presented",
            Self::RequisitesChanged { .. } => "requisites_changed",
            Self::RegistrationAdvanced { .. } => "registration_advanced",
            Self::RegistrationRejected { .. } => "registration_rejected",
            Self::OrganizationActivated { .. } => "organization_activated",
            Self::OrganizationStatusChanged { .. } => "organization_status_changed",
            Self::InvitationSent { .. } => "invitation_sent",
            Self::InvitationClosed { .. } => "invitation_closed",
            Self::MemberJoined { .. } => "member_joined",
            Self::MembershipStatusChanged { .. } => "membership_status_changed",
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
            Self::PowerIssued { .. } => "power_issued",
            Self::PowerRevoked { .. } => "power_revoked",
            Self::PowerRefused { .. } => "power_refused",
            Self::Auth(_) => "auth",
            Self::Session(_) => "session",
            Self::Notification(_) => "notification",
            Self::Application(_) => "application",
            Self::Certificate(_) => "certificate",
        }
    }
}
