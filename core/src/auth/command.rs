//! Authentication commands and the events they cause.

use super::codes::{CodeChannel, CodeDigest, CodePurpose};
use super::method::LoginMethod;
use super::session::SessionId;
use crate::ids::AccountId;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// A command of authentication. All are the portal's (System): the host
/// verifies passwords, codes and tokens and records the outcome here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "auth_command")]
pub enum AuthCommand {
    /// Records a login attempt. A success starts a session (at the context's
    /// IP); a failure counts towards the lockout, and the failure that
    /// reaches the limit blocks the account (reason `failed_logins`).
    RecordLogin {
        /// The account.
        account: AccountId,
        /// How the person logged in.
        method: LoginMethod,
        /// Whether the host accepted the credentials.
        succeeded: bool,
    },
    /// Records that a TOTP step was used, refusing a step already used.
    UseTotpStep {
        /// The account.
        account: AccountId,
        /// The step [`super::Totp::verify`] returned.
        step: u64,
    },
    /// Records a code sent by SMS or e-mail (only its digest). Recovery codes
    /// are limited per day; a new code replaces a pending one of the same purpose.
    IssueCode {
        /// The account.
        account: AccountId,
        /// What the code is for.
        purpose: CodePurpose,
        /// Where it was sent.
        channel: CodeChannel,
        /// The digest of the code.
        digest: CodeDigest,
    },
    /// Checks a code the person typed (its digest). A right recovery code
    /// unblocks an account blocked for failed logins; a right confirmation
    /// code confirms the contact it was sent to.
    SubmitCode {
        /// The account.
        account: AccountId,
        /// What the code is for.
        purpose: CodePurpose,
        /// The digest of what was typed.
        digest: CodeDigest,
    },
    /// Records a PIN entry on a signature token, as the token judged it.
    RecordPinEntry {
        /// The token's identifier (serial number or thumbprint).
        token: String,
        /// The token's holder.
        account: AccountId,
        /// Whether the token accepted the PIN.
        correct: bool,
    },
    /// Unlocks a token after the PIN was reset at a service centre.
    UnlockToken {
        /// The token.
        token: String,
    },
}

/// Something that happened in authentication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "auth_event")]
#[allow(missing_docs)] // fields are named for what they hold; each variant is documented
pub enum AuthEvent {
    /// A login succeeded. `keep_ips`: how many addresses the account
    /// remembers (the policy's at the time: replay needs no policy).
    LoginSucceeded {
        account: AccountId,
        method: LoginMethod,
        session: SessionId,
        ip: Option<IpAddr>,
        at: Timestamp,
        #[serde(default = "replay::keep_ips")]
        keep_ips: u32,
    },
    /// A login failed. Failures before `window_start` are forgotten and at
    /// most `keep_failures` kept (the policy's at the time).
    LoginFailed {
        account: AccountId,
        method: LoginMethod,
        ip: Option<IpAddr>,
        at: Timestamp,
        #[serde(default = "replay::window_start_unknown")]
        window_start: Option<Timestamp>,
        #[serde(default = "replay::keep_failures")]
        keep_failures: u32,
    },
    /// A login came from an address not seen before for the account.
    NewIpLogin {
        account: AccountId,
        ip: IpAddr,
        at: Timestamp,
    },
    /// Too many failed logins: the account was blocked.
    LockedOut {
        account: AccountId,
        failures: u32,
        at: Timestamp,
    },
    /// A TOTP step was used.
    TotpStepUsed { account: AccountId, step: u64 },
    /// A code was sent.
    CodeIssued {
        account: AccountId,
        purpose: CodePurpose,
        channel: CodeChannel,
        digest: CodeDigest,
        expires_at: Timestamp,
        at: Timestamp,
        /// Wrong entries the code tolerates (the policy's at the time).
        #[serde(default = "replay::code_attempts")]
        attempts: u32,
    },
    /// A code was right.
    CodeAccepted {
        account: AccountId,
        purpose: CodePurpose,
        at: Timestamp,
    },
    /// A code was wrong; at zero attempts left it is void.
    CodeRejected {
        account: AccountId,
        purpose: CodePurpose,
        attempts_left: u32,
        at: Timestamp,
    },
    /// An account blocked for failed logins was recovered.
    Recovered { account: AccountId, at: Timestamp },
    /// A PIN entry was right.
    PinAccepted { token: String, account: AccountId },
    /// A PIN entry was wrong; at zero attempts left the token is locked.
    PinRejected {
        token: String,
        account: AccountId,
        attempts_left: u32,
    },
    /// A token was unlocked.
    TokenUnlocked { token: String },
}

/// What replay takes for a field of an authentication event written before
/// the event carried it: the default policy's value, the only policy such
/// journals were written under by default.
mod replay {
    use crate::Timestamp;

    pub(super) fn keep_ips() -> u32 {
        u32::try_from(super::super::AuthPolicy::default().known_ips_per_account).unwrap_or(u32::MAX)
    }

    pub(super) fn window_start_unknown() -> Option<Timestamp> {
        None
    }

    pub(super) fn keep_failures() -> u32 {
        super::super::AuthPolicy::default().max_failed_logins
    }

    pub(super) fn code_attempts() -> u32 {
        super::super::AuthPolicy::default().code_attempts
    }
}
