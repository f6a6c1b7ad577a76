//! The rights a person can exercise for an organization, with where each comes from.

use super::Basis;
use crate::directory::Directory;
use crate::employees::{MembershipStatus, Standing};
use crate::ids::{AccountId, OrgId, PowerNumber};
use crate::rights::{Right, RightSet};
use crate::roles::RoleRef;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A right held through a power of attorney, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldThroughPower {
    /// The power used (the last link of its chain).
    pub number: PowerNumber,
    /// The first instant the chain no longer gives the right.
    pub valid_until: Timestamp,
}

/// A right held, with every source that gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectiveRight {
    /// The right.
    pub right: Right,
    /// Every source giving it: headship, each role, an individual grant, a
    /// power of attorney (once, however many powers give it).
    pub sources: Vec<Basis>,
    /// The powers of attorney giving it, each with its expiry; empty when
    /// only membership gives it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub powers: Vec<HeldThroughPower>,
}

impl Directory {
    /// The rights `actor` can exercise for `org` at `at`, each with its
    /// provenance, in catalog order: through membership (when the member is
    /// active) and through every power of attorney whose chain works at `at`.
    /// Empty when the actor cannot act for the organization at all
    /// (unknown, blocked, not confirmed, organization not active);
    /// [`Directory::check`] says why.
    pub fn effective_rights(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Vec<EffectiveRight> {
        let (Some(account), Some(o)) = (self.account(actor), self.organization(org)) else {
            return Vec::new();
        };
        if !account.may_act() || !o.is_active() {
            return Vec::new();
        }
        let mut slots: Vec<Option<EffectiveRight>> = vec![None; Right::ALL.len()];
        if let Some(m) = self
            .membership(org, actor)
            .filter(|m| m.status == MembershipStatus::Active)
        {
            for right in m.rights(o).iter() {
                let Some(e) = slot(&mut slots, right) else {
                    continue;
                };
                if m.standing == Standing::Head {
                    e.sources.push(Basis::Head);
                }
                for role in m.roles.iter() {
                    let gives = match role {
                        RoleRef::BuiltIn(b) => b.rights().contains(right),
                        RoleRef::Custom(id) => {
                            o.custom_role(id).is_some_and(|r| r.rights.contains(right))
                        }
                    };
                    if gives {
                        e.sources.push(Basis::Role(role));
                    }
                }
                if m.grants.contains(right) {
                    e.sources.push(Basis::Grant);
                }
            }
        }
        for (place, power) in self.candidate_powers(account, org) {
            let Ok(basis) = self.verify_slot(place, power, None, at) else {
                continue;
            };
            let held = HeldThroughPower {
                number: basis.number,
                valid_until: basis.valid_until,
            };
            for right in basis.powers.iter() {
                let Some(e) = slot(&mut slots, right) else {
                    continue;
                };
                if !e.sources.contains(&Basis::PowerOfAttorney) {
                    e.sources.push(Basis::PowerOfAttorney);
                }
                e.powers.push(held);
            }
        }
        slots.into_iter().flatten().collect()
    }

    /// The rights `actor` holds for `org` at `at` through powers of
    /// attorney alone, as a set.
    pub fn rights_through_powers(&self, actor: AccountId, org: OrgId, at: Timestamp) -> RightSet {
        let Some(account) = self.account(actor) else {
            return RightSet::EMPTY;
        };
        self.candidate_powers(account, org)
            .filter_map(|(s, p)| self.verify_slot(s, p, None, at).ok())
            .fold(RightSet::EMPTY, |acc, b| acc.union(b.powers))
    }
}

/// The entry of a right, made on first use.
fn slot(slots: &mut [Option<EffectiveRight>], right: Right) -> Option<&mut EffectiveRight> {
    let s = slots.get_mut(right.index() as usize)?;
    Some(s.get_or_insert_with(|| EffectiveRight {
        right,
        sources: Vec::new(),
        powers: Vec::new(),
    }))
}
