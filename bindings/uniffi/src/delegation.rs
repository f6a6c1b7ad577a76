//! Powers of attorney (доверенность, МЧД): the typed commands, the queries
//! of the directory, the chain a decision names. The values are the
//! library's own (`PowerOfAttorney`, `PowerTerms`, `Representative`,
//! `Delegation`, …), crossing as they are.
//!
//! A power's number is a UUID in its text form; the caller draws it (the
//! library draws no randomness); one that does not parse is refused with
//! its code.

use crate::handle::Kabinet;
use crate::typed::typed_commands;
use kabinet::delegation::{PowerLevel, PowerOfAttorney, PowerTerms};
use kabinet::ffi::{Area, KabinetError};
use kabinet::{AccountId, Command, DelegationBasis, DelegationCommand, OrgId, PowerNumber};
use kabinet::{RightSet, Timestamp};

/// The rights of a preset, in catalog order.
#[uniffi::export]
pub fn power_level_rights(level: PowerLevel) -> RightSet {
    level.rights()
}

/// The Russian name of a preset (`базовый`, …).
#[uniffi::export]
pub fn power_level_name_ru(level: PowerLevel) -> String {
    level.name_ru().into()
}

typed_commands! {
    /// Issues a power of attorney for `org` (right `powers_of_attorney.edit`).
    by fn issue_power(org: OrgId, terms: PowerTerms, irrevocable: bool) => Delegation::IssuePower;
    /// Passes a power on (передоверие); its representative acts.
    by fn redelegate_power(parent: PowerNumber, terms: PowerTerms) => Delegation::RedelegatePower;
    /// Revokes a power and everything re-delegated from it.
    by fn revoke_power(number: PowerNumber, ground: Option<String>) => Delegation::RevokePower;
    /// Refuses a power (its representative acts).
    by fn refuse_power(number: PowerNumber) => Delegation::RefusePower;
}

#[uniffi::export]
impl Kabinet {
    /// Reads a power in its МЧД JSON form and registers it (the portal, at `at`).
    ///
    /// # Errors
    /// `Power` with the МЧД code for a document that does not read; `Command`
    /// when the registration is refused.
    pub fn import_power(
        &self,
        mchd_json: String,
        at: Timestamp,
    ) -> Result<PowerOfAttorney, KabinetError> {
        let power = self
            .inner
            .read()
            .import_power(&mchd_json)
            .map_err(|e| KabinetError::coded(Area::Power, &e))?;
        let imported = power.clone();
        self.system(
            Command::Delegation(DelegationCommand::ImportPower { power }),
            at,
        )?;
        Ok(imported)
    }

    /// A power in its МЧД JSON form.
    ///
    /// # Errors
    /// `Power` (`mchd.unknown_power`, …).
    pub fn export_power(&self, number: PowerNumber) -> Result<String, KabinetError> {
        self.inner
            .read()
            .export_power(number)
            .map_err(|e| KabinetError::coded(Area::Power, &e))
    }

    /// A power by its number.
    pub fn power(&self, number: PowerNumber) -> Result<Option<PowerOfAttorney>, KabinetError> {
        Ok(self.inner.read().power(number).cloned())
    }

    /// How many powers the directory holds.
    pub fn power_count(&self) -> u64 {
        self.inner.read().power_count() as u64
    }

    /// The powers a person receives.
    pub fn powers_of_representative(&self, account: AccountId) -> Vec<PowerOfAttorney> {
        owned(self.inner.read().powers_of_representative(account))
    }

    /// The powers from `org` a person holds that have not ended at `at`
    /// (dismissal does not end them), in issue order.
    pub fn powers_held_from(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Result<Vec<PowerOfAttorney>, KabinetError> {
        Ok(owned(self.inner.read().powers_held_from(org, account, at)))
    }

    /// The powers an organization issued.
    pub fn powers_issued_by(&self, org: OrgId) -> Vec<PowerOfAttorney> {
        owned(self.inner.read().powers_issued_by(org))
    }

    /// The powers (of one organization, or all) in force at `at` that end within `days`.
    pub fn powers_expiring_within(
        &self,
        org: Option<OrgId>,
        at: Timestamp,
        days: u32,
    ) -> Result<Vec<PowerOfAttorney>, KabinetError> {
        Ok(owned(
            self.inner.read().powers_expiring_within(org, at, days),
        ))
    }

    /// The chain behind a power, from its first power to itself.
    pub fn power_chain(&self, number: PowerNumber) -> Result<Vec<PowerOfAttorney>, KabinetError> {
        Ok(owned(self.inner.read().power_chain(number)))
    }

    /// The powers passed on from a power.
    pub fn powers_redelegated_from(
        &self,
        number: PowerNumber,
    ) -> Result<Vec<PowerOfAttorney>, KabinetError> {
        Ok(owned(self.inner.read().powers_redelegated_from(number)))
    }

    /// Whether a power's chain works at `at`.
    ///
    /// # Errors
    /// `Access` with the failing link's refusal.
    pub fn verify_power(
        &self,
        number: PowerNumber,
        at: Timestamp,
    ) -> Result<DelegationBasis, KabinetError> {
        self.inner
            .read()
            .verify_power(number, at)
            .map_err(|r| KabinetError::refused(&[r]))
    }

    /// Enters an organization's account by a power's number.
    ///
    /// # Errors
    /// `Access` with the refusal when the person cannot act by it.
    pub fn enter_by_power(
        &self,
        actor: AccountId,
        number: PowerNumber,
        at: Timestamp,
    ) -> Result<DelegationBasis, KabinetError> {
        self.inner
            .read()
            .enter_by_power(actor, number, at)
            .map_err(|r| KabinetError::refused(&[r]))
    }

    /// The rights a person holds for `org` through working powers at `at`.
    pub fn rights_through_powers(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Result<RightSet, KabinetError> {
        Ok(self.inner.read().rights_through_powers(actor, org, at))
    }
}

/// The powers a query names, owned for the host.
fn owned<'a>(powers: impl IntoIterator<Item = &'a PowerOfAttorney>) -> Vec<PowerOfAttorney> {
    powers.into_iter().cloned().collect()
}
