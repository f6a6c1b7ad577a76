//! Rights as Python gives them: a code (`"users.manage"`), read on every
//! `check`.
//!
//! A dictionary from each code to its place in the catalog is built once per
//! interpreter; a lookup hashes the string once (Python caches a string's
//! hash, so a literal or a reused string costs a probe) and copies nothing.
//! A `str` subclass whose hash differs (an `Enum` mixing in `str` hashes its
//! name) misses the dictionary and is read by its text instead; anything
//! that is not a string, or an unknown code, raises `InvalidInputError`
//! (`right.unknown`).

use crate::errors;
use kabinet::{InputError, InputKind, Right};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyString};
use pyo3::Borrowed;

static BY_CODE: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

fn by_code(py: Python<'_>) -> PyResult<&Bound<'_, PyDict>> {
    let dict = BY_CODE.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let dict = PyDict::new(py);
        for (place, right) in Right::ALL.iter().enumerate() {
            dict.set_item(right.code(), place)?;
        }
        Ok(dict.unbind())
    })?;
    Ok(dict.bind(py))
}

/// A right given by its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RightArg(pub Right);

impl<'a, 'py> FromPyObject<'a, 'py> for RightArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        let Ok(text) = obj.cast::<PyString>() else {
            let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
            return Err(errors::input(
                py,
                &InputError::new(InputKind::Right, &shown),
            ));
        };
        if let Some(place) = by_code(py)?.get_item(text)? {
            let found = place
                .cast::<PyInt>()
                .ok()
                .and_then(|p| p.extract::<usize>().ok())
                .and_then(|p| Right::ALL.get(p).copied());
            if let Some(right) = found {
                return Ok(Self(right));
            }
        }
        let code = text.to_cow()?;
        Right::from_code(&code)
            .map(Self)
            .ok_or_else(|| errors::input(py, &InputError::new(InputKind::Right, &code)))
    }
}
