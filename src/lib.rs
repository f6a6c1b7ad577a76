//! kabinet: access decisions of an organization's account on the Russian state
//! services portal (Госуслуги / ЕСИА), embeddable in Rust services and, through
//! the bindings, in Python, Kotlin and Swift.
//!
//! This facade re-exports the pure core ([`kabinet_core`]) and adds what the
//! core deliberately leaves out: the clock, sharing between threads and
//! storage ([`store`]: in memory, or SQLite with the `sqlite` feature).

pub mod audit;
pub mod bounded_read;
#[cfg(feature = "uniffi")]
mod ffi_errors;
mod freshness;
mod handle;
mod random;
pub mod store;

pub use freshness::Freshness;
pub use handle::{
    Kabinet, PositionedDecision, MAX_WRITE_ATTEMPTS, SNAPSHOT_BYTES_PER_ENTRY, SNAPSHOT_EVERY,
};
pub use kabinet_core::*;

pub mod trust_files;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExample;
pub use random::SystemRandomSource;
