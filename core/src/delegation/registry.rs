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

/// The place of a power in the registry: the indexes and the links between
/// parent and child hold places, so that walking a chain is indexing, not hashing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Slot(u32);

/// Every power of attorney, indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PowerRegistry {
    entries: Vec<Entry>,
    by_number: HashMap<PowerNumber, Slot>,
    by_principal_holder: HashMap<(OrgId, Holder), Vec<Slot>>,
    by_holder: HashMap<Holder, Vec<Slot>>,
    by_principal: HashMap<OrgId, Vec<Slot>>,
    by_end: BTreeSet<(Timestamp, Slot)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    power: PowerOfAttorney,
    parent: Option<Slot>,
    children: Vec<Slot>,
}

const NONE: &[Slot] = &[];

impl PowerRegistry {
    pub(crate) fn get(&self, number: &PowerNumber) -> Option<&PowerOfAttorney> {
        self.slot_of(number).and_then(|s| self.at(s))
    }

    pub(crate) fn slot_of(&self, number: &PowerNumber) -> Option<Slot> {
        self.by_number.get(number).copied()
    }

    pub(crate) fn at(&self, slot: Slot) -> Option<&PowerOfAttorney> {
        self.entry(slot).map(|e| &e.power)
    }

    /// The place of the power a power was re-delegated from.
    pub(crate) fn parent_of(&self, slot: Slot) -> Option<Slot> {
        self.entry(slot).and_then(|e| e.parent)
    }

    fn entry(&self, slot: Slot) -> Option<&Entry> {
        self.entries.get(slot.0 as usize)
    }

    /// Every power in the order it was recorded: inserting them again in
    /// this order rebuilds an equal registry (snapshots rely on it).
    pub(crate) fn in_order(&self) -> impl Iterator<Item = &PowerOfAttorney> {
        self.entries.iter().map(|e| &e.power)
    }

    /// Records a new power. A number already held is left as it is, and so
    /// is a power beyond the 2³² places a registry has.
    pub(crate) fn insert(&mut self, power: PowerOfAttorney) {
        if self.by_number.contains_key(&power.number) {
            return;
        }
        let Ok(index) = u32::try_from(self.entries.len()) else {
            return;
        };
        let slot = Slot(index);
        for h in holders(&power.representative) {
            self.by_principal_holder
                .entry((power.principal, h))
                .or_default()
                .push(slot);
            self.by_holder.entry(h).or_default().push(slot);
        }
        self.by_principal
            .entry(power.principal)
            .or_default()
            .push(slot);
        let parent = power.parent.and_then(|n| self.slot_of(&n));
        if let Some(p) = parent.and_then(|p| self.entries.get_mut(p.0 as usize)) {
            p.children.push(slot);
        }
        self.by_end.insert((power.valid_until, slot));
        self.by_number.insert(power.number, slot);
        self.entries.push(Entry {
            power,
            parent,
            children: Vec::new(),
        });
    }

    /// Sets the status of a power that is still in force.
    pub(crate) fn end(&mut self, number: &PowerNumber, status: PowerStatus) {
        let Some(slot) = self.slot_of(number) else {
            return;
        };
        if let Some(e) = self.entries.get_mut(slot.0 as usize) {
            if e.power.status == PowerStatus::InForce {
                e.power.status = status;
            }
        }
    }

    /// The places of the powers of one principal usable by one holder.
    pub(crate) fn for_holder_in(&self, org: OrgId, holder: Holder) -> &[Slot] {
        self.by_principal_holder
            .get(&(org, holder))
            .map_or(NONE, Vec::as_slice)
    }

    /// The places of every power usable by one holder, whatever the principal.
    pub(crate) fn for_holder(&self, holder: Holder) -> &[Slot] {
        self.by_holder.get(&holder).map_or(NONE, Vec::as_slice)
    }

    /// The places of every power one organization gave, in issue order.
    pub(crate) fn of_principal(&self, org: OrgId) -> &[Slot] {
        self.by_principal.get(&org).map_or(NONE, Vec::as_slice)
    }

    /// The places of the powers re-delegated directly from one power.
    pub(crate) fn children(&self, number: &PowerNumber) -> &[Slot] {
        self.slot_of(number)
            .and_then(|s| self.entry(s))
            .map_or(NONE, |e| e.children.as_slice())
    }

    /// Every power re-delegated from one power, at any depth, parents first.
    pub(crate) fn descendants(&self, number: &PowerNumber) -> Vec<PowerNumber> {
        let mut out: Vec<Slot> = self.children(number).to_vec();
        let mut i = 0;
        while let Some(s) = out.get(i).copied() {
            if let Some(e) = self.entry(s) {
                out.extend_from_slice(&e.children);
            }
            i += 1;
        }
        out.into_iter()
            .filter_map(|s| self.at(s).map(|p| p.number))
            .collect()
    }

    /// The powers whose validity ends in `(after, until]`, earliest first.
    pub(crate) fn ending_between(
        &self,
        after: Timestamp,
        until: Timestamp,
    ) -> impl Iterator<Item = (Slot, &PowerOfAttorney)> {
        use std::ops::Bound::{Excluded, Included};
        let lo = (after, Slot(u32::MAX));
        let hi = (until, Slot(u32::MAX));
        let range = (lo < hi).then(|| self.by_end.range((Excluded(lo), Included(hi))));
        range
            .into_iter()
            .flatten()
            .filter_map(|&(_, s)| self.at(s).map(|p| (s, p)))
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}
