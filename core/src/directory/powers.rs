//! Powers of attorney as the directory holds them: the implementation of
//! [`DelegationWorld`] (what the rules of delegation read of the state, and
//! the directory's events and refusals they give back) and the public
//! questions about powers, answered by the rules in `delegation`.

use super::{CommandError, Context, Directory, Event};
use crate::accounts::Account;
use crate::decisions::Decision;
use crate::delegation::fns_xml::{
    EvidenceError, FnsEvidence, PowerClassifier, PowerEvidence, SignedPowerReport,
};
use crate::delegation::{
    ChainCheck, DelegationBasis, DelegationError, DelegationEvent, DelegationState,
    DelegationWorld, Mchd, MchdError, MchdForm, PowerAccess, PowerNumber, PowerOfAttorney,
    PowerQueries, PowerRegistry, RegistrationPower, RegistrationPowers,
};
use crate::identifiers::{Inn, Snils};
use crate::ids::{AccountId, OrgId};
use crate::organizations::{OrganizationKind, RequisitesDraft};
use crate::reasons::{Refusal, Signing};
use crate::rights::{Right, RightSet};
use crate::Timestamp;

impl From<DelegationError> for CommandError {
    fn from(e: DelegationError) -> Self {
        CommandError::Delegation(e)
    }
}

impl From<DelegationEvent> for Event {
    fn from(e: DelegationEvent) -> Self {
        Event::Delegation(e)
    }
}

impl DelegationState for Directory {
    fn power_registry_mut(&mut self) -> &mut PowerRegistry {
        &mut self.powers
    }

    fn registration_powers_mut(&mut self) -> &mut RegistrationPowers {
        &mut self.registration_powers
    }
}

impl DelegationWorld for Directory {
    type Event = Event;

    fn power_registry(&self) -> &PowerRegistry {
        &self.powers
    }

    fn presented_power(&self, number: &PowerNumber) -> Option<&RegistrationPower> {
        Directory::presented_power(self, number)
    }

    fn max_redelegation_depth(&self) -> u8 {
        self.policy().max_redelegation_depth
    }

    fn account_by_snils(&self, snils: &Snils) -> Option<&Account> {
        Directory::account_by_snils(self, snils)
    }

    /// Accounts are indexed by СНИЛС only; an МЧД naming a person by ИНН
    /// alone is rare enough (and read by the portal only) to look through
    /// the accounts.
    fn account_by_inn(&self, inn: &Inn) -> Option<&Account> {
        self.accounts().find(|a| a.inn.as_ref() == Some(inn))
    }

    fn permitted(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, Decision), CommandError> {
        Directory::permitted(self, org, ctx, right)
    }

    fn held_rights(&self, org: OrgId, actor: AccountId, decision: &Decision) -> RightSet {
        Directory::held_rights(self, org, actor, decision)
    }

    /// A bound certificate counts as in `check`, for the principal organization.
    fn require_personal_signature(
        &self,
        ctx: &Context,
        account: &Account,
        right: Right,
        principal: OrgId,
        mut refusals: Vec<Refusal>,
    ) -> Result<(), CommandError> {
        let required = self.policy().signatures.required(right);
        let signing = Signing {
            actor: account.id,
            account: Some(account),
            org: principal,
            organization: None,
            at: ctx.at,
        };
        self.signature_refusals(&ctx.signature, required, &signing, &mut refusals);
        if refusals.is_empty() {
            Ok(())
        } else {
            Err(CommandError::Denied { refusals })
        }
    }

    fn cannot_act(refusals: Vec<Refusal>) -> CommandError {
        CommandError::AccountCannotAct { refusals }
    }

    fn beyond_own_rights(missing: RightSet) -> CommandError {
        CommandError::BeyondOwnRights { missing }
    }

    fn organization_status(status: &'static str) -> CommandError {
        CommandError::OrganizationStatus { status }
    }

    fn submit_by_power(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Event>, CommandError> {
        crate::organizations::submit(self, ctx, kind, draft, Some(power))
    }

    fn resubmit_by_power(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Event>, CommandError> {
        crate::organizations::resubmit(self, ctx, org, draft, Some(power))
    }
}

impl Directory {
    /// Entering the portal as a representative by the number of a power of
    /// attorney ("вход по доверенности"): the organization, the powers, their
    /// end and the chain, or the refusal that stops it.
    ///
    /// # Errors
    /// A [`Refusal`]: the account is unknown or cannot act, the number is
    /// unknown, the account is not the representative, or a link of the
    /// chain fails (expired, not yet valid, revoked, refused, principal
    /// blocked or liquidated, re-delegation not allowed, chain broken).
    pub fn enter_by_power(
        &self,
        actor: AccountId,
        number: PowerNumber,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        PowerAccess::enter_by_power(self, actor, number, at)
    }

    /// The chain behind the power numbered `number`, checked at `at`.
    ///
    /// # Errors
    /// [`Refusal::PowerUnknown`] for a number the directory does not hold,
    /// otherwise the refusal naming the first link that fails.
    pub fn verify_power(
        &self,
        number: PowerNumber,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        ChainCheck::verify_power(self, number, at)
    }

    /// A power of attorney by number.
    pub fn power(&self, number: PowerNumber) -> Option<&PowerOfAttorney> {
        PowerQueries::power(self, number)
    }

    /// How many powers of attorney the directory holds.
    pub fn power_count(&self) -> usize {
        PowerQueries::power_count(self)
    }

    /// Every power of attorney an account may use, whatever the principal
    /// and whatever their state: those naming the account, and those naming
    /// a third party by the account's СНИЛС or ИНН. Earliest issued first.
    pub fn powers_of_representative(&self, account: AccountId) -> Vec<&PowerOfAttorney> {
        PowerQueries::powers_of_representative(self, account)
    }

    /// The powers of attorney from `org` an account holds that have not
    /// ended at `at`: in force and not expired (those not yet valid
    /// included), in issue order. Dismissal does not end them (DOMAIN §2);
    /// this names them to the head, the administrators and the access review.
    pub fn powers_held_from(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Vec<&PowerOfAttorney> {
        PowerQueries::powers_held_from(self, org, account, at)
    }

    /// Every power of attorney an organization is the principal of (first
    /// powers and those re-delegated from them), in issue order.
    pub fn powers_issued_by(&self, org: OrgId) -> Vec<&PowerOfAttorney> {
        PowerQueries::powers_issued_by(self, org)
    }

    /// The powers of attorney that work at `at` and expire within `days`
    /// days after it (`at < valid_until <= at + days`), earliest end first;
    /// only those of `org` when given. For reminders. `days` is capped at
    /// [`crate::delegation::MAX_LOOKAHEAD_DAYS`].
    pub fn powers_expiring_within(
        &self,
        org: Option<OrgId>,
        at: Timestamp,
        days: u32,
    ) -> Vec<&PowerOfAttorney> {
        PowerQueries::powers_expiring_within(self, org, at, days)
    }

    /// The chain behind a power: from the first power (given by the
    /// organization) down to it. Empty for an unknown number; stops at a
    /// missing parent. At most the depth limit plus one links.
    pub fn power_chain(&self, number: PowerNumber) -> Vec<&PowerOfAttorney> {
        PowerQueries::power_chain(self, number)
    }

    /// The powers re-delegated directly from a power, in issue order.
    pub fn powers_redelegated_from(&self, number: PowerNumber) -> Vec<&PowerOfAttorney> {
        PowerQueries::powers_redelegated_from(self, number)
    }

    /// The powers of a document giving `rights`: each right's code with its
    /// Reads the JSON form of an МЧД, checking its size and shape only (the
    /// fields are validated when it is imported or presented).
    ///
    /// # Errors
    /// [`MchdError::TooLarge`] beyond [`crate::delegation::mchd::MAX_JSON_BYTES`];
    /// The МЧД form of a power of attorney, as JSON.
    ///
    /// # Errors
    /// [`MchdError::NotFound`] for an unknown number;
    /// [`MchdError::PrincipalUnknown`] or [`MchdError::Unidentified`] when
    /// the principal, the signer or the representative cannot be named by
    /// their requisites.
    pub fn export_power(&self, number: PowerNumber) -> Result<String, MchdError> {
        MchdForm::export_power(self, number)
    }

    /// The МЧД form of a power of attorney.
    ///
    /// # Errors
    /// As [`Self::export_power`].
    pub fn power_as_mchd(&self, number: PowerNumber) -> Result<Mchd, MchdError> {
        MchdForm::power_as_mchd(self, number)
    }

    /// Reads a power of attorney from its МЧД JSON, validating every field
    /// and finding the principal and the signer in the directory. The result
    /// is registered with `Command::ImportPower`, which checks the chain.
    ///
    /// # Errors
    /// An [`MchdError`] naming the field at fault.
    pub fn import_power(&self, json: &str) -> Result<PowerOfAttorney, MchdError> {
        MchdForm::import_power(self, json)
    }

    /// A power of attorney from its МЧД form; see [`Self::import_power`].
    ///
    /// # Errors
    /// An [`MchdError`] naming the field at fault.
    pub fn power_from_mchd(&self, m: &Mchd) -> Result<PowerOfAttorney, MchdError> {
        MchdForm::power_from_mchd(self, m)
    }

    /// The table with `code` giving `rights` (replacing what it gave).
    /// Reads the JSON form (see the type).
    ///
    /// # Errors
    /// A verified power of attorney as the directory's evidence, its powers
    /// read through the host's `classifier` (see the module).
    ///
    /// # Errors
    /// An [`EvidenceError`]; the МЧД form is then read by
    /// [`Self::power_from_mchd`], which finds the principal, the signer
    /// and checks every field with its own codes.
    pub fn power_evidence(
        &self,
        report: &SignedPowerReport,
        classifier: &PowerClassifier,
    ) -> Result<PowerEvidence, EvidenceError> {
        FnsEvidence::power_evidence(self, report, classifier)
    }
}
