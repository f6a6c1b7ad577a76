//! What the rules of organizations read of the directory and change in it,
//! and how they name what they give back. The directory implements
//! [`OrganizationWorld`] and [`OrganizationState`]; the rules and the fold
//! in `rules.rs` are generic over them.
//!
//! A registration crosses into two features that build on this one: the
//! head joins as an employee, and a power of attorney presented by a
//! representative is read, judged and, once the organization is active,
//! takes effect as delegation's. The world names those for the rules (the
//! presented power is an associated type, its events are the world's), so
//! this feature imports neither employees nor delegation.

use super::{Organization, OrganizationError, OrganizationEvent, RejectionReason, Requisites};
use crate::accounts::Account;
use crate::identifiers::Inn;
use crate::ids::{AccountId, OrgId};
use crate::view::DirectoryView;
use crate::Timestamp;

/// What the checks of a presented power of attorney know.
pub(crate) struct PowerCheck<'a> {
    /// The requisites submitted.
    pub requisites: &'a Requisites,
    /// The submitter's account.
    pub submitter: &'a Account,
    /// The signer's account.
    pub issuer: Option<&'a Account>,
    /// The head's personal ИНН, once the registry answered.
    pub head_inn: Option<&'a Inn>,
    /// When the check runs.
    pub at: Timestamp,
}

/// The organizations as every feature that builds on them reads them
/// (organizations, employees, delegation).
pub(crate) trait OrganizationView: DirectoryView {
    /// An organization, if it exists.
    fn organization(&self, org: OrgId) -> Option<&Organization>;
    /// The organization, or the refusal of a command about one that does not exist.
    fn existing_org(&self, org: OrgId) -> Result<&Organization, Self::Error>;
    /// The organizations registered with an ИНН (a handful at most: one
    /// active, the rest rejected or liquidated registrations).
    fn organizations_by_inn(&self, inn: &Inn) -> Vec<&Organization>;
}

/// The directory as the rules of organizations read it.
pub(crate) trait OrganizationWorld:
    OrganizationView<Error: From<OrganizationError>>
{
    /// The directory's event, which holds this feature's.
    type Event: From<OrganizationEvent>;
    /// The document a representative presents with a registration (the МЧД).
    type Form;
    /// A power of attorney presented with a registration, as delegation reads it.
    type Presented: Clone;

    /// The number the next organization gets.
    fn next_org(&self) -> OrgId;
    /// Refuses, with every reason, an account that cannot act (blocked,
    /// unconfirmed, …).
    fn able_to_act(&self, account: &Account) -> Result<(), Self::Error>;

    /// Reads the power presented for the registration of `org`: every field
    /// valid, the signer holds an account, the number free.
    fn present(&self, form: &Self::Form, org: OrgId) -> Result<Self::Presented, Self::Error>;
    /// The power presented with the registration of `org`, while it is not active.
    fn presented(&self, org: OrgId) -> Option<&Self::Presented>;
    /// The person who signed a presented power.
    fn signer(power: &Self::Presented) -> AccountId;
    /// Every reason a presented power cannot carry the registration.
    fn power_reasons(power: &Self::Presented, check: &PowerCheck<'_>) -> Vec<RejectionReason>;
    /// The event of a power presented with the registration of `org`.
    fn power_presented(org: OrgId, power: Self::Presented) -> Self::Event;
    /// The event of a presented power taking effect as the organization
    /// becomes active.
    fn power_takes_effect(power: &Self::Presented) -> Self::Event;
    /// The event of a person joining an active organization: its head, or
    /// the representative who registered it.
    fn member_joined(
        org: OrgId,
        account: AccountId,
        head: bool,
        position: Option<String>,
        at: Timestamp,
    ) -> Self::Event;
}

/// The directory as the fold of this feature's events changes it.
pub(crate) trait OrganizationState {
    /// Adds a submitted organization, indexed by its ИНН; later numbers are higher.
    fn insert_organization(&mut self, organization: Organization);
    /// Replaces an organization's requisites, re-indexing it by its ИНН.
    fn replace_requisites(&mut self, org: OrgId, requisites: &Requisites);
    /// An organization, if it exists.
    fn organization_mut(&mut self, org: OrgId) -> Option<&mut Organization>;
    /// Forgets the power presented with a registration (it has taken
    /// effect, or the organization is gone).
    fn forget_presented(&mut self, org: OrgId);
}
