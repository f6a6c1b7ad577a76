//! The state registry (ЕГРЮЛ / ЕГРИП) held in memory, for tests, examples
//! and hosts that keep an extract: `InMemoryRegistry`.
//!
//! A host asks its registry and hands the answer to the directory with the
//! `record_registry_answer` command; `kabinet.Kabinet.consult_registry` does
//! both with this class.

use crate::errors::{self, Family};
use crate::identifiers::error;
use kabinet::accounts::PersonName;
use kabinet::identifiers::{Inn, Kpp, Ogrn, Ogrnip};
use kabinet::organizations::{
    InMemoryRegistry as Registry, RegistryHead, RegistryRecord, RegistryStatus, StateRegistry,
};
use pyo3::prelude::*;
use std::sync::RwLock;

/// Registry records by ИНН, shared between threads.
#[pyclass(frozen, module = "kabinet")]
pub struct InMemoryRegistry(RwLock<Registry>);

#[pymethods]
impl InMemoryRegistry {
    #[new]
    fn new() -> Self {
        Self(RwLock::new(Registry::new()))
    }

    /// Adds or replaces the record of a legal entity (`ogrn`, `kpp`) or an
    /// entrepreneur (`ogrnip`). `status` is `active`, `liquidating` or `liquidated`.
    #[pyo3(signature = (*, full_name, inn, head_surname, head_given_name, head_inn, head_position, head_patronymic = None, kpp = None, ogrn = None, ogrnip = None, status = "active"))]
    #[allow(clippy::too_many_arguments)]
    fn insert(
        &self,
        py: Python<'_>,
        full_name: &str,
        inn: &str,
        head_surname: &str,
        head_given_name: &str,
        head_inn: &str,
        head_position: &str,
        head_patronymic: Option<&str>,
        kpp: Option<&str>,
        ogrn: Option<&str>,
        ogrnip: Option<&str>,
        status: &str,
    ) -> PyResult<()> {
        let e = |r: kabinet::identifiers::IdentifierError| error(py, &r);
        let status = match status {
            "active" => RegistryStatus::Active,
            "liquidating" => RegistryStatus::Liquidating,
            "liquidated" => RegistryStatus::Liquidated,
            other => {
                return Err(errors::input(
                    py,
                    &kabinet::InputError::new(kabinet::InputKind::RegistryStatus, other),
                ))
            }
        };
        let record = RegistryRecord {
            full_name: full_name.to_owned(),
            inn: Inn::parse(inn).map_err(e)?,
            kpp: kpp.map(Kpp::parse).transpose().map_err(e)?,
            ogrn: ogrn.map(Ogrn::parse).transpose().map_err(e)?,
            ogrnip: ogrnip.map(Ogrnip::parse).transpose().map_err(e)?,
            status,
            head: RegistryHead {
                name: PersonName::new(head_surname, head_given_name, head_patronymic),
                inn: Inn::parse(head_inn).map_err(e)?,
                position: head_position.to_owned(),
            },
        };
        self.0
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(record);
        Ok(())
    }

    /// Adds or replaces a record given in its JSON form.
    fn insert_record(&self, record: &Bound<'_, PyAny>) -> PyResult<()> {
        let record: RegistryRecord = crate::json::from_py(record, kabinet::JsonForm::Registry)?;
        self.0
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(record);
        Ok(())
    }

    /// The registry's answer about an ИНН in its JSON form:
    /// `{"answer": "found", "record": {...}}` or `{"answer": "not_found"}`.
    fn lookup<'py>(&self, py: Python<'py>, inn: &str) -> PyResult<Bound<'py, PyAny>> {
        let inn = Inn::parse(inn).map_err(|e| error(py, &e))?;
        let answer = self
            .0
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .lookup(&inn)
            .map_err(|e| errors::coded(py, Family::Registry, &e, serde_json::Value::Null))?;
        crate::json::to_py(py, &answer)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<InMemoryRegistry>()?;
    Ok(())
}
