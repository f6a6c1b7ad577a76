//! Rules of account commands (DOMAIN §2), and the fold of their events.

use super::world::{AccountError, AccountState, AccountWorld};
use super::{
    Account, AccountCommand, AccountEvent, AccountLevel, AccountStatus, Contact, ContactKind,
    ContactValue,
};
use crate::context::{Actor, Context};
use crate::ids::AccountId;

/// Executes a command about accounts.
pub(crate) fn execute<W: AccountWorld>(
    w: &W,
    command: AccountCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    use AccountCommand as C;
    let events = match command {
        C::RegisterAccount {
            name,
            snils,
            inn,
            email,
            phone,
        } => {
            require_system(ctx)?;
            if !name.is_well_formed() {
                return Err(AccountError::BadName.into());
            }
            if let Some(existing) = snils.as_ref().and_then(|s| w.account_with_snils(s)) {
                return Err(AccountError::DuplicateSnils { existing }.into());
            }
            vec![AccountEvent::AccountRegistered {
                account: w.next_account(),
                name,
                snils,
                inn,
                email,
                phone,
            }]
        }
        C::RaiseAccountLevel { account, level } => {
            require_system(ctx)?;
            let a = existing(w, account)?;
            let next_step = match a.level {
                AccountLevel::Simplified => AccountLevel::Standard,
                AccountLevel::Standard | AccountLevel::Confirmed => AccountLevel::Confirmed,
            };
            if a.level == level {
                return Err(AccountError::AlreadyInStatus {
                    status: level_code(level),
                }
                .into());
            }
            if level != next_step || a.snils.is_none() {
                return Err(AccountError::LevelTransition.into());
            }
            vec![AccountEvent::AccountLevelChanged { account, level }]
        }
        // Both steps to a confirmed identity at once (simplified → standard →
        // confirmed), or the one left: one command, so it is whole or nothing.
        C::ConfirmIdentity { account } => {
            require_system(ctx)?;
            let a = existing(w, account)?;
            if a.snils.is_none() {
                return Err(AccountError::LevelTransition.into());
            }
            let steps: &[AccountLevel] = match a.level {
                AccountLevel::Simplified => &[AccountLevel::Standard, AccountLevel::Confirmed],
                AccountLevel::Standard => &[AccountLevel::Confirmed],
                AccountLevel::Confirmed => {
                    return Err(AccountError::AlreadyInStatus {
                        status: level_code(AccountLevel::Confirmed),
                    }
                    .into())
                }
            };
            steps
                .iter()
                .map(|&level| AccountEvent::AccountLevelChanged { account, level })
                .collect()
        }
        C::ChangeContact { account, contact } => {
            if let Actor::Account(actor) = ctx.actor {
                if actor != account {
                    return Err(AccountError::NotYourAccount.into());
                }
            }
            existing(w, account)?;
            vec![AccountEvent::ContactChanged { account, contact }]
        }
        C::ConfirmContact { account, kind } => {
            require_system(ctx)?;
            let a = existing(w, account)?;
            let confirmed = match kind {
                ContactKind::Email => a.email.as_ref().map(|c| c.confirmed),
                ContactKind::Phone => a.phone.as_ref().map(|c| c.confirmed),
            };
            match confirmed {
                None => return Err(AccountError::ContactMissing.into()),
                Some(true) => {
                    return Err(AccountError::AlreadyInStatus {
                        status: "confirmed",
                    }
                    .into())
                }
                Some(false) => vec![AccountEvent::ContactConfirmed { account, kind }],
            }
        }
        C::BlockAccount { account, reason } => {
            status_change(w, ctx, account, AccountStatus::Blocked(reason))?
        }
        C::DisableAccount { account } => status_change(w, ctx, account, AccountStatus::Disabled)?,
        C::RestoreAccount { account } => status_change(w, ctx, account, AccountStatus::Active)?,
    };
    Ok(events.into_iter().map(Into::into).collect())
}

fn status_change<W: AccountWorld>(
    w: &W,
    ctx: &Context,
    account: AccountId,
    status: AccountStatus,
) -> Result<Vec<AccountEvent>, W::Error> {
    require_system(ctx)?;
    if existing(w, account)?.status == status {
        return Err(AccountError::AlreadyInStatus {
            status: status.code(),
        }
        .into());
    }
    Ok(vec![AccountEvent::AccountStatusChanged { account, status }])
}

fn require_system(ctx: &Context) -> Result<(), AccountError> {
    match ctx.actor {
        Actor::System => Ok(()),
        Actor::Account(_) => Err(AccountError::SystemOnly),
    }
}

fn existing<W: AccountWorld>(w: &W, account: AccountId) -> Result<&Account, AccountError> {
    w.account(account).ok_or(AccountError::NotFound { account })
}

fn level_code(level: AccountLevel) -> &'static str {
    match level {
        AccountLevel::Simplified => "simplified",
        AccountLevel::Standard => "standard",
        AccountLevel::Confirmed => "confirmed",
    }
}

/// Folds an event about accounts into the state.
pub(crate) fn apply<S: AccountState>(s: &mut S, event: &AccountEvent) {
    match event {
        AccountEvent::AccountRegistered {
            account,
            name,
            snils,
            inn,
            email,
            phone,
        } => s.insert_account(Account {
            id: *account,
            name: name.clone(),
            level: AccountLevel::Simplified,
            status: AccountStatus::Active,
            snils: snils.clone(),
            inn: inn.clone(),
            email: email.clone().map(unconfirmed),
            phone: phone.clone().map(unconfirmed),
        }),
        AccountEvent::AccountLevelChanged { account, level } => {
            if let Some(a) = s.account_mut(*account) {
                a.level = *level;
            }
        }
        AccountEvent::ContactChanged { account, contact } => {
            if let Some(a) = s.account_mut(*account) {
                match contact {
                    ContactValue::Email(e) => a.email = Some(unconfirmed(e.clone())),
                    ContactValue::Phone(p) => a.phone = Some(unconfirmed(p.clone())),
                }
            }
        }
        AccountEvent::ContactConfirmed { account, kind } => {
            if let Some(a) = s.account_mut(*account) {
                match kind {
                    ContactKind::Email => a.email.iter_mut().for_each(|c| c.confirmed = true),
                    ContactKind::Phone => a.phone.iter_mut().for_each(|c| c.confirmed = true),
                }
            }
        }
        AccountEvent::AccountStatusChanged { account, status } => {
            if let Some(a) = s.account_mut(*account) {
                a.status = *status;
            }
            if *status == AccountStatus::Active {
                s.forget_failures(*account);
            }
        }
    }
}

fn unconfirmed<T>(value: T) -> Box<Contact<T>> {
    Box::new(Contact {
        value,
        confirmed: false,
    })
}
