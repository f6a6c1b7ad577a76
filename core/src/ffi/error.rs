//! [`KabinetError`]: every failure of the library as the foreign interface
//! raises it, with its stable code and both messages (the codes are the
//! library's own: no binding invents one).
//!
//! Kotlin sees `sealed class KabinetException` with one subclass per variant
//! (`KabinetException.Command`, …); Swift sees `enum KabinetError: Error`.

use crate::coded::Coded;
use crate::directory::CommandError;
use crate::host_input::InputError;
use crate::identifiers::IdentifierError;
use crate::json_form::JsonFormError;

/// An error in one field of a requisites form.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FieldError {
    /// The field, as in the requisites form.
    pub field: String,
    /// The stable code (`inn.checksum`, `field.required`, …).
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

/// Why a call failed. Every variant carries the stable code and both messages.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum KabinetError {
    /// A value is not a valid identifier (`inn.checksum`, `snils.format`, …).
    #[error("{code}: {message_en}")]
    Identifier {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// A command was refused; nothing changed.
    #[error("{code}: {message_en}")]
    Command {
        /// The stable code (`access.beyond_own_rights`, `invitation.expired`, …).
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
        /// The refusals of the access check (`access.denied`, `account.cannot_act`).
        refusals: Vec<Refusal>,
        /// The rights the actor lacks (`access.beyond_own_rights`).
        missing: Vec<String>,
        /// The field errors (`organization.invalid_requisites`).
        fields: Vec<FieldError>,
    },
    /// The state registry could not answer.
    #[error("{code}: {message_en}")]
    Registry {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// The input does not have the documented form (malformed JSON, an
    /// unknown right or role code, a time out of range).
    #[error("{code}: {message_en}")]
    InvalidInput {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// The access check refused a read (a journal, a power of attorney); the
    /// refusals say why.
    #[error("{code}: {message_en}")]
    Access {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
        /// Every reason the access check gave.
        refusals: Vec<Refusal>,
    },
    /// A power of attorney could not be exported or imported (МЧД JSON).
    #[error("{code}: {message_en}")]
    Power {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// A certificate, a revocation list or a trust file could not be read.
    #[error("{code}: {message_en}")]
    Certificate {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// A GOST key, algorithm or signature does not have the documented form.
    #[error("{code}: {message_en}")]
    Gost {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// The database could not be opened, read or written.
    #[error("{code}: {message_en}")]
    Storage {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
    /// A password policy, a password hash or a one-time code input was refused.
    #[error("{code}: {message_en}")]
    Auth {
        /// The stable code.
        code: String,
        /// The message in Russian.
        message_ru: String,
        /// The message in English.
        message_en: String,
    },
}

/// The areas of [`KabinetError`] whose variants carry only a code and the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Powers of attorney (МЧД JSON).
    Power,
    /// Certificates, revocation lists, trust files.
    Certificate,
    /// GOST keys, algorithms and signatures.
    Gost,
    /// The database.
    Storage,
    /// Passwords and one-time codes.
    Auth,
}

impl KabinetError {
    /// A coded failure of the library in its area.
    pub fn coded(area: Area, e: &impl Coded) -> Self {
        let (code, message_ru, message_en) = (e.code().to_owned(), e.message_ru(), e.message_en());
        match area {
            Area::Power => Self::Power {
                code,
                message_ru,
                message_en,
            },
            Area::Certificate => Self::Certificate {
                code,
                message_ru,
                message_en,
            },
            Area::Gost => Self::Gost {
                code,
                message_ru,
                message_en,
            },
            Area::Auth => Self::Auth {
                code,
                message_ru,
                message_en,
            },
            Area::Storage => Self::Storage {
                code,
                message_ru,
                message_en,
            },
        }
    }

    /// An access refusal: the first refusal's code, every refusal listed.
    pub fn refused(refusals: &[crate::Refusal]) -> Self {
        let first = refusals.first();
        Self::Access {
            code: first.map_or("access.denied", |r| r.code()).to_owned(),
            message_ru: first.map_or_else(|| "доступ запрещён".into(), |r| r.message_ru()),
            message_en: first.map_or_else(|| "access is denied".into(), |r| r.message_en()),
            refusals: refusals.iter().map(Refusal::from).collect(),
        }
    }

    /// An identifier's (or any coded value's) failure.
    pub fn identifier(e: &impl Coded) -> Self {
        Self::Identifier {
            code: e.code().into(),
            message_ru: e.message_ru(),
            message_en: e.message_en(),
        }
    }

    /// An input without the documented form.
    pub fn input(code: &str, message_ru: String, message_en: String) -> Self {
        Self::InvalidInput {
            code: code.into(),
            message_ru,
            message_en,
        }
    }
}

impl From<InputError> for KabinetError {
    fn from(e: InputError) -> Self {
        Self::input(e.code(), e.message_ru(), e.message_en())
    }
}

impl From<JsonFormError> for KabinetError {
    fn from(e: JsonFormError) -> Self {
        Self::input(e.code(), e.message_ru(), e.message_en())
    }
}

impl From<IdentifierError> for KabinetError {
    fn from(e: IdentifierError) -> Self {
        Self::identifier(&e)
    }
}

impl From<crate::QueryError> for KabinetError {
    fn from(e: crate::QueryError) -> Self {
        use crate::QueryError as Q;
        match e {
            Q::Input(e) => e.into(),
            Q::Identifier(e) => e.into(),
            Q::Refused(r) => Self::refused(&[r]),
            Q::Mchd(e) => Self::coded(Area::Power, &e),
        }
    }
}

impl From<CommandError> for KabinetError {
    fn from(e: CommandError) -> Self {
        let (refusals, missing, fields) = match &e {
            CommandError::Denied { refusals } | CommandError::AccountCannotAct { refusals } => {
                (refusals.iter().map(Refusal::from).collect(), vec![], vec![])
            }
            CommandError::BeyondOwnRights { missing } => (
                vec![],
                missing.iter().map(|r| r.code().to_owned()).collect(),
                vec![],
            ),
            CommandError::InvalidRequisites { fields } => (
                vec![],
                vec![],
                fields
                    .iter()
                    .map(|f| FieldError {
                        field: f.field.clone(),
                        code: f.error.code.clone(),
                        message_ru: f.error.message_ru.clone(),
                        message_en: f.error.message_en.clone(),
                    })
                    .collect(),
            ),
            _ => (vec![], vec![], vec![]),
        };
        Self::Command {
            code: e.code().into(),
            message_ru: e.message_ru(),
            message_en: e.message_en(),
            refusals,
            missing,
            fields,
        }
    }
}

/// One reason a request is refused.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Refusal {
    /// The stable code (`access.signature_too_weak`, …).
    pub code: String,
    /// The reason in Russian.
    pub message_ru: String,
    /// The reason in English.
    pub message_en: String,
    /// The reason's fields in their JSON form.
    pub details_json: String,
}

impl From<&crate::Refusal> for Refusal {
    fn from(r: &crate::Refusal) -> Self {
        Self {
            code: r.code().into(),
            message_ru: r.message_ru(),
            message_en: r.message_en(),
            details_json: serde_json::to_string(r).unwrap_or_default(),
        }
    }
}
