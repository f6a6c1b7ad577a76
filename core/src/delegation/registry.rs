//! The powers of attorney a directory holds, with the indexes that keep the
//! access check and the queries free of scans.
//!
//! - by number;
//! - by (principal, holder) and by holder, where a holder is an account, a
//!   СНИЛС or a personal ИНН (a third party is indexed under each it is
//!   identified by): the access check looks up the acting account's number,
//!   СНИЛС and ИНН for one organization, three hash lookups;
//! - by principal, for the powers an organization issued;
//! - by parent, for the chain's subtree (cascading revocation);
//! - by end of validity, for the powers about to expire.

use super::power::{PowerNumber, PowerOfAttorney, PowerStatus, Representative};
use crate::identifiers::{Inn, Snils};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use std::collections::{BTreeSet, HashMap};

/// What a power is indexed under: who may use it. СНИЛС and ИНН are kept as
/// numbers (digits, then the count of digits) so that a lookup builds its key
/// without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Holder {
    Account(AccountId),
    Snils(u64),
    Inn(u64),
}

/// The digits of an identifier as a number, followed by their count; `None`
/// never happens for parsed identifiers (at most 12 digits).
fn digits_key(s: &str) -> Option<u64> {
    let mut value: u64 = 0;
    let mut count: u64 = 0;
    for d in s.chars().filter_map(|c| c.to_digit(10)) {
        value = value.checked_mul(10)?.checked_add(u64::from(d))?;
        count += 1;
    }
    value.checked_mul(100)?.checked_add(count)
}

impl Holder {
    pub(crate) fn snils(s: &Snils) -> Option<Holder> {
        digits_key(s.as_str()).map(Holder::Snils)
    }

    pub(crate) fn inn(i: &Inn) -> Option<Holder> {
        digits_key(i.as_str()).map(Holder::Inn)
    }
}

/// The holders a representative is found by.
pub(crate) fn holders(rep: &Representative) -> Vec<Holder> {
    match rep {
        Representative::Account { account } => vec![Holder::Account(*account)],
        Representative::Person { snils, inn, .. } => snils
            .iter()
            .filter_map(Holder::snils)
            .chain(inn.iter().filter_map(Holder::inn))
            .collect(),
    }
}

/// Every power of attorney, indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PowerRegistry {
    pub(crate) by_number: HashMap<PowerNumber, PowerOfAttorney>,
    by_principal_holder: HashMap<(OrgId, Holder), Vec<PowerNumber>>,
    by_holder: HashMap<Holder, Vec<PowerNumber>>,
    by_principal: HashMap<OrgId, Vec<PowerNumber>>,
    children: HashMap<PowerNumber, Vec<PowerNumber>>,
    by_end: BTreeSet<(Timestamp, PowerNumber)>,
}

const NONE: &[PowerNumber] = &[];

impl PowerRegistry {
    pub(crate) fn get(&self, number: &PowerNumber) -> Option<&PowerOfAttorney> {
        self.by_number.get(number)
    }

    /// Records a new power. A number already held is left as it is.
    pub(crate) fn insert(&mut self, power: PowerOfAttorney) {
        if self.by_number.contains_key(&power.number) {
            return;
        }
        let n = power.number;
        for h in holders(&power.representative) {
            push(
                self.by_principal_holder
                    .entry((power.principal, h))
                    .or_default(),
                n,
            );
            push(self.by_holder.entry(h).or_default(), n);
        }
        push(self.by_principal.entry(power.principal).or_default(), n);
        if let Some(parent) = power.parent {
            push(self.children.entry(parent).or_default(), n);
        }
        self.by_end.insert((power.valid_until, n));
        self.by_number.insert(n, power);
    }

    /// Sets the status of a power that is still in force.
    pub(crate) fn end(&mut self, number: &PowerNumber, status: PowerStatus) {
        if let Some(p) = self.by_number.get_mut(number) {
            if p.status == PowerStatus::InForce {
                p.status = status;
            }
        }
    }

    /// The powers of one principal usable by one holder.
    pub(crate) fn for_holder_in(&self, org: OrgId, holder: Holder) -> &[PowerNumber] {
        self.by_principal_holder
            .get(&(org, holder))
            .map_or(NONE, Vec::as_slice)
    }

    /// Every power usable by one holder, whatever the principal.
    pub(crate) fn for_holder(&self, holder: Holder) -> &[PowerNumber] {
        self.by_holder.get(&holder).map_or(NONE, Vec::as_slice)
    }

    /// Every power one organization gave, in issue order.
    pub(crate) fn of_principal(&self, org: OrgId) -> &[PowerNumber] {
        self.by_principal.get(&org).map_or(NONE, Vec::as_slice)
    }

    /// The powers re-delegated directly from one power.
    pub(crate) fn children(&self, number: &PowerNumber) -> &[PowerNumber] {
        self.children.get(number).map_or(NONE, Vec::as_slice)
    }

    /// Every power re-delegated from one power, at any depth, parents first.
    pub(crate) fn descendants(&self, number: &PowerNumber) -> Vec<PowerNumber> {
        let mut out: Vec<PowerNumber> = self.children(number).to_vec();
        let mut i = 0;
        while let Some(n) = out.get(i).copied() {
            out.extend_from_slice(self.children(&n));
            i += 1;
        }
        out
    }

    /// The powers whose validity ends in `(after, until]`, earliest first.
    pub(crate) fn ending_between(
        &self,
        after: Timestamp,
        until: Timestamp,
    ) -> impl Iterator<Item = &PowerOfAttorney> {
        use std::ops::Bound::{Excluded, Included};
        let lo = (after, PowerNumber::max());
        let hi = (until, PowerNumber::max());
        let range = (lo < hi).then(|| self.by_end.range((Excluded(lo), Included(hi))));
        range
            .into_iter()
            .flatten()
            .filter_map(|(_, n)| self.by_number.get(n))
    }

    pub(crate) fn len(&self) -> usize {
        self.by_number.len()
    }
}

/// Appends a number; [`PowerRegistry::insert`] never sees a number twice, so
/// no list can hold one twice.
fn push(list: &mut Vec<PowerNumber>, n: PowerNumber) {
    list.push(n);
}
