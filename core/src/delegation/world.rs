//! What the rules of delegation read of the directory and how they name
//! what they give back. The directory implements [`DelegationWorld`]; the
//! chain check, the queries, the МЧД form and the commands about powers are
//! generic over it, so this feature names no type of the directory.

use super::registry::PowerRegistry;
use super::{
    DelegationError, DelegationEvent, Mchd, PowerNumber, RegistrationPower, RegistrationPowers,
};
use crate::accounts::Account;
use crate::context::Context;
use crate::decisions::Decision;
use crate::identifiers::{Inn, Snils};
use crate::ids::{AccountId, OrgId};
use crate::organizations::{OrganizationKind, OrganizationView, RequisitesDraft};
use crate::reasons::Refusal;
use crate::rights::{Right, RightSet};

/// The directory as the rules of delegation see it.
pub(crate) trait DelegationWorld: OrganizationView<Error: From<DelegationError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<DelegationEvent>;

    /// The powers of attorney in force or ended, with their indexes.
    fn power_registry(&self) -> &PowerRegistry;
    /// The power presented with a registration not yet active, by number.
    fn presented_power(&self, number: &PowerNumber) -> Option<&RegistrationPower>;
    /// The policy's limit on the depth of re-delegation.
    fn max_redelegation_depth(&self) -> u8;
    /// The account carrying a СНИЛС.
    fn account_by_snils(&self, snils: &Snils) -> Option<&Account>;
    /// The first account carrying a personal ИНН.
    fn account_by_inn(&self, inn: &Inn) -> Option<&Account>;

    /// The acting person's decision for `right` at `org`, from the one
    /// authorization guard; every reason in the error when refused.
    fn permitted(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, Decision), Self::Error>;
    /// Every right `actor` holds at `org` beside an allowing decision.
    fn held_rights(&self, org: OrgId, actor: AccountId, decision: &Decision) -> RightSet;
    /// Refuses, with `refusals` and the signature's own, unless the context
    /// carries the signature `right` requires of `account` acting in person
    /// on a power of `principal`.
    fn require_personal_signature(
        &self,
        ctx: &Context,
        account: &Account,
        right: Right,
        principal: OrgId,
        refusals: Vec<Refusal>,
    ) -> Result<(), Self::Error>;

    /// The refusal of an account that cannot act (blocked, unconfirmed, …).
    fn cannot_act(refusals: Vec<Refusal>) -> Self::Error;
    /// The refusal of a grant beyond the giver's own rights.
    fn beyond_own_rights(missing: RightSet) -> Self::Error;
    /// The refusal of a command the organization's status forbids.
    fn organization_status(status: &'static str) -> Self::Error;

    /// The registration of an organization by a representative presenting
    /// the power of attorney (МЧД) its head signed: the rule of
    /// organizations, which reads the power.
    fn submit_by_power(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Self::Event>, Self::Error>;
    /// A rejected registration corrected and resubmitted with a power.
    fn resubmit_by_power(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Self::Event>, Self::Error>;
}

/// The directory as the fold of this feature's events changes it.
pub(crate) trait DelegationState {
    /// The powers of attorney.
    fn power_registry_mut(&mut self) -> &mut PowerRegistry;
    /// The powers presented with registrations not yet active.
    fn registration_powers_mut(&mut self) -> &mut RegistrationPowers;
}
