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

use crate::errors;
use kabinet::Timestamp;
use pyo3::intern;
use pyo3::prelude::*;

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
    if !value.is_instance_of::<pyo3::types::PyDateTime>() {
        return Err(errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::NotATime, &value.to_string()),
        ));
    }
    if value.getattr(intern!(py, "tzinfo"))?.is_none() {
        return Err(errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::NaiveTime, &value.to_string()),
        ));
    }
    let seconds: f64 = value.call_method0(intern!(py, "timestamp"))?.extract()?;
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
