//! The bridge between Python values and the library's JSON (serde) forms.
//!
//! Commands, events, accounts, organizations and registry answers cross the
//! boundary in the documented JSON form: serde is the single source of
//! truth, so a dict a Python caller builds is read by exactly the code that
//! reads the journal. Python's own `json` module does the text step.

use crate::errors;
use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Converts a serializable value into Python objects (dicts, lists, strings, numbers).
pub fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| errors::invalid_input(py, "input.encoding", &e.to_string(), &e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// Reads a Python value (a dict, usually) as the JSON form of `T`.
///
/// # Errors
/// `InvalidInputError` with code `what` (e.g. `command.malformed`) when the
/// value is not JSON or does not have the form of `T`.
pub fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let py = value.py();
    let text: String = py
        .import("json")?
        .call_method1("dumps", (value,))
        .map_err(|e| {
            let m = e.to_string();
            errors::invalid_input(py, what, &m, &m)
        })?
        .extract()?;
    serde_json::from_str(&text).map_err(|e| {
        let en = format!("the value does not have the documented form: {e}");
        let ru = format!("значение не соответствует описанной форме: {e}");
        errors::invalid_input(py, what, &ru, &en)
    })
}
