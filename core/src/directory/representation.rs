//! Rules of registration by a representative (DOMAIN §4): presenting a power
//! of attorney (МЧД) with a submission or a resubmission, and revoking or
//! refusing it before the organization is active.
//!
//! The power is read when presented: every field is validated, the person
//! who signed it must hold an account (they become the head if the registry
//! names them), and its number must be free. It is then judged by the formal
//! check and the reconciliation (see [`crate::delegation::RegistrationPower`]).
//! Until the organization is active, the signer may revoke it (with the
//! signature the policy requires to revoke powers) and the representative
//! may refuse it; either rejects the registration when the registry answers.

use super::{CommandError, Context, Directory, Event};
use crate::delegation::mchd::principal_identifiers;
use crate::delegation::RegistrationPower;
use crate::delegation::{
    revocation_ground, DelegationError, Mchd, PowerNumber, PowerOfAttorney, PowerStatus,
};
use crate::ids::OrgId;
use crate::organizations::{OrganizationKind, RequisitesDraft};
use crate::rights::Right;

impl Directory {
    /// The power of attorney presented with the registration of `org`, while
    /// the organization is not active (once active, the power is among the
    /// powers of attorney: [`Directory::power`]).
    pub fn registration_power(&self, org: OrgId) -> Option<&RegistrationPower> {
        self.registration_powers.of(org)
    }

    /// The presented power with a number, if one is waiting.
    pub(crate) fn presented_power(&self, number: &PowerNumber) -> Option<&RegistrationPower> {
        self.registration_powers.by_number(number)
    }

    /// Whether a number is held by a power of attorney or a presented one.
    pub(crate) fn power_number_taken(&self, number: &PowerNumber) -> bool {
        self.powers.get(number).is_some() || self.presented_power(number).is_some()
    }

    pub(super) fn submit_by_power(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Event>, CommandError> {
        self.submit(ctx, kind, draft, Some(power))
    }

    pub(super) fn resubmit_by_power(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
        power: &Mchd,
    ) -> Result<Vec<Event>, CommandError> {
        self.resubmit(ctx, org, draft, Some(power))
    }

    /// Reads the power presented for the registration of `org`.
    pub(super) fn present_power(
        &self,
        m: &Mchd,
        org: OrgId,
    ) -> Result<RegistrationPower, CommandError> {
        let power = self.read_mchd(m, |_| Ok(org))?;
        let (principal_inn, principal_ogrn) = principal_identifiers(&m.principal)?;
        // The same document may be presented again for the same registration.
        let taken = self.powers.get(&power.number).is_some()
            || self
                .presented_power(&power.number)
                .is_some_and(|p| p.power.principal != org);
        if taken {
            return Err(DelegationError::DuplicateNumber {
                number: power.number,
            }
            .into());
        }
        Ok(RegistrationPower {
            principal_inn,
            principal_ogrn,
            power,
        })
    }

    /// Revocation of a presented power by the person who signed it.
    pub(crate) fn revoke_presented(
        &self,
        ctx: &Context,
        presented: &RegistrationPower,
        ground: Option<String>,
    ) -> Result<Vec<Event>, CommandError> {
        let actor = Self::require_person(ctx)?;
        let p = self.presented_in_force(presented)?;
        if actor != p.issuer {
            return Err(DelegationError::NotSigner { number: p.number }.into());
        }
        let account = self.existing_account(actor)?;
        let mut refusals = Vec::new();
        crate::decisions::account_refusals(account, &mut refusals);
        self.require_personal_signature(ctx, account, Right::PowersDelete, p.principal, refusals)?;
        Ok(vec![Event::PowerRevoked {
            number: p.number,
            at: ctx.at,
            ground: revocation_ground(ground, p)?,
            ended: Vec::new(),
        }])
    }

    /// A presented power that no command has ended.
    pub(crate) fn presented_in_force<'a>(
        &self,
        presented: &'a RegistrationPower,
    ) -> Result<&'a PowerOfAttorney, CommandError> {
        let p = &presented.power;
        if p.status != PowerStatus::InForce {
            return Err(DelegationError::NotInForce {
                number: p.number,
                status: p.status.code(),
            }
            .into());
        }
        Ok(p)
    }
}
