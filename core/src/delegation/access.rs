//! Acting through powers of attorney: which powers an account may use, the
//! delegation path of the access check, and entering the portal by the
//! number of a power of attorney.
//!
//! An account uses a power when the power names it, or names a third party
//! by a СНИЛС or ИНН the account carries (and contradicts neither). The
//! candidates are found through the registry's indexes — at most three hash
//! lookups for one organization — never by scanning the powers.

use super::power::{PowerNumber, PowerOfAttorney, Representative};
use super::registry::{Holder, Slot};
use super::world::DelegationWorld;
use super::ChainCheck;
use crate::accounts::Account;
use crate::ids::{AccountId, OrgId};
use crate::reasons::DelegationBasis;
use crate::reasons::Refusal;
use crate::rights::Right;
use crate::signatures::SignatureEvidence;
use crate::Timestamp;

/// Whether the account is the representative a power names: the account
/// itself, or a person whose СНИЛС or ИНН the account carries, with neither
/// contradicted (an account without an ИНН still matches by its СНИЛС).
pub(crate) fn represents(account: &Account, rep: &Representative) -> bool {
    match rep {
        Representative::Account { account: id } => account.id == *id,
        Representative::Person { snils, inn, .. } => {
            let s = agree(snils.as_ref(), account.snils.as_ref());
            let i = agree(inn.as_ref(), account.inn.as_ref());
            s != Some(false) && i != Some(false) && (s == Some(true) || i == Some(true))
        }
    }
}

/// `Some(true)` when both are known and equal, `Some(false)` when the account
/// carries another value than the power names, `None` when either is unknown.
fn agree<T: PartialEq>(named: Option<&T>, held: Option<&T>) -> Option<bool> {
    match (named, held) {
        (Some(n), Some(h)) => Some(n == h),
        _ => None,
    }
}

/// Acting through the directory's powers of attorney.
pub(crate) trait PowerAccess: DelegationWorld {
    /// The powers of `org` the account may use, each once.
    fn candidate_powers<'a>(
        &'a self,
        account: &'a Account,
        org: OrgId,
    ) -> impl Iterator<Item = (Slot, &'a PowerOfAttorney)> + 'a {
        let by_account = self
            .power_registry()
            .for_holder_in(org, Holder::Account(account.id));
        let by_snils = account
            .snils
            .as_ref()
            .and_then(Holder::snils)
            .map_or(&[][..], |h| self.power_registry().for_holder_in(org, h));
        let by_inn = account
            .inn
            .as_ref()
            .and_then(Holder::inn)
            .map_or(&[][..], |h| self.power_registry().for_holder_in(org, h));
        let snils = account.snils.as_ref();
        by_account
            .iter()
            .chain(by_snils)
            .filter_map(|&s| self.power_registry().at(s).map(|p| (s, p)))
            .chain(
                by_inn
                    .iter()
                    .filter_map(|&s| self.power_registry().at(s).map(|p| (s, p)))
                    // a power naming the account's СНИЛС was already met
                    .filter(move |(_, p)| {
                        !matches!(&p.representative,
                            Representative::Person { snils: Some(s), .. } if Some(s) == snils)
                    }),
            )
            .filter(|(_, p)| represents(account, &p.representative))
    }

    /// The delegation path of the access check: the first power whose whole
    /// chain gives `right` at `at`; `Ok(None)` when the account has no power
    /// for the organization at all.
    fn delegated(
        &self,
        account: &Account,
        org: OrgId,
        right: Right,
        at: Timestamp,
    ) -> Result<Option<DelegationBasis>, Vec<Refusal>> {
        let mut refusals = Vec::new();
        for (slot, power) in self.candidate_powers(account, org) {
            match self.verify_slot(slot, power, Some(right), at) {
                Ok(basis) => return Ok(Some(basis)),
                Err(r) => refusals.push(r),
            }
        }
        if refusals.is_empty() {
            Ok(None)
        } else {
            Err(refusals)
        }
    }

    /// A representative acting through an organization (an accounting firm)
    /// signs with a certificate issued for that organization: accepted when
    /// the power names it.
    fn accept_representing_signer(
        &self,
        basis: &DelegationBasis,
        evidence: &SignatureEvidence,
        refusals: &mut Vec<Refusal>,
    ) {
        if !refusals.contains(&Refusal::SignerOrganizationMismatch) {
            return;
        }
        let (Some(signer), Some(power)) =
            (&evidence.signer, self.power_registry().get(&basis.number))
        else {
            return;
        };
        let Some(firm) = power.representative.acting_for() else {
            return;
        };
        let inn_matches = signer.organization_inn.as_ref() == Some(&firm.inn);
        let ogrn_fits = match (&signer.ogrn, &firm.ogrn) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if inn_matches && ogrn_fits {
            refusals.retain(|r| *r != Refusal::SignerOrganizationMismatch);
        }
    }

    /// Entering the portal as a representative by the number of a power of
    /// attorney ("вход по доверенности"): the organization, the powers, their
    /// end and the chain, or the refusal that stops it.
    ///
    /// # Errors
    /// A [`Refusal`]: the account is unknown or cannot act, the number is
    /// unknown, the account is not the representative, or a link of the
    /// chain fails (expired, not yet valid, revoked, refused, principal
    /// blocked or liquidated, re-delegation not allowed, chain broken).
    fn enter_by_power(
        &self,
        actor: AccountId,
        number: PowerNumber,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        let account = self
            .account(actor)
            .ok_or(Refusal::AccountUnknown { account: actor })?;
        let mut cannot = Vec::new();
        crate::reasons::account_refusals(account, &mut cannot);
        if let Some(first) = cannot.into_iter().next() {
            return Err(first);
        }
        let power = self
            .power_registry()
            .get(&number)
            .ok_or(Refusal::PowerUnknown { number })?;
        if !represents(account, &power.representative) {
            return Err(Refusal::NotTheRepresentative { number });
        }
        self.verify_chain(power, None, at)
    }
}

impl<W: DelegationWorld + ?Sized> PowerAccess for W {}
