//! The foreign form of authentication: what a login, a typed code or a PIN
//! entry led to (read from the events the command produced, which cross
//! beside it), what authentication remembers about an account, and the
//! sessions with their deadline under the policy already computed.

use super::{event_records, EventRecord};
use crate::auth::Session;
use crate::auth::{AccountAuth, AuthEvent, AuthPolicy, CodeChannel, CodePurpose, LoginMethod};
use crate::{AccountId, Event, Timestamp};

/// The authentication events among a command's events.
fn auth_events(list: &[Event]) -> impl Iterator<Item = &AuthEvent> {
    list.iter().filter_map(|e| match e {
        Event::Auth(a) => Some(a),
        _ => None,
    })
}

/// What a login attempt led to.
#[derive(Debug, Clone, uniffi::Record)]
pub struct LoginOutcome {
    /// The session a success opened.
    pub session: Option<u64>,
    /// Whether the login came from an address not seen before for the account.
    pub new_ip: bool,
    /// Whether this failure reached the limit and blocked the account.
    pub locked_out: bool,
    /// The events, in their JSON form.
    pub events: Vec<EventRecord>,
}

impl LoginOutcome {
    /// The outcome the events of a recorded login tell.
    pub fn of(list: &[Event]) -> Self {
        let mut outcome = Self {
            session: None,
            new_ip: false,
            locked_out: false,
            events: event_records(list),
        };
        for e in auth_events(list) {
            match e {
                AuthEvent::LoginSucceeded { session, .. } => outcome.session = Some(session.0),
                AuthEvent::NewIpLogin { .. } => outcome.new_ip = true,
                AuthEvent::LockedOut { .. } => outcome.locked_out = true,
                _ => {}
            }
        }
        outcome
    }
}

/// What checking a typed one-time code found.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CodeOutcome {
    /// Whether the code was right.
    pub accepted: bool,
    /// Wrong entries left when it was wrong (0: the code is void).
    pub attempts_left: Option<u32>,
    /// Whether a right recovery code unblocked the account.
    pub recovered: bool,
    /// The events, in their JSON form.
    pub events: Vec<EventRecord>,
}

impl CodeOutcome {
    /// The outcome the events of a submitted code tell.
    pub fn of(list: &[Event]) -> Self {
        let mut outcome = Self {
            accepted: false,
            attempts_left: None,
            recovered: false,
            events: event_records(list),
        };
        for e in auth_events(list) {
            match e {
                AuthEvent::CodeAccepted { .. } => outcome.accepted = true,
                AuthEvent::CodeRejected { attempts_left, .. } => {
                    outcome.attempts_left = Some(*attempts_left);
                }
                AuthEvent::Recovered { .. } => outcome.recovered = true,
                _ => {}
            }
        }
        outcome
    }
}

/// What a PIN entry on a signature token led to.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PinOutcome {
    /// Whether the token accepted the PIN.
    pub accepted: bool,
    /// Wrong entries left when it was wrong (0: the token is locked).
    pub attempts_left: Option<u32>,
    /// The events, in their JSON form.
    pub events: Vec<EventRecord>,
}

impl PinOutcome {
    /// The outcome the events of a recorded PIN entry tell.
    pub fn of(list: &[Event]) -> Self {
        let mut outcome = Self {
            accepted: false,
            attempts_left: None,
            events: event_records(list),
        };
        for e in auth_events(list) {
            match e {
                AuthEvent::PinAccepted { .. } => outcome.accepted = true,
                AuthEvent::PinRejected { attempts_left, .. } => {
                    outcome.attempts_left = Some(*attempts_left);
                }
                _ => {}
            }
        }
        outcome
    }
}

/// A code waiting to be typed (its digest is not shown).
#[derive(Debug, Clone, uniffi::Record)]
pub struct PendingCodeInfo {
    /// What it is for.
    pub purpose: CodePurpose,
    /// Where it was sent.
    pub channel: CodeChannel,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
    /// Wrong entries left.
    pub attempts_left: u32,
}

/// What authentication remembers about an account.
#[derive(Debug, Clone, uniffi::Record)]
pub struct AccountAuthInfo {
    /// Failed logins not yet forgotten, oldest first.
    pub failures: Vec<Timestamp>,
    /// Recovery requests of the last 24 hours, oldest first.
    pub recoveries: Vec<Timestamp>,
    /// Codes waiting to be typed.
    pub codes: Vec<PendingCodeInfo>,
    /// Addresses logins came from, oldest first.
    pub known_ips: Vec<String>,
    /// The last TOTP step accepted.
    pub last_totp_step: Option<u64>,
}

impl From<&AccountAuth> for AccountAuthInfo {
    fn from(a: &AccountAuth) -> Self {
        Self {
            failures: a.failures.iter().copied().collect(),
            recoveries: a.recoveries.iter().copied().collect(),
            codes: a
                .codes
                .iter()
                .map(|(purpose, c)| PendingCodeInfo {
                    purpose: *purpose,
                    channel: c.channel,
                    expires_at: c.expires_at,
                    attempts_left: c.attempts_left,
                })
                .collect(),
            known_ips: a.known_ips.iter().map(ToString::to_string).collect(),
            last_totp_step: a.last_totp_step,
        }
    }
}

/// A session not yet ended.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SessionInfo {
    /// Its number.
    pub id: u64,
    /// Whose.
    pub account: AccountId,
    /// How the person logged in.
    pub method: LoginMethod,
    /// The address of the login.
    pub ip: Option<String>,
    /// When it began.
    pub started_at: Timestamp,
    /// The last activity.
    pub last_seen: Timestamp,
    /// When it ends unless touched (the policy's idle and absolute limits).
    pub deadline: Timestamp,
}

impl SessionInfo {
    /// The session `s` with its deadline under `policy`.
    pub fn of(s: &Session, policy: &AuthPolicy) -> Self {
        Self {
            id: s.id.0,
            account: s.account,
            method: s.method,
            ip: s.ip.map(|ip| ip.to_string()),
            started_at: s.started_at,
            last_seen: s.last_seen,
            deadline: s.deadline(policy).0,
        }
    }
}
