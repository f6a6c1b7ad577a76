//! The checks commands share: who acts, whether they may, what they hold.

use super::{CommandError, Context, Directory};
use crate::accounts::Account;
use crate::decisions::{AccessRequest, Decision};
use crate::employees::{Membership, MembershipStatus};
use crate::ids::{AccountId, OrgId};
use crate::organizations::Organization;
use crate::rights::{Right, RightSet};
use crate::view::DirectoryView;

impl Directory {
    pub(crate) fn existing_account(&self, account: AccountId) -> Result<&Account, CommandError> {
        self.account(account)
            .ok_or(CommandError::AccountNotFound { account })
    }

    pub(crate) fn existing_org(&self, org: OrgId) -> Result<&Organization, CommandError> {
        self.organization(org)
            .ok_or(CommandError::OrganizationNotFound { org })
    }

    /// The acting person's decision for `right` at `org` under the context's
    /// signature, as a member or a representative; a refusal is
    /// [`CommandError::Denied`] with every reason.
    pub(crate) fn permitted(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, Decision), CommandError> {
        let actor = Self::require_person(ctx)?;
        let decision = self.check(&AccessRequest {
            actor,
            organization: org,
            right,
            at: ctx.at,
            signature: ctx.signature.clone(),
        });
        if !decision.allowed {
            return Err(CommandError::Denied {
                refusals: decision.refusals,
            });
        }
        Ok((actor, decision))
    }

    /// The acting person may exercise `right` for `org` under the context's
    /// signature, as a member or a representative; returns every right they
    /// hold there.
    pub(crate) fn authorize(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, RightSet), CommandError> {
        let (actor, decision) = self.permitted(org, ctx, right)?;
        Ok((actor, self.held_rights(org, actor, &decision)))
    }

    /// What `actor` holds at `org` beside an allowing `decision`: the rights
    /// of an active membership, and those of the chain of powers of
    /// attorney the decision rests on, if it does.
    pub(crate) fn held_rights(
        &self,
        org: OrgId,
        actor: AccountId,
        decision: &Decision,
    ) -> RightSet {
        let through_membership = match (self.membership(org, actor), self.organization(org)) {
            (Some(m), Some(o)) if m.status == MembershipStatus::Active => m.rights(o),
            _ => RightSet::EMPTY,
        };
        through_membership.union(
            decision
                .delegation
                .as_ref()
                .map_or(RightSet::EMPTY, |d| d.powers),
        )
    }

    /// The member an employee command acts on.
    pub(super) fn existing_member(
        &self,
        org: OrgId,
        account: AccountId,
    ) -> Result<&Membership, CommandError> {
        self.membership(org, account)
            .ok_or(CommandError::NotAMember { account })
    }
}
