//! Rules of account commands (DOMAIN §2).

use super::{CommandError, ContactValue, Context, Directory, Event};
use crate::accounts::AccountEvent;
use crate::accounts::{AccountLevel, AccountStatus, BlockReason, ContactKind, PersonName};
use crate::context::DirectoryView;
use crate::identifiers::{Email, Inn, Phone, Snils};
use crate::ids::AccountId;

impl Directory {
    pub(super) fn register_account(
        &self,
        ctx: &Context,
        name: PersonName,
        snils: Option<Snils>,
        inn: Option<Inn>,
        email: Option<Email>,
        phone: Option<Phone>,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        if !name.is_well_formed() {
            return Err(CommandError::BadName);
        }
        if let Some(existing) = snils.as_ref().and_then(|s| self.by_snils.get(&s.number())) {
            return Err(CommandError::DuplicateSnils {
                existing: *existing,
            });
        }
        Ok(vec![Event::Accounts(AccountEvent::AccountRegistered {
            account: AccountId(self.next.account.max(1)),
            name,
            snils,
            inn,
            email,
            phone,
        })])
    }

    pub(super) fn raise_level(
        &self,
        ctx: &Context,
        account: AccountId,
        level: AccountLevel,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let a = self.existing_account(account)?;
        let next_step = match a.level {
            AccountLevel::Simplified => AccountLevel::Standard,
            AccountLevel::Standard | AccountLevel::Confirmed => AccountLevel::Confirmed,
        };
        if a.level == level {
            return Err(CommandError::AlreadyInStatus {
                status: level_code(level),
            });
        }
        if level != next_step || a.snils.is_none() {
            return Err(CommandError::LevelTransition);
        }
        Ok(vec![Event::Accounts(AccountEvent::AccountLevelChanged {
            account,
            level,
        })])
    }

    /// Both steps to a confirmed identity at once (simplified → standard →
    /// confirmed), or the one left: one command, so it is whole or nothing.
    pub(super) fn confirm_identity(
        &self,
        ctx: &Context,
        account: AccountId,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let a = self.existing_account(account)?;
        if a.snils.is_none() {
            return Err(CommandError::LevelTransition);
        }
        let steps: &[AccountLevel] = match a.level {
            AccountLevel::Simplified => &[AccountLevel::Standard, AccountLevel::Confirmed],
            AccountLevel::Standard => &[AccountLevel::Confirmed],
            AccountLevel::Confirmed => {
                return Err(CommandError::AlreadyInStatus {
                    status: level_code(AccountLevel::Confirmed),
                })
            }
        };
        Ok(steps
            .iter()
            .map(|&level| Event::Accounts(AccountEvent::AccountLevelChanged { account, level }))
            .collect())
    }

    pub(super) fn change_contact(
        &self,
        ctx: &Context,
        account: AccountId,
        contact: ContactValue,
    ) -> Result<Vec<Event>, CommandError> {
        if let Ok(actor) = Self::require_person(ctx) {
            if actor != account {
                return Err(CommandError::NotYourAccount);
            }
        }
        self.existing_account(account)?;
        Ok(vec![Event::Accounts(AccountEvent::ContactChanged {
            account,
            contact,
        })])
    }

    pub(super) fn confirm_contact(
        &self,
        ctx: &Context,
        account: AccountId,
        kind: ContactKind,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let a = self.existing_account(account)?;
        let confirmed = match kind {
            ContactKind::Email => a.email.as_ref().map(|c| c.confirmed),
            ContactKind::Phone => a.phone.as_ref().map(|c| c.confirmed),
        };
        match confirmed {
            None => Err(CommandError::ContactMissing),
            Some(true) => Err(CommandError::AlreadyInStatus {
                status: "confirmed",
            }),
            Some(false) => Ok(vec![Event::Accounts(AccountEvent::ContactConfirmed {
                account,
                kind,
            })]),
        }
    }

    pub(super) fn set_account_status(
        &self,
        ctx: &Context,
        account: AccountId,
        status: AccountStatus,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let a = self.existing_account(account)?;
        if a.status == status {
            return Err(CommandError::AlreadyInStatus {
                status: status.code(),
            });
        }
        Ok(vec![Event::Accounts(AccountEvent::AccountStatusChanged {
            account,
            status,
        })])
    }
}

/// The status an account block sets.
pub(super) fn blocked(reason: BlockReason) -> AccountStatus {
    AccountStatus::Blocked(reason)
}

fn level_code(level: AccountLevel) -> &'static str {
    match level {
        AccountLevel::Simplified => "simplified",
        AccountLevel::Standard => "standard",
        AccountLevel::Confirmed => "confirmed",
    }
}
