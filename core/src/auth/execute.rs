//! The rules of authentication and session commands.

use super::codes::CodePurpose;
use super::session::{usable, SessionCommand, SessionEnd, SessionEvent, SessionId};
use super::world::AuthWorld;
use super::{AuthCommand, AuthError, AuthEvent};
use crate::accounts::{AccountStatus, BlockReason, ContactKind};
use crate::context::{Actor, Context};
use jiff::SignedDuration;

/// Executes an authentication command.
pub(crate) fn execute<W: AuthWorld>(
    dir: &W,
    command: AuthCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    W::require_system(ctx)?;
    let policy = dir.auth_policy();
    let at = ctx.at;
    let state = dir.auth_state();
    match command {
        AuthCommand::RecordLogin {
            account,
            method,
            succeeded,
        } => {
            let a = dir.existing_account(account)?;
            if a.status != AccountStatus::Active {
                return Err(W::Error::from(AuthError::AccountLocked {
                    status: a.status.code(),
                }));
            }
            let mem = state.account(account);
            if succeeded {
                let session = SessionId(state.next_session.max(1));
                let mut out = vec![W::Event::from(AuthEvent::LoginSucceeded {
                    account,
                    method,
                    session,
                    ip: ctx.ip,
                    at,
                    keep_ips: u32::try_from(policy.known_ips_per_account).unwrap_or(u32::MAX),
                })];
                if let Some(ip) = ctx.ip {
                    if !mem.is_some_and(|m| m.known_ips.contains(&ip)) {
                        out.push(W::Event::from(AuthEvent::NewIpLogin { account, ip, at }));
                    }
                }
                return Ok(out);
            }
            let window_start = at.saturating_sub(policy.failure_window).unwrap_or(at);
            let recent = mem.map_or(0, |m| {
                m.failures.iter().filter(|&&f| f > window_start).count()
            });
            let failures = u32::try_from(recent).unwrap_or(u32::MAX).saturating_add(1);
            let mut out = vec![W::Event::from(AuthEvent::LoginFailed {
                account,
                method,
                ip: ctx.ip,
                at,
                window_start: Some(window_start),
                keep_failures: policy.max_failed_logins,
            })];
            if failures >= policy.max_failed_logins {
                out.push(W::Event::from(AuthEvent::LockedOut {
                    account,
                    failures,
                    at,
                }));
                out.push(W::account_status_changed(
                    account,
                    AccountStatus::Blocked(BlockReason::FailedLogins),
                ));
            }
            Ok(out)
        }
        AuthCommand::UseTotpStep { account, step } => {
            dir.existing_account(account)?;
            if state
                .account(account)
                .and_then(|m| m.last_totp_step)
                .is_some_and(|last| step <= last)
            {
                return Err(W::Error::from(AuthError::OtpReplayed { step }));
            }
            Ok(vec![W::Event::from(AuthEvent::TotpStepUsed {
                account,
                step,
            })])
        }
        AuthCommand::IssueCode {
            account,
            purpose,
            channel,
            digest,
        } => {
            let a = dir.existing_account(account)?;
            let has_contact = match channel {
                super::CodeChannel::Sms => a.phone.is_some(),
                super::CodeChannel::Email => a.email.is_some(),
            };
            if !has_contact {
                return Err(W::Error::from(AuthError::NoContact));
            }
            if purpose == CodePurpose::Recovery {
                let day = SignedDuration::from_hours(24);
                let since = at.saturating_sub(day).unwrap_or(at);
                let recent: Vec<_> = state
                    .account(account)
                    .map(|m| {
                        m.recoveries
                            .iter()
                            .copied()
                            .filter(|&r| r > since)
                            .collect()
                    })
                    .unwrap_or_default();
                if recent.len() >= policy.recovery_per_day as usize {
                    let oldest = recent.first().copied().unwrap_or(at);
                    return Err(W::Error::from(AuthError::RecoveryLimit {
                        limit: policy.recovery_per_day,
                        next_at: oldest.saturating_add(day).unwrap_or(oldest),
                    }));
                }
            }
            let expires_at = at.saturating_add(policy.code_ttl).unwrap_or(at);
            Ok(vec![W::Event::from(AuthEvent::CodeIssued {
                account,
                purpose,
                channel,
                digest,
                expires_at,
                at,
                attempts: policy.code_attempts,
            })])
        }
        AuthCommand::SubmitCode {
            account,
            purpose,
            digest,
        } => {
            let a = dir.existing_account(account)?;
            let pending = state
                .account(account)
                .and_then(|m| m.codes.iter().find(|(p, _)| *p == purpose))
                .map(|(_, c)| c)
                .ok_or(W::Error::from(AuthError::NoPendingCode))?;
            if at >= pending.expires_at {
                return Err(W::Error::from(AuthError::CodeExpired {
                    expired_at: pending.expires_at,
                }));
            }
            if !pending.digest.matches(&digest) {
                return Ok(vec![W::Event::from(AuthEvent::CodeRejected {
                    account,
                    purpose,
                    attempts_left: pending.attempts_left.saturating_sub(1),
                    at,
                })]);
            }
            let mut out = vec![W::Event::from(AuthEvent::CodeAccepted {
                account,
                purpose,
                at,
            })];
            match purpose {
                CodePurpose::Recovery
                    if a.status == AccountStatus::Blocked(BlockReason::FailedLogins) =>
                {
                    out.push(W::Event::from(AuthEvent::Recovered { account, at }));
                    out.push(W::account_status_changed(account, AccountStatus::Active));
                }
                CodePurpose::ContactConfirmation => {
                    let (kind, confirmed) = match pending.channel {
                        super::CodeChannel::Sms => {
                            (ContactKind::Phone, a.phone.as_ref().map(|c| c.confirmed))
                        }
                        super::CodeChannel::Email => {
                            (ContactKind::Email, a.email.as_ref().map(|c| c.confirmed))
                        }
                    };
                    if confirmed == Some(false) {
                        out.push(W::contact_confirmed(account, kind));
                    }
                }
                _ => {}
            }
            Ok(out)
        }
        AuthCommand::RecordPinEntry {
            token,
            account,
            correct,
        } => {
            dir.existing_account(account)?;
            if token.trim().is_empty() || token.chars().count() > super::pin::MAX_TOKEN_ID {
                return Err(W::Error::from(AuthError::BadToken));
            }
            let pin = state.token(&token).unwrap_or_default();
            if pin.locked {
                return Err(W::Error::from(AuthError::TokenLocked));
            }
            Ok(vec![W::Event::from(if correct {
                AuthEvent::PinAccepted { token, account }
            } else {
                AuthEvent::PinRejected {
                    token,
                    account,
                    attempts_left: policy.pin_attempts.saturating_sub(pin.wrong + 1),
                }
            })])
        }
        AuthCommand::UnlockToken { token } => {
            if !state.token(&token).is_some_and(|p| p.locked) {
                return Err(W::Error::from(AuthError::TokenNotLocked));
            }
            Ok(vec![W::Event::from(AuthEvent::TokenUnlocked { token })])
        }
    }
}

/// Executes a session command.
pub(crate) fn execute_session<W: AuthWorld>(
    dir: &W,
    command: SessionCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    let policy = dir.auth_policy();
    let state = dir.auth_state();
    let actor = match ctx.actor {
        Actor::System => None,
        Actor::Account(a) => Some(a),
    };
    match command {
        SessionCommand::Touch { session } => {
            usable(state.session(session), session, actor, ctx.at, policy)
                .map_err(W::Error::from)?;
            Ok(vec![W::Event::from(SessionEvent::Touched {
                session,
                at: ctx.at,
            })])
        }
        SessionCommand::End { session } => {
            let s = usable(state.session(session), session, actor, ctx.at, policy)
                .map_err(W::Error::from)?;
            let reason = if actor.is_some() {
                SessionEnd::Logout
            } else {
                SessionEnd::Terminated
            };
            Ok(vec![W::Event::from(SessionEvent::Ended {
                session,
                account: s.account,
                reason,
                at: ctx.at,
            })])
        }
        SessionCommand::Sweep => {
            W::require_system(ctx)?;
            let mut ended: Vec<_> = state
                .sessions()
                .filter(|s| !s.is_live(ctx.at, policy))
                .map(|s| {
                    let (at, reason) = s.deadline(policy);
                    SessionEvent::Ended {
                        session: s.id,
                        account: s.account,
                        reason,
                        at,
                    }
                })
                .collect();
            ended.sort_by_key(|e| match e {
                SessionEvent::Ended { session, .. } | SessionEvent::Touched { session, .. } => {
                    *session
                }
            });
            Ok(ended.into_iter().map(W::Event::from).collect())
        }
    }
}
