//! The rights a person can exercise for an organization, with where each comes from.

use super::Basis;
use crate::directory::Directory;
use crate::employees::{MembershipStatus, Standing};
use crate::ids::{AccountId, OrgId};
use crate::rights::Right;
use crate::roles::RoleRef;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A right held, with every source that gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffectiveRight {
    /// The right.
    pub right: Right,
    /// Every source giving it: headship, each role, an individual grant.
    pub sources: Vec<Basis>,
}

impl Directory {
    /// The rights `actor` can exercise for `org` at `at`, each with its
    /// provenance, in catalog order. Empty when the actor cannot act for the
    /// organization at all (unknown, blocked, not confirmed, not an active
    /// member, organization not active); [`Directory::check`] says why.
    pub fn effective_rights(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Vec<EffectiveRight> {
        let _ = at; // memberships carry no term; powers of attorney will
        let (Some(account), Some(o), Some(m)) = (
            self.account(actor),
            self.organization(org),
            self.membership(org, actor),
        ) else {
            return Vec::new();
        };
        if !account.may_act() || !o.is_active() || m.status != MembershipStatus::Active {
            return Vec::new();
        }
        m.rights(o)
            .iter()
            .map(|right| {
                let mut sources = Vec::new();
                if m.standing == Standing::Head {
                    sources.push(Basis::Head);
                }
                for role in m.roles.iter() {
                    let gives = match role {
                        RoleRef::BuiltIn(b) => b.rights().contains(right),
                        RoleRef::Custom(id) => {
                            o.custom_role(id).is_some_and(|r| r.rights.contains(right))
                        }
                    };
                    if gives {
                        sources.push(Basis::Role(role));
                    }
                }
                if m.grants.contains(right) {
                    sources.push(Basis::Grant);
                }
                EffectiveRight { right, sources }
            })
            .collect()
    }
}
