//! Folding authentication and session events into [`AuthState`]. Replay
//! reads no policy: the events carry the limits they were decided under.

use super::session::{Session, SessionEvent};
use super::state::{AuthState, PendingCode};
use super::AuthEvent;
use jiff::SignedDuration;

/// Folds an authentication event.
pub(crate) fn apply(state: &mut AuthState, event: &AuthEvent) {
    match event {
        AuthEvent::LoginSucceeded {
            account,
            method,
            session,
            ip,
            at,
            keep_ips,
        } => {
            let m = state.accounts.entry(*account).or_default();
            m.failures.clear();
            if let Some(ip) = ip {
                if !m.known_ips.contains(ip) {
                    m.known_ips.push_back(*ip);
                    while m.known_ips.len() > *keep_ips as usize {
                        m.known_ips.pop_front();
                    }
                }
            }
            state.sessions.insert(
                *session,
                Session {
                    id: *session,
                    account: *account,
                    method: *method,
                    ip: *ip,
                    started_at: *at,
                    last_seen: *at,
                },
            );
            state.next_session = state.next_session.max(session.0 + 1);
        }
        AuthEvent::LoginFailed {
            account,
            at,
            window_start,
            keep_failures,
            ..
        } => {
            let m = state.accounts.entry(*account).or_default();
            // A journal written before events carried the window: the
            // default policy's, as it was then.
            let start = window_start.unwrap_or_else(|| {
                at.saturating_sub(super::AuthPolicy::default().failure_window)
                    .unwrap_or(*at)
            });
            m.failures.retain(|f| *f > start);
            m.failures.push_back(*at);
            while m.failures.len() > *keep_failures as usize {
                m.failures.pop_front();
            }
        }
        AuthEvent::NewIpLogin { .. } | AuthEvent::LockedOut { .. } => {}
        AuthEvent::TotpStepUsed { account, step } => {
            state.accounts.entry(*account).or_default().last_totp_step = Some(*step);
        }
        AuthEvent::CodeIssued {
            account,
            purpose,
            channel,
            digest,
            expires_at,
            at,
            attempts,
        } => {
            let m = state.accounts.entry(*account).or_default();
            if *purpose == super::CodePurpose::Recovery {
                let since = at
                    .saturating_sub(SignedDuration::from_hours(24))
                    .unwrap_or(*at);
                m.recoveries.retain(|r| *r > since);
                m.recoveries.push_back(*at);
            }
            m.codes.retain(|(p, _)| p != purpose);
            m.codes.push((
                *purpose,
                PendingCode {
                    channel: *channel,
                    digest: *digest,
                    expires_at: *expires_at,
                    attempts_left: *attempts,
                },
            ));
        }
        AuthEvent::CodeAccepted {
            account, purpose, ..
        } => {
            if let Some(m) = state.accounts.get_mut(account) {
                m.codes.retain(|(p, _)| p != purpose);
            }
        }
        AuthEvent::CodeRejected {
            account,
            purpose,
            attempts_left,
            ..
        } => {
            if let Some(m) = state.accounts.get_mut(account) {
                m.codes
                    .iter_mut()
                    .filter(|(p, _)| p == purpose)
                    .for_each(|(_, c)| {
                        c.attempts_left = *attempts_left;
                    });
                m.codes.retain(|(_, c)| c.attempts_left > 0);
            }
        }
        AuthEvent::Recovered { account, .. } => {
            if let Some(m) = state.accounts.get_mut(account) {
                m.failures.clear();
            }
        }
        AuthEvent::PinAccepted { token, .. } => {
            state.tokens.remove(token);
        }
        AuthEvent::PinRejected {
            token,
            attempts_left,
            ..
        } => {
            let t = state.tokens.entry(token.clone()).or_default();
            t.wrong = t.wrong.saturating_add(1);
            t.locked = *attempts_left == 0;
        }
        AuthEvent::TokenUnlocked { token } => {
            state.tokens.remove(token);
        }
    }
}

/// Folds a session event.
pub(crate) fn apply_session(state: &mut AuthState, event: &SessionEvent) {
    match event {
        SessionEvent::Touched { session, at } => {
            if let Some(s) = state.sessions.get_mut(session) {
                s.last_seen = s.last_seen.max(*at);
            }
        }
        SessionEvent::Ended { session, .. } => {
            state.sessions.remove(session);
        }
    }
}
