//! Why an EMCHD_1 file is refused: each reason with its stable code, the
//! element or attribute at fault (a path such as
//! `Доверенность/Документ/Довер/СвДоверит/@ТипДоверит`) and the line.
//!
//! An identifier that fails its check keeps the identifier's own code
//! (`snils.checksum`, `inn.checksum`, …), the message naming where it stands.

use crate::identifiers::IdentifierError;
use crate::Coded;

/// Why a power of attorney in the FNS format could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message_en())]
#[non_exhaustive]
pub enum FnsXmlError {
    /// The file is larger than [`super::MAX_XML_BYTES`] (`mchd_xml.too_large`).
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// The largest accepted.
        max: usize,
    },
    /// The file is not UTF-8 (`mchd_xml.encoding`); format 002 files in
    /// windows-1251 are recognised before this and refused as [`Self::Unsupported`].
    Encoding,
    /// A document type declaration (`mchd_xml.dtd`): never needed by the
    /// format, the vehicle of entity expansion and external fetches.
    Dtd,
    /// Not well-formed XML (`mchd_xml.malformed`).
    Malformed {
        /// Line of the fault, from 1.
        line: u32,
        /// What the parser said.
        reason: String,
    },
    /// Over the limits of nodes or nesting (`mchd_xml.too_complex`).
    TooComplex {
        /// Which limit.
        limit: &'static str,
    },
    /// Another format or version (`mchd_xml.unsupported`): format 002, or
    /// not a power of attorney of the FNS at all.
    Unsupported {
        /// What was found (`002`, the root element's name, …), shortened.
        found: String,
    },
    /// A required element is missing (`mchd_xml.missing_element`).
    MissingElement {
        /// The element's path.
        path: String,
    },
    /// An element the format does not allow there (`mchd_xml.unexpected_element`).
    UnexpectedElement {
        /// The path of the element found.
        path: String,
        /// Its line.
        line: u32,
    },
    /// A required attribute is missing (`mchd_xml.missing_attribute`).
    MissingAttribute {
        /// The attribute's path.
        path: String,
    },
    /// An attribute the format does not define (`mchd_xml.unexpected_attribute`).
    UnexpectedAttribute {
        /// The attribute's path.
        path: String,
        /// Its line.
        line: u32,
    },
    /// A value outside what the format allows (`mchd_xml.bad_value`): an
    /// unknown code, a wrong length, a malformed date or number.
    BadValue {
        /// The attribute's or element's path.
        path: String,
        /// What is wrong, in English.
        reason: &'static str,
        /// What is wrong, in Russian.
        reason_ru: &'static str,
    },
    /// An identifier fails its rules (the identifier's own code).
    Identifier {
        /// The attribute's path.
        path: String,
        /// The identifier's error.
        error: IdentifierError,
    },
    /// The document names no principal (`mchd_xml.no_principal`).
    NoPrincipal {
        /// The path of the empty element.
        path: String,
    },
    /// `ТипДоверит` / `ТипПред` and the element present disagree (`mchd_xml.party_kind`).
    PartyKind {
        /// The element's path.
        path: String,
    },
    /// A Russian legal entity giving powers without its ИНН (`mchd_xml.principal_inn_required`).
    PrincipalInnRequired {
        /// The path of the organization.
        path: String,
    },
    /// Nobody who may sign for the principal is named (`mchd_xml.no_executive`).
    NoExecutive {
        /// The path of the principal.
        path: String,
    },
    /// The term ends before the power is issued (`mchd_xml.term`).
    Term,
    /// A power given in JSON does not have the library's form (`mchd_xml.json`).
    Json {
        /// What the JSON reader said.
        detail: String,
    },
}

impl FnsXmlError {
    pub(super) fn bad(path: String, reason: &'static str, reason_ru: &'static str) -> Self {
        Self::BadValue {
            path,
            reason,
            reason_ru,
        }
    }
}

impl Coded for FnsXmlError {
    fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "mchd_xml.too_large",
            Self::Encoding => "mchd_xml.encoding",
            Self::Dtd => "mchd_xml.dtd",
            Self::Malformed { .. } => "mchd_xml.malformed",
            Self::TooComplex { .. } => "mchd_xml.too_complex",
            Self::Unsupported { .. } => "mchd_xml.unsupported",
            Self::MissingElement { .. } => "mchd_xml.missing_element",
            Self::UnexpectedElement { .. } => "mchd_xml.unexpected_element",
            Self::MissingAttribute { .. } => "mchd_xml.missing_attribute",
            Self::UnexpectedAttribute { .. } => "mchd_xml.unexpected_attribute",
            Self::BadValue { .. } => "mchd_xml.bad_value",
            Self::Identifier { error, .. } => error.code(),
            Self::NoPrincipal { .. } => "mchd_xml.no_principal",
            Self::PartyKind { .. } => "mchd_xml.party_kind",
            Self::PrincipalInnRequired { .. } => "mchd_xml.principal_inn_required",
            Self::NoExecutive { .. } => "mchd_xml.no_executive",
            Self::Term => "mchd_xml.term",
            Self::Json { .. } => "mchd_xml.json",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::TooLarge { size, max } => {
                format!("файл доверенности занимает {size} байт, больше допустимых {max}")
            }
            Self::Encoding => "файл доверенности не в кодировке UTF-8".into(),
            Self::Dtd => "файл содержит объявление типа документа (DTD), формат его не допускает".into(),
            Self::Malformed { line, reason } => {
                format!("файл не является корректным XML (строка {line}): {reason}")
            }
            Self::TooComplex { limit } => format!("файл превышает предел: {limit}"),
            Self::Unsupported { found } => format!(
                "формат доверенности не поддерживается: найдено «{found}», ожидается единый формат EMCHD_1 (версия 003); формат 002 не читается"
            ),
            Self::MissingElement { path } => format!("нет обязательного элемента {path}"),
            Self::UnexpectedElement { path, line } => {
                format!("элемент {path} (строка {line}) не предусмотрен форматом")
            }
            Self::MissingAttribute { path } => format!("нет обязательного атрибута {path}"),
            Self::UnexpectedAttribute { path, line } => {
                format!("атрибут {path} (строка {line}) не предусмотрен форматом")
            }
            Self::BadValue { path, reason_ru, .. } => format!("значение {path}: {reason_ru}"),
            Self::Identifier { path, error } => format!("{path}: {}", error.message_ru()),
            Self::NoPrincipal { path } => format!("в {path} не указан доверитель"),
            Self::PartyKind { path } => {
                format!("{path}: сведения не соответствуют указанному типу лица")
            }
            Self::PrincipalInnRequired { path } => {
                format!("{path}: у российской организации-доверителя не указан ИНН")
            }
            Self::NoExecutive { path } => {
                format!("{path}: не указано лицо, действующее без доверенности")
            }
            Self::Term => "срок действия доверенности кончается раньше даты её выдачи".into(),
            Self::Json { detail } => format!("доверенность не в форме JSON библиотеки: {detail}"),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::TooLarge { size, max } => {
                format!("the power of attorney file is {size} bytes, more than {max}")
            }
            Self::Encoding => "the power of attorney file is not UTF-8".into(),
            Self::Dtd => "the file has a document type declaration (DTD), which the format does not allow".into(),
            Self::Malformed { line, reason } => {
                format!("the file is not well-formed XML (line {line}): {reason}")
            }
            Self::TooComplex { limit } => format!("the file is over a limit: {limit}"),
            Self::Unsupported { found } => format!(
                "unsupported power of attorney format: found \"{found}\", expected the single format EMCHD_1 (version 003); format 002 is not read"
            ),
            Self::MissingElement { path } => format!("the required element {path} is missing"),
            Self::UnexpectedElement { path, line } => {
                format!("the element {path} (line {line}) is not part of the format")
            }
            Self::MissingAttribute { path } => format!("the required attribute {path} is missing"),
            Self::UnexpectedAttribute { path, line } => {
                format!("the attribute {path} (line {line}) is not part of the format")
            }
            Self::BadValue { path, reason, .. } => format!("the value of {path}: {reason}"),
            Self::Identifier { path, error } => format!("{path}: {}", error.message_en()),
            Self::NoPrincipal { path } => format!("{path} names no principal"),
            Self::PartyKind { path } => {
                format!("{path}: the data do not match the kind of party stated")
            }
            Self::PrincipalInnRequired { path } => {
                format!("{path}: the Russian organization giving the powers has no ИНН")
            }
            Self::NoExecutive { path } => {
                format!("{path}: nobody acting without a power of attorney is named")
            }
            Self::Term => "the power's term ends before its date of issue".into(),
            Self::Json { detail } => format!("the power is not in the library's JSON form: {detail}"),
        }
    }
}
