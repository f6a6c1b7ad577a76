//! kabinet-core: the access rules of an organization's account on the Russian
//! state services portal (Госуслуги / ЕСИА), as a pure, deterministic core.
//!
//! The core performs no I/O, reads no clock and keeps no globals: every
//! function that depends on time takes it as a parameter, state changes are
//! commands whose effects are events, and access decisions are values that
//! explain themselves.
//!
//! - [`identifiers`]: ИНН, ОГРН, ОГРНИП, КПП, СНИЛС, БИК, accounts, phone, e-mail.
//! - [`accounts`], [`organizations`], [`employees`], [`roles`], [`rights`]: the model.
//! - [`directory`]: commands in, events out; the state is the fold of events.
//! - [`decisions`]: `check` and `effective_rights`, with their explanations.
//! - [`signatures`], [`policy`]: signature levels and the policy values.
//! - [`auth`]: passwords, one-time codes, the login guard, PINs and sessions.
//! - [`notifications`], [`applications`]: what to tell whom; applications and their documents.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod applications;
pub mod auth;
pub mod coded;
pub mod decisions;
pub mod directory;
pub mod employees;
pub mod identifiers;
pub mod ids;
pub mod notifications;
pub mod organizations;
pub mod policy;
pub mod rights;
pub mod roles;
pub mod signatures;

pub use coded::{Coded, CodedMessage};
pub use decisions::{AccessRequest, Basis, Decision, EffectiveRight, Refusal};
pub use directory::{Actor, Command, CommandError, Context, Directory, Event};
pub use identifiers::{
    check_identifier, Bik, CorrespondentAccount, Email, IdentifierError, IdentifierKind, Inn,
    InnKind, Kpp, Ogrn, Ogrnip, Phone, SettlementAccount, Snils,
};
pub use ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
/// An instant in time with nanosecond precision (UTC); the core's only notion of "when".
pub use jiff::Timestamp;
pub use policy::Policy;
pub use rights::{Right, RightSet};
pub use roles::{BuiltInRole, RoleRef};
pub use signatures::{SignatureEvidence, SignatureLevel, SignerIdentity};
