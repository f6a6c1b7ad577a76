//! The decision value and the basis it rests on.

use super::{Basis, Refusal};
use crate::rights::Right;
use crate::roles::RoleRef;
use crate::SignatureLevel;
use serde::{Deserialize, Serialize};

/// The answer to an access request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
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
    /// The chain of powers of attorney the permission rests on, when the
    /// basis is [`Basis::PowerOfAttorney`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<crate::reasons::DelegationBasis>,
}

impl Decision {
    /// The stable codes of the refusals, in order.
    pub fn refusal_codes(&self) -> Vec<&'static str> {
        use crate::Coded;
        self.refusals.iter().map(|r| r.code()).collect()
    }

    /// A one-line explanation in English.
    pub fn explain_en(&self) -> String {
        let basis = |b: &Basis| match b {
            Basis::Head => "as the head".to_owned(),
            Basis::Role(RoleRef::BuiltIn(r)) => format!("role {}", r.code()),
            Basis::Role(RoleRef::Custom(id)) => format!("custom role {id}"),
            Basis::Grant => "individual grant".to_owned(),
            Basis::PowerOfAttorney => "power of attorney".to_owned(),
        };
        self.explain(crate::Coded::message_en, basis, "allowed", "refused")
    }

    /// A one-line explanation in Russian.
    pub fn explain_ru(&self) -> String {
        let basis = |b: &Basis| match b {
            Basis::Head => "как руководитель".to_owned(),
            Basis::Role(RoleRef::BuiltIn(r)) => format!("роль «{}»", r.title_ru()),
            Basis::Role(RoleRef::Custom(id)) => format!("роль организации {id}"),
            Basis::Grant => "индивидуально выданное право".to_owned(),
            Basis::PowerOfAttorney => "доверенность".to_owned(),
        };
        self.explain(crate::Coded::message_ru, basis, "разрешено", "отказано")
    }

    fn explain(
        &self,
        msg: impl Fn(&Refusal) -> String,
        basis: impl Fn(&Basis) -> String,
        yes: &str,
        no: &str,
    ) -> String {
        if self.allowed {
            let mut on = self.basis.as_ref().map(&basis).unwrap_or_default();
            if let (Some(Basis::PowerOfAttorney), Some(d)) = (self.basis, &self.delegation) {
                let chain: Vec<String> = d.chain.iter().map(|l| l.number.to_string()).collect();
                on = format!("{on} {}", chain.join(" → "));
            }
            format!("{yes}: {} ({on})", self.right)
        } else {
            let reasons: Vec<String> = self.refusals.iter().map(msg).collect();
            format!("{no}: {} — {}", self.right, reasons.join("; "))
        }
    }
}
