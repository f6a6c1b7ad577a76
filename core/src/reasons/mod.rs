//! The reasons of an access decision: every [`Refusal`] with its stable code,
//! the [`Basis`] an allowed one rests on, and who signs for whom
//! (`Signing`). Shared vocabulary below both the decisions and delegation:
//! a power of attorney's chain check refuses with the same reasons the
//! access check does, and the decision names the chain, so neither of the
//! two may hold these for the other.

mod basis;
mod chain;
mod refusal;
mod signing;

pub use basis::Basis;
pub use chain::{ChainLink, DelegationBasis};
pub(crate) use refusal::account_refusals;
pub use refusal::Refusal;
pub(crate) use signing::{echo_fingerprint, Signing};
