//! The directory as the features' rules see it: the one authorization
//! guard, the refusals of commands only the portal or only a person gives,
//! and the accounts. Shared by every feature but accounts, whose own rules
//! read the accounts through [`crate::accounts`]' trait.

use crate::accounts::Account;
use crate::context::{Actor, Context};
use crate::ids::{AccountId, OrgId};
use crate::rights::{Right, RightSet};

/// The directory as every feature's rules see it: the one authorization
/// guard (its rules are in `directory/guard.rs`), the portal-only refusal
/// and the accounts. The directory implements it; each feature's own trait
/// (`auth::AuthWorld`, …) adds what that feature reads, so a feature's rules
/// are generic over it and name no type of the directory.
pub(crate) trait DirectoryView {
    /// The directory's error, which holds every refusal.
    type Error;

    /// The acting account, when it may exercise `right` for `org` now
    /// (every refusal in the error otherwise), with every right it holds
    /// there: a grant never exceeds them.
    fn authorize(
        &self,
        org: OrgId,
        ctx: &Context,
        right: Right,
    ) -> Result<(AccountId, RightSet), Self::Error>;

    /// The refusal of a command only the portal gives.
    fn system_only() -> Self::Error;

    /// Refuses anyone but the portal.
    fn require_system(ctx: &Context) -> Result<(), Self::Error> {
        match ctx.actor {
            Actor::System => Ok(()),
            Actor::Account(_) => Err(Self::system_only()),
        }
    }

    /// The refusal of a command only a person gives.
    fn account_only() -> Self::Error;

    /// The acting account; refuses the portal.
    fn require_person(ctx: &Context) -> Result<AccountId, Self::Error> {
        match ctx.actor {
            Actor::Account(a) => Ok(a),
            Actor::System => Err(Self::account_only()),
        }
    }

    /// An account, if it exists.
    fn account(&self, account: AccountId) -> Option<&Account>;

    /// The account, or the refusal of a command about one that does not exist.
    fn existing_account(&self, account: AccountId) -> Result<&Account, Self::Error>;
}
