//! Events: the effects of commands. The directory is the fold of its events.
//!
//! An event belongs to one feature's family ([`AccountEvent`],
//! [`RoleEvent`], …, [`crate::auth::AuthEvent`], …). Its JSON keeps one
//! flat form: `{"event": "role_assigned", …}` for the families of accounts,
//! organizations, employees, roles and delegation, `{"event": "auth",
//! "auth_event": …}` for the others. Reading goes by the `event` tag
//! to the one family that has it, so every error names what that family
//! expects.

use super::families::{read_by_kind, ByKind};
use crate::accounts::AccountEvent;
use crate::applications::ApplicationEvent;
use crate::auth::{AuthEvent, SessionEvent};
use crate::certificates::CertificateEvent;
use crate::delegation::DelegationEvent;
use crate::employees::EmployeeEvent;
use crate::notifications::NotificationEvent;
use crate::organizations::OrganizationEvent;
use crate::roles::RoleEvent;
use serde::{Deserialize, Deserializer, Serialize};

/// Something that happened to the directory, by family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum Event {
    /// Authentication: logins, codes, PINs.
    Auth(AuthEvent),
    /// Sessions: started, touched, ended.
    Session(SessionEvent),
    /// Notifications: preferences, queued and sent deliveries.
    Notification(NotificationEvent),
    /// Applications and reports.
    Application(ApplicationEvent),
    /// Signature certificates bound or unbound.
    Certificate(CertificateEvent),
    /// Accounts: registration, levels, contacts, blocking.
    #[serde(untagged)]
    Accounts(AccountEvent),
    /// Organizations: registration, requisites, blocking, liquidation.
    #[serde(untagged)]
    Organizations(OrganizationEvent),
    /// Employees: invitations, joining, blocking, dismissal.
    #[serde(untagged)]
    Employees(EmployeeEvent),
    /// Roles, individual rights, custom roles, access groups.
    #[serde(untagged)]
    Roles(RoleEvent),
    /// Powers of attorney, and registration by a representative.
    #[serde(untagged)]
    Delegation(DelegationEvent),
}

/// The families whose JSON names the family (`"event": "auth"`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "event")]
enum Tagged {
    Auth(AuthEvent),
    Session(SessionEvent),
    Notification(NotificationEvent),
    Application(ApplicationEvent),
    Certificate(CertificateEvent),
}

/// The tags of [`Tagged`].
const TAGGED: &[&str] = &[
    "auth",
    "session",
    "notification",
    "application",
    "certificate",
];

impl From<Tagged> for Event {
    fn from(t: Tagged) -> Self {
        match t {
            Tagged::Auth(c) => Self::Auth(c),
            Tagged::Session(c) => Self::Session(c),
            Tagged::Notification(c) => Self::Notification(c),
            Tagged::Application(c) => Self::Application(c),
            Tagged::Certificate(c) => Self::Certificate(c),
        }
    }
}

impl ByKind for Event {
    const TAG: &'static str = "event";
    const FAMILIES: &'static [&'static [&'static str]] = &[
        AccountEvent::KINDS,
        OrganizationEvent::KINDS,
        EmployeeEvent::KINDS,
        RoleEvent::KINDS,
        DelegationEvent::KINDS,
        TAGGED,
    ];

    fn read<'de, D: Deserializer<'de>>(family: usize, d: D) -> Result<Self, D::Error> {
        match family {
            0 => AccountEvent::deserialize(d).map(Self::Accounts),
            1 => OrganizationEvent::deserialize(d).map(Self::Organizations),
            2 => EmployeeEvent::deserialize(d).map(Self::Employees),
            3 => RoleEvent::deserialize(d).map(Self::Roles),
            4 => DelegationEvent::deserialize(d).map(Self::Delegation),
            _ => Tagged::deserialize(d).map(Self::from),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_by_kind(d)
    }
}

impl Event {
    /// The event's kind: its JSON `event` tag (`role_assigned`, `auth`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Accounts(c) => c.kind(),
            Self::Organizations(c) => c.kind(),
            Self::Employees(c) => c.kind(),
            Self::Roles(c) => c.kind(),
            Self::Delegation(c) => c.kind(),
            Self::Auth(_) => "auth",
            Self::Session(_) => "session",
            Self::Notification(_) => "notification",
            Self::Application(_) => "application",
            Self::Certificate(_) => "certificate",
        }
    }
}
