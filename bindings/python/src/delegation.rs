//! Powers of attorney (доверенности, МЧД): the level presets and reading an
//! МЧД's JSON form.
//!
//! The commands (`issue_power`, `redelegate_power`, ...) cross as JSON
//! through `execute`, the questions (`power`, `verify_power`,
//! `enter_by_power`, ...) as queries through `Kabinet.query`; the typed
//! methods of `kabinet.Kabinet` build both.

use crate::errors::{self, Family};
use crate::json::to_py;
use kabinet::delegation::PowerLevel;
use pyo3::prelude::*;

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
    m.add_function(wrap_pyfunction!(power_levels, m)?)?;
    m.add_function(wrap_pyfunction!(parse_mchd, m)?)?;
    m.add_function(wrap_pyfunction!(power_level_rights, m)?)?;
    Ok(())
}
