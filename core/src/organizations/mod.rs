//! Organizations: their kinds, requisites, registration and status.
//!
//! An organization is registered by a confirmed account of its head, the
//! person the state registry (ЕГРЮЛ/ЕГРИП) names as entitled to act without a
//! power of attorney, or of a representative presenting a power of attorney
//! the head signed ([`crate::delegation::RegistrationPower`]). Registration goes submitted → formal check → legal
//! status verified → reconciled with the registers → active, or is rejected
//! with reason codes, corrected and resubmitted. The registry is the host's:
//! the library asks it through [`StateRegistry`] and records the answer as an
//! event, so replaying the journal never asks the registry again.

mod command;
mod error;
mod kind;
mod registration;
mod registry;
mod requisites;
mod rules;
mod world;

pub use command::{OrganizationCommand, OrganizationEvent};
pub use kind::{InstitutionLevel, OrganizationKind};
pub use registration::{RegistrationStage, RejectionReason};
pub use registry::{
    InMemoryRegistry, RegistryAnswer, RegistryError, RegistryHead, RegistryRecord, RegistryStatus,
    StateRegistry,
};
pub use requisites::{BankDetails, FieldError, Head, Requisites, RequisitesDraft};

pub(crate) use error::OrganizationError;
pub(crate) use registration::{reconcile, Headship};
pub(crate) use rules::{apply, execute, resubmit, submit};
pub(crate) use world::{OrganizationState, OrganizationView, OrganizationWorld, PowerCheck};

use crate::ids::{AccessGroupId, AccountId, CustomRoleId, OrgId};
use crate::rights::RightSet;
use crate::roles::{AccessGroup, CustomRole, RoleRef};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Why an organization was blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OrganizationBlockReason {
    /// Blocked by the portal's operator.
    Operator,
    /// Blocked on a request of a state body.
    StateBody,
    /// Blocked because the account is believed compromised.
    Compromised,
}

/// Where an organization stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum OrganizationStatus {
    /// Registration is under way at the given stage.
    Registering {
        /// The last stage passed.
        stage: RegistrationStage,
    },
    /// Registration was rejected; the submitter may correct and resubmit.
    Rejected {
        /// Every reason found.
        reasons: Vec<RejectionReason>,
    },
    /// Registered and usable.
    Active,
    /// Blocked: nobody can act for it until it is unblocked.
    Blocked {
        /// Why.
        reason: OrganizationBlockReason,
    },
    /// Liquidated: the end of the organization, final.
    Liquidated,
}

impl OrganizationStatus {
    /// The stable code of the status.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Registering { .. } => "registering",
            Self::Rejected { .. } => "rejected",
            Self::Active => "active",
            Self::Blocked { .. } => "blocked",
            Self::Liquidated => "liquidated",
        }
    }
}

/// An organization's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organization's number.
    pub id: OrgId,
    /// The kind of organization.
    pub kind: OrganizationKind,
    /// Its requisites.
    pub requisites: Requisites,
    /// Where it stands.
    pub status: OrganizationStatus,
    /// Who submitted the registration.
    pub submitted_by: AccountId,
    /// The head, once recognized from the registry.
    pub head: Option<AccountId>,
    /// When it became active.
    pub activated_at: Option<Timestamp>,
    /// Members (employees and the head), in joining order.
    pub members: Vec<AccountId>,
    /// Its custom roles.
    pub custom_roles: Vec<CustomRole>,
    /// Its access groups.
    pub access_groups: Vec<AccessGroup>,
}

impl Organization {
    /// Whether the organization can be acted for.
    pub fn is_active(&self) -> bool {
        self.status == OrganizationStatus::Active
    }

    /// A custom role by number.
    pub fn custom_role(&self, id: CustomRoleId) -> Option<&CustomRole> {
        self.custom_roles.iter().find(|r| r.id == id)
    }

    /// The rights a role gives in this organization (none for a custom role
    /// it does not define).
    pub fn role_rights(&self, role: RoleRef) -> RightSet {
        match role {
            RoleRef::BuiltIn(b) => b.rights(),
            RoleRef::Custom(id) => self.custom_role(id).map_or(RightSet::EMPTY, |r| r.rights),
        }
    }

    /// An access group by number.
    pub fn access_group(&self, id: AccessGroupId) -> Option<&AccessGroup> {
        self.access_groups.iter().find(|g| g.id == id)
    }
}
