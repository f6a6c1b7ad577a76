//! The bridge between Python values and the library's JSON (serde) forms.
//!
//! Commands, queries, events, accounts, organizations and registry answers
//! cross the boundary in the documented JSON form: serde is the single
//! source of truth, so a dict a Python caller builds is read by exactly the
//! code that reads the journal. Reading walks the Python objects for serde
//! directly (`pythonize`), without JSON text between; writing goes through
//! JSON text and CPython's JSON decoder, which builds large answers faster.

use crate::errors;
use kabinet::{Coded, JsonForm, JsonFormError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Converts a serializable value into Python objects (dicts, lists, strings,
/// numbers), through JSON text: CPython's `json` builds large answers faster
/// than object-by-object conversion does under the stable ABI.
pub fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::Encoding, "").because(e),
        )
    })?;
    loads(py, &text)
}

/// `json.JSONDecoder().raw_decode`, looked up once. For the compact JSON
/// serde writes (no surrounding white space) it gives what `json.loads`
/// does, without the checks around it that cost `json.loads` about 0.7 µs a
/// call (`bindings/python/bench/bench_queries.py`).
static RAW_DECODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// JSON text written by serde as Python objects.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let decode = RAW_DECODE.get_or_try_init(py, || {
        let decoder = py.import("json")?.getattr("JSONDecoder")?.call0()?;
        decoder.getattr("raw_decode").map(Bound::unbind)
    })?;
    // `raw_decode` answers `(value, end)`.
    decode.bind(py).call1((text,))?.get_item(0)
}

/// Reads a Python value (a dict, usually) as the documented JSON form of
/// `T`, through the core's reader (its codes, its refusal of unknown fields).
///
/// # Errors
/// `InvalidInputError` with the core's code for `form` (e.g.
/// `command.unknown_field`, `command.malformed`) when the value does not
/// have the form of `T` (a value JSON has no form for, such as a
/// `datetime`, included).
pub fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>, form: JsonForm) -> PyResult<T> {
    pythonize::depythonize(value).map_err(|e| {
        let e = JsonFormError::from_reader(form, e.to_string());
        errors::invalid_input(value.py(), e.code(), &e.message_ru(), &e.message_en())
    })
}
