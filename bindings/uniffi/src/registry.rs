//! The state registry (ЕГРЮЛ / ЕГРИП) held in memory: [`InMemoryRegistry`].
//! `Kabinet.consultRegistry` asks it and records the answer.

use kabinet::ffi::KabinetError;
pub use kabinet::ffi::RegistryRecord;
use kabinet::identifiers::Inn;
pub use kabinet::organizations::RegistryStatus;
use kabinet::organizations::{self as orgs, StateRegistry};
use std::sync::{RwLock, RwLockReadGuard};

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
        let r = orgs::RegistryRecord::try_from(record)?;
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
