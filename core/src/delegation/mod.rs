//! Delegation: powers of attorney (доверенность, machine-readable МЧД) — who
//! may act for an organization without being its head or employee, with
//! which powers, until when, and through which chain of re-delegation.
//!
//! - [`PowerOfAttorney`] holds the fields of the МЧД (FNS format EMCHD_1);
//!   [`PowerLevel`] names the presets базовый / оперативный / административный.
//! - Commands `IssuePower`, `RedelegatePower`, `RevokePower`, `RefusePower`
//!   and `ImportPower` of [`crate::Command`] follow the rules of Civil Code
//!   arts. 186–188 (see the `rules` module's overview).
//! - [`crate::Directory::check`] grants through roles or through a valid
//!   chain of powers; the chain check names the link that fails and why.
//! - Time decides validity by itself: a power works on `[valid_from,
//!   valid_until)`; expiry needs no command. Blocking the principal suspends
//!   its powers, liquidation ends them; both are read at each check.
//! - Queries: powers of a representative, issued by an organization,
//!   expiring soon, the chain behind a power; entering by a power's number.
//! - [`mchd`]: export and import as JSON whose keys mirror the МЧД's.
//! - [`RegistrationPower`]: the power a representative presents when
//!   registering an organization, kept beside the registration and judged by
//!   the formal check and the reconciliation.

mod access;
mod chain;
mod command;
mod error;
pub mod fns_xml;
pub mod mchd;
mod power;
mod presets;
mod queries;
mod registration;
mod registry;
mod rules;
mod world;

pub use crate::reasons::{ChainLink, DelegationBasis};
pub use command::{DelegationCommand, DelegationEvent};
pub use error::DelegationError;
pub use mchd::{Mchd, MchdError};
pub(crate) use power::TermPosition;
pub use power::{
    default_valid_until, PowerNumber, PowerOfAttorney, PowerStatus, Redelegation, Representative,
    RepresentingOrganization,
};
pub use presets::PowerLevel;
pub use queries::MAX_LOOKAHEAD_DAYS;
pub use registration::RegistrationPower;
pub(crate) use registration::{power_reasons, RegistrationPowers};
pub use rules::{PowerTerms, DISMISSAL_GROUND, MAX_GROUND, MAX_INTERNAL_NUMBER};

pub(crate) use access::{represents, PowerAccess};
pub(crate) use chain::ChainCheck;
pub(crate) use mchd::MchdForm;
pub(crate) use queries::PowerQueries;
pub(crate) use registry::PowerRegistry;
pub(crate) use rules::{apply, execute, organization_of, PowerCommands};
/// The UUID type of power numbers, so that hosts need no dependency of their own.
pub use uuid::Uuid;
pub(crate) use world::{DelegationState, DelegationWorld};

/// The context of a representative who entered by a power's number: the
/// organization acted for, the powers, their end and the chain.
pub type ActingContext = DelegationBasis;
