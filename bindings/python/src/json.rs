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
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
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
    let refused = |detail: String| {
        let e = JsonFormError::from_reader(form, detail);
        errors::invalid_input(value.py(), e.code(), &e.message_ru(), &e.message_en())
    };
    json_shaped(value).map_err(refused)?;
    pythonize::depythonize(value).map_err(|e| refused(e.to_string()))
}

/// The deepest nesting read, as serde_json's own reader allows from text.
const MAX_DEPTH: usize = 128;

/// The most values walked in one object (a value reached twice counts
/// twice, so a structure sharing its parts cannot multiply the work).
const MAX_VALUES: usize = 1 << 20;

/// Whether a Python object is a JSON value of bounded size: `None`, `bool`,
/// `int`, `float`, `str`, and `dict`, `list` and `tuple` of them, nested at
/// most [`MAX_DEPTH`] deep with at most [`MAX_VALUES`] values. Walked
/// without recursion, before serde reads it recursively: a deeper or
/// cyclic object would otherwise overflow the stack.
fn json_shaped(value: &Bound<'_, PyAny>) -> Result<(), String> {
    let mut pending = vec![(value.clone(), 0usize)];
    let mut walked = 0usize;
    while let Some((v, depth)) = pending.pop() {
        walked += 1;
        if walked > MAX_VALUES {
            return Err(format!("more than {MAX_VALUES} values"));
        }
        let children: Vec<Bound<'_, PyAny>> = if let Ok(d) = v.cast::<PyDict>() {
            d.values().iter().collect()
        } else if let Ok(l) = v.cast::<PyList>() {
            l.iter().collect()
        } else if let Ok(t) = v.cast::<PyTuple>() {
            t.iter().collect()
        } else if v.is_none()
            || v.is_instance_of::<PyBool>()
            || v.is_instance_of::<PyInt>()
            || v.is_instance_of::<PyFloat>()
            || v.is_instance_of::<PyString>()
        {
            continue;
        } else {
            let kind = v
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            return Err(format!("a value of type {kind} has no JSON form"));
        };
        if depth >= MAX_DEPTH && !children.is_empty() {
            return Err(format!("nested deeper than {MAX_DEPTH}"));
        }
        pending.extend(children.into_iter().map(|c| (c, depth + 1)));
    }
    Ok(())
}
