//! The journal and the durable store: reading it with a filter (for the
//! host or as one of the organization's people), its head, verifying and
//! replaying the hash chain, exporting it (CSV, JSON Lines), batches of
//! commands in one transaction and checkpoints.
//!
//! Module functions take the directory handle. Every one of them reads or
//! writes the store (an SQLite file for `Kabinet.open`): the GIL is released
//! while it works. Entries come out in their JSON form (dicts).

use crate::context::{Context, Signature};
use crate::errors::{self, Family};
use crate::handle::PyKabinet;
use crate::json::{from_py, to_py};
use kabinet::journal::{export, Filter};
use kabinet::store::StoreError;
use kabinet::{AccountId, Actor, Command, OrgId};
use pyo3::prelude::*;
use serde_json::{json, Value};

/// A store's error as `JournalError`; a broken chain names its first bad
/// entry in `details["seq"]`.
pub fn store_error(py: Python<'_>, e: &StoreError) -> PyErr {
    let details = match e {
        StoreError::Broken(v) => json!({ "seq": v.seq }),
        _ => Value::Null,
    };
    errors::coded(py, Family::Journal, e, details)
}

/// Builds a filter: `actor` is an account number or `"system"`, `kind` a
/// command kind (`assign_role`) or an event kind (`role_assigned`); `since`
/// is inclusive, `until` exclusive.
fn filter(
    py: Python<'_>,
    actor: Option<&Bound<'_, PyAny>>,
    organization: Option<crate::id::Id>,
    kind: Option<String>,
    since: Option<&Bound<'_, PyAny>>,
    until: Option<&Bound<'_, PyAny>>,
) -> PyResult<Filter> {
    let actor = match actor {
        None => None,
        Some(a) if a.extract::<String>().is_ok_and(|s| s == "system") => Some(Actor::System),
        Some(a) => Some(Actor::Account(AccountId(a.extract::<u64>().map_err(
            |_| {
                errors::input(
                    py,
                    &kabinet::InputError::new(kabinet::InputKind::JournalActor, &a.to_string())
                        .because("an account number or 'system'"),
                )
            },
        )?))),
    };
    let time =
        |t: Option<&Bound<'_, PyAny>>| t.map(|t| crate::time::timestamp(Some(t))).transpose();
    Ok(Filter {
        actor,
        organization: organization.map(|i| OrgId(i.0)),
        kind,
        from: time(since)?,
        until: time(until)?,
    })
}

/// The journal entries a filter selects, in order.
#[pyfunction]
#[pyo3(name = "_journal", signature = (kabinet, actor = None, organization = None, kind = None, since = None, until = None))]
fn journal<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    actor: Option<&Bound<'py, PyAny>>,
    organization: Option<crate::id::Id>,
    kind: Option<String>,
    since: Option<&Bound<'py, PyAny>>,
    until: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = filter(py, actor, organization, kind, since, until)?;
    let k = kabinet.get();
    let entries = py
        .detach(|| k.inner.journal(&f))
        .map_err(|e| store_error(py, &e))?;
    to_py(py, &entries)
}

/// An organization's journal as one of its people reads it (right `journal.view`).
///
/// Raises `JournalError` (`journal.refused`, with `details["refusals"]`).
#[pyfunction]
#[pyo3(name = "_journal_as", signature = (kabinet, reader, organization, at = None, signature = None, actor = None, kind = None, since = None, until = None))]
#[allow(clippy::too_many_arguments)]
fn journal_as<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    reader: crate::id::Id,
    organization: crate::id::Id,
    at: Option<&Bound<'py, PyAny>>,
    signature: Option<&Bound<'py, Signature>>,
    actor: Option<&Bound<'py, PyAny>>,
    kind: Option<String>,
    since: Option<&Bound<'py, PyAny>>,
    until: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = filter(py, actor, Some(organization), kind, since, until)?;
    let at = crate::time::timestamp(at)?;
    let evidence = signature.map_or_else(kabinet::SignatureEvidence::simple, |s| s.get().0.clone());
    let k = kabinet.get();
    let entries = py
        .detach(|| {
            k.inner
                .journal_as(AccountId(reader.0), OrgId(organization.0), at, evidence, &f)
        })
        .map_err(|e| {
            let details = match &e {
                kabinet::store::JournalError::Refused { refusals } => {
                    json!({ "refusals": errors::refusals_json(refusals) })
                }
                _ => Value::Null,
            };
            errors::coded(py, Family::Journal, &e, details)
        })?;
    to_py(py, &entries)
}

/// The last entry's sequence number and digest: `{"seq": n, "hash": "..."}`.
#[pyfunction]
#[pyo3(name = "_journal_head")]
fn journal_head<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &kabinet.get().inner.journal_head())
}

/// Copies the database into one new self-contained file at `dest`.
///
/// Raises `JournalError` (`store.unsupported` in memory, `store.database`
/// when `dest` exists or the copy fails).
#[pyfunction]
#[pyo3(name = "_backup")]
fn backup(
    py: Python<'_>,
    kabinet: &Bound<'_, PyKabinet>,
    dest: std::path::PathBuf,
) -> PyResult<()> {
    let k = kabinet.get();
    py.detach(|| k.inner.backup(&dest))
        .map_err(|e| store_error(py, &e))
}

/// Folds the write-ahead log into the database file now.
///
/// Raises `JournalError` (`store.database`) when readers keep it in use.
#[pyfunction]
#[pyo3(name = "_fold_log")]
fn fold_log(py: Python<'_>, kabinet: &Bound<'_, PyKabinet>) -> PyResult<()> {
    let k = kabinet.get();
    py.detach(|| k.inner.fold_log())
        .map_err(|e| store_error(py, &e))
}

/// Verifies the whole hash chain; returns the head.
///
/// Raises `JournalError` with the first bad entry's code (`journal.link`,
/// `journal.content`, ...) and `details["seq"]`, or the store's error.
#[pyfunction]
#[pyo3(name = "_verify_journal")]
fn verify_journal<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
) -> PyResult<Bound<'py, PyAny>> {
    let k = kabinet.get();
    let head = py
        .detach(|| k.inner.verify_journal())
        .map_err(|e| store_error(py, &e))?
        .map_err(|e| errors::coded(py, Family::Journal, &e, json!({ "seq": e.seq })))?;
    to_py(py, &head)
}

/// Rebuilds the directory from the whole journal (ignoring snapshots) and
/// says whether it equals the state held: `(equal, accounts, organizations, memberships)`.
#[pyfunction]
#[pyo3(name = "_replay_journal")]
fn replay_journal(
    py: Python<'_>,
    kabinet: &Bound<'_, PyKabinet>,
) -> PyResult<(bool, usize, usize, usize)> {
    let k = kabinet.get();
    let (equal, counts) = py
        .detach(|| {
            let replayed = k.inner.replay_journal()?;
            let equal = *k.inner.read() == replayed;
            Ok::<_, StoreError>((equal, replayed.counts()))
        })
        .map_err(|e| store_error(py, &e))?;
    Ok((equal, counts.0, counts.1, counts.2))
}

/// The entries a filter selects as text: `csv` (with its header line) or
/// `jsonl` (JSON Lines), each line ending with `\n`.
#[pyfunction]
#[pyo3(name = "_export_journal", signature = (kabinet, format, actor = None, organization = None, kind = None, since = None, until = None))]
#[allow(clippy::too_many_arguments)]
fn export_journal(
    py: Python<'_>,
    kabinet: &Bound<'_, PyKabinet>,
    format: &str,
    actor: Option<&Bound<'_, PyAny>>,
    organization: Option<crate::id::Id>,
    kind: Option<String>,
    since: Option<&Bound<'_, PyAny>>,
    until: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let line: fn(&kabinet::journal::Entry) -> String = match format {
        "csv" => export::csv_row,
        "jsonl" => export::json_line,
        other => {
            return Err(errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::ExportFormat, other)
                    .because("expected csv or jsonl"),
            ))
        }
    };
    let f = filter(py, actor, organization, kind, since, until)?;
    let k = kabinet.get();
    py.detach(|| {
        let entries = k.inner.journal(&f)?;
        let mut out = String::new();
        if format == "csv" {
            out.push_str(export::CSV_HEADER);
            out.push('\n');
        }
        for e in &entries {
            out.push_str(&line(e));
            out.push('\n');
        }
        Ok(out)
    })
    .map_err(|e: StoreError| store_error(py, &e))
}

/// Executes `(command, context)` pairs in order in one durable transaction.
/// Returns, per command, its events (a list) or its refusal (a
/// `KabinetError`, not raised).
///
/// Raises `CommandError` (`command.not_recorded`) when the transaction failed.
#[pyfunction]
#[pyo3(name = "_execute_batch")]
fn execute_batch<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    commands: Vec<(Bound<'py, PyAny>, Bound<'py, Context>)>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut batch = Vec::with_capacity(commands.len());
    for (command, context) in &commands {
        let command: Command = from_py(command, kabinet::JsonForm::Command)?;
        batch.push((command, context.get().0.clone()));
    }
    let k = kabinet.get();
    let results = py
        .detach(|| k.inner.execute_batch(batch))
        .map_err(|e| errors::command(py, &e))?;
    results
        .into_iter()
        .map(|r| match r {
            Ok(events) => to_py(py, &events),
            Err(e) => Ok(errors::command(py, &e)
                .into_value(py)
                .into_bound(py)
                .into_any()),
        })
        .collect()
}

/// Saves a snapshot now, so the next opening replays nothing.
#[pyfunction]
#[pyo3(name = "_checkpoint")]
fn checkpoint(py: Python<'_>, kabinet: &Bound<'_, PyKabinet>) -> PyResult<()> {
    let k = kabinet.get();
    py.detach(|| k.inner.checkpoint())
        .map_err(|e| store_error(py, &e))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(journal, m)?)?;
    m.add_function(wrap_pyfunction!(journal_as, m)?)?;
    m.add_function(wrap_pyfunction!(journal_head, m)?)?;
    m.add_function(wrap_pyfunction!(backup, m)?)?;
    m.add_function(wrap_pyfunction!(fold_log, m)?)?;
    m.add_function(wrap_pyfunction!(verify_journal, m)?)?;
    m.add_function(wrap_pyfunction!(replay_journal, m)?)?;
    m.add_function(wrap_pyfunction!(export_journal, m)?)?;
    m.add_function(wrap_pyfunction!(execute_batch, m)?)?;
    m.add_function(wrap_pyfunction!(checkpoint, m)?)?;
    Ok(())
}
