//! An application with its documents, history and comments.

use super::{ApplicationStatus, DocumentFormat};
use crate::context::Actor;
use crate::ids::{AccountId, OrgId};
use crate::{SignatureLevel, Timestamp};
use serde::{Deserialize, Serialize};

/// An application's identifier inside the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicationId(pub u64);

impl core::fmt::Display for ApplicationId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "application#{}", self.0)
    }
}

/// A document attached to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "AttachedDocument")
)]
pub struct Document {
    /// The slot it fills.
    pub slot: String,
    /// The file's name as uploaded (for people; the format comes from content).
    pub file_name: String,
    /// The format recognized from content.
    pub format: DocumentFormat,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the file, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<[u8; 32]>,
    /// The signature it carries (validated elsewhere), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureLevel>,
    /// 1 for the first upload in this slot, then 2, 3, …
    pub version: u32,
    /// Who uploaded it.
    pub by: AccountId,
    /// When.
    pub at: Timestamp,
}

/// A change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatusChange {
    /// The new status.
    pub status: ApplicationStatus,
    /// Who changed it.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// Why, if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A comment on an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ApplicationComment")
)]
pub struct Comment {
    /// Who wrote it.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// The text.
    pub text: String,
}

/// An application or report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Application {
    /// Its identifier.
    pub id: ApplicationId,
    /// Its unique number, `<prefix>-<organization>-<sequence>`.
    pub number: String,
    /// The organization it is filed for.
    pub org: OrgId,
    /// Its kind.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Who created it.
    pub created_by: AccountId,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The current document of each slot.
    pub documents: Vec<Document>,
    /// Documents that were replaced, oldest first.
    pub replaced: Vec<Document>,
    /// Every status it had, oldest first (the first is the draft).
    pub history: Vec<StatusChange>,
    /// Comments, oldest first.
    pub comments: Vec<Comment>,
}

impl Application {
    /// The current document of a slot.
    pub fn document(&self, slot: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.slot == slot)
    }
}
