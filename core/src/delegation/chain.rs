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

use super::power::{PowerNumber, PowerOfAttorney, PowerStatus, Redelegation, TermPosition};
use super::registry::Slot;
use super::world::DelegationWorld;
use crate::organizations::OrganizationStatus;
use crate::reasons::{ChainLink, DelegationBasis, Refusal};
use crate::rights::{Right, RightSet};
use crate::Timestamp;

/// The chain check over the directory's powers of attorney.
pub(crate) trait ChainCheck: DelegationWorld {
    /// Checks the chain behind a power at `at` and, when `right` is given,
    /// that every link gives it.
    ///
    /// # Errors
    /// The [`Refusal`] naming the first link that fails and why.
    fn verify_chain(
        &self,
        power: &PowerOfAttorney,
        right: Option<Right>,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        let slot = self
            .power_registry()
            .slot_of(&power.number)
            .ok_or(Refusal::PowerUnknown {
                number: power.number,
            })?;
        self.verify_slot(slot, power, right, at)
    }

    /// [`ChainCheck::verify_chain`] for a power whose place is known.
    fn verify_slot(
        &self,
        slot: Slot,
        power: &PowerOfAttorney,
        right: Option<Right>,
        at: Timestamp,
    ) -> Result<DelegationBasis, Refusal> {
        let limit = usize::from(self.max_redelegation_depth());
        if power.depth > self.max_redelegation_depth() {
            return Err(Refusal::ChainBroken {
                number: power.number,
            });
        }
        // Walk up from the power to its first power. Each link is judged as
        // it is met; the failure kept is the one nearest the first power, so
        // that the link named is the first that fails from the top down.
        let mut chain: Vec<ChainLink> = Vec::with_capacity(usize::from(power.depth) + 1);
        let mut failure: Option<Refusal> = None;
        let mut powers = RightSet::all();
        let mut valid_until = power.valid_until;
        let mut child: Option<&PowerOfAttorney> = None;
        let mut link = power;
        let mut here = slot;
        loop {
            if chain.len() > limit
                || usize::from(link.depth) + chain.len() != usize::from(power.depth)
            {
                return Err(Refusal::ChainBroken {
                    number: link.number,
                });
            }
            let up = self.power_registry().parent_of(here);
            let parent = match (link.parent, up.and_then(|s| self.power_registry().at(s))) {
                (None, _) => None,
                (Some(n), Some(p)) if p.number == n && p.principal == link.principal => Some(p),
                (Some(_), _) => {
                    return Err(Refusal::ChainBroken {
                        number: link.number,
                    })
                }
            };
            if let Some(f) = link_refusal(link, child, parent, right, at) {
                failure = Some(f);
            }
            powers = powers.intersection(link.powers);
            valid_until = valid_until.min(link.valid_until);
            chain.push(ChainLink::of(link));
            match (parent, up) {
                (Some(p), Some(s)) => {
                    child = Some(link);
                    link = p;
                    here = s;
                }
                _ => break,
            }
        }
        if link.depth != 0 {
            return Err(Refusal::ChainBroken {
                number: link.number,
            });
        }
        self.principal_refusal(power)?;
        if let Some(f) = failure {
            return Err(f);
        }
        chain.reverse();
        Ok(DelegationBasis {
            number: power.number,
            principal: power.principal,
            powers,
            valid_until,
            chain,
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
    fn verify_power(&self, number: PowerNumber, at: Timestamp) -> Result<DelegationBasis, Refusal> {
        let power = self
            .power_registry()
            .get(&number)
            .ok_or(Refusal::PowerUnknown { number })?;
        self.verify_chain(power, None, at)
    }
}

impl<W: DelegationWorld + ?Sized> ChainCheck for W {}

/// Why one link fails at `at`, if it does: its status, its term, the right,
/// then whether it may have been passed on (its `child` came from it, and it
/// came from `parent`).
fn link_refusal(
    link: &PowerOfAttorney,
    child: Option<&PowerOfAttorney>,
    parent: Option<&PowerOfAttorney>,
    right: Option<Right>,
    at: Timestamp,
) -> Option<Refusal> {
    let number = link.number;
    match &link.status {
        PowerStatus::InForce => {}
        PowerStatus::Revoked { at, .. } => return Some(Refusal::PowerRevoked { number, at: *at }),
        PowerStatus::Refused { at } => return Some(Refusal::PowerRefused { number, at: *at }),
        PowerStatus::Ended { cause, .. } => {
            return Some(Refusal::PowerEnded {
                number,
                cause: *cause,
            })
        }
    }
    match link.term_position(at) {
        TermPosition::Within => {}
        TermPosition::NotYetValid => {
            return Some(Refusal::PowerNotYetValid {
                number,
                valid_from: link.valid_from,
            })
        }
        TermPosition::Expired => {
            return Some(Refusal::PowerExpired {
                number,
                valid_until: link.valid_until,
            })
        }
    }
    if let Some(right) = right {
        if !link.powers.contains(right) {
            return Some(Refusal::BeyondPowers { number, right });
        }
    }
    // Passed on although it may not be: it forbids re-delegation, or it came
    // from a power re-delegable only once.
    let from_once = parent.is_some_and(|p| p.redelegation == Redelegation::Once);
    if child.is_some() && (link.redelegation == Redelegation::None || from_once) {
        return Some(Refusal::RedelegationNotAllowed { number });
    }
    None
}
