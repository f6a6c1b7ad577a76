//! The rights catalog and the built-in roles, as plain data.

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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rights, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_roles, m)?)?;
    Ok(())
}
