//! Sessions: started by a successful login, kept alive by activity, ended by
//! logout, inactivity or an absolute limit.
//!
//! A session is live at `at` when it was not ended and `at` is before its
//! deadline: the earlier of last activity + idle timeout and start +
//! absolute timeout. Touching a session never moves it past the absolute
//! limit; a touch after the deadline is refused. [`SessionCommand::Sweep`]
//! journals the end of every session that timed out.

use super::{AuthError, AuthPolicy, LoginMethod};
use crate::ids::AccountId;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// A session's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub u64);

impl core::fmt::Display for SessionId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "session#{}", self.0)
    }
}

/// A login session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Its number.
    pub id: SessionId,
    /// Whose.
    pub account: AccountId,
    /// How the person logged in.
    pub method: LoginMethod,
    /// The address of the login.
    pub ip: Option<IpAddr>,
    /// When it began.
    pub started_at: Timestamp,
    /// The last activity.
    pub last_seen: Timestamp,
}

impl Session {
    /// When it ends unless touched, and why.
    pub fn deadline(&self, policy: &AuthPolicy) -> (Timestamp, SessionEnd) {
        let idle = self
            .last_seen
            .saturating_add(policy.session_idle)
            .unwrap_or(self.last_seen);
        let absolute = self
            .started_at
            .saturating_add(policy.session_absolute)
            .unwrap_or(self.started_at);
        if absolute <= idle {
            (absolute, SessionEnd::Absolute)
        } else {
            (idle, SessionEnd::Idle)
        }
    }

    /// Whether the session is still usable at `at`.
    pub fn is_live(&self, at: Timestamp, policy: &AuthPolicy) -> bool {
        at < self.deadline(policy).0
    }
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum SessionEnd {
    /// The person logged out.
    Logout,
    /// No activity for the idle timeout.
    Idle,
    /// The absolute limit was reached.
    Absolute,
    /// Ended by the portal (block, dismissal, compromise).
    Terminated,
}

/// A command on sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    tag = "session_command",
    from = "SessionCommandForm"
)]
pub enum SessionCommand {
    /// Records activity. The session's account or System.
    Touch {
        /// The session.
        session: SessionId,
    },
    /// Logs out. The session's account or System (then "terminated").
    End {
        /// The session.
        session: SessionId,
    },
    /// Ends every session that timed out by the context's time. System.
    Sweep,
}

/// The JSON form [`SessionCommand`] is read from: `sweep` as an empty struct
/// variant, so that a field given with it is refused, not ignored.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "snake_case",
    tag = "session_command"
)]
enum SessionCommandForm {
    Touch { session: SessionId },
    End { session: SessionId },
    Sweep {},
}

impl From<SessionCommandForm> for SessionCommand {
    fn from(f: SessionCommandForm) -> Self {
        match f {
            SessionCommandForm::Touch { session } => Self::Touch { session },
            SessionCommandForm::End { session } => Self::End { session },
            SessionCommandForm::Sweep {} => Self::Sweep,
        }
    }
}

/// Something that happened to a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "session_event")]
#[allow(missing_docs)] // fields are named for what they hold; each variant is documented
pub enum SessionEvent {
    /// Activity was recorded.
    Touched { session: SessionId, at: Timestamp },
    /// The session ended (for a timeout, `at` is the deadline).
    Ended {
        session: SessionId,
        account: AccountId,
        reason: SessionEnd,
        at: Timestamp,
    },
}

/// The checks of a touch or an end: the session exists, is live and is the actor's.
pub(crate) fn usable<'s>(
    session: Option<&'s Session>,
    id: SessionId,
    actor: Option<AccountId>,
    at: Timestamp,
    policy: &AuthPolicy,
) -> Result<&'s Session, AuthError> {
    let s = session.ok_or(AuthError::SessionNotFound { session: id.0 })?;
    if actor.is_some_and(|a| a != s.account) {
        return Err(AuthError::NotYourSession);
    }
    let (deadline, _) = s.deadline(policy);
    if at >= deadline {
        return Err(AuthError::SessionTimedOut { at: deadline });
    }
    Ok(s)
}
