//! Decisions as records: [`Decision`], its [`Refusal`]s and [`Basis`], and
//! the [`EffectiveRight`]s with their provenance.

use crate::context::SignatureLevel;
use kabinet::ffi::Refusal;

pub use kabinet::{Basis, EffectiveRight};

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
    pub delegation: Option<kabinet::DelegationBasis>,
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
            delegation: d.delegation,
        }
    }
}
