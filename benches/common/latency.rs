//! Per-call latency: each call timed on its own, the timer's own cost
//! subtracted, the distribution reported as percentiles.
//!
//! A call is timed by two `Instant::now()` readings around it (the vDSO
//! clock, about 20 ns on this machine). What the pair costs with nothing
//! between is measured the same way, a million times, and its median is
//! subtracted from every sample (a sample never goes below zero). The
//! figures are thus the call's own time to within the timer's jitter (its
//! p99 minus its median, printed beside them).

use criterion::black_box;
use std::time::Instant;

/// Percentiles of per-call times, in nanoseconds.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub p50: u64,
    pub p90: u64,
    pub p99: u64,
    pub p999: u64,
    pub calls: usize,
}

impl std::fmt::Display for Latency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p50 {} ns, p90 {} ns, p99 {} ns, p99.9 {} ns ({} calls)",
            self.p50, self.p90, self.p99, self.p999, self.calls
        )
    }
}

fn percentiles(mut samples: Vec<u64>) -> Latency {
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples.get(i).copied().unwrap_or_default()
    };
    Latency {
        p50: at(0.50),
        p90: at(0.90),
        p99: at(0.99),
        p999: at(0.999),
        calls: samples.len(),
    }
}

/// The cost of the timer itself: an empty pair of readings, as percentiles.
pub fn timer_cost() -> Latency {
    let samples = (0..1_000_000)
        .map(|_| {
            let start = Instant::now();
            let end = Instant::now();
            end.duration_since(start).as_nanos() as u64
        })
        .collect();
    percentiles(samples)
}

/// Times `f` on every input, one call per timing, less the timer's median.
pub fn per_call<I, T>(inputs: &[I], timer: &Latency, mut f: impl FnMut(&I) -> T) -> Latency {
    let samples = inputs
        .iter()
        .map(|input| {
            let start = Instant::now();
            black_box(f(black_box(input)));
            let ns = start.elapsed().as_nanos() as u64;
            ns.saturating_sub(timer.p50)
        })
        .collect();
    percentiles(samples)
}

/// A seeded generator for the benches' random draws (xorshift64*): the same
/// seed gives the same requests on every run and every machine.
pub struct Draw(u64);

impl Draw {
    pub fn seeded(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        ((u128::from(x) * n as u128) >> 64) as usize
    }
}
