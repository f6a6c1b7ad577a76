//! The foreign form of a state registry record (ЕГРЮЛ / ЕГРИП) a host puts
//! in an in-memory registry: flat, with the head's name in three fields and
//! identifiers as text, each read with its code when malformed.

use super::KabinetError;
use crate::accounts::PersonName;
use crate::identifiers::{Inn, Kpp, Ogrn, Ogrnip};
use crate::organizations::{RegistryHead, RegistryRecord as Record, RegistryStatus};

/// A registry record of a legal entity (ОГРН, КПП) or an entrepreneur (ОГРНИП).
#[derive(Debug, Clone, uniffi::Record)]
pub struct RegistryRecord {
    /// The full name.
    pub full_name: String,
    /// ИНН.
    pub inn: String,
    /// КПП of a legal entity.
    pub kpp: Option<String>,
    /// ОГРН of a legal entity.
    pub ogrn: Option<String>,
    /// ОГРНИП of an entrepreneur.
    pub ogrnip: Option<String>,
    /// Its state.
    pub status: RegistryStatus,
    /// The head's surname.
    pub head_surname: String,
    /// The head's given name.
    pub head_given_name: String,
    /// The head's patronymic, when there is one.
    pub head_patronymic: Option<String>,
    /// The head's ИНН.
    pub head_inn: String,
    /// The head's position.
    pub head_position: String,
}

impl TryFrom<RegistryRecord> for Record {
    type Error = KabinetError;

    fn try_from(r: RegistryRecord) -> Result<Self, KabinetError> {
        Ok(Self {
            full_name: r.full_name,
            inn: Inn::parse(&r.inn)?,
            kpp: r.kpp.as_deref().map(Kpp::parse).transpose()?,
            ogrn: r.ogrn.as_deref().map(Ogrn::parse).transpose()?,
            ogrnip: r.ogrnip.as_deref().map(Ogrnip::parse).transpose()?,
            status: r.status,
            head: RegistryHead {
                name: PersonName::new(
                    &r.head_surname,
                    &r.head_given_name,
                    r.head_patronymic.as_deref(),
                ),
                inn: Inn::parse(&r.head_inn)?,
                position: r.head_position,
            },
        })
    }
}
