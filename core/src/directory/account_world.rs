//! Accounts as the directory holds them: the implementations of
//! [`AccountWorld`] (what their rules read) and [`AccountState`] (what their
//! fold changes: the account entries, the СНИЛС index, the numbering), and
//! their refusals as the directory's errors.

use super::{AccountEntry, CommandError, Directory, Event};
use crate::accounts::{Account, AccountError, AccountEvent, AccountState, AccountWorld};
use crate::identifiers::Snils;
use crate::ids::AccountId;

impl From<AccountError> for CommandError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::BadName => Self::BadName,
            AccountError::DuplicateSnils { existing } => Self::DuplicateSnils { existing },
            AccountError::AlreadyInStatus { status } => Self::AlreadyInStatus { status },
            AccountError::LevelTransition => Self::LevelTransition,
            AccountError::NotYourAccount => Self::NotYourAccount,
            AccountError::ContactMissing => Self::ContactMissing,
            AccountError::SystemOnly => Self::SystemOnly,
            AccountError::NotFound { account } => Self::AccountNotFound { account },
        }
    }
}

impl From<AccountEvent> for Event {
    fn from(e: AccountEvent) -> Self {
        Event::Accounts(e)
    }
}

impl AccountWorld for Directory {
    type Error = CommandError;
    type Event = Event;

    fn account(&self, account: AccountId) -> Option<&Account> {
        Directory::account(self, account)
    }

    fn account_with_snils(&self, snils: &Snils) -> Option<AccountId> {
        self.by_snils.get(&snils.number()).copied()
    }

    fn next_account(&self) -> AccountId {
        AccountId(self.next.account.max(1))
    }
}

impl AccountState for Directory {
    fn insert_account(&mut self, account: Account) {
        let id = account.id;
        if let Some(s) = &account.snils {
            self.by_snils.insert(s.number(), id);
        }
        self.accounts.insert(
            id,
            AccountEntry {
                account,
                memberships: Default::default(),
            },
        );
        self.next.account = self.next.account.max(id.0 + 1);
    }

    fn account_mut(&mut self, account: AccountId) -> Option<&mut Account> {
        Directory::account_mut(self, account)
    }

    fn forget_failures(&mut self, account: AccountId) {
        self.auth.forget_failures(account);
    }
}
