//! The state registry (ЕГРЮЛ / ЕГРИП) behind a trait the host implements.
//!
//! The core never calls out by itself: the host asks its registry (a service
//! of ФНС, a cached extract, a test double) through [`StateRegistry`] and
//! hands the answer to the directory as a command, which records it.
//! [`InMemoryRegistry`] serves tests and examples.

use crate::accounts::PersonName;
use crate::coded::Coded;
use crate::identifiers::{Inn, Kpp, Ogrn, Ogrnip};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The state of a subject as the registry records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RegistryStatus {
    /// Действующее.
    Active,
    /// В процессе ликвидации.
    Liquidating,
    /// Ликвидировано / прекратило деятельность.
    Liquidated,
}

/// The person the registry names as entitled to act without a power of attorney.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryHead {
    /// ФИО.
    pub name: PersonName,
    /// Personal ИНН.
    pub inn: Inn,
    /// Position.
    pub position: String,
}

/// A registry record of a legal entity or an entrepreneur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryRecord {
    /// Full name.
    pub full_name: String,
    /// ИНН.
    pub inn: Inn,
    /// КПП (legal entities).
    pub kpp: Option<Kpp>,
    /// ОГРН (legal entities).
    pub ogrn: Option<Ogrn>,
    /// ОГРНИП (entrepreneurs).
    pub ogrnip: Option<Ogrnip>,
    /// Status in the registry.
    pub status: RegistryStatus,
    /// The head.
    pub head: RegistryHead,
}

/// What the registry said about an ИНН.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "answer", from = "AnswerForm")]
pub enum RegistryAnswer {
    /// The registry holds this record.
    Found {
        /// The record.
        record: Box<RegistryRecord>,
    },
    /// The registry holds no subject with this ИНН.
    NotFound,
}

/// The JSON form [`RegistryAnswer`] is read from: `not_found` as an empty
/// struct variant, so that a field given with it is refused, not ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "answer")]
enum AnswerForm {
    Found { record: Box<RegistryRecord> },
    NotFound {},
}

impl From<AnswerForm> for RegistryAnswer {
    fn from(f: AnswerForm) -> Self {
        match f {
            AnswerForm::Found { record } => Self::Found { record },
            AnswerForm::NotFound {} => Self::NotFound,
        }
    }
}

/// The registry could not answer (the host's failure, not a "not found").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the state registry is unavailable: {detail}")]
pub struct RegistryError {
    /// What the host's registry reported.
    pub detail: String,
}

impl Coded for RegistryError {
    fn code(&self) -> &'static str {
        "registry.unavailable"
    }
    fn message_ru(&self) -> String {
        format!("государственный реестр недоступен: {}", self.detail)
    }
    fn message_en(&self) -> String {
        format!("the state registry is unavailable: {}", self.detail)
    }
}

/// A state registry the host provides.
pub trait StateRegistry {
    /// Looks a subject up by ИНН.
    ///
    /// # Errors
    /// [`RegistryError`] when the registry cannot answer; "not found" is an
    /// answer, not an error.
    fn lookup(&self, inn: &Inn) -> Result<RegistryAnswer, RegistryError>;
}

/// A registry held in memory, for tests and examples.
#[derive(Debug, Clone, Default)]
pub struct InMemoryRegistry {
    records: HashMap<Inn, RegistryRecord>,
}

impl InMemoryRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a record.
    pub fn insert(&mut self, record: RegistryRecord) {
        self.records.insert(record.inn.clone(), record);
    }
}

impl StateRegistry for InMemoryRegistry {
    fn lookup(&self, inn: &Inn) -> Result<RegistryAnswer, RegistryError> {
        Ok(match self.records.get(inn) {
            Some(record) => RegistryAnswer::Found {
                record: Box::new(record.clone()),
            },
            None => RegistryAnswer::NotFound,
        })
    }
}
