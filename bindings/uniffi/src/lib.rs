//! Kotlin and Swift bindings of kabinet, through UniFFI (proc-macros).
//!
//! The crate is thin: the library's values and the FFI model's records
//! (`kabinet::ffi`) cross as they are, and every function calls the facade
//! ([`kabinet::Kabinet`]) or the core and hands the answer over. No record
//! is defined here. No rule of the domain is
//! implemented here. Errors become [`KabinetError`] — a sealed exception
//! hierarchy in Kotlin, a thrown `Error` in Swift — carrying the library's
//! stable codes and both messages. Objects are `Send + Sync`; nothing panics
//! across the boundary (the workspace lints forbid it).
//!
//! Commands cross in two ways: a typed method of [`Kabinet`] for each
//! command (accounts, organizations, employees, powers of attorney,
//! authentication and sessions, notifications, applications), and
//! [`Kabinet::execute_json`], which takes any command in its
//! documented JSON form (serde reads it, the single source of truth) and
//! returns the events in theirs.
//!
//! One file per concept: powers of attorney, certificates, GOST, the
//! journal, authentication (functions in `auth`, commands and sessions in
//! `logins`), notifications and applications each have theirs; queries
//! answer with the FFI model's records.

// `KabinetError` is the error type of the foreign interface: its variants
// carry the code, both messages and the refusals by value, as UniFFI lowers
// them; boxing it would only add an allocation on the way out.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

// The library's values whose foreign form is a builtin one (a time, a
// power's number) are converted by the library's own conversions
// (`kabinet::ffi`); this crate uses them as they are.
use kabinet::{PowerNumber, Timestamp};
use std::net::IpAddr;
uniffi::use_remote_type!(kabinet::Timestamp);
uniffi::use_remote_type!(kabinet::PowerNumber);
uniffi::use_remote_type!(kabinet::IpAddr);

mod application_values;
mod applications;
mod audit;
mod auth;
mod catalog;
mod certificates;
mod cms;
mod commands;
mod context;
mod decision;
mod delegation;
mod employees;

mod fns_power;
mod gost;
mod handle;
mod identifiers;
mod journal;
mod logins;
mod notices;
mod notifications;
mod queries;
mod registry;
mod typed;
mod values;
mod xmldsig;

pub use application_values::{
    Application, ApplicationComment, ApplicationStatus, AttachedDocument, DocumentContent,
    DocumentFormat, Missing, StatusChange,
};
pub use applications::{inspect_document, sniff_document, SubmitOutcome};
pub use auth::{
    check_password, hash_password, hotp, password_policy_json, totp_code, totp_verify,
    verify_password, OtpAlgorithm, PasswordVerification,
};
pub use catalog::{builtin_roles, rights, RightInfo, RoleInfo};
pub use certificates::{
    certificate_parts, parse_certificates, validate_certificate, CertificateHolder,
    CertificateParts, CertificateProblem, CertificateReport, CertificateSummary, TrustStore,
};
pub use cms::{verify_cms, CmsReport, CmsSigner, CodedMessage};
pub use context::{
    account_context, bound_signature, simple_signature, system_context, Actor, Context,
    SignatureEvidence, SignatureLevel, SignerIdentity,
};
pub use decision::{Basis, Decision, EffectiveRight, PositionedDecision};
pub use delegation::{power_level_name_ru, power_level_rights};
pub use gost::{gost_verify_signature, streebog256, streebog512, GostPublicKey};
pub use handle::Kabinet;
pub use identifiers::*;
pub use journal::{
    BatchCommand, BatchOutcome, JournalBreak, JournalEntry, JournalFilter, JournalHead,
    JournalVerification,
};
pub use kabinet::delegation::{
    PowerLevel, PowerOfAttorney, PowerStatus, PowerTerms, Redelegation, Representative,
    RepresentingOrganization as ActingFor,
};
pub use kabinet::ffi::{FieldError, KabinetError, Refusal};
pub use kabinet::organizations::{OrganizationKind, RequisitesDraft};
pub use kabinet::{BuiltInRole, RoleRef};
pub use kabinet::{ChainLink, DelegationBasis, HeldThroughPower};
pub use logins::{
    code_digest, new_numeric_code, new_salt, AccountAuthInfo, CodeChannel, CodeOutcome,
    CodePurpose, LoginMethod, LoginOutcome, PendingCodeInfo, PinOutcome, SessionInfo, TokenPinInfo,
};
pub use notices::{
    Audience, CertificateExpiry, Delivery, Importance, Notice, NotificationCategory,
    NotificationChannel, NotificationPreferences, SendingHours, SentDelivery,
};
pub use notifications::certificate_reminders;
pub use queries::{
    AccessGroupInfo, AccountInfo, CustomRoleInfo, InvitationInfo, MemberInfo, OrganizationInfo,
};
pub use registry::{InMemoryRegistry, RegistryRecord, RegistryStatus};
pub use values::Event;
pub use xmldsig::{verify_xml, XmlDsigReport, XmlReference, XmlSignature};
