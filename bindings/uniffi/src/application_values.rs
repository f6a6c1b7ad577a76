//! The values of applications as records: statuses, document formats, what
//! a returned submission lacks, documents, the history and comments.
//!
//! Who did something is `by`: an account's number, or none for the portal
//! (the agency), as in [`crate::Context`].

use crate::context::SignatureLevel;
use crate::mirror::mirror_enum;
use crate::time;
use kabinet::applications as core;
use kabinet::Actor;
use std::time::SystemTime;

mirror_enum! {
    /// Where an application stands.
    ApplicationStatus = kabinet::applications::ApplicationStatus {
        /// Черновик: being filled in, not yet sent.
        Draft,
        /// В обработке: sent, being processed.
        Processing,
        /// Ожидает подтверждения: the organization must confirm.
        AwaitingConfirmation,
        /// Одобрено.
        Approved,
        /// Отклонено.
        Rejected,
    }
}

mirror_enum! {
    /// The format of a document, recognized from its content.
    DocumentFormat = kabinet::applications::DocumentFormat {
        /// PDF.
        Pdf,
        /// XML (forms of the FNS schemas).
        Xml,
        /// Excel workbook (Office Open XML).
        Xlsx,
        /// Word document (Office Open XML).
        Docx,
        /// JPEG image.
        Jpeg,
    }
}

/// What is missing from a returned application.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Missing {
    /// A required document is absent.
    Document {
        /// The slot.
        slot: String,
    },
    /// A document's signature is weaker than its slot requires.
    Signature {
        /// The slot.
        slot: String,
        /// The level required.
        required: SignatureLevel,
        /// The level it carries, if any.
        offered: Option<SignatureLevel>,
    },
}

/// A document attached to an application.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttachedDocument {
    /// The slot it fills.
    pub slot: String,
    /// The file's name as uploaded.
    pub file_name: String,
    /// The format recognized from content.
    pub format: DocumentFormat,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the file, hex, when known.
    pub sha256: Option<String>,
    /// The signature it carries, if any.
    pub signature: Option<SignatureLevel>,
    /// 1 for the first upload in this slot, then 2, 3, …
    pub version: u32,
    /// Who uploaded it.
    pub by: u64,
    /// When.
    pub at: SystemTime,
}

/// A change of status.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusChange {
    /// The new status.
    pub status: ApplicationStatus,
    /// Who changed it (none: the portal).
    pub by: Option<u64>,
    /// When.
    pub at: SystemTime,
    /// Why, if said.
    pub comment: Option<String>,
}

/// A comment on an application.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApplicationComment {
    /// Who wrote it (none: the portal).
    pub by: Option<u64>,
    /// When.
    pub at: SystemTime,
    /// The text.
    pub text: String,
}

/// An application or report.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApplicationInfo {
    /// Its number in the directory.
    pub id: u64,
    /// Its printed number, `<prefix>-<organization>-<sequence>`.
    pub number: String,
    /// The organization it is filed for.
    pub org: u64,
    /// Its kind (`report`, `registration_change`, `request`, …).
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Who created it.
    pub created_by: u64,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The current document of each slot.
    pub documents: Vec<AttachedDocument>,
    /// Documents that were replaced, oldest first.
    pub replaced: Vec<AttachedDocument>,
    /// Every status it had, oldest first (the first is the draft).
    pub history: Vec<StatusChange>,
    /// Comments, oldest first.
    pub comments: Vec<ApplicationComment>,
    /// The full JSON form.
    pub json: String,
}

/// Lowercase hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn by(actor: Actor) -> Option<u64> {
    match actor {
        Actor::System => None,
        Actor::Account(a) => Some(a.0),
    }
}

impl From<&core::Missing> for Missing {
    fn from(m: &core::Missing) -> Self {
        match m {
            core::Missing::Document { slot } => Self::Document { slot: slot.clone() },
            core::Missing::Signature {
                slot,
                required,
                offered,
            } => Self::Signature {
                slot: slot.clone(),
                required: (*required).into(),
                offered: offered.map(Into::into),
            },
        }
    }
}

impl From<&core::Document> for AttachedDocument {
    fn from(d: &core::Document) -> Self {
        Self {
            slot: d.slot.clone(),
            file_name: d.file_name.clone(),
            format: d.format.into(),
            size: d.size,
            sha256: d.sha256.as_ref().map(|h| hex(h)),
            signature: d.signature.map(Into::into),
            version: d.version,
            by: d.by.0,
            at: time::to_host(d.at),
        }
    }
}

impl From<&core::Application> for ApplicationInfo {
    fn from(a: &core::Application) -> Self {
        Self {
            id: a.id.0,
            number: a.number.clone(),
            org: a.org.0,
            kind: a.kind.clone(),
            title: a.title.clone(),
            created_by: a.created_by.0,
            status: a.status.into(),
            documents: a.documents.iter().map(AttachedDocument::from).collect(),
            replaced: a.replaced.iter().map(AttachedDocument::from).collect(),
            history: a
                .history
                .iter()
                .map(|h| StatusChange {
                    status: h.status.into(),
                    by: by(h.by),
                    at: time::to_host(h.at),
                    comment: h.comment.clone(),
                })
                .collect(),
            comments: a
                .comments
                .iter()
                .map(|c| ApplicationComment {
                    by: by(c.by),
                    at: time::to_host(c.at),
                    text: c.text.clone(),
                })
                .collect(),
            json: serde_json::to_string(a).unwrap_or_default(),
        }
    }
}
