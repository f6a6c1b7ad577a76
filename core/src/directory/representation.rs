//! Rules of registration by a representative (DOMAIN §4): presenting a power
//! of attorney (МЧД) with a submission or a resubmission. Revoking or
//! refusing it before the organization is active are rules of delegation
//! (`RevokePower`, `RefusePower`).
//!
//! The power is read when presented: every field is validated, the person
//! who signed it must hold an account (they become the head if the registry
//! names them), and its number must be free. It is then judged by the formal
//! check and the reconciliation (see [`crate::delegation::RegistrationPower`]).
//! Until the organization is active, the signer may revoke it (with the
//! signature the policy requires to revoke powers) and the representative
//! may refuse it; either rejects the registration when the registry answers.

use super::{CommandError, Directory};
use crate::delegation::mchd::principal_identifiers;
use crate::delegation::{DelegationError, Mchd, MchdForm, PowerNumber, RegistrationPower};
use crate::ids::OrgId;

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
}
