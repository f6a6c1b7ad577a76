//! The state registry (ЕГРЮЛ / ЕГРИП) held in memory: [`InMemoryRegistry`].
//! `Kabinet.consultRegistry` asks it and records the answer.

use kabinet::accounts::PersonName;
use kabinet::ffi::KabinetError;
use kabinet::identifiers::{Inn, Kpp, Ogrn, Ogrnip};
use kabinet::organizations::{self as orgs, RegistryHead, StateRegistry};
use std::sync::{RwLock, RwLockReadGuard};

/// A subject's state in the registry.
#[derive(Debug, Clone, Copy, uniffi::Enum)]
pub enum RegistryStatus {
    /// Действующее.
    Active,
    /// В процессе ликвидации.
    Liquidating,
    /// Ликвидировано.
    Liquidated,
}

/// A registry record of a legal entity (ОГРН, КПП) or an entrepreneur (ОГРНИП).
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct RegistryRecord {
    pub full_name: String,
    pub inn: String,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub ogrnip: Option<String>,
    pub status: RegistryStatus,
    pub head_surname: String,
    pub head_given_name: String,
    pub head_patronymic: Option<String>,
    pub head_inn: String,
    pub head_position: String,
}

/// Registry records by ИНН, shared between threads.
#[derive(uniffi::Object, Default)]
pub struct InMemoryRegistry(RwLock<orgs::InMemoryRegistry>);

impl InMemoryRegistry {
    pub(crate) fn registry(&self) -> RwLockReadGuard<'_, orgs::InMemoryRegistry> {
        self.0.read().unwrap_or_else(|p| p.into_inner())
    }
}

#[uniffi::export]
impl InMemoryRegistry {
    /// An empty registry.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a record.
    ///
    /// # Errors
    /// The code of a malformed ИНН, КПП, ОГРН or ОГРНИП.
    pub fn insert(&self, record: RegistryRecord) -> Result<(), KabinetError> {
        let r = orgs::RegistryRecord {
            full_name: record.full_name,
            inn: Inn::parse(&record.inn)?,
            kpp: record.kpp.as_deref().map(Kpp::parse).transpose()?,
            ogrn: record.ogrn.as_deref().map(Ogrn::parse).transpose()?,
            ogrnip: record.ogrnip.as_deref().map(Ogrnip::parse).transpose()?,
            status: match record.status {
                RegistryStatus::Active => orgs::RegistryStatus::Active,
                RegistryStatus::Liquidating => orgs::RegistryStatus::Liquidating,
                RegistryStatus::Liquidated => orgs::RegistryStatus::Liquidated,
            },
            head: RegistryHead {
                name: PersonName::new(
                    &record.head_surname,
                    &record.head_given_name,
                    record.head_patronymic.as_deref(),
                ),
                inn: Inn::parse(&record.head_inn)?,
                position: record.head_position,
            },
        };
        self.0.write().unwrap_or_else(|p| p.into_inner()).insert(r);
        Ok(())
    }

    /// The registry's answer about an ИНН in its JSON form.
    ///
    /// # Errors
    /// `inn.*` for a malformed ИНН.
    pub fn lookup_json(&self, inn: String) -> Result<String, KabinetError> {
        let inn = Inn::parse(&inn)?;
        let answer = self
            .registry()
            .lookup(&inn)
            .map_err(|e| KabinetError::Registry {
                code: kabinet::Coded::code(&e).into(),
                message_ru: kabinet::Coded::message_ru(&e),
                message_en: kabinet::Coded::message_en(&e),
            })?;
        Ok(serde_json::to_string(&answer).unwrap_or_default())
    }
}
