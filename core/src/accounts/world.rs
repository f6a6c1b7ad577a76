//! What the rules of accounts read of the directory and change in it, and
//! how they refuse. The directory implements [`AccountWorld`] and
//! [`AccountState`]; the rules and the fold in `rules.rs` are generic over
//! them, so this feature names no type of the directory.

use super::{Account, AccountEvent};
use crate::identifiers::Snils;
use crate::ids::AccountId;

/// A refusal of the rules of accounts; each becomes the directory's
/// [`crate::CommandError`] of the same name, with its stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AccountError {
    /// The name is not a well-formed ФИО.
    BadName,
    /// One СНИЛС, one account.
    DuplicateSnils { existing: AccountId },
    /// The change is already the state.
    AlreadyInStatus { status: &'static str },
    /// Not the next level, or no СНИЛС for it.
    LevelTransition,
    /// A person changes only their own contacts.
    NotYourAccount,
    /// The contact to confirm was never set.
    ContactMissing,
    /// Only the portal gives this command.
    SystemOnly,
    /// No such account.
    NotFound { account: AccountId },
}

/// The directory as the rules of accounts read it. (Not over
/// [`crate::view::DirectoryView`], which names accounts: this feature lies
/// below it.)
pub(crate) trait AccountWorld {
    /// The directory's error, which holds this feature's.
    type Error: From<AccountError>;
    /// The directory's event, which holds this feature's.
    type Event: From<AccountEvent>;

    /// An account, if it exists.
    fn account(&self, account: AccountId) -> Option<&Account>;
    /// The account holding a СНИЛС.
    fn account_with_snils(&self, snils: &Snils) -> Option<AccountId>;
    /// The number the next account gets.
    fn next_account(&self) -> AccountId;
}

/// The directory as the fold of this feature's events changes it.
pub(crate) trait AccountState {
    /// Adds a new account (indexed by its СНИЛС, numbered after it).
    fn insert_account(&mut self, account: Account);
    /// An account to change, if it exists.
    fn account_mut(&mut self, account: AccountId) -> Option<&mut Account>;
    /// Forgets the failed logins of an account made active again.
    fn forget_failures(&mut self, account: AccountId);
}
