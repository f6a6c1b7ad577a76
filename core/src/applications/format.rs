//! Recognizing a document by its content, not its name.
//!
//! PDF starts with `%PDF-`; JPEG with `FF D8 FF`; XML with `<?xml` (after an
//! optional UTF-8 byte order mark and spaces). DOCX and XLSX are ZIP
//! archives (`PK 03 04`) holding the Office Open XML parts listed in
//! `[Content_Types].xml`: `word/document.xml` for a document,
//! `xl/workbook.xml` for a workbook. Part names are read from the ZIP's
//! central directory when the whole file is given, otherwise from the local
//! headers within the first bytes.

use super::ApplicationError;
use serde::{Deserialize, Serialize};

/// The formats the portal accepts (DOMAIN §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DocumentFormat {
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

impl DocumentFormat {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Xml => "xml",
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::Jpeg => "jpeg",
        }
    }
}

/// ZIP entries read at most: an Office file has a few dozen parts.
const MAX_ZIP_ENTRIES: usize = 4096;
/// The end-of-central-directory record lies within the last 65,557 bytes
/// (22-byte record + a comment of at most 65,535).
const EOCD_SEARCH: usize = 22 + 65_535;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([*s.first()?, *s.get(1)?])))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(s)).ok()
}

/// Part names from the central directory of a complete archive.
fn central_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let start = bytes.len().saturating_sub(EOCD_SEARCH);
    let tail = bytes.get(start..)?;
    let eocd = start + tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let count = u16_at(bytes, eocd + 10)?.min(MAX_ZIP_ENTRIES);
    let mut at = u32_at(bytes, eocd + 16)?;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        if bytes.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let (n, e, c) = (
            u16_at(bytes, at + 28)?,
            u16_at(bytes, at + 30)?,
            u16_at(bytes, at + 32)?,
        );
        names.push(bytes.get(at + 46..at + 46 + n)?);
        at += 46 + n + e + c;
    }
    Some(names)
}

/// Part names from the local headers found in the first bytes.
fn local_names(head: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    let mut at = 0;
    while names.len() < MAX_ZIP_ENTRIES && head.get(at..at + 4) == Some(b"PK\x03\x04") {
        let (Some(flags), Some(size), Some(n), Some(e)) = (
            u16_at(head, at + 6),
            u32_at(head, at + 18),
            u16_at(head, at + 26),
            u16_at(head, at + 28),
        ) else {
            break;
        };
        let Some(name) = head.get(at + 30..at + 30 + n) else {
            break;
        };
        names.push(name);
        // Bit 3: sizes follow the data; the next header cannot be found.
        if flags & 0x08 != 0 {
            break;
        }
        at += 30 + n + e + size;
    }
    names
}

/// Recognizes a document from its bytes: `bytes` is the whole file when
/// `bytes.len() == size`, otherwise its first bytes.
///
/// # Errors
/// [`ApplicationError::UnrecognizedContent`] when the content is none of
/// the accepted formats.
pub fn sniff(bytes: &[u8], size: u64) -> Result<DocumentFormat, ApplicationError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(DocumentFormat::Pdf);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(DocumentFormat::Jpeg);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().position(|b| !b.is_ascii_whitespace());
    if first
        .and_then(|i| text.get(i..))
        .is_some_and(|t| t.starts_with(b"<?xml"))
    {
        return Ok(DocumentFormat::Xml);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let complete = u64::try_from(bytes.len()).is_ok_and(|n| n == size);
        let names = complete
            .then(|| central_names(bytes))
            .flatten()
            .unwrap_or_else(|| local_names(bytes));
        let has = |n: &[u8]| names.contains(&n);
        if has(b"[Content_Types].xml") {
            if has(b"word/document.xml") {
                return Ok(DocumentFormat::Docx);
            }
            if has(b"xl/workbook.xml") {
                return Ok(DocumentFormat::Xlsx);
            }
        }
    }
    Err(ApplicationError::UnrecognizedContent)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored (uncompressed) ZIP with the given entries, and its central directory.
    pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let local = |sig: &[u8], out: &mut Vec<u8>| {
                out.extend_from_slice(sig);
            };
            local(b"PK\x03\x04", &mut out);
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(b"PK\x01\x02");
            central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        let cd_len = central.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&cd_len.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn formats_are_recognized_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n", 100), Ok(DocumentFormat::Pdf));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0], 100),
            Ok(DocumentFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>", 100),
            Ok(DocumentFormat::Xml)
        );
        let ct: &[u8] = b"<Types/>";
        let docx = zip(&[("[Content_Types].xml", ct), ("word/document.xml", b"<w/>")]);
        let xlsx = zip(&[("[Content_Types].xml", ct), ("xl/workbook.xml", b"<x/>")]);
        let plain = zip(&[("readme.txt", b"hi")]);
        assert_eq!(sniff(&docx, docx.len() as u64), Ok(DocumentFormat::Docx));
        assert_eq!(sniff(&xlsx, xlsx.len() as u64), Ok(DocumentFormat::Xlsx));
        // Only the first bytes: the local headers tell.
        assert_eq!(sniff(&docx[..110], 10_000), Ok(DocumentFormat::Docx));
        assert!(sniff(&plain, plain.len() as u64).is_err());
        assert!(sniff(b"MZ\x90\x00", 4).is_err());
        assert!(sniff(b"", 0).is_err());
        // A file named .pdf but holding an executable is refused by content.
        assert!(sniff(b"\x7fELF", 4).is_err());
    }
}
