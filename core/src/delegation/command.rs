//! The commands and events of powers of attorney: issue, re-delegation, revocation, refusal, import, and registration by a representative, in the
//! directory's flat JSON form (`{"command": "submit_organization_by_power", …}`,
//! `{"event": "registration_power_presented", …}`): [`crate::Command`] and
//! [`crate::Event`] hold them as one family each.

use crate::delegation::{Mchd, PowerNumber, PowerOfAttorney, PowerTerms, RegistrationPower};
use crate::ids::OrgId;
use crate::organizations::{OrganizationKind, RequisitesDraft};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A command of this family. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum DelegationCommand {
    /// Submits an organization for registration as its representative,
    /// presenting the power of attorney (МЧД) its head signed. A confirmed
    /// account, the representative the power names.
    SubmitOrganizationByPower {
        /// The kind of organization.
        kind: OrganizationKind,
        /// The requisites as typed.
        requisites: RequisitesDraft,
        /// The power of attorney, in its МЧД form.
        power: Box<Mchd>,
    },
    /// Corrects and resubmits a rejected registration with a power of
    /// attorney, replacing any presented before. The submitter.
    ResubmitOrganizationByPower {
        /// The organization.
        org: OrgId,
        /// The corrected requisites.
        requisites: RequisitesDraft,
        /// The power of attorney, in its МЧД form.
        power: Box<Mchd>,
    },
    /// Issues a power of attorney for the organization. A member holding
    /// `powers_of_attorney.edit` (the head always) and every right given.
    IssuePower {
        /// The principal organization.
        org: OrgId,
        /// The terms.
        terms: PowerTerms,
        /// Whether it is irrevocable.
        irrevocable: bool,
    },
    /// Passes a power of attorney on (передоверие). Its representative, if it allows it.
    RedelegatePower {
        /// The power passed on.
        parent: PowerNumber,
        /// The terms of the new power.
        terms: PowerTerms,
    },
    /// Revokes a power of attorney and everything re-delegated from it. The
    /// principal (right `powers_of_attorney.delete`) or, for a re-delegated one, its issuer.
    RevokePower {
        /// The power.
        number: PowerNumber,
        /// The legal ground; required for an irrevocable power.
        ground: Option<String>,
    },
    /// Refuses a power of attorney, ending everything re-delegated from it. Its representative.
    RefusePower {
        /// The power.
        number: PowerNumber,
    },
    /// Registers a power of attorney issued elsewhere (an imported МЧД). System.
    ImportPower {
        /// The power, as imported.
        power: PowerOfAttorney,
    },
}

impl DelegationCommand {
    /// Every kind of this family, as in the JSON `command` tag.
    pub const KINDS: &'static [&'static str] = &[
        "submit_organization_by_power",
        "resubmit_organization_by_power",
        "issue_power",
        "redelegate_power",
        "revoke_power",
        "refuse_power",
        "import_power",
    ];

    /// The command's kind: its JSON `command` tag (`submit_organization_by_power`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::SubmitOrganizationByPower { .. } => "submit_organization_by_power",
            Self::ResubmitOrganizationByPower { .. } => "resubmit_organization_by_power",
            Self::IssuePower { .. } => "issue_power",
            Self::RedelegatePower { .. } => "redelegate_power",
            Self::RevokePower { .. } => "revoke_power",
            Self::RefusePower { .. } => "refuse_power",
            Self::ImportPower { .. } => "import_power",
        }
    }
}

/// Something that happened in this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum DelegationEvent {
    /// A representative presented a power of attorney for a registration;
    /// it is judged by the formal check and the reconciliation, and joins
    /// the powers of attorney on activation.
    RegistrationPowerPresented {
        org: OrgId,
        power: Box<RegistrationPower>,
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
}

impl DelegationEvent {
    /// Every kind of this family, as in the JSON `event` tag.
    pub const KINDS: &'static [&'static str] = &[
        "registration_power_presented",
        "power_issued",
        "power_revoked",
        "power_refused",
    ];

    /// The event's kind: its JSON `event` tag (`registration_power_presented`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RegistrationPowerPresented { .. } => "registration_power_presented",
            Self::PowerIssued { .. } => "power_issued",
            Self::PowerRevoked { .. } => "power_revoked",
            Self::PowerRefused { .. } => "power_refused",
        }
    }
}
