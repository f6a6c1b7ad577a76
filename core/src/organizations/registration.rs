//! The registration workflow: stages, rejection reasons and the
//! reconciliation of submitted requisites with the registry's record.

use super::{RegistryAnswer, RegistryStatus, Requisites};
use crate::coded::Coded;
use crate::rights::RightSet;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// The stages of registration, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
    /// The power of attorney presented was not signed by the head the
    /// registry names (or was passed on from another power).
    PowerIssuerNotHead,
    /// The power of attorney names another principal than the submitted one.
    PowerPrincipalMismatch {
        /// `inn` or `ogrn`.
        field: String,
    },
    /// The power of attorney names another representative than the submitter.
    PowerNotForSubmitter,
    /// The power of attorney is not yet valid.
    PowerNotYetValid {
        /// Its first valid instant.
        valid_from: Timestamp,
    },
    /// The power of attorney has expired.
    PowerExpired {
        /// The first instant it no longer worked.
        valid_until: Timestamp,
    },
    /// The power of attorney was revoked.
    PowerRevoked {
        /// When.
        at: Timestamp,
    },
    /// The representative refused the power of attorney.
    PowerRefused {
        /// When.
        at: Timestamp,
    },
    /// The power of attorney does not give every right registering needs.
    PowerScope {
        /// The rights it lacks.
        missing: RightSet,
    },
}

impl Coded for RejectionReason {
    fn code(&self) -> &'static str {
        match self {
            Self::AlreadyRegistered => "registration.already_registered",
            Self::NotInRegistry => "registration.not_in_registry",
            Self::NotActiveInRegistry { .. } => "registration.not_active_in_registry",
            Self::Mismatch { .. } => "registration.mismatch",
            Self::SubmitterNotHead => "registration.submitter_not_head",
            Self::PowerIssuerNotHead => "registration.power_issuer_not_head",
            Self::PowerPrincipalMismatch { .. } => "registration.power_principal_mismatch",
            Self::PowerNotForSubmitter => "registration.power_not_for_submitter",
            Self::PowerNotYetValid { .. } => "registration.power_not_yet_valid",
            Self::PowerExpired { .. } => "registration.power_expired",
            Self::PowerRevoked { .. } => "registration.power_revoked",
            Self::PowerRefused { .. } => "registration.power_refused",
            Self::PowerScope { .. } => "registration.power_scope",
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
            Self::PowerIssuerNotHead => {
                "доверенность подписана не лицом, имеющим право действовать без доверенности по данным реестра".into()
            }
            Self::PowerPrincipalMismatch { field } => {
                format!("доверитель по доверенности не совпадает с заявленной организацией (поле {field})")
            }
            Self::PowerNotForSubmitter => "доверенность выдана не заявителю".into(),
            Self::PowerNotYetValid { valid_from } => {
                format!("доверенность действует только с {valid_from}")
            }
            Self::PowerExpired { valid_until } => {
                format!("срок действия доверенности истёк {valid_until}")
            }
            Self::PowerRevoked { at } => format!("доверенность отменена {at}"),
            Self::PowerRefused { at } => format!("представитель отказался от доверенности {at}"),
            Self::PowerScope { missing } => format!(
                "доверенность не даёт полномочий, нужных для регистрации: {}",
                codes(*missing)
            ),
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
            Self::PowerIssuerNotHead => {
                "the power of attorney was not signed by the person the registry names as entitled to act without one".into()
            }
            Self::PowerPrincipalMismatch { field } => {
                format!("the power of attorney names another principal than the submitted organization (field {field})")
            }
            Self::PowerNotForSubmitter => {
                "the power of attorney was not given to the submitter".into()
            }
            Self::PowerNotYetValid { valid_from } => {
                format!("the power of attorney is valid only from {valid_from}")
            }
            Self::PowerExpired { valid_until } => {
                format!("the power of attorney expired at {valid_until}")
            }
            Self::PowerRevoked { at } => format!("the power of attorney was revoked at {at}"),
            Self::PowerRefused { at } => {
                format!("the representative refused the power of attorney at {at}")
            }
            Self::PowerScope { missing } => format!(
                "the power of attorney lacks powers registering needs: {}",
                codes(*missing)
            ),
        }
    }
}

/// What reconciling submitted requisites with the registry found.
pub(crate) struct Reconciliation<'a> {
    /// Every reason to reject; empty when the registration may proceed.
    pub reasons: Vec<RejectionReason>,
    /// Whether the legal status was verified (the subject exists and is active).
    pub verified: bool,
    /// The head's personal ИНН, when verified.
    pub head_inn: Option<&'a crate::identifiers::Inn>,
}

/// How headship is established: the submitter is the head, or presented a
/// power of attorney (judged by the caller with the head's ИНН).
pub(crate) enum Headship<'a> {
    /// The submitter, with their personal ИНН, claims to be the head.
    Submitter(Option<&'a crate::identifiers::Inn>),
    /// The submitter acts under a power of attorney.
    Power,
}

/// Compares submitted requisites with the registry's answer, reporting every
/// difference at once. The submitter's personal ИНН decides headship unless
/// a power of attorney was presented. A branch has a КПП of its own, so
/// `check_kpp` is false for branches.
pub(crate) fn reconcile<'a>(
    requisites: &Requisites,
    answer: &'a RegistryAnswer,
    headship: Headship<'_>,
    check_kpp: bool,
) -> Reconciliation<'a> {
    let record = match answer {
        RegistryAnswer::NotFound => {
            return Reconciliation {
                reasons: vec![RejectionReason::NotInRegistry],
                verified: false,
                head_inn: None,
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
            head_inn: None,
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
    if let Headship::Submitter(inn) = headship {
        if inn != Some(&record.head.inn) {
            reasons.push(RejectionReason::SubmitterNotHead);
        }
    }
    Reconciliation {
        reasons,
        verified: true,
        head_inn: Some(&record.head.inn),
    }
}

fn codes(rights: RightSet) -> String {
    rights
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(", ")
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
        .replace(['«', '»', '"'], "")
}
