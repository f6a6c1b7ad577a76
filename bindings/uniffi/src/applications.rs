//! Applications: documents checked by their content, and the queries.
//!
//! The commands (`create`, `attach_document`, `submit`, `set_status`,
//! `confirm`, `add_comment`) run through `Kabinet.executeJson` in their
//! documented JSON form; a refused submission is a `Command` error
//! (`application.*`) whose message lists the missing documents. A document's
//! content is described by [`inspect_document`] before it is attached.

use crate::error::KabinetError;
use crate::handle::Kabinet;
use kabinet::applications::{self, ApplicationId, DocumentContent};
use kabinet::{Coded, OrgId};

/// A document's content as the library recognized it.
#[derive(Debug, Clone, uniffi::Record)]
pub struct DocumentInfo {
    /// The format recognized from the bytes (`pdf`, `xml`, …).
    pub format: String,
    /// The full size, bytes.
    pub size: u64,
    /// The SHA-256 of the bytes, hex, when the whole file was given.
    pub sha256: Option<String>,
    /// The content in its JSON form, as `attach_document` takes it.
    pub json: String,
}

fn application_error(e: &applications::ApplicationError) -> KabinetError {
    KabinetError::input(e.code(), e.message_ru(), e.message_en())
}

/// Recognizes a document by its bytes (`bytes` is the whole file or its
/// first bytes, `size` its full size), refusing more than `max_bytes`.
///
/// # Errors
/// `InvalidInput` (`document.too_large`, `document.*`).
#[uniffi::export]
pub fn inspect_document(
    bytes: Vec<u8>,
    size: u64,
    max_bytes: u64,
) -> Result<DocumentInfo, KabinetError> {
    let c = DocumentContent::inspect(&bytes, size, max_bytes).map_err(|e| application_error(&e))?;
    let format = serde_json::to_value(c.format)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    Ok(DocumentInfo {
        format,
        size: c.size,
        sha256: c
            .sha256
            .map(|h| h.iter().map(|b| format!("{b:02x}")).collect()),
        json: serde_json::to_string(&c).unwrap_or_default(),
    })
}

#[uniffi::export]
impl Kabinet {
    /// An application in its JSON form.
    pub fn application_json(&self, id: u64) -> Option<String> {
        let d = self.inner.read();
        d.application_state()
            .get(ApplicationId(id))
            .and_then(|a| serde_json::to_string(a).ok())
    }

    /// An organization's applications, as a JSON array.
    pub fn applications_of_json(&self, org: u64) -> String {
        let d = self.inner.read();
        let list: Vec<_> = d.application_state().of(OrgId(org)).collect();
        serde_json::to_string(&list).unwrap_or_default()
    }
}
