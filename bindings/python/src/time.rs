//! Times from Python: timezone-aware `datetime`s to the library's timestamps.
//!
//! pyo3's own conversion (feature `jiff-02`) is exact but resolves the
//! `datetime`'s time zone on every call, which costs about 3 µs — more than
//! the access check it feeds. The fast path here asks the `datetime` for its
//! POSIX `timestamp()` (CPython computes it from the exact microsecond count
//! with one rounding) and rounds back to whole microseconds, Python's own
//! resolution. That is exact while the timestamp's float spacing stays under
//! a microsecond, i.e. for |t| < 2^32 s (1833–2106); anything further out
//! takes the exact conversion. Naive `datetime`s are refused: the library
//! never guesses a time zone.
//!
//! A host usually asks many questions at one instant (a batch, a request
//! that checks several rights). The last `datetime` converted on a thread is
//! kept with its timestamp and recognised by identity, which costs one
//! pointer comparison. Only a value that cannot change is kept: an exact
//! `datetime.datetime` (immutable) whose `tzinfo` is an exact
//! `datetime.timezone` (a fixed offset); a subclass or a zone whose offset
//! is computed on each call is converted every time. Holding the object
//! keeps its identity from being reused by another one.

use crate::errors;
use kabinet::Timestamp;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDateTime, PyType};
use std::cell::RefCell;

thread_local! {
    /// The last immutable `datetime` converted on this thread.
    static LAST: RefCell<Option<(Py<PyAny>, Timestamp)>> = const { RefCell::new(None) };
}

/// `datetime.timezone`, the fixed-offset zone.
static FIXED_ZONE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Below this many seconds from the epoch the fast path is exact (see the module docs).
const FAST_PATH_LIMIT_SECONDS: f64 = 4_294_967_296.0;

/// The timestamp of an aware `datetime`, or the clock's now when `None`.
///
/// # Errors
/// `InvalidInputError`: `time.not_a_datetime` for anything but a `datetime`
/// (a date string included), `time.naive` for one without a time zone.
pub fn timestamp(value: Option<&Bound<'_, PyAny>>) -> PyResult<Timestamp> {
    let Some(value) = value else {
        return Ok(kabinet::Kabinet::now());
    };
    let py = value.py();
    let cached = LAST.with(|last| match &*last.borrow() {
        Some((object, at)) if object.is(value) => Some(*at),
        _ => None,
    });
    if let Some(at) = cached {
        return Ok(at);
    }
    if !value.is_instance_of::<PyDateTime>() {
        return Err(errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::NotATime, &value.to_string()),
        ));
    }
    let zone = value.getattr(intern!(py, "tzinfo"))?;
    if zone.is_none() {
        return Err(errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::NaiveTime, &value.to_string()),
        ));
    }
    let at = convert(value)?;
    if value.is_exact_instance_of::<PyDateTime>() && zone.get_type().is(fixed_zone(py)?) {
        LAST.with(|last| *last.borrow_mut() = Some((value.clone().unbind(), at)));
    }
    Ok(at)
}

/// `datetime.timezone`.
fn fixed_zone(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    FIXED_ZONE.import(py, "datetime", "timezone")
}

/// An aware `datetime`'s timestamp, by the fast path when it is exact.
fn convert(value: &Bound<'_, PyAny>) -> PyResult<Timestamp> {
    let seconds: f64 = value
        .call_method0(intern!(value.py(), "timestamp"))?
        .extract()?;
    if seconds.abs() < FAST_PATH_LIMIT_SECONDS {
        // In range by the check above: the product fits an i64 exactly.
        #[allow(clippy::cast_possible_truncation)]
        let micros = (seconds * 1e6).round() as i64;
        if let Ok(t) = Timestamp::from_microsecond(micros) {
            return Ok(t);
        }
    }
    value.extract::<Timestamp>()
}
