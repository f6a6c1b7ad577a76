//! The foreign form of access decisions and the catalog they speak of: a
//! decision with its refusals as codes and both messages and its
//! explanation in both languages already written, a decision with the
//! journal position it was taken at, and the rights and built-in roles.

use super::Refusal;
use crate::policy::Policy;
use crate::reasons::DelegationBasis;
use crate::rights::{Right, RightSet};
use crate::roles::BuiltInRole;
use crate::signatures::SignatureLevel;
use crate::{Basis, Decision};

/// The answer to an access request: a value, not an error.
#[derive(Debug, Clone, uniffi::Record)]
#[uniffi(name = "Decision")]
pub struct DecisionRecord {
    /// Whether the request is allowed.
    pub allowed: bool,
    /// The right asked for.
    pub right: Right,
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
    pub delegation: Option<DelegationBasis>,
}

impl From<Decision> for DecisionRecord {
    fn from(d: Decision) -> Self {
        Self {
            allowed: d.allowed,
            right: d.right,
            required_signature: d.required_signature,
            refusals: d.refusals.iter().map(Refusal::from).collect(),
            explanation_ru: d.explain_ru(),
            explanation_en: d.explain_en(),
            basis: d.basis,
            delegation: d.delegation,
        }
    }
}

/// A decision with the journal position it was taken at.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PositionedDecision {
    /// The decision.
    pub decision: DecisionRecord,
    /// The last journal entry reflected in it.
    pub seq: u64,
}

/// A right of the catalog.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RightInfo {
    /// The stable code, `area.level`.
    pub code: String,
    /// What it allows, in Russian.
    pub title_ru: String,
    /// What it allows, in English.
    pub title_en: String,
    /// The signature level `policy` requires.
    pub required_signature: SignatureLevel,
}

impl RightInfo {
    /// The right `r` with the signature level `policy` requires for it.
    pub fn of(r: Right, policy: &Policy) -> Self {
        Self {
            code: r.code().into(),
            title_ru: r.title_ru().into(),
            title_en: r.title_en().into(),
            required_signature: policy.signatures.required(r),
        }
    }
}

/// A built-in role.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RoleInfo {
    /// The stable code (`administrator`).
    pub code: String,
    /// The name the portal shows.
    pub title_ru: String,
    /// The rights it gives.
    pub rights: RightSet,
    /// Whether a command may give it (the head's may not).
    pub assignable: bool,
}

impl From<BuiltInRole> for RoleInfo {
    fn from(b: BuiltInRole) -> Self {
        Self {
            code: b.code().into(),
            title_ru: b.title_ru().into(),
            rights: b.rights(),
            assignable: b.is_assignable(),
        }
    }
}
