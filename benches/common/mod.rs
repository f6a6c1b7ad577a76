//! What the benches share: the integration tests' fixtures (people, a company
//! registered through the registry, hiring), where the conformance data
//! lives, and a p50 measurement that holds up on a shared machine.
#![allow(dead_code)]

#[path = "../../tests/support/mod.rs"]
pub mod fixtures;

pub mod latency;
pub mod organization;

#[path = "../../tests/conformance/mod.rs"]
pub mod conformance;

use criterion::black_box;
use std::time::{Duration, Instant};

/// Runs `f` `iters` times in batches of 256 and returns `iters` times the
/// median time of one call within a batch. A batch the scheduler interrupts
/// (the machine is shared) lands in the upper half and does not move the
/// median, so the figure is the p50 of a call on an uncontended core.
pub fn median_of_batches<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    const BATCH: u64 = 256;
    let batches = iters.div_ceil(BATCH).max(1);
    let mut times: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..BATCH {
                black_box(f());
            }
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    median.mul_f64(iters as f64 / BATCH as f64)
}
