//! The commands and events of organizations: registration through the state registry, requisites, blocking and liquidation, in the
//! directory's flat JSON form (`{"command": "submit_organization", …}`,
//! `{"event": "organization_submitted", …}`): [`crate::Command`] and
//! [`crate::Event`] hold them as one family each.

use crate::ids::{AccountId, OrgId};
use crate::organizations::{
    OrganizationBlockReason, OrganizationKind, OrganizationStatus, RegistrationStage,
    RegistryAnswer, RejectionReason, Requisites, RequisitesDraft,
};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A command of this family. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum OrganizationCommand {
    /// Submits an organization for registration. A confirmed account.
    SubmitOrganization {
        /// The kind of organization.
        kind: OrganizationKind,
        /// The requisites as typed.
        requisites: RequisitesDraft,
    },
    /// Corrects and resubmits a rejected registration. The submitter.
    ResubmitOrganization {
        /// The organization.
        org: OrgId,
        /// The corrected requisites.
        requisites: RequisitesDraft,
    },
    /// Records the state registry's answer about a checked registration. System.
    RecordRegistryAnswer {
        /// The organization.
        org: OrgId,
        /// What the registry said.
        answer: RegistryAnswer,
    },
    /// Changes requisites (not ИНН, ОГРН or ОГРНИП). Right `organization.edit`, enhanced signature.
    ChangeRequisites {
        /// The organization.
        org: OrgId,
        /// The new requisites.
        requisites: RequisitesDraft,
    },
    /// Blocks an organization. System.
    BlockOrganization {
        /// The organization.
        org: OrgId,
        /// Why.
        reason: OrganizationBlockReason,
    },
    /// Unblocks an organization. System.
    UnblockOrganization {
        /// The organization.
        org: OrgId,
    },
    /// Records the end of an organization. System.
    LiquidateOrganization {
        /// The organization.
        org: OrgId,
    },
}

impl OrganizationCommand {
    /// Every kind of this family, as in the JSON `command` tag.
    pub const KINDS: &'static [&'static str] = &[
        "submit_organization",
        "resubmit_organization",
        "record_registry_answer",
        "change_requisites",
        "block_organization",
        "unblock_organization",
        "liquidate_organization",
    ];

    /// The organization the command names; `None` for a submission, whose
    /// organization its events name.
    pub fn organization(&self) -> Option<OrgId> {
        match self {
            Self::SubmitOrganization { .. } => None,
            Self::ResubmitOrganization { org, .. }
            | Self::RecordRegistryAnswer { org, .. }
            | Self::ChangeRequisites { org, .. }
            | Self::BlockOrganization { org, .. }
            | Self::UnblockOrganization { org, .. }
            | Self::LiquidateOrganization { org, .. } => Some(*org),
        }
    }

    /// The command's kind: its JSON `command` tag (`submit_organization`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::SubmitOrganization { .. } => "submit_organization",
            Self::ResubmitOrganization { .. } => "resubmit_organization",
            Self::RecordRegistryAnswer { .. } => "record_registry_answer",
            Self::ChangeRequisites { .. } => "change_requisites",
            Self::BlockOrganization { .. } => "block_organization",
            Self::UnblockOrganization { .. } => "unblock_organization",
            Self::LiquidateOrganization { .. } => "liquidate_organization",
        }
    }
}

/// Something that happened in this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum OrganizationEvent {
    /// An organization was submitted for registration.
    OrganizationSubmitted {
        org: OrgId,
        kind: OrganizationKind,
        requisites: Requisites,
        by: AccountId,
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
}

impl OrganizationEvent {
    /// Every kind of this family, as in the JSON `event` tag.
    pub const KINDS: &'static [&'static str] = &[
        "organization_submitted",
        "requisites_changed",
        "registration_advanced",
        "registration_rejected",
        "organization_activated",
        "organization_status_changed",
    ];

    /// The event's kind: its JSON `event` tag (`organization_submitted`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::OrganizationSubmitted { .. } => "organization_submitted",
            Self::RequisitesChanged { .. } => "requisites_changed",
            Self::RegistrationAdvanced { .. } => "registration_advanced",
            Self::RegistrationRejected { .. } => "registration_rejected",
            Self::OrganizationActivated { .. } => "organization_activated",
            Self::OrganizationStatusChanged { .. } => "organization_status_changed",
        }
    }
}
