//! What authentication remembers between commands: recent failures, recovery
//! requests, pending codes, PIN counters, known addresses, sessions.

use super::codes::{CodeChannel, CodeDigest, CodePurpose};
use super::session::{Session, SessionId};
use crate::ids::AccountId;
use crate::Timestamp;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;

/// A code waiting to be typed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingCode {
    /// Where it was sent.
    pub channel: CodeChannel,
    /// Its digest.
    pub digest: CodeDigest,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
    /// Wrong entries left.
    pub attempts_left: u32,
}

/// Per-account memory of authentication.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountAuth {
    /// Failed logins not yet forgotten (at most the lockout limit).
    pub failures: VecDeque<Timestamp>,
    /// Recovery requests of the last 24 hours (at most the daily limit).
    pub recoveries: VecDeque<Timestamp>,
    /// Codes waiting to be typed, by purpose.
    pub codes: Vec<(CodePurpose, PendingCode)>,
    /// Addresses logins came from, oldest first.
    pub known_ips: VecDeque<IpAddr>,
    /// The last TOTP step accepted.
    pub last_totp_step: Option<u64>,
}

/// A signature token's PIN counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "TokenPinInfo")
)]
pub struct TokenPin {
    /// Wrong entries in a row.
    pub wrong: u32,
    /// Locked after too many.
    pub locked: bool,
}

/// Everything authentication keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthState {
    pub(crate) accounts: HashMap<AccountId, AccountAuth>,
    pub(crate) tokens: HashMap<String, TokenPin>,
    /// By number, so that listings come in order.
    pub(crate) sessions: BTreeMap<SessionId, Session>,
    pub(crate) next_session: u64,
}

impl AuthState {
    /// Forgets an account's failed logins: it was restored or recovered.
    pub(crate) fn forget_failures(&mut self, account: AccountId) {
        if let Some(m) = self.accounts.get_mut(&account) {
            m.failures.clear();
        }
    }

    /// What is remembered about an account.
    pub fn account(&self, account: AccountId) -> Option<&AccountAuth> {
        self.accounts.get(&account)
    }

    /// A token's PIN counter.
    pub fn token(&self, token: &str) -> Option<TokenPin> {
        self.tokens.get(token).copied()
    }

    /// A session that has not been ended (it may have timed out: see
    /// [`Session::is_live`]).
    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.get(&id)
    }

    /// Every session not yet ended, by number.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.sessions.values()
    }

    /// The sessions not yet ended, of one account when given, by number.
    pub fn sessions_of(&self, account: Option<AccountId>) -> impl Iterator<Item = &Session> {
        self.sessions()
            .filter(move |s| account.is_none_or(|a| s.account == a))
    }
}
