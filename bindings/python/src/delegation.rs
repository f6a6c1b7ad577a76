//! Powers of attorney (доверенности, МЧД): the directory's queries, entering
//! by a power's number, the level presets and the МЧД JSON export/import.
//!
//! The commands (`issue_power`, `redelegate_power`, ...) cross as JSON
//! through `execute`; the typed methods of `kabinet.Kabinet` build them.
//! Here are the read side and the checks, as module functions taking the
//! directory handle: powers come out in their JSON form (dicts), a chain
//! that does not hold raises the coded refusal naming its failing link.

use crate::errors::{self, Family};
use crate::handle::PyKabinet;
use crate::json::to_py;
use kabinet::delegation::{PowerLevel, PowerNumber};
use kabinet::{AccountId, Directory, OrgId};
use pyo3::prelude::*;
use serde_json::json;

/// Reads a power's number (a UUID).
pub fn number(py: Python<'_>, text: &str) -> PyResult<PowerNumber> {
    PowerNumber::parse_str(text).map_err(|_| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::PowerNumber, text),
        )
    })
}

/// A refusal of a chain check as a `CommandError` subclass by its area.
fn refused(py: Python<'_>, refusal: &kabinet::Refusal) -> PyErr {
    let details = json!({ "refusals": errors::refusals_json(std::slice::from_ref(refusal)) });
    errors::coded(py, Family::Command, refusal, details)
}

/// Answers a query from the directory, read under its lock.
fn read<R>(kabinet: &Bound<'_, PyKabinet>, query: impl FnOnce(&Directory) -> R) -> R {
    query(&kabinet.get().inner.read())
}

/// The basis of a chain that holds as a dict, or the refusal of its failing link.
fn basis<'py>(
    py: Python<'py>,
    checked: Result<impl serde::Serialize, kabinet::Refusal>,
) -> PyResult<Bound<'py, PyAny>> {
    match checked {
        Ok(b) => to_py(py, &b),
        Err(r) => Err(refused(py, &r)),
    }
}

/// Entering as a representative by a power's number: the acting context
/// (`number`, `principal`, `powers`, `valid_until`, `chain`).
///
/// Raises the refusal (`AccessDeniedError` or `DelegationError` by its code)
/// when the account cannot act or a link of the chain fails.
#[pyfunction]
#[pyo3(name = "_enter_by_power")]
fn enter_by_power<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    actor: crate::id::Id,
    power: &str,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let n = number(py, power)?;
    let at = crate::time::timestamp(at)?;
    basis(
        py,
        read(kabinet, |d| d.enter_by_power(AccountId(actor.0), n, at)),
    )
}

/// The chain behind a power checked at `at`: the same dict as `_enter_by_power`.
#[pyfunction]
#[pyo3(name = "_verify_power")]
fn verify_power<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    power: &str,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let n = number(py, power)?;
    let at = crate::time::timestamp(at)?;
    basis(py, read(kabinet, |d| d.verify_power(n, at)))
}

/// A power in its JSON form, or `None`.
#[pyfunction]
#[pyo3(name = "_power")]
fn power<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    power: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let n = number(py, power)?;
    read(kabinet, |d| to_py(py, &d.power(n)))
}

/// How many powers the directory holds (in force or not).
#[pyfunction]
#[pyo3(name = "_power_count")]
fn power_count(kabinet: &Bound<'_, PyKabinet>) -> usize {
    read(kabinet, Directory::power_count)
}

/// The powers an account receives (directly, or by its СНИЛС or ИНН).
#[pyfunction]
#[pyo3(name = "_powers_of_representative")]
fn powers_of_representative<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    account: crate::id::Id,
) -> PyResult<Bound<'py, PyAny>> {
    read(kabinet, |d| {
        to_py(py, &d.powers_of_representative(AccountId(account.0)))
    })
}

/// The powers an organization gave, in issue order.
#[pyfunction]
#[pyo3(name = "_powers_issued_by")]
fn powers_issued_by<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    organization: crate::id::Id,
) -> PyResult<Bound<'py, PyAny>> {
    read(kabinet, |d| {
        to_py(py, &d.powers_issued_by(OrgId(organization.0)))
    })
}

/// The powers working at `at` that end within `days` days (capped by the
/// core), earliest end first; only those of `organization` when given.
#[pyfunction]
#[pyo3(name = "_powers_expiring_within")]
fn powers_expiring_within<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    organization: Option<crate::id::Id>,
    days: u32,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let at = crate::time::timestamp(at)?;
    read(kabinet, |d| {
        to_py(
            py,
            &d.powers_expiring_within(organization.map(|i| OrgId(i.0)), at, days),
        )
    })
}

/// The powers from `organization` an account holds that have not ended at
/// `at` (dismissal does not end them), in issue order.
#[pyfunction]
#[pyo3(name = "_powers_held_from")]
fn powers_held_from<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    organization: crate::id::Id,
    account: crate::id::Id,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let at = crate::time::timestamp(at)?;
    read(kabinet, |d| {
        to_py(
            py,
            &d.powers_held_from(OrgId(organization.0), AccountId(account.0), at),
        )
    })
}

/// The chain behind a power, from the first power down to it.
#[pyfunction]
#[pyo3(name = "_power_chain")]
fn power_chain<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    power: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let n = number(py, power)?;
    read(kabinet, |d| to_py(py, &d.power_chain(n)))
}

/// The powers re-delegated directly from a power, in issue order.
#[pyfunction]
#[pyo3(name = "_powers_redelegated_from")]
fn powers_redelegated_from<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    power: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let n = number(py, power)?;
    read(kabinet, |d| to_py(py, &d.powers_redelegated_from(n)))
}

/// The rights `actor` holds for `organization` through powers of attorney alone.
#[pyfunction]
#[pyo3(name = "_rights_through_powers")]
fn rights_through_powers(
    kabinet: &Bound<'_, PyKabinet>,
    actor: crate::id::Id,
    organization: crate::id::Id,
    at: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<&'static str>> {
    let at = crate::time::timestamp(at)?;
    let set = read(kabinet, |d| {
        d.rights_through_powers(AccountId(actor.0), OrgId(organization.0), at)
    });
    Ok(set.iter().map(|r| r.code()).collect())
}

/// A power as МЧД JSON text (keys mirroring the FNS format).
///
/// Raises `MchdError` (`mchd.not_found`, ...).
#[pyfunction]
#[pyo3(name = "_export_power")]
fn export_power(py: Python<'_>, kabinet: &Bound<'_, PyKabinet>, power: &str) -> PyResult<String> {
    let n = number(py, power)?;
    let out = read(kabinet, |d| d.export_power(n));
    out.map_err(|e| errors::coded(py, Family::Mchd, &e, serde_json::Value::Null))
}

/// Reads МЧД JSON text into a power in its JSON form, ready for the
/// `import_power` command. Nothing changes in the directory.
///
/// Raises `MchdError` (`mchd.malformed`, `mchd.principal_unknown`, ...).
#[pyfunction]
#[pyo3(name = "_import_power")]
fn import_power<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    text: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let power = read(kabinet, |d| d.import_power(text));
    let power = power.map_err(|e| errors::coded(py, Family::Mchd, &e, serde_json::Value::Null))?;
    to_py(py, &power)
}

/// Reads МЧД JSON text into its document form (the `power` of the
/// `submit_organization_by_power` command), checking its size and shape;
/// the fields are validated when it is presented.
///
/// Raises `MchdError` (`mchd.too_large`, `mchd.malformed`).
#[pyfunction]
fn parse_mchd<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let m = kabinet::delegation::Mchd::from_json(text)
        .map_err(|e| errors::coded(py, Family::Mchd, &e, serde_json::Value::Null))?;
    to_py(py, &m)
}

/// The power of attorney presented with the registration of `organization`
/// (`principal_inn`, `principal_ogrn`, `power`), while it is not active.
#[pyfunction]
#[pyo3(name = "_registration_power")]
fn registration_power<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    organization: crate::id::Id,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(
        py,
        &kabinet
            .get()
            .inner
            .read()
            .registration_power(OrgId(organization.0)),
    )
}

/// The reasons a registration was rejected, each with its `code`,
/// `message_ru`, `message_en` and `details` (its JSON form); empty unless rejected.
#[pyfunction]
#[pyo3(name = "_rejection_reasons")]
fn rejection_reasons<'py>(
    py: Python<'py>,
    kabinet: &Bound<'py, PyKabinet>,
    organization: crate::id::Id,
) -> PyResult<Bound<'py, PyAny>> {
    use kabinet::organizations::OrganizationStatus;
    use kabinet::Coded;
    let dir = kabinet.get().inner.read();
    let reasons: Vec<serde_json::Value> =
        match dir.organization(OrgId(organization.0)).map(|o| &o.status) {
            Some(OrganizationStatus::Rejected { reasons }) => reasons
                .iter()
                .map(|r| {
                    json!({
                        "code": r.code(),
                        "message_ru": r.message_ru(),
                        "message_en": r.message_en(),
                        "details": r,
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
    to_py(py, &reasons)
}

/// The level presets of powers: `basic`, `operational`, `administrative`.
#[pyfunction]
fn power_levels() -> Vec<&'static str> {
    PowerLevel::ALL.iter().map(|l| l.as_str()).collect()
}

/// The rights of a level preset, by code.
///
/// Raises `InvalidInputError` (`delegation.unknown_level`) for another name.
#[pyfunction]
fn power_level_rights(py: Python<'_>, level: &str) -> PyResult<Vec<&'static str>> {
    let l = PowerLevel::ALL
        .into_iter()
        .find(|l| l.as_str() == level)
        .ok_or_else(|| {
            errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::PowerLevel, level),
            )
        })?;
    Ok(l.rights().iter().map(|r| r.code()).collect())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(enter_by_power, m)?)?;
    m.add_function(wrap_pyfunction!(verify_power, m)?)?;
    m.add_function(wrap_pyfunction!(power, m)?)?;
    m.add_function(wrap_pyfunction!(power_count, m)?)?;
    m.add_function(wrap_pyfunction!(powers_of_representative, m)?)?;
    m.add_function(wrap_pyfunction!(powers_held_from, m)?)?;
    m.add_function(wrap_pyfunction!(powers_issued_by, m)?)?;
    m.add_function(wrap_pyfunction!(powers_expiring_within, m)?)?;
    m.add_function(wrap_pyfunction!(power_chain, m)?)?;
    m.add_function(wrap_pyfunction!(powers_redelegated_from, m)?)?;
    m.add_function(wrap_pyfunction!(rights_through_powers, m)?)?;
    m.add_function(wrap_pyfunction!(export_power, m)?)?;
    m.add_function(wrap_pyfunction!(import_power, m)?)?;
    m.add_function(wrap_pyfunction!(power_levels, m)?)?;
    m.add_function(wrap_pyfunction!(parse_mchd, m)?)?;
    m.add_function(wrap_pyfunction!(registration_power, m)?)?;
    m.add_function(wrap_pyfunction!(rejection_reasons, m)?)?;
    m.add_function(wrap_pyfunction!(power_level_rights, m)?)?;
    Ok(())
}
