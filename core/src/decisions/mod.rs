//! Access decisions: may this person exercise this right for this
//! organization, now, with this signature — and why.
//!
//! A decision is a value, not an error. [`Decision`] says whether the request
//! is allowed, the basis it rests on (headship, a role, an individual grant)
//! and, when refused, every reason, each with a stable code and messages in
//! Russian and English. The check is a few hash lookups and bit tests and
//! allocates nothing when it allows.

mod check;
mod decision;
mod effective;
mod refusal;
mod request;

pub use decision::{Basis, Decision};
pub use effective::EffectiveRight;
pub use refusal::Refusal;
pub use request::AccessRequest;

pub(crate) use check::account_refusals;
