//! Kinds of applications with the documents each needs, and the limits.

use super::{sniff, ApplicationError, DocumentFormat};
use crate::SignatureLevel;
use serde::{Deserialize, Serialize};

/// A place for one document in an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSlot {
    /// The slot's code (`form`, `charter`, `power_of_attorney`, …).
    pub slot: String,
    /// The formats accepted.
    pub formats: Vec<DocumentFormat>,
    /// The least signature the document must carry.
    pub signature: SignatureLevel,
    /// Whether the application cannot be sent without it.
    pub required: bool,
}

/// A kind of application and its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationKind {
    /// The kind's code.
    pub code: String,
    /// Its documents.
    pub slots: Vec<DocumentSlot>,
}

impl ApplicationKind {
    /// A slot by code.
    pub fn slot(&self, slot: &str) -> Option<&DocumentSlot> {
        self.slots.iter().find(|s| s.slot == slot)
    }
}

/// What applications may hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationPolicy {
    /// The kinds of applications known.
    pub kinds: Vec<ApplicationKind>,
    /// The prefix of numbers. Default `ЗВ`.
    pub number_prefix: String,
    /// Largest document, bytes. Default 10 MB (10,485,760; the guides: "файлы
    /// не должны превышать 10 МБ").
    pub max_document_bytes: u64,
    /// Longest comment or title, characters. Default 2,000.
    pub max_text: usize,
    /// Most documents, current and replaced, one application keeps. Default 100.
    pub max_documents: usize,
}

fn slot(
    code: &str,
    formats: &[DocumentFormat],
    signature: SignatureLevel,
    required: bool,
) -> DocumentSlot {
    DocumentSlot {
        slot: code.into(),
        formats: formats.to_vec(),
        signature,
        required,
    }
}

impl Default for ApplicationPolicy {
    /// Three kinds from the guides: a report (an XML or PDF form signed with
    /// КЭП), a change of registration data (a form with КЭП, the charter and
    /// an optional power of attorney as scans), and a request (an optional
    /// attachment).
    fn default() -> Self {
        use DocumentFormat::*;
        use SignatureLevel::*;
        Self {
            kinds: vec![
                ApplicationKind {
                    code: "report".into(),
                    slots: vec![slot("form", &[Xml, Pdf], Qualified, true)],
                },
                ApplicationKind {
                    code: "registration_change".into(),
                    slots: vec![
                        slot("form", &[Pdf, Xml], Qualified, true),
                        slot("charter", &[Pdf, Jpeg], Simple, true),
                        slot("power_of_attorney", &[Pdf, Xml], Qualified, false),
                    ],
                },
                ApplicationKind {
                    code: "request".into(),
                    slots: vec![slot(
                        "attachment",
                        &[Pdf, Docx, Xlsx, Jpeg, Xml],
                        Simple,
                        false,
                    )],
                },
            ],
            number_prefix: "ЗВ".into(),
            max_document_bytes: 10 * 1024 * 1024,
            max_text: 2000,
            max_documents: 100,
        }
    }
}

impl ApplicationPolicy {
    /// A kind by code.
    pub fn kind(&self, code: &str) -> Option<&ApplicationKind> {
        self.kinds.iter().find(|k| k.code == code)
    }
}

/// What the library learned from a file's bytes: its format, size and, when
/// the whole file was given, its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentContent {
    /// The format recognized from the content.
    pub format: DocumentFormat,
    /// The size in bytes.
    pub size: u64,
    /// SHA-256 of the whole file, when it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<[u8; 32]>,
}

impl DocumentContent {
    /// Inspects a file: `bytes` is the whole file or its first bytes, `size`
    /// its full size.
    ///
    /// # Errors
    /// [`ApplicationError::TooLarge`] beyond `max_bytes`,
    /// [`ApplicationError::UnrecognizedContent`] for an unaccepted format.
    pub fn inspect(bytes: &[u8], size: u64, max_bytes: u64) -> Result<Self, ApplicationError> {
        if size > max_bytes {
            return Err(ApplicationError::TooLarge {
                size,
                max: max_bytes,
            });
        }
        let format = sniff(bytes, size)?;
        let complete = u64::try_from(bytes.len()).is_ok_and(|n| n == size);
        let sha256 = complete.then(|| {
            let mut out = [0u8; 32];
            out.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref());
            out
        });
        Ok(Self {
            format,
            size,
            sha256,
        })
    }
}
