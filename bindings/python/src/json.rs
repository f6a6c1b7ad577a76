//! The bridge between Python values and the library's JSON (serde) forms.
//!
//! Commands, queries, events, accounts, organizations and registry answers
//! cross the boundary in the documented JSON form: serde is the single
//! source of truth, so a dict a Python caller builds is read by exactly the
//! code that reads the journal. Reading turns the Python objects into a
//! JSON value (bounded in depth and size) that serde then reads, without
//! JSON text between; writing goes through JSON text and CPython's JSON
//! decoder, which builds large answers faster.

use crate::errors;
use kabinet::{Coded, JsonForm, JsonFormError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

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

/// The C scanner of a `json.JSONDecoder()` (`scan_once`), looked up once.
/// Called as `scan_once(text, 0)` it answers `(value, end)`, which is what
/// `json.loads` gives for the compact JSON serde writes, without the
/// Python-level code around it (`timeit` on `"0"`: `json.loads` 988 ns,
/// `raw_decode` 261 ns, `scan_once` 199 ns).
static SCAN_ONCE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// JSON text written by serde as Python objects.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let scan = SCAN_ONCE.get_or_try_init(py, || {
        let decoder = py.import("json")?.getattr("JSONDecoder")?.call0()?;
        decoder.getattr("scan_once").map(Bound::unbind)
    })?;
    scan.bind(py).call1((text, 0))?.get_item(0)
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
    let mut budget = MAX_VALUES;
    let json = json_value(value, 0, &mut budget).map_err(refused)?;
    serde_json::from_value(json).map_err(|e| refused(e.to_string()))
}

/// The deepest nesting read, as serde_json's own reader allows from text.
const MAX_DEPTH: usize = 128;

/// The most values read from one object (a value reached twice counts
/// twice, so a structure sharing its parts cannot multiply the work).
const MAX_VALUES: usize = 1 << 20;

/// A Python object as a JSON value, when it is one of bounded size:
/// `None`, `bool`, `int` (of 64 bits), `float` (finite), `str`, and `dict`
/// (with `str` keys), `list` and `tuple` of them, nested at most
/// [`MAX_DEPTH`] deep with at most [`MAX_VALUES`] values. The depth is
/// checked before each step down, so the recursion is bounded (a deeper or
/// cyclic object is refused, not followed); `budget` counts down the values.
fn json_value(v: &Bound<'_, PyAny>, depth: usize, budget: &mut usize) -> Result<Value, String> {
    *budget = budget
        .checked_sub(1)
        .ok_or_else(|| format!("more than {MAX_VALUES} values"))?;
    let deeper = || {
        if depth >= MAX_DEPTH {
            Err(format!("nested deeper than {MAX_DEPTH}"))
        } else {
            Ok(depth + 1)
        }
    };
    if let Ok(s) = v.cast::<PyString>() {
        Ok(Value::String(
            s.to_cow().map_err(|e| e.to_string())?.into_owned(),
        ))
    } else if let Ok(d) = v.cast::<PyDict>() {
        let depth = deeper()?;
        let mut map = Map::new();
        for (key, item) in d.iter() {
            let key = key
                .cast::<PyString>()
                .map_err(|_| format!("a key of type {} is not a string", type_name(&key)))?;
            let key = key.to_cow().map_err(|e| e.to_string())?.into_owned();
            map.insert(key, json_value(&item, depth, budget)?);
        }
        Ok(Value::Object(map))
    } else if v.is_instance_of::<PyBool>() {
        Ok(Value::Bool(v.is_truthy().map_err(|e| e.to_string())?))
    } else if v.is_instance_of::<PyInt>() {
        if let Ok(n) = v.extract::<i64>() {
            Ok(Value::from(n))
        } else {
            v.extract::<u64>()
                .map(Value::from)
                .map_err(|_| format!("the integer {v} does not fit 64 bits"))
        }
    } else if v.is_none() {
        Ok(Value::Null)
    } else if let Ok(l) = v.cast::<PyList>() {
        let depth = deeper()?;
        l.iter()
            .map(|item| json_value(&item, depth, budget))
            .collect()
    } else if let Ok(t) = v.cast::<PyTuple>() {
        let depth = deeper()?;
        t.iter()
            .map(|item| json_value(&item, depth, budget))
            .collect()
    } else if let Ok(f) = v.cast::<PyFloat>() {
        serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| format!("the number {v} has no JSON form"))
    } else {
        Err(format!("a value of type {} has no JSON form", type_name(v)))
    }
}

/// The name of an object's type, for a refusal's detail.
fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}
