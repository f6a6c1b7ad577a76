//! Questions about powers of attorney: a representative's, an
//! organization's, those about to expire, the chain behind one.
//!
//! Every query goes through an index of the registry: by holder, by
//! principal, by end of validity, by parent.

use super::power::{PowerNumber, PowerOfAttorney, PowerStatus};
use super::registry::Holder;
use super::world::DelegationWorld;
use super::ChainCheck;
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use jiff::SignedDuration;

/// Longest look-ahead of [`crate::Directory::powers_expiring_within`], in days: ten
/// years, beyond any term worth a reminder.
pub const MAX_LOOKAHEAD_DAYS: u32 = 3653;

/// Questions about the directory's powers of attorney.
pub(crate) trait PowerQueries: DelegationWorld {
    /// Whether a number is held by a power of attorney or a presented one.
    fn power_number_taken(&self, number: &PowerNumber) -> bool {
        self.power_registry().get(number).is_some() || self.presented_power(number).is_some()
    }

    /// A power of attorney by number.
    fn power(&self, number: PowerNumber) -> Option<&PowerOfAttorney> {
        self.power_registry().get(&number)
    }

    /// How many powers of attorney the directory holds.
    fn power_count(&self) -> usize {
        self.power_registry().len()
    }

    /// Every power of attorney an account may use, whatever the principal
    /// and whatever their state: those naming the account, and those naming
    /// a third party by the account's СНИЛС or ИНН. Earliest issued first.
    fn powers_of_representative(&self, account: AccountId) -> Vec<&PowerOfAttorney> {
        let Some(a) = self.account(account) else {
            return Vec::new();
        };
        let holders = [
            Some(Holder::Account(account)),
            a.snils.as_ref().and_then(Holder::snils),
            a.inn.as_ref().and_then(Holder::inn),
        ];
        let mut found: Vec<&PowerOfAttorney> = holders
            .into_iter()
            .flatten()
            .flat_map(|h| self.power_registry().for_holder(h))
            .filter_map(|&s| self.power_registry().at(s))
            .filter(|p| super::access::represents(a, &p.representative))
            .collect();
        found.sort_by_key(|p| (p.issued_at, p.number));
        found.dedup_by_key(|p| p.number);
        found
    }

    /// The powers of attorney from `org` an account holds that have not
    /// ended at `at`: in force and not expired (those not yet valid
    /// included), in issue order. Dismissal does not end them (DOMAIN §2);
    /// this names them to the head, the administrators and the access review.
    fn powers_held_from(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Vec<&PowerOfAttorney> {
        self.powers_of_representative(account)
            .into_iter()
            .filter(|p| {
                p.principal == org && p.status == PowerStatus::InForce && at < p.valid_until
            })
            .collect()
    }

    /// Every power of attorney an organization is the principal of (first
    /// powers and those re-delegated from them), in issue order.
    fn powers_issued_by(&self, org: OrgId) -> Vec<&PowerOfAttorney> {
        self.power_registry()
            .of_principal(org)
            .iter()
            .filter_map(|&s| self.power_registry().at(s))
            .collect()
    }

    /// The powers of attorney that work at `at` and expire within `days`
    /// days after it (`at < valid_until <= at + days`), earliest end first;
    /// only those of `org` when given. For reminders. `days` is capped at
    /// [`MAX_LOOKAHEAD_DAYS`].
    fn powers_expiring_within(
        &self,
        org: Option<OrgId>,
        at: Timestamp,
        days: u32,
    ) -> Vec<&PowerOfAttorney> {
        let hours = i64::from(days.min(MAX_LOOKAHEAD_DAYS)) * 24;
        let until = at
            .checked_add(SignedDuration::from_hours(hours))
            .unwrap_or(Timestamp::MAX);
        self.power_registry()
            .ending_between(at, until)
            .filter(|(_, p)| org.is_none_or(|o| p.principal == o))
            .filter(|(_, p)| p.status == PowerStatus::InForce)
            .filter(|&(s, p)| self.verify_slot(s, p, None, at).is_ok())
            .map(|(_, p)| p)
            .collect()
    }

    /// The chain behind a power: from the first power (given by the
    /// organization) down to it. Empty for an unknown number; stops at a
    /// missing parent. At most the depth limit plus one links.
    fn power_chain(&self, number: PowerNumber) -> Vec<&PowerOfAttorney> {
        let limit = usize::from(self.max_redelegation_depth()) + 1;
        let mut chain = Vec::new();
        let mut next = Some(number);
        while let Some(p) = next.and_then(|n| self.power_registry().get(&n)) {
            if chain.len() >= limit {
                break;
            }
            chain.push(p);
            next = p.parent;
        }
        chain.reverse();
        chain
    }

    /// The powers re-delegated directly from a power, in issue order.
    fn powers_redelegated_from(&self, number: PowerNumber) -> Vec<&PowerOfAttorney> {
        self.power_registry()
            .children(&number)
            .iter()
            .filter_map(|&s| self.power_registry().at(s))
            .collect()
    }
}

impl<W: DelegationWorld + ?Sized> PowerQueries for W {}
