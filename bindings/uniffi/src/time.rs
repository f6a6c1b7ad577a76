//! Times cross the boundary as `SystemTime` (Kotlin `java.time.Instant`,
//! Swift `Date`); the library's are [`kabinet::Timestamp`].

use kabinet::ffi::KabinetError;
use kabinet::Timestamp;
use std::time::SystemTime;

/// The library's timestamp of a host time.
///
/// # Errors
/// `time.out_of_range` for a time outside the years -9999..=9999.
pub fn from_host(at: SystemTime) -> Result<Timestamp, KabinetError> {
    Timestamp::try_from(at).map_err(|e| {
        KabinetError::from(
            kabinet::InputError::new(kabinet::InputKind::TimeOutOfRange, &format!("{at:?}"))
                .because(e),
        )
    })
}

/// The host's time of a library timestamp.
pub fn to_host(at: Timestamp) -> SystemTime {
    SystemTime::from(at)
}
