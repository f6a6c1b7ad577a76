//! Commands: every change to the directory, as a value.
//!
//! A command belongs to one feature's family ([`AccountCommand`],
//! [`RoleCommand`], …, [`crate::auth::AuthCommand`], …). Its JSON keeps one
//! flat form: `{"command": "assign_role", …}` for the families of accounts,
//! organizations, employees, roles and delegation, `{"command": "auth",
//! "auth_command": …}` for the others. Reading goes by the `command` tag
//! to the one family that has it, so every error names what that family
//! expects.

use super::families::{read_by_kind, ByKind};
use crate::accounts::AccountCommand;
use crate::applications::ApplicationCommand;
use crate::auth::{AuthCommand, SessionCommand};
use crate::certificates::CertificateCommand;
use crate::delegation::DelegationCommand;
use crate::employees::EmployeeCommand;
use crate::notifications::NotificationCommand;
use crate::organizations::OrganizationCommand;
use crate::roles::RoleCommand;
use serde::{Deserialize, Deserializer, Serialize};

/// A command to the directory, by family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum Command {
    /// Authentication: logins, codes, PINs. System.
    Auth(AuthCommand),
    /// Sessions: touch, end, sweep.
    Session(SessionCommand),
    /// Notifications: preferences, routing, delivery reports.
    Notification(NotificationCommand),
    /// Applications and reports.
    Application(ApplicationCommand),
    /// Signature certificates: binding to employees and unbinding.
    Certificate(CertificateCommand),
    /// Accounts: registration, levels, contacts, blocking.
    #[serde(untagged)]
    Accounts(AccountCommand),
    /// Organizations: registration, requisites, blocking, liquidation.
    #[serde(untagged)]
    Organizations(OrganizationCommand),
    /// Employees: invitations, joining, blocking, dismissal.
    #[serde(untagged)]
    Employees(EmployeeCommand),
    /// Roles, individual rights, custom roles, access groups.
    #[serde(untagged)]
    Roles(RoleCommand),
    /// Powers of attorney, and registration by a representative.
    #[serde(untagged)]
    Delegation(DelegationCommand),
}

/// The families whose JSON names the family (`"command": "auth"`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "command")]
enum Tagged {
    Auth(AuthCommand),
    Session(SessionCommand),
    Notification(NotificationCommand),
    Application(ApplicationCommand),
    Certificate(CertificateCommand),
}

/// The tags of [`Tagged`].
const TAGGED: &[&str] = &[
    "auth",
    "session",
    "notification",
    "application",
    "certificate",
];

impl From<Tagged> for Command {
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

impl ByKind for Command {
    const TAG: &'static str = "command";
    const FAMILIES: &'static [&'static [&'static str]] = &[
        AccountCommand::KINDS,
        OrganizationCommand::KINDS,
        EmployeeCommand::KINDS,
        RoleCommand::KINDS,
        DelegationCommand::KINDS,
        TAGGED,
    ];

    fn read<'de, D: Deserializer<'de>>(family: usize, d: D) -> Result<Self, D::Error> {
        match family {
            0 => AccountCommand::deserialize(d).map(Self::Accounts),
            1 => OrganizationCommand::deserialize(d).map(Self::Organizations),
            2 => EmployeeCommand::deserialize(d).map(Self::Employees),
            3 => RoleCommand::deserialize(d).map(Self::Roles),
            4 => DelegationCommand::deserialize(d).map(Self::Delegation),
            _ => Tagged::deserialize(d).map(Self::from),
        }
    }
}

impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_by_kind(d)
    }
}

impl Command {
    /// The command's kind: its JSON `command` tag (`assign_role`, `auth`).
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
