//! The bridge between Python values and the library's JSON (serde) forms.
//!
//! Commands, events, accounts, organizations and registry answers cross the
//! boundary in the documented JSON form: serde is the single source of
//! truth, so a dict a Python caller builds is read by exactly the code that
//! reads the journal. Python's own `json` module does the text step.

use crate::errors;
use kabinet::{Coded, JsonForm};
use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Converts a serializable value into Python objects (dicts, lists, strings, numbers).
pub fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::Encoding, "").because(e),
        )
    })?;
    py.import("json")?.call_method1("loads", (text,))
}

/// Reads a Python value (a dict, usually) as the documented JSON form of
/// `T`, through the core's reader (its codes, its refusal of unknown fields).
///
/// # Errors
/// `InvalidInputError` with the core's code for `form` (e.g.
/// `command.unknown_field`, `command.malformed`) when the value is not JSON
/// or does not have the form of `T`.
pub fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>, form: JsonForm) -> PyResult<T> {
    let py = value.py();
    let text: String = py
        .import("json")?
        .call_method1("dumps", (value,))
        .map_err(|e| {
            let m = e.to_string();
            errors::invalid_input(py, form.error_codes()[0], &m, &m)
        })?
        .extract()?;
    kabinet::from_json(form, &text)
        .map_err(|e| errors::invalid_input(py, e.code(), &e.message_ru(), &e.message_en()))
}
