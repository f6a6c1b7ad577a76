//! [`Kabinet`]: the directory in memory, shared between threads, with the
//! generic entry point for commands and the access check.

use crate::context::{Context, SignatureEvidence};
use crate::decision::{Decision, EffectiveRight, PositionedDecision};
use crate::values::{right, Event};
use kabinet::ffi::{event_records, KabinetError};
use kabinet::Timestamp;
use kabinet::{AccessRequest, AccountId, Command, OrgId};

/// The directory in memory. `Send + Sync`: share one object between threads.
#[derive(uniffi::Object)]
pub struct Kabinet {
    pub(crate) inner: kabinet::Kabinet,
}

/// The current time from the system clock.
#[uniffi::export]
pub fn now() -> Timestamp {
    kabinet::Kabinet::now()
}

/// The default policy in its JSON form: signature levels by right in catalog
/// order, the invitations' lifetime, the limits of an organization.
#[uniffi::export]
pub fn default_policy_json() -> String {
    serde_json::to_string(&kabinet::Policy::default()).unwrap_or_default()
}

/// The access request of a `check` call.
fn access_request(
    actor: u64,
    organization: u64,
    right: &str,
    at: Timestamp,
    signature: Option<SignatureEvidence>,
) -> Result<AccessRequest, KabinetError> {
    let mut request = AccessRequest::new(
        AccountId(actor),
        OrgId(organization),
        self::right(right)?,
        at,
    );
    if let Some(s) = signature {
        request = request.signed(s);
    }
    Ok(request)
}

impl Kabinet {
    pub(crate) fn run_core(
        &self,
        command: Command,
        context: &kabinet::Context,
    ) -> Result<Vec<kabinet::Event>, KabinetError> {
        Ok(self.inner.execute(command, context)?)
    }
}

impl Default for Kabinet {
    fn default() -> Self {
        Self::new()
    }
}

#[uniffi::export]
impl Kabinet {
    /// An empty directory in memory with the default policy.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Self {
            inner: kabinet::Kabinet::in_memory(),
        }
    }

    /// An empty directory in memory with a policy in its JSON form (start
    /// from [`default_policy_json`]).
    ///
    /// # Errors
    /// `policy.malformed` for JSON that is not a policy.
    #[uniffi::constructor]
    pub fn with_policy_json(policy_json: String) -> Result<Self, KabinetError> {
        Ok(Self {
            inner: kabinet::Kabinet::with_policy(crate::journal::policy(Some(policy_json))?),
        })
    }

    /// Executes a command given in its documented JSON form
    /// (`{"command": "assign_role", ...}`) and returns its events.
    ///
    /// # Errors
    /// `InvalidInput` (`command.malformed`) for JSON that is not a command;
    /// `Command` with the rule's code when the command is refused.
    pub fn execute_json(
        &self,
        command_json: String,
        context: Context,
    ) -> Result<Vec<Event>, KabinetError> {
        let command: Command = kabinet::from_json(kabinet::JsonForm::Command, &command_json)?;
        let events = self.run_core(command, &context)?;
        Ok(event_records(&events))
    }

    /// The answer to a query given in its documented JSON form
    /// (`{"query": "powers_issued_by", "organization": 7}`) asked at `at`,
    /// as JSON text: every question to the directory's read side, the same
    /// form Python's `Kabinet.query` and the command line take.
    ///
    /// # Errors
    /// `InvalidInput` (`query.malformed`, `query.unknown_field`,
    /// `power.bad_number`); `Identifier` for a СНИЛС or ИНН that is not
    /// valid; `Access` with the refusal of entering by a power; `Power` for
    /// an МЧД that cannot be read.
    pub fn query_json(&self, query_json: String, at: Timestamp) -> Result<String, KabinetError> {
        let query: kabinet::Query = kabinet::from_json(kabinet::JsonForm::Query, &query_json)?;
        Ok(self.inner.answer_json(&query, at)?)
    }

    /// Decides whether `actor` may exercise `right` for `organization` at `at`.
    ///
    /// # Errors
    /// `InvalidInput` for an unknown right or a malformed signature; a refusal
    /// is a [`Decision`], never an error.
    pub fn check(
        &self,
        actor: u64,
        organization: u64,
        right: String,
        at: Timestamp,
        signature: Option<SignatureEvidence>,
    ) -> Result<Decision, KabinetError> {
        let request = access_request(actor, organization, &right, at, signature)?;
        Ok(self.inner.check(&request).into())
    }

    /// Decides as [`Kabinet::check`] and says at which journal entry the
    /// decision was taken (every entry up to `seq` is reflected in it).
    ///
    /// # Errors
    /// As [`Kabinet::check`].
    pub fn check_positioned(
        &self,
        actor: u64,
        organization: u64,
        right: String,
        at: Timestamp,
        signature: Option<SignatureEvidence>,
    ) -> Result<PositionedDecision, KabinetError> {
        let request = access_request(actor, organization, &right, at, signature)?;
        let positioned = self.inner.check_positioned(&request);
        Ok(PositionedDecision {
            decision: positioned.decision.into(),
            seq: positioned.seq,
        })
    }

    /// The rights `actor` can exercise for `organization` at `at`, each with its sources.
    ///
    /// # Errors
    /// `time.out_of_range` only.
    pub fn effective_rights(
        &self,
        actor: u64,
        organization: u64,
        at: Timestamp,
    ) -> Result<Vec<EffectiveRight>, KabinetError> {
        Ok(self
            .inner
            .effective_rights(AccountId(actor), OrgId(organization), at))
    }
}
