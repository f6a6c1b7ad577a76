//! The chain check: a power works only if every link from it up to the first
//! power works, at the time asked about.
//!
//! The chain is walked from the power up through its parents (at most the
//! policy's depth limit plus one links), then judged from the first power
//! down; the first link that fails is named with the reason:
//!
//! 1. the principal is blocked (the powers are suspended) or liquidated (they end);
//! 2. a link was revoked, refused, or ended with the power it came from;
//! 3. a link is not yet valid (`at < valid_from`) or expired (`at >= valid_until`);
//! 4. a link does not give the right asked for;
//! 5. a link was passed on although its parent forbids it (no re-delegation,
//!    or a parent that itself came from a power re-delegable only once);
//! 6. a parent is missing, belongs to another principal, or the depth is wrong.
//!
//! What the chain gives is the intersection of its links' powers, until the
//! earliest end among them.

use super::power::{ChainLink, PowerNumber, PowerOfAttorney, PowerStatus, Redelegation};
use crate::decisions::Refusal;
use crate::directory::Directory;
use crate::organizations::OrganizationStatus;
use crate::rights::{Right, RightSet};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// What a valid chain of powers gives: the basis of a decision taken through
/// a power of attorney, and the acting context of a representative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationBasis {
    /// The power used (the last link).
    pub number: PowerNumber,
    /// The organization acted for.
    pub principal: crate::ids::OrgId,
    /// The rights the whole chain gives: the intersection of its links' powers.
    pub powers: RightSet,
    /// The first instant the chain no longer works: the earliest end of its links.
    pub valid_until: Timestamp,
    /// The links, from the first power (given by the organization) to the one used.
    pub chain: Vec<ChainLink>,
}

impl Directory {
    /// Checks the chain behind a power at `at` and, when `right` is given,
    /// that every link gives it.
    ///
    /// # Errors
    /// The [`Refusal`] naming the first link that fails and why.
    pub(crate) fn verify_chain(
        &self,
        power: &PowerOfAttorney,
        right: Option<Right>,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        let limit = usize::from(self.policy().max_redelegation_depth);
        let mut up: Vec<&PowerOfAttorney> = Vec::with_capacity(usize::from(power.depth) + 1);
        let mut link = power;
        loop {
            if up.len() > limit {
                return Err(Refusal::ChainBroken {
                    number: link.number,
                });
            }
            up.push(link);
            let Some(parent) = link.parent else { break };
            match self.powers.get(&parent) {
                Some(p) if p.principal == link.principal => link = p,
                _ => {
                    return Err(Refusal::ChainBroken {
                        number: link.number,
                    })
                }
            }
        }
        self.principal_refusal(power)?;
        let mut powers = RightSet::all();
        let mut valid_until = power.valid_until;
        let mut grandparent: Option<&PowerOfAttorney> = None;
        let mut parent: Option<&PowerOfAttorney> = None;
        for (depth, &link) in up.iter().rev().enumerate() {
            let number = link.number;
            if usize::from(link.depth) != depth {
                return Err(Refusal::ChainBroken { number });
            }
            match &link.status {
                PowerStatus::InForce => {}
                PowerStatus::Revoked { at, .. } => {
                    return Err(Refusal::PowerRevoked { number, at: *at })
                }
                PowerStatus::Refused { at } => {
                    return Err(Refusal::PowerRefused { number, at: *at })
                }
                PowerStatus::Ended { cause, .. } => {
                    return Err(Refusal::PowerEnded {
                        number,
                        cause: *cause,
                    })
                }
            }
            if at < link.valid_from {
                return Err(Refusal::PowerNotYetValid {
                    number,
                    valid_from: link.valid_from,
                });
            }
            if at >= link.valid_until {
                return Err(Refusal::PowerExpired {
                    number,
                    valid_until: link.valid_until,
                });
            }
            if let Some(right) = right {
                if !link.powers.contains(right) {
                    return Err(Refusal::BeyondPowers { number, right });
                }
            }
            if let Some(p) = parent {
                let passed_on_twice =
                    grandparent.is_some_and(|g| g.redelegation == Redelegation::Once);
                if p.redelegation == Redelegation::None || passed_on_twice {
                    return Err(Refusal::RedelegationNotAllowed { number: p.number });
                }
            }
            powers = powers.intersection(link.powers);
            valid_until = valid_until.min(link.valid_until);
            grandparent = parent;
            parent = Some(link);
        }
        Ok(DelegationBasis {
            number: power.number,
            principal: power.principal,
            powers,
            valid_until,
            chain: up.iter().rev().map(|p| ChainLink::of(p)).collect(),
        })
    }

    /// Blocking the principal suspends its powers; liquidation ends them.
    fn principal_refusal(&self, power: &PowerOfAttorney) -> Result<(), Refusal> {
        let number = power.number;
        match self.organization(power.principal).map(|o| &o.status) {
            Some(OrganizationStatus::Active) => Ok(()),
            Some(OrganizationStatus::Liquidated) | None => {
                Err(Refusal::PrincipalLiquidated { number })
            }
            Some(_) => Err(Refusal::PrincipalBlocked { number }),
        }
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
        let power = self
            .powers
            .get(&number)
            .ok_or(Refusal::PowerUnknown { number })?;
        self.verify_chain(power, None, at)
    }
}
