//! The Russian qualified certificate profile (63-ФЗ, Приказ ФСБ № 795).
//!
//! Reads the holder's identity from the subject ([`Holder`]), the sign-tool
//! markers and class ([`SignToolClass`]), classifies a validated certificate
//! as qualified ([`classify`]) and matches the holder against an expected
//! organization and person ([`match_holder`]), given as digit strings or
//! built from the typed identifiers of [`crate::identifiers`].

mod classify;
mod holder;
mod matching;

pub(crate) use classify::build_report;
pub use classify::{classify, Qualification};
pub use holder::{Holder, SignToolClass};
pub use matching::{
    match_holder, ExpectedOrganization, ExpectedPerson, HolderMismatch, Identifier,
};
