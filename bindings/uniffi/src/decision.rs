//! Decisions as records: [`Decision`], its [`Refusal`]s and [`Basis`], and
//! the [`EffectiveRight`]s with their provenance.

use crate::context::SignatureLevel;
use crate::delegation::{Delegation, HeldThroughPower};
use kabinet::ffi::Refusal;

pub use kabinet::Basis;

/// The answer to an access request: a value, not an error.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Decision {
    /// Whether the request is allowed.
    pub allowed: bool,
    /// The right asked for (its code).
    pub right: String,
    /// The signature level the right requires.
    pub required_signature: SignatureLevel,
    /// What the permission rests on, when the actor holds the right.
    pub basis: Option<Basis>,
    /// Every reason the request is refused; empty when allowed.
    pub refusals: Vec<Refusal>,
    /// A one-line explanation in Russian.
    pub explanation_ru: String,
    /// A one-line explanation in English.
    pub explanation_en: String,
    /// The chain of powers, when a power of attorney gives the right.
    pub delegation: Option<Delegation>,
}

impl From<kabinet::Decision> for Decision {
    fn from(d: kabinet::Decision) -> Self {
        Self {
            allowed: d.allowed,
            right: d.right.code().into(),
            required_signature: d.required_signature,
            basis: d.basis,
            refusals: d.refusals.iter().map(Refusal::from).collect(),
            explanation_ru: d.explain_ru(),
            explanation_en: d.explain_en(),
            delegation: d.delegation.as_ref().map(Delegation::from),
        }
    }
}

/// A right held, with every source that gives it.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EffectiveRight {
    /// The right's code.
    pub right: String,
    /// Headship, each role, an individual grant.
    pub sources: Vec<Basis>,
    /// The powers of attorney giving it, each with its expiry.
    pub powers: Vec<HeldThroughPower>,
}

impl From<kabinet::EffectiveRight> for EffectiveRight {
    fn from(e: kabinet::EffectiveRight) -> Self {
        Self {
            right: e.right.code().into(),
            powers: e.powers.iter().map(HeldThroughPower::from).collect(),
            sources: e.sources,
        }
    }
}
