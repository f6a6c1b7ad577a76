//! Notifications: the notices a command's events call for, and the
//! reminders of expiring certificates and powers of attorney.
//!
//! The commands (`set_preferences`, `notify`, `mark_sent`) cross as JSON
//! through `execute`, the questions (preferences, outbox, history) as
//! queries through `Kabinet.query`; the typed methods of `kabinet.Kabinet`
//! build both.
//! The notices a command's events call for come from `_notices_for`.
//! Deliveries and notices come out in their JSON form (dicts).

use crate::handle::PyKabinet;
use crate::json::{from_py, to_py};
use kabinet::notifications::{self, CertificateExpiry};
use kabinet::{AccountId, OrgId};
use pyo3::prelude::*;

/// The notices the events of a command call for (a lockout, a login from a
/// new address, a blocked account, a power granted or revoked, an
/// application's status), each a dict to pass to `notify`.
///
/// Raises `InvalidInputError` (`event.malformed`) for an event that is not
/// in its documented JSON form.
#[pyfunction]
#[pyo3(name = "_notices_for", signature = (kabinet, events, at = None))]
fn notices_for<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    events: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let events: Vec<kabinet::Event> = from_py(events, kabinet::JsonForm::Event)?;
    let at = crate::time::timestamp(at)?;
    let dir = kabinet.get().inner.read();
    let notices: Vec<_> = events.iter().flat_map(|e| dir.notices_for(e, at)).collect();
    to_py(py, &notices)
}

/// Notices for the certificates expiring within `within_days` days after
/// `at` (each a dict with `serial`, `holder`, `org`, `not_after`); pass them
/// to `notify`.
#[pyfunction]
#[pyo3(signature = (certificates, at = None, within_days = notifications::REMINDER_DAYS))]
fn certificate_reminders<'py>(
    py: Python<'py>,
    certificates: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
    within_days: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let certs: Vec<CertificateExpiry> = from_py(certificates, kabinet::JsonForm::Reminder)?;
    let at = crate::time::timestamp(at)?;
    to_py(
        py,
        &notifications::certificate_reminders(&certs, at, within_days),
    )
}

/// Notices for the powers of attorney (`(number, holder, valid_until)`)
/// expiring within `within_days` days after `at`, for `organization`.
#[pyfunction]
#[pyo3(signature = (powers, organization = None, at = None, within_days = notifications::REMINDER_DAYS))]
fn power_of_attorney_reminders<'py>(
    py: Python<'py>,
    powers: Vec<(String, u64, Bound<'py, PyAny>)>,
    organization: Option<crate::id::Id>,
    at: Option<&Bound<'py, PyAny>>,
    within_days: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let powers = powers
        .into_iter()
        .map(|(n, holder, until)| Ok((n, AccountId(holder), crate::time::timestamp(Some(&until))?)))
        .collect::<PyResult<Vec<_>>>()?;
    let at = crate::time::timestamp(at)?;
    to_py(
        py,
        &notifications::power_of_attorney_reminders(
            &powers,
            organization.map(|i| OrgId(i.0)),
            at,
            within_days,
        ),
    )
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(notices_for, m)?)?;
    m.add_function(wrap_pyfunction!(certificate_reminders, m)?)?;
    m.add_function(wrap_pyfunction!(power_of_attorney_reminders, m)?)?;
    Ok(())
}
