//! What the rules of employees read of the directory and change in it, and
//! how they refuse. The directory implements [`EmployeeWorld`] and
//! [`EmployeeState`]; the rules and the fold in `rules.rs` are generic over
//! them, so this feature names no type of the directory.

use super::{EmployeeEvent, Invitation, Membership, Standing};
use crate::accounts::Account;
use crate::identifiers::Snils;
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::organizations::OrganizationView;
use crate::policy::Policy;
use crate::roles::{RoleError, RoleRef};
use crate::Timestamp;

/// A refusal of the rules of employees; each becomes the directory's
/// [`crate::CommandError`] of the same name, with its stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EmployeeError {
    /// The name is not a well-formed ФИО.
    BadName,
    /// The person is already a member.
    AlreadyMember { account: AccountId },
    /// The account is not a member.
    NotAMember { account: AccountId },
    /// No such pending invitation.
    InvitationNotFound { invitation: InvitationId },
    /// The invitation is addressed to someone else.
    InvitationNotForYou,
    /// The invitation expired.
    InvitationExpired { expires_at: Timestamp },
    /// The organization's status forbids it.
    OrganizationStatus { status: &'static str },
    /// The change is already the state.
    AlreadyInStatus { status: &'static str },
    /// A refusal of the rules of roles (least privilege, names, roles).
    Role(RoleError),
}

impl From<RoleError> for EmployeeError {
    fn from(e: RoleError) -> Self {
        Self::Role(e)
    }
}

/// The directory as the rules of employees read it.
pub(crate) trait EmployeeWorld: OrganizationView<Error: From<EmployeeError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<EmployeeEvent>;

    /// Time to live of invitations, limits of roles, what dismissal does.
    fn policy(&self) -> &Policy;
    /// A membership, if there is one (of any status).
    fn membership(&self, org: OrgId, account: AccountId) -> Option<&Membership>;
    /// The account carrying a СНИЛС.
    fn account_by_snils(&self, snils: &Snils) -> Option<&Account>;
    /// A pending invitation.
    fn invitation(&self, invitation: InvitationId) -> Option<&Invitation>;
    /// The number the next invitation gets.
    fn next_invitation(&self) -> InvitationId;
    /// Refuses, with every reason, an account that cannot act (blocked,
    /// disabled, not confirmed): the check's own reasons.
    fn able_to_act(&self, account: &Account) -> Result<(), Self::Error>;
    /// The revocations a dismissal brings when the policy asks for them:
    /// the rule of delegation, asked through the directory.
    fn revocations_on_dismissal(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Vec<Self::Event>;
}

/// The directory as the fold of this feature's events changes it.
pub(crate) trait EmployeeState {
    /// Keeps a pending invitation (numbered after it).
    fn insert_invitation(&mut self, invitation: Invitation);
    /// Forgets an answered or withdrawn invitation.
    fn remove_invitation(&mut self, invitation: InvitationId);
    /// Makes an account a member.
    fn join(
        &mut self,
        org: OrgId,
        account: AccountId,
        standing: Standing,
        roles: &[RoleRef],
        position: Option<Box<str>>,
        at: Timestamp,
    );
    /// Changes a membership, if it exists.
    fn change_membership(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut Membership),
    );
}
