//! Accounts of people (учётная запись физического лица): levels, contacts and
//! their confirmation, statuses with reasons.
//!
//! ЕСИА knows three levels: упрощённая (simplified), стандартная (standard:
//! СНИЛС and passport checked) and подтверждённая (confirmed identity). Only a
//! confirmed account may register an organization, join one or act for one.
//! One person has one account (one СНИЛС, one account); an account may belong
//! to several organizations.

mod command;
mod person;
mod rules;
mod status;
mod world;

pub use command::{AccountCommand, AccountEvent, ContactValue};
pub use person::PersonName;
pub(crate) use rules::{apply, execute};
pub use status::{AccountLevel, AccountStatus, BlockReason};
pub(crate) use world::{AccountError, AccountState, AccountWorld};

use crate::identifiers::{Email, Inn, Phone, Snils};
use crate::ids::AccountId;
use serde::{Deserialize, Serialize};

/// A contact of an account and whether it was confirmed by a one-time code.
/// An unconfirmed contact receives nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact<T> {
    /// The address or number.
    pub value: T,
    /// Whether the person proved they receive messages there.
    pub confirmed: bool,
}

/// Which contact of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ContactKind {
    /// The e-mail address.
    Email,
    /// The mobile phone number.
    Phone,
}

/// A person's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The account's number.
    pub id: AccountId,
    /// The person's name.
    pub name: PersonName,
    /// The level of identity confirmation.
    pub level: AccountLevel,
    /// Active, blocked or temporarily disabled.
    pub status: AccountStatus,
    /// The person's СНИЛС, once given.
    pub snils: Option<Snils>,
    /// The person's ИНН (12 digits), once given.
    pub inn: Option<Inn>,
    /// The e-mail address (boxed: most of a large directory's accounts
    /// carry none, and a box keeps the record small).
    pub email: Option<Box<Contact<Email>>>,
    /// The mobile phone (boxed for the same reason).
    pub phone: Option<Box<Contact<Phone>>>,
}

impl Account {
    /// Whether the account may act for organizations: active and confirmed.
    pub fn may_act(&self) -> bool {
        self.status == AccountStatus::Active && self.level == AccountLevel::Confirmed
    }

    /// The confirmed e-mail address, if any.
    pub fn confirmed_email(&self) -> Option<&Email> {
        self.email
            .as_ref()
            .filter(|c| c.confirmed)
            .map(|c| &c.value)
    }
}
