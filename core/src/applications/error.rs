//! Why an application command failed.

use super::ApplicationStatus;
use crate::coded::Coded;

/// A refused application command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplicationError {
    /// No such application.
    #[error("application {application} not found")]
    NotFound {
        /// Its identifier.
        application: u64,
    },
    /// The kind is not one the policy knows.
    #[error("unknown kind of application {kind}")]
    UnknownKind {
        /// The kind asked for.
        kind: String,
    },
    /// The kind has no such document slot.
    #[error("the application has no document slot {slot}")]
    UnknownSlot {
        /// The slot asked for.
        slot: String,
    },
    /// The content is none of PDF, XML, XLSX, DOCX, JPEG.
    #[error("the file's content is not an accepted format (pdf, xml, xlsx, docx, jpeg)")]
    UnrecognizedContent,
    /// The slot does not accept this format.
    #[error("the slot {slot} does not accept {format}")]
    WrongFormat {
        /// The slot.
        slot: String,
        /// The format found.
        format: &'static str,
    },
    /// The file is larger than allowed.
    #[error("the file has {size} bytes, at most {max} are allowed")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The application's status does not allow this.
    #[error("the application is {}, which does not allow this", status.code())]
    WrongStatus {
        /// Its status.
        status: ApplicationStatus,
    },
    /// A title, comment or file name is empty or too long.
    #[error("the text is empty or longer than {max} characters")]
    BadText {
        /// The limit.
        max: usize,
    },
    /// The application holds as many documents as allowed.
    #[error("the application holds the most documents allowed ({max})")]
    TooManyDocuments {
        /// The limit.
        max: usize,
    },
}

impl Coded for ApplicationError {
    fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "application.not_found",
            Self::UnknownKind { .. } => "application.unknown_kind",
            Self::UnknownSlot { .. } => "application.unknown_slot",
            Self::UnrecognizedContent => "document.unrecognized_content",
            Self::WrongFormat { .. } => "document.wrong_format",
            Self::TooLarge { .. } => "document.too_large",
            Self::WrongStatus { .. } => "application.wrong_status",
            Self::BadText { .. } => "application.bad_text",
            Self::TooManyDocuments { .. } => "application.too_many_documents",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::NotFound { application } => format!("заявление {application} не найдено"),
            Self::UnknownKind { kind } => format!("неизвестный вид заявления {kind}"),
            Self::UnknownSlot { slot } => format!("в заявлении нет места для документа {slot}"),
            Self::UnrecognizedContent => {
                "содержимое файла не соответствует допустимым форматам (PDF, XML, XLSX, DOCX, JPG)"
                    .into()
            }
            Self::WrongFormat { slot, format } => {
                format!("для документа {slot} формат {format} не принимается")
            }
            Self::TooLarge { size, max } => {
                format!("размер файла {size} байт, допускается не более {max}")
            }
            Self::WrongStatus { status } => format!(
                "статус заявления «{}» не допускает это действие",
                status.title_ru()
            ),
            Self::BadText { max } => format!("текст пустой или длиннее {max} символов"),
            Self::TooManyDocuments { max } => {
                format!("в заявлении уже наибольшее допустимое число документов ({max})")
            }
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}
