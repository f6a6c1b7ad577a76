//! Decisions as records: [`Decision`], its refusals and [`Basis`], and
//! the [`EffectiveRight`]s with their provenance, built in the library.

pub use kabinet::ffi::{DecisionRecord as Decision, PositionedDecision};
pub use kabinet::{Basis, EffectiveRight};
