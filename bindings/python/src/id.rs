//! Numbers of accounts, organizations, sessions, … as Python gives them.
//!
//! pyo3 reads a `u64` from any object with `__index__`: `True` is account 1,
//! and a negative or too large int raises a bare `OverflowError`. An [`Id`]
//! takes only a plain `int` in 0..2^64 and raises `InvalidInputError` with
//! the core's code (`id.not_an_integer`, `id.out_of_range`) for anything else.

use crate::errors;
use kabinet::{InputError, InputKind};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt};
use pyo3::Borrowed;

/// A number given by Python for an account, an organization, a session, …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub u64);

impl<'a, 'py> FromPyObject<'a, 'py> for Id {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        let shown = || obj.repr().map(|r| r.to_string()).unwrap_or_default();
        if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
            return Err(errors::input(
                py,
                &InputError::new(InputKind::IdNotAnInteger, &shown()),
            ));
        }
        obj.extract::<u64>()
            .map(Id)
            .map_err(|_| errors::input(py, &InputError::new(InputKind::IdOutOfRange, &shown())))
    }
}
