//! kabinet-core: the access rules of an organization's account on the Russian
//! state services portal (Госуслуги / ЕСИА), as a pure, deterministic core.
//!
//! The core performs no I/O, reads no clock and keeps no globals: every
//! function that depends on time takes it as a parameter, state changes are
//! commands whose effects are events, and access decisions are values that
//! explain themselves.
#![forbid(unsafe_code)]

pub mod coded;
pub mod gost;
pub mod signatures;

pub use coded::{Coded, CodedMessage};
/// An instant in time with nanosecond precision (UTC); the core's only notion of "when".
pub use jiff::Timestamp;
pub use signatures::SignatureLevel;
