//! Authentication and sessions, typed: the `auth` and `session` commands as
//! methods of [`Kabinet`], and the state they keep as records.
//!
//! The host verifies what only it can (a password against its stored hash,
//! a TOTP, a PIN on the token) with the functions of [`crate::auth`] and
//! records the outcome here; the directory counts failures, locks accounts
//! and tokens, keeps only digests of one-time codes ([`code_digest`]) and
//! opens, times out and ends sessions. Refusals are `Command` errors with the
//! `auth.*`, `otp.*` and `session.*` codes. The commands of the portal take
//! `at`; touching and ending a session take the [`Context`] of who does it.

use crate::context::{system_context, Context};
use crate::handle::Kabinet;
use crate::typed::typed_commands;
use crate::values::Event;
use kabinet::auth::{self, AuthCommand, CodeDigest, SessionId};
pub use kabinet::ffi::SessionInfo;
use kabinet::ffi::{event_records, Area, KabinetError};
pub use kabinet::ffi::{AccountAuthInfo, CodeOutcome, LoginOutcome, PendingCodeInfo, PinOutcome};
use kabinet::Timestamp;
use kabinet::{AccountId, Command, SystemRandomSource};
use std::net::IpAddr;

pub use kabinet::auth::{CodeChannel, CodePurpose, LoginMethod, TokenPin as TokenPinInfo};

/// The digest the directory keeps of a one-time code (never the code): 32
/// bytes bound to the account and the purpose.
#[uniffi::export]
pub fn code_digest(account: u64, purpose: CodePurpose, code: String) -> Vec<u8> {
    CodeDigest::of(AccountId(account), purpose, &code)
        .0
        .to_vec()
}

/// A fresh 16-byte salt from the system's secure random source.
///
/// # Errors
/// `Auth` (`auth.no_randomness`) when the system gives no randomness.
#[uniffi::export]
pub fn new_salt() -> Result<Vec<u8>, KabinetError> {
    auth::new_salt(&SystemRandomSource::new())
        .map(|s| s.to_vec())
        .map_err(|e| KabinetError::coded(Area::Auth, &e))
}

/// A fresh numeric one-time code of `digits` digits from the system's random source.
///
/// # Errors
/// `Auth` for a number of digits out of range, or no randomness.
#[uniffi::export]
pub fn new_numeric_code(digits: u32) -> Result<String, KabinetError> {
    auth::new_numeric_code(&SystemRandomSource::new(), digits)
        .map_err(|e| KabinetError::coded(Area::Auth, &e))
}

impl Kabinet {
    fn auth(
        &self,
        command: AuthCommand,
        context: &Context,
    ) -> Result<Vec<kabinet::Event>, KabinetError> {
        self.run_core(Command::Auth(command), context)
    }
}

#[uniffi::export]
impl Kabinet {
    /// Records a login attempt the host judged; a success opens a session, a
    /// failure counts towards the lockout. The portal, at `at` from `ip`.
    ///
    /// # Errors
    /// `Command` (`auth.*`, `account.*`); `context.bad_ip`.
    pub fn record_login(
        &self,
        account: u64,
        method: LoginMethod,
        succeeded: bool,
        at: Timestamp,
        ip: Option<IpAddr>,
    ) -> Result<LoginOutcome, KabinetError> {
        let mut context = system_context(at);
        context.ip = ip;
        let list = self.auth(
            AuthCommand::RecordLogin {
                account: AccountId(account),
                method,
                succeeded,
            },
            &context,
        )?;
        Ok(LoginOutcome::of(&list))
    }

    /// Records a one-time code sent by SMS or e-mail; only its digest is kept.
    /// The portal.
    ///
    /// # Errors
    /// `Command` (`auth.recovery_limit`, `code.no_contact`, `auth.account_locked`).
    pub fn issue_code(
        &self,
        account: u64,
        purpose: CodePurpose,
        channel: CodeChannel,
        code: String,
        at: Timestamp,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = AuthCommand::IssueCode {
            account: AccountId(account),
            purpose,
            channel,
            digest: CodeDigest::of(AccountId(account), purpose, &code),
        };
        Ok(event_records(&self.auth(command, &system_context(at))?))
    }

    /// Checks a code the person typed. A wrong code is an outcome, not an
    /// error; a right recovery code unblocks the account. The portal.
    ///
    /// # Errors
    /// `Command` (`code.none_pending`, `code.expired`, …).
    pub fn submit_code(
        &self,
        account: u64,
        purpose: CodePurpose,
        code: String,
        at: Timestamp,
    ) -> Result<CodeOutcome, KabinetError> {
        let command = AuthCommand::SubmitCode {
            account: AccountId(account),
            purpose,
            digest: CodeDigest::of(AccountId(account), purpose, &code),
        };
        let list = self.auth(command, &system_context(at))?;
        Ok(CodeOutcome::of(&list))
    }

    /// Records a PIN entry on a signature token, as the token judged it; the
    /// token locks after too many wrong ones. The portal.
    ///
    /// # Errors
    /// `Command` (`pin.token_locked`, `pin.bad_token`).
    pub fn record_pin_entry(
        &self,
        token: String,
        account: u64,
        correct: bool,
        at: Timestamp,
    ) -> Result<PinOutcome, KabinetError> {
        let command = AuthCommand::RecordPinEntry {
            token,
            account: AccountId(account),
            correct,
        };
        let list = self.auth(command, &system_context(at))?;
        Ok(PinOutcome::of(&list))
    }

    /// What authentication remembers about an account, or none when nothing was recorded.
    pub fn auth_account(&self, account: u64) -> Option<AccountAuthInfo> {
        let d = self.inner.read();
        d.auth_state()
            .account(AccountId(account))
            .map(AccountAuthInfo::from)
    }

    /// A signature token's PIN counter, or none when no entry was recorded.
    pub fn token_pin(&self, token: String) -> Option<TokenPinInfo> {
        self.inner.read().auth_state().token(&token)
    }

    /// A session not yet ended (it may have timed out: compare its deadline), or none.
    pub fn session(&self, session: u64) -> Option<SessionInfo> {
        let d = self.inner.read();
        d.auth_state()
            .session(SessionId(session))
            .map(|s| SessionInfo::of(s, &d.policy().auth))
    }

    /// The sessions not yet ended, of one account when given, by number.
    pub fn sessions(&self, account: Option<u64>) -> Vec<SessionInfo> {
        let d = self.inner.read();
        d.auth_state()
            .sessions_of(account.map(AccountId))
            .map(|s| SessionInfo::of(s, &d.policy().auth))
            .collect()
    }
}

typed_commands! {
    /// Records a used TOTP step (from [`crate::totp_verify`]); the same step
    /// again is refused (`otp.replayed`). The portal. Errors: `Command`
    /// (`otp.replayed`, `auth.*`).
    system fn use_totp_step(account: AccountId, step: u64) => Auth::UseTotpStep;
    /// Unlocks a locked token (its PIN reset at a service centre). The
    /// portal. Errors: `Command` (`pin.token_not_locked`, `pin.bad_token`).
    system fn unlock_token(token: String) => Auth::UnlockToken;
    /// Records activity in a session (its account, or the portal). Errors:
    /// `Command` (`session.not_found`, `session.timed_out`, `session.not_yours`).
    by fn touch_session(session: SessionId) => Session::Touch;
    /// Ends a session: a logout by its account, a termination by the portal.
    /// Errors: as `touch_session`.
    by fn end_session(session: SessionId) => Session::End;
    /// Ends every session timed out at `at`. The portal.
    system fn sweep_sessions() => Session::Sweep;
}
