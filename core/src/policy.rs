//! Policy values a host can change: the signature level each right requires,
//! how long invitations live, limits on what one organization may hold.
//!
//! The defaults are the numbers of DOMAIN.md. A directory is built with a
//! policy and replays its journal under the same policy.

use crate::rights::{Area, Level, Right};
use crate::SignatureLevel;
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

/// The signature level required to exercise each right.
///
/// Default (DOMAIN §7): changing requisites or settings needs an enhanced
/// signature (УНЭП); signing and sending official documents, applications,
/// reports, declarations, payments and issuing or revoking powers of attorney
/// needs a qualified one (КЭП); everything else a simple one (ПЭП).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureRequirements {
    by_right: Vec<SignatureLevel>,
}

impl Default for SignatureRequirements {
    fn default() -> Self {
        let by_right = Right::ALL
            .iter()
            .map(|&r| match (r.area(), r.level()) {
                (Area::Organization | Area::Settings, Level::Edit) => SignatureLevel::Enhanced,
                (
                    Area::Applications
                    | Area::Documents
                    | Area::Payments
                    | Area::Accounting
                    | Area::Personnel
                    | Area::Reports,
                    Level::Approve,
                ) => SignatureLevel::Qualified,
                (Area::PowersOfAttorney, Level::Edit | Level::Delete) => SignatureLevel::Qualified,
                _ => SignatureLevel::Simple,
            })
            .collect();
        Self { by_right }
    }
}

impl SignatureRequirements {
    /// The level required for a right.
    #[inline]
    pub fn required(&self, right: Right) -> SignatureLevel {
        self.by_right
            .get(right.index() as usize)
            .copied()
            .unwrap_or(SignatureLevel::Qualified)
    }

    /// Changes the level required for a right.
    pub fn set(&mut self, right: Right, level: SignatureLevel) {
        if let Some(slot) = self.by_right.get_mut(right.index() as usize) {
            *slot = level;
        }
    }
}

/// Every policy value of a directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The signature level each right requires.
    pub signatures: SignatureRequirements,
    /// How long an invitation stays valid. Default 7 days.
    pub invitation_ttl: SignedDuration,
    /// Most custom roles one organization may define. Default 256: far above
    /// real use, low enough that a role list stays cheap to scan.
    pub max_custom_roles: usize,
    /// Most access groups one organization may keep. Default 1,024.
    pub max_access_groups: usize,
    /// Most roles one member may hold at once. Default 16.
    pub max_roles_per_member: usize,
    /// Authentication: lockout, recovery, codes, PINs, sessions, passwords.
    #[serde(default)]
    pub auth: crate::auth::AuthPolicy,
    /// Applications: kinds with their documents, numbering, sizes.
    #[serde(default)]
    pub applications: crate::applications::ApplicationPolicy,
    /// Most re-delegations behind one power of attorney (its depth; a first
    /// power has depth 0). Default 4: the law sets no limit (Civil Code
    /// art. 187 only requires each link to allow it); the bound keeps every
    /// chain check to at most five lookups.
    #[serde(default = "default_redelegation_depth")]
    pub max_redelegation_depth: u8,
    /// Whether dismissing an employee also revokes, in the same command, the
    /// revocable powers of attorney they hold from the organization. Default
    /// off: dismissal does not end a power (Civil Code art. 188 does not list
    /// it); the head and administrators are told which powers remain.
    #[serde(default)]
    pub revoke_powers_on_dismissal: bool,
}

fn default_redelegation_depth() -> u8 {
    4
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            signatures: SignatureRequirements::default(),
            invitation_ttl: SignedDuration::from_hours(7 * 24),
            max_custom_roles: 256,
            max_access_groups: 1024,
            max_roles_per_member: 16,
            max_redelegation_depth: default_redelegation_depth(),
            revoke_powers_on_dismissal: false,
            auth: crate::auth::AuthPolicy::default(),
            applications: crate::applications::ApplicationPolicy::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_follows_the_domain() {
        let s = SignatureRequirements::default();
        assert_eq!(
            s.required(Right::OrganizationEdit),
            SignatureLevel::Enhanced
        );
        assert_eq!(s.required(Right::SettingsEdit), SignatureLevel::Enhanced);
        assert_eq!(s.required(Right::ReportsApprove), SignatureLevel::Qualified);
        assert_eq!(
            s.required(Right::DocumentsApprove),
            SignatureLevel::Qualified
        );
        assert_eq!(s.required(Right::ApplicationsView), SignatureLevel::Simple);
        assert_eq!(s.required(Right::UsersManage), SignatureLevel::Simple);
        let mut t = s.clone();
        t.set(Right::UsersManage, SignatureLevel::Enhanced);
        assert_eq!(t.required(Right::UsersManage), SignatureLevel::Enhanced);
    }
}
