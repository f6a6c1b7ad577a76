//! The registration workflow: stages, rejection reasons and the
//! reconciliation of submitted requisites with the registry's record.

use super::{RegistryAnswer, RegistryStatus, Requisites};
use crate::coded::Coded;
use serde::{Deserialize, Serialize};

/// The stages of registration, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStage {
    /// Заявка подана.
    Submitted,
    /// Форматно-логический контроль пройден.
    Checked,
    /// Правовой статус подтверждён в реестре.
    Verified,
    /// Сведения сверены с государственными реестрами.
    Reconciled,
}

/// Why a registration was rejected. Each has a stable code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum RejectionReason {
    /// An active organization with the same ИНН and КПП is already registered.
    AlreadyRegistered,
    /// The registry holds no subject with this ИНН.
    NotInRegistry,
    /// The registry records the subject as liquidated or being liquidated.
    NotActiveInRegistry {
        /// The registry's status.
        status: RegistryStatus,
    },
    /// A requisite differs from the registry's record.
    Mismatch {
        /// The field, as in the requisites draft.
        field: String,
    },
    /// The submitter is not the person the registry names as the head.
    SubmitterNotHead,
}

impl Coded for RejectionReason {
    fn code(&self) -> &'static str {
        match self {
            Self::AlreadyRegistered => "registration.already_registered",
            Self::NotInRegistry => "registration.not_in_registry",
            Self::NotActiveInRegistry { .. } => "registration.not_active_in_registry",
            Self::Mismatch { .. } => "registration.mismatch",
            Self::SubmitterNotHead => "registration.submitter_not_head",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::AlreadyRegistered => "организация с такими ИНН и КПП уже зарегистрирована".into(),
            Self::NotInRegistry => "организация с таким ИНН не найдена в ЕГРЮЛ/ЕГРИП".into(),
            Self::NotActiveInRegistry { status } => {
                format!("по данным реестра организация не действует ({status:?})").to_lowercase()
            }
            Self::Mismatch { field } => {
                format!("сведения поля {field} не совпадают с данными реестра")
            }
            Self::SubmitterNotHead => {
                "заявитель не является лицом, имеющим право действовать без доверенности".into()
            }
        }
    }
    fn message_en(&self) -> String {
        match self {
            Self::AlreadyRegistered => {
                "an organization with this ИНН and КПП is already registered".into()
            }
            Self::NotInRegistry => "no subject with this ИНН in the state registry".into(),
            Self::NotActiveInRegistry { status } => {
                format!("the registry records the subject as not active ({status:?})")
                    .to_lowercase()
            }
            Self::Mismatch { field } => {
                format!("the field {field} differs from the registry's record")
            }
            Self::SubmitterNotHead => {
                "the submitter is not the person entitled to act without a power of attorney".into()
            }
        }
    }
}

/// What reconciling submitted requisites with the registry found.
pub(crate) struct Reconciliation {
    /// Every reason to reject; empty when the registration may proceed.
    pub reasons: Vec<RejectionReason>,
    /// Whether the legal status was verified (the subject exists and is active).
    pub verified: bool,
}

/// Compares submitted requisites with the registry's answer, reporting every
/// difference at once. The submitter's personal ИНН decides headship. A
/// branch has a КПП of its own, so `check_kpp` is false for branches.
pub(crate) fn reconcile(
    requisites: &Requisites,
    answer: &RegistryAnswer,
    submitter_inn: Option<&crate::identifiers::Inn>,
    check_kpp: bool,
) -> Reconciliation {
    let record = match answer {
        RegistryAnswer::NotFound => {
            return Reconciliation {
                reasons: vec![RejectionReason::NotInRegistry],
                verified: false,
            }
        }
        RegistryAnswer::Found { record } => record,
    };
    if record.status != RegistryStatus::Active {
        return Reconciliation {
            reasons: vec![RejectionReason::NotActiveInRegistry {
                status: record.status,
            }],
            verified: false,
        };
    }
    let mut reasons = Vec::new();
    let mut differs = |field: &str, same: bool| {
        if !same {
            reasons.push(RejectionReason::Mismatch {
                field: field.to_owned(),
            });
        }
    };
    differs("inn", requisites.inn == record.inn);
    differs("ogrn", requisites.ogrn == record.ogrn);
    differs("ogrnip", requisites.ogrnip == record.ogrnip);
    differs(
        "kpp",
        !check_kpp || record.kpp.is_none() || requisites.kpp == record.kpp,
    );
    differs(
        "full_name",
        fold(&requisites.full_name) == fold(&record.full_name),
    );
    differs(
        "head_surname",
        requisites.head.name.same_as(&record.head.name),
    );
    if submitter_inn != Some(&record.head.inn) {
        reasons.push(RejectionReason::SubmitterNotHead);
    }
    Reconciliation {
        reasons,
        verified: true,
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
        .replace(['«', '»', '"'], "")
}
