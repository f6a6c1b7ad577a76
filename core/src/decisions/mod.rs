//! Access decisions: may this person exercise this right for this
//! organization, now, with this signature — and why.
//!
//! A decision is a value, not an error. [`Decision`] says whether the request
//! is allowed, the basis it rests on (headship, a role, an individual grant,
//! or a chain of powers of attorney, named link by link) and, when refused,
//! every reason, each with a stable code and messages in Russian and English.
//! The check is a few hash lookups and bit tests; through a role it
//! allocates nothing when it allows, through powers of attorney it allocates
//! only the chain it names.

mod check;
mod decision;
mod effective;
mod request;

pub use crate::reasons::{Basis, Refusal};
pub use decision::Decision;
pub use effective::{EffectiveRight, HeldThroughPower};
pub use request::AccessRequest;

pub(crate) use crate::reasons::{account_refusals, echo_fingerprint, Signing};
pub(crate) use check::{basis_for, level_and_signer_refusals};
pub(crate) use effective::slot;
