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
//! - [`delegation`]: powers of attorney (МЧД), their chains, rules and queries.
//! - [`journal`]: the hash-chained log of every command and its result.
//! - [`signatures`], [`policy`]: signature levels and the policy values.
//! - [`cms`]: CMS SignedData verification (attached or detached, RSA, ECDSA, GOST).
//! - [`pki`]: certificate validation (paths, CRLs) and the Russian qualified profile.
//! - [`gost`]: GOST R 34.10-2012 signature verification and GOST R 34.11-2012 hashing.
//! - [`certificates`]: signature certificates bound to employees, with the holder checked.
//! - [`auth`]: passwords, one-time codes, the login guard, PINs and sessions.
//! - [`notifications`], [`applications`]: what to tell whom; applications and their documents.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]
// The scaffolding UniFFI generates for the values that cross (extern
// functions, `unsafe impl` of its converters) is its own; the library's
// code holds no `unsafe`, which the build without the feature checks.
#![cfg_attr(feature = "uniffi", allow(unsafe_code))]

pub mod accounts;
pub mod applications;
pub mod auth;
pub mod certificates;
pub mod cms;
pub mod coded;
pub mod context;
pub mod decisions;
pub mod delegation;
pub mod directory;
pub mod employees;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod gost;
pub mod host_input;
pub mod identifiers;
pub mod ids;
pub mod journal;
pub mod json_form;
pub mod notifications;
pub mod organizations;
pub mod pki;
pub mod policy;
pub mod reasons;
pub mod rights;
pub mod roles;
pub mod signatures;
mod view;
pub mod xml;
pub mod xmldsig;

pub use accounts::{AccountCommand, AccountEvent};
pub use coded::{Coded, CodedMessage, ReportedProblem};
pub use context::{Actor, Context};
pub use decisions::{AccessRequest, Basis, Decision, EffectiveRight, HeldThroughPower, Refusal};
pub use delegation::{
    ChainLink, DelegationBasis, DelegationError, PowerLevel, PowerNumber, PowerOfAttorney,
    PowerStatus, PowerTerms, Redelegation, Representative, RepresentingOrganization, Uuid,
};
pub use delegation::{DelegationCommand, DelegationEvent};
pub use directory::{Command, CommandError, Directory, Event, Query, QueryError};
pub use employees::{EmployeeCommand, EmployeeEvent};
pub use host_input::{power_number, InputError, InputKind};
pub use identifiers::{
    check_identifier, Bik, CorrespondentAccount, Email, IdentifierError, IdentifierKind, Inn,
    InnKind, Kpp, Ogrn, Ogrnip, Phone, SettlementAccount, Snils,
};
pub use ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
/// An instant in time with nanosecond precision (UTC); the core's only notion of "when".
pub use jiff::Timestamp;
pub use json_form::{from_json, JsonForm, JsonFormError};
pub use organizations::{OrganizationCommand, OrganizationEvent};
pub use policy::Policy;
pub use rights::{Right, RightSet};
pub use roles::{BuiltInRole, RoleRef};
pub use roles::{RoleCommand, RoleEvent};
pub use signatures::{SignatureEvidence, SignatureLevel, SignerIdentity};

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("kabinet_core");
