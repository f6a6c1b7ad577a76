//! The numbers of authentication a host can change.

use super::password::{HashScheme, PasswordPolicy};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

/// Lockout, recovery, code, PIN and session limits, and the password rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthPolicy {
    /// Failed logins within [`AuthPolicy::failure_window`] that block the
    /// account. Default 5 (OWASP ASVS 5 §6.3.1 asks for a limit; the portal
    /// blocks "after several failed attempts").
    pub max_failed_logins: u32,
    /// The window failed logins are counted in. Default 1 hour.
    pub failure_window: SignedDuration,
    /// Recovery requests allowed in any 24 hours. Default 3 (DOMAIN §3).
    pub recovery_per_day: u32,
    /// How long an SMS or e-mail code lives. Default 5 minutes.
    pub code_ttl: SignedDuration,
    /// Wrong entries a code tolerates before it is void. Default 3.
    pub code_attempts: u32,
    /// Wrong PIN entries that lock a signature token. Default 3 (DOMAIN §3).
    pub pin_attempts: u32,
    /// A session ends after this long without activity. Default 15 minutes.
    pub session_idle: SignedDuration,
    /// A session ends this long after it began, active or not. Default 12 hours.
    pub session_absolute: SignedDuration,
    /// Addresses remembered per account for "login from a new address";
    /// the oldest is forgotten beyond it. Default 32.
    pub known_ips_per_account: usize,
    /// The rules of new passwords. Default the NIST preset.
    pub password: PasswordPolicy,
    /// How new passwords are hashed. Default Argon2id with OWASP parameters.
    pub hash: HashScheme,
}

impl Default for AuthPolicy {
    fn default() -> Self {
        Self {
            max_failed_logins: 5,
            failure_window: SignedDuration::from_hours(1),
            recovery_per_day: 3,
            code_ttl: SignedDuration::from_mins(5),
            code_attempts: 3,
            pin_attempts: 3,
            session_idle: SignedDuration::from_mins(15),
            session_absolute: SignedDuration::from_hours(12),
            known_ips_per_account: 32,
            password: PasswordPolicy::nist(),
            hash: HashScheme::ARGON2ID_OWASP,
        }
    }
}
