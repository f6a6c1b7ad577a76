//! The commands and events of accounts: registration, levels, contacts, blocking, in the
//! directory's flat JSON form (`{"command": "register_account", …}`,
//! `{"event": "account_registered", …}`): [`crate::Command`] and
//! [`crate::Event`] hold them as one family each.

use crate::accounts::{AccountLevel, AccountStatus, BlockReason, ContactKind, PersonName};
use crate::identifiers::{Email, Inn, Phone, Snils};
use crate::ids::AccountId;
use serde::{Deserialize, Serialize};

/// A new value of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ContactValue {
    /// An e-mail address.
    Email(Email),
    /// A phone number.
    Phone(Phone),
}

/// A command of this family. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum AccountCommand {
    /// Registers a person's account at the simplified level. System.
    RegisterAccount {
        /// ФИО.
        name: PersonName,
        /// СНИЛС, if given; one СНИЛС, one account.
        snils: Option<Snils>,
        /// Personal ИНН, if given.
        inn: Option<Inn>,
        /// E-mail (unconfirmed).
        email: Option<Email>,
        /// Phone (unconfirmed).
        phone: Option<Phone>,
    },
    /// Raises an account's level one step (standard needs a СНИЛС). System.
    RaiseAccountLevel {
        /// The account.
        account: AccountId,
        /// The new level.
        level: AccountLevel,
    },
    /// Confirms a person's identity: raises the account through every step
    /// left to `confirmed` (needs a СНИЛС), all or nothing. System.
    ConfirmIdentity {
        /// The account.
        account: AccountId,
    },
    /// Sets a contact, unconfirmed. The account itself or System.
    ChangeContact {
        /// The account.
        account: AccountId,
        /// The new contact.
        contact: ContactValue,
    },
    /// Marks a contact confirmed after a one-time code was checked. System.
    ConfirmContact {
        /// The account.
        account: AccountId,
        /// Which contact.
        kind: ContactKind,
    },
    /// Blocks an account. System.
    BlockAccount {
        /// The account.
        account: AccountId,
        /// Why.
        reason: BlockReason,
    },
    /// Temporarily disables an account. System.
    DisableAccount {
        /// The account.
        account: AccountId,
    },
    /// Restores a blocked or disabled account. System.
    RestoreAccount {
        /// The account.
        account: AccountId,
    },
}

impl AccountCommand {
    /// Every kind of this family, as in the JSON `command` tag.
    pub const KINDS: &'static [&'static str] = &[
        "register_account",
        "raise_account_level",
        "confirm_identity",
        "change_contact",
        "confirm_contact",
        "block_account",
        "disable_account",
        "restore_account",
    ];

    /// The command's kind: its JSON `command` tag (`register_account`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RegisterAccount { .. } => "register_account",
            Self::RaiseAccountLevel { .. } => "raise_account_level",
            Self::ConfirmIdentity { .. } => "confirm_identity",
            Self::ChangeContact { .. } => "change_contact",
            Self::ConfirmContact { .. } => "confirm_contact",
            Self::BlockAccount { .. } => "block_account",
            Self::DisableAccount { .. } => "disable_account",
            Self::RestoreAccount { .. } => "restore_account",
        }
    }
}

/// Something that happened in this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "event")]
#[allow(missing_docs)] // the fields repeat the commands'; each variant is documented
pub enum AccountEvent {
    /// An account was registered at the simplified level.
    AccountRegistered {
        account: AccountId,
        name: PersonName,
        snils: Option<Snils>,
        inn: Option<Inn>,
        email: Option<Email>,
        phone: Option<Phone>,
    },
    /// An account's level changed.
    AccountLevelChanged {
        account: AccountId,
        level: AccountLevel,
    },
    /// A contact was set, unconfirmed.
    ContactChanged {
        account: AccountId,
        contact: ContactValue,
    },
    /// A contact was confirmed.
    ContactConfirmed {
        account: AccountId,
        kind: ContactKind,
    },
    /// An account was blocked, disabled or restored.
    AccountStatusChanged {
        account: AccountId,
        status: AccountStatus,
    },
}

impl AccountEvent {
    /// Every kind of this family, as in the JSON `event` tag.
    pub const KINDS: &'static [&'static str] = &[
        "account_registered",
        "account_level_changed",
        "contact_changed",
        "contact_confirmed",
        "account_status_changed",
    ];

    /// The event's kind: its JSON `event` tag (`account_registered`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AccountRegistered { .. } => "account_registered",
            Self::AccountLevelChanged { .. } => "account_level_changed",
            Self::ContactChanged { .. } => "contact_changed",
            Self::ContactConfirmed { .. } => "contact_confirmed",
            Self::AccountStatusChanged { .. } => "account_status_changed",
        }
    }
}
