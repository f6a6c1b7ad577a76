//! The rights a person can exercise for an organization, with where each comes from.

use super::Basis;
use crate::ids::PowerNumber;
use crate::rights::Right;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A right held through a power of attorney, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HeldThroughPower {
    /// The power used (the last link of its chain).
    pub number: PowerNumber,
    /// The first instant the chain no longer gives the right.
    pub valid_until: Timestamp,
}

/// A right held, with every source that gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// The entry of a right, made on first use.
pub(crate) fn slot(
    slots: &mut [Option<EffectiveRight>],
    right: Right,
) -> Option<&mut EffectiveRight> {
    let s = slots.get_mut(right.index() as usize)?;
    Some(s.get_or_insert_with(|| EffectiveRight {
        right,
        sources: Vec::new(),
        powers: Vec::new(),
    }))
}
