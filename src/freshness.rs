//! How fresh a handle's answers are, and what it knows of the store's changes.
//!
//! A handle sharing its store with others asks the store, before it
//! answers, whether anything was committed since it last looked; under
//! [`Freshness::AtMost`] it asks at most once per interval.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How fresh a handle's answers are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Freshness {
    /// Every answer includes every command that any handle of any process
    /// had acknowledged before the question was asked (the default).
    #[default]
    Fresh,
    /// The store is asked at most once per this interval: an answer may
    /// miss commands acknowledged by others within it. For read-heavy hosts
    /// that accept bounded staleness; a handle's own commands are always seen.
    AtMost(Duration),
}

impl Freshness {
    /// The freshness a host asks for with a staleness bound in milliseconds:
    /// [`Freshness::AtMost`] that long, or [`Freshness::Fresh`] without one.
    pub fn within_millis(max_staleness_ms: Option<u64>) -> Self {
        max_staleness_ms.map_or(Self::Fresh, |ms| Self::AtMost(Duration::from_millis(ms)))
    }
}

/// What a handle knows of the store's changes.
#[derive(Debug)]
pub(crate) struct Seen {
    /// The store's change token when the handle last caught up.
    pub(crate) token: AtomicU64,
    /// The sequence number of the last entry applied to the directory.
    pub(crate) applied: AtomicU64,
    /// The store's change hint when it was last looked at.
    hint: AtomicU64,
    /// When the store was last asked, in nanoseconds after `since`.
    asked_at: AtomicU64,
    since: Instant,
    pub(crate) freshness: Freshness,
}

impl Seen {
    pub(crate) fn new(applied: u64, token: u64) -> Self {
        Self {
            token: AtomicU64::new(token),
            applied: AtomicU64::new(applied),
            hint: AtomicU64::new(0),
            asked_at: AtomicU64::new(0),
            since: Instant::now(),
            freshness: Freshness::Fresh,
        }
    }

    pub(crate) fn elapsed_ns(&self) -> u64 {
        u64::try_from(self.since.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Notes that the store was just asked (only bounded staleness needs to know when).
    pub(crate) fn mark_asked(&self) {
        if let Freshness::AtMost(_) = self.freshness {
            self.asked_at.store(self.elapsed_ns(), Ordering::Relaxed);
        }
    }

    /// Whether the store's change hint moved since it was last looked at
    /// (notes the new value): a commit was heard of, so the store is asked
    /// before the interval of bounded staleness has passed.
    pub(crate) fn hinted(&self, hint: Option<u64>) -> bool {
        let Some(hint) = hint else {
            return false;
        };
        self.hint.swap(hint, Ordering::AcqRel) != hint
    }

    /// Whether the store must be asked now under the freshness asked for.
    pub(crate) fn due(&self) -> bool {
        match self.freshness {
            Freshness::Fresh => true,
            Freshness::AtMost(interval) => {
                let interval = u64::try_from(interval.as_nanos()).unwrap_or(u64::MAX);
                self.elapsed_ns()
                    .saturating_sub(self.asked_at.load(Ordering::Relaxed))
                    >= interval
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_in_milliseconds_is_an_interval_and_none_is_fresh() {
        assert_eq!(Freshness::within_millis(None), Freshness::Fresh);
        assert_eq!(
            Freshness::within_millis(Some(250)),
            Freshness::AtMost(Duration::from_millis(250))
        );
        assert_eq!(
            Freshness::within_millis(Some(0)),
            Freshness::AtMost(Duration::ZERO)
        );
    }
}
