//! The directory handle: `kabinet._kabinet._Kabinet`, wrapped by the typed
//! `kabinet.Kabinet` of the Python package.
//!
//! It holds a [`kabinet::Kabinet`] (`Send + Sync`), so one object is shared
//! freely between Python threads. `execute` and `query` (every question to
//! the read side, as a `kabinet::Query` in its JSON form) release the GIL
//! while the directory works; `check` keeps it: the check is a few hash
//! lookups, cheaper than releasing and taking the GIL back (see
//! BENCHMARKS.md, "Bindings overhead").
//!
//! The directory lives in memory or, given a `path`, in an SQLite file with
//! its journal (`Kabinet.open`); opening and every command then touch the
//! disk, with the GIL released. The other capabilities (powers of attorney,
//! the journal, authentication, notifications, applications) that are not
//! queries are module functions in their own files taking this handle, so
//! that each capability stays one file.

use crate::context::{Context, Signature};
use crate::decision::{Decision, EffectiveRight};
use crate::errors;
use crate::json::{from_py, loads, to_py};
use crate::right::RightArg;
use kabinet::{AccessRequest, AccountId, Command, OrgId, Timestamp};
use pyo3::prelude::*;

/// The access request of a `check` call.
fn access_request(
    actor: crate::id::Id,
    organization: crate::id::Id,
    right: RightArg,
    at: Option<&Bound<'_, PyAny>>,
    signature: Option<&Bound<'_, Signature>>,
) -> PyResult<AccessRequest> {
    let mut request = AccessRequest::new(
        AccountId(actor.0),
        OrgId(organization.0),
        right.0,
        crate::time::timestamp(at)?,
    );
    if let Some(s) = signature {
        request = request.signed(s.get().0.clone());
    }
    Ok(request)
}

/// The directory in memory, shared between threads.
#[pyclass(frozen, subclass, name = "_Kabinet", module = "kabinet._kabinet")]
pub struct PyKabinet {
    pub(crate) inner: kabinet::Kabinet,
}

#[pymethods]
impl PyKabinet {
    /// An empty directory in memory with the default policy, or with
    /// `policy` in its JSON form (see `kabinet.default_policy()`); with
    /// `path`, the directory kept in that SQLite file with its journal
    /// (created when missing, its state loaded from the last snapshot and
    /// the journal after it).
    ///
    /// Several handles, in this process or others, may share the file:
    /// every answer includes what any of them acknowledged before the
    /// question, unless `max_staleness_ms` lets answers be that much older.
    ///
    /// Raises `JournalError` (`store.*`, `journal.*`) when the file cannot
    /// be opened or its journal is broken.
    #[new]
    #[pyo3(signature = (policy = None, path = None, max_staleness_ms = None, checkpoint_key = None))]
    fn new(
        py: Python<'_>,
        policy: Option<&Bound<'_, PyAny>>,
        path: Option<std::path::PathBuf>,
        max_staleness_ms: Option<u64>,
        checkpoint_key: Option<Vec<u8>>,
    ) -> PyResult<Self> {
        let policy: Option<kabinet::Policy> = policy
            .map(|p| from_py(p, kabinet::JsonForm::Policy))
            .transpose()?;
        let key = checkpoint_key
            .map(|k| crate::audit::key(py, &k))
            .transpose()?;
        let inner = match (path, policy) {
            (None, None) => kabinet::Kabinet::in_memory(),
            (None, Some(p)) => kabinet::Kabinet::with_policy(p),
            (Some(path), policy) => py
                .detach(|| match (policy, key) {
                    (policy, Some(key)) => {
                        kabinet::Kabinet::open_audited(&path, policy.unwrap_or_default(), key)
                    }
                    (None, None) => kabinet::Kabinet::open(&path),
                    (Some(p), None) => kabinet::Kabinet::open_with_policy(&path, p),
                })
                .map_err(|e| crate::journal::store_error(py, &e))?,
        };
        Ok(Self {
            inner: inner.freshness(kabinet::Freshness::within_millis(max_staleness_ms)),
        })
    }

    /// The current time from the system clock (UTC).
    #[staticmethod]
    fn now() -> Timestamp {
        kabinet::Kabinet::now()
    }

    /// Executes a command given in its documented JSON form (a dict with a
    /// `"command"` key) and returns its events in their JSON form.
    ///
    /// Raises `InvalidInputError` (`command.malformed`) for a dict that is
    /// not a command and `CommandError` (or a subclass) when a rule refuses it.
    fn execute<'py>(
        &self,
        py: Python<'py>,
        command: &Bound<'py, PyAny>,
        context: &Bound<'py, Context>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command: Command = from_py(command, kabinet::JsonForm::Command)?;
        let ctx = &context.get().0;
        let events = py
            .detach(|| self.inner.execute(command, ctx))
            .map_err(|e| errors::command(py, &e))?;
        to_py(py, &events)
    }

    /// Decides whether `actor` may exercise `right` for `organization`.
    #[pyo3(signature = (actor, organization, right, at = None, signature = None))]
    fn check(
        &self,
        actor: crate::id::Id,
        organization: crate::id::Id,
        right: RightArg,
        at: Option<&Bound<'_, PyAny>>,
        signature: Option<&Bound<'_, Signature>>,
    ) -> PyResult<Decision> {
        let request = access_request(actor, organization, right, at, signature)?;
        Ok(Decision(self.inner.check(&request)))
    }

    /// Decides as `check` and says at which journal entry: `(decision, seq)`,
    /// every entry up to `seq` reflected in the decision.
    #[pyo3(signature = (actor, organization, right, at = None, signature = None))]
    fn check_positioned(
        &self,
        actor: crate::id::Id,
        organization: crate::id::Id,
        right: RightArg,
        at: Option<&Bound<'_, PyAny>>,
        signature: Option<&Bound<'_, Signature>>,
    ) -> PyResult<(Decision, u64)> {
        let request = access_request(actor, organization, right, at, signature)?;
        let positioned = self.inner.check_positioned(&request);
        Ok((Decision(positioned.decision), positioned.seq))
    }

    /// The rights `actor` can exercise for `organization`, each with its sources.
    #[pyo3(signature = (actor, organization, at = None))]
    fn effective_rights(
        &self,
        py: Python<'_>,
        actor: crate::id::Id,
        organization: crate::id::Id,
        at: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<EffectiveRight>> {
        let at = crate::time::timestamp(at)?;
        Ok(py
            .detach(|| {
                self.inner
                    .effective_rights(AccountId(actor.0), OrgId(organization.0), at)
            })
            .into_iter()
            .map(EffectiveRight)
            .collect())
    }

    /// The answer to a query given in its documented JSON form (a dict with
    /// a `"query"` key), asked at `at` (now by default), in its JSON form.
    ///
    /// Raises `InvalidInputError` (`query.malformed`, `query.unknown_field`,
    /// `power.bad_number`), `IdentifierError` for a СНИЛС or ИНН that is not
    /// valid, the refusal (`AccessDeniedError`, `DelegationError`) of
    /// entering by a power, `MchdError` for an МЧД that cannot be read.
    #[pyo3(signature = (query, at = None))]
    fn query<'py>(
        &self,
        py: Python<'py>,
        query: &Bound<'py, PyAny>,
        at: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query: kabinet::Query = from_py(query, kabinet::JsonForm::Query)?;
        let at = crate::time::timestamp(at)?;
        let answer = py
            .detach(|| self.inner.answer_json(&query, at))
            .map_err(|e| errors::query(py, &e))?;
        loads(py, &answer)
    }

    /// How many accounts, organizations and memberships the directory holds.
    fn counts(&self) -> (usize, usize, usize) {
        self.inner.read().counts()
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyKabinet>()?;
    Ok(())
}
