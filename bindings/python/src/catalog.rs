//! The rights catalog, the built-in roles and the default policy, as plain data.

use kabinet::policy::Policy;
use kabinet::{BuiltInRole, Right};
use pyo3::prelude::*;
use serde_json::json;

/// Every right of the catalog in catalog order: code, area, level, titles
/// and the signature level the default policy requires.
#[pyfunction]
fn rights(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let policy = Policy::default();
    let all: Vec<_> = Right::ALL
        .iter()
        .map(|&r| {
            json!({
                "code": r.code(),
                "area": r.area(),
                "level": r.level(),
                "title_ru": r.title_ru(),
                "title_en": r.title_en(),
                "required_signature": policy.signatures.required(r).as_str(),
            })
        })
        .collect();
    crate::json::to_py(py, &all)
}

/// The built-in roles: code, Russian title, rights, and whether a command may give it.
#[pyfunction]
fn builtin_roles(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let all: Vec<_> = BuiltInRole::ALL
        .iter()
        .map(|&b| {
            json!({
                "code": b.code(),
                "title_ru": b.title_ru(),
                "rights": b.rights(),
                "assignable": b.is_assignable(),
            })
        })
        .collect();
    crate::json::to_py(py, &all)
}

/// The default policy in its JSON form: change a value and pass it to
/// `Kabinet(policy=...)` (signature levels by right in catalog order, the
/// invitations' lifetime, the limits of an organization).
#[pyfunction]
fn default_policy(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    crate::json::to_py(py, &Policy::default())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(default_policy, m)?)?;
    m.add_function(wrap_pyfunction!(rights, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_roles, m)?)?;
    Ok(())
}
