//! Reading files from outside with a cap, measured before they are read.
//!
//! A path given to the command line or the library may name anything: a
//! regular file of any size, a pipe, a device such as `/dev/zero` that never
//! ends. [`read_capped`] looks at the file first (a regular file larger than
//! the cap is refused without reading a byte) and then reads at most one byte
//! past the cap whatever the file is, so the memory spent is bounded by the
//! cap for every input.

use std::io::Read;
use std::path::{Path, PathBuf};

use kabinet_core::Coded;

/// Why a file could not be read within its cap.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {detail}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system reported.
        detail: String,
    },
    /// The file is neither DER (a SEQUENCE) nor PEM text, seen from its first bytes.
    #[error("{path} is neither der nor pem")]
    NotDerOrPem {
        /// The path.
        path: PathBuf,
    },
    /// The file holds more bytes than the cap.
    #[error("{path} is larger than {limit} bytes")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// The cap, in bytes.
        limit: usize,
    },
}

impl Coded for ReadError {
    fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "file.io",
            Self::TooLarge { .. } => "file.too_large",
            Self::NotDerOrPem { .. } => "file.not_der_or_pem",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Io { path, detail } => {
                format!("не удаётся прочитать {}: {detail}", path.display())
            }
            Self::TooLarge { path, limit } => {
                format!("{} больше {limit} байт", path.display())
            }
            Self::NotDerOrPem { path } => {
                format!("{} не является ни DER, ни PEM", path.display())
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// Reads the whole of `path` when it holds at most `limit` bytes.
///
/// # Errors
/// [`ReadError::TooLarge`] past the cap (a regular file is measured before
/// it is read; anything else is read up to one byte past the cap), or
/// [`ReadError::Io`].
pub fn read_capped(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| ReadError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let too_large = || ReadError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::Io {
            path: path.to_path_buf(),
            detail: "is a folder".into(),
        });
    }
    let known = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if meta.is_file() && known > limit {
        return Err(too_large());
    }
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    // A regular file's size is known; anything else may fill the cap, which
    // is then reserved once instead of doubled on the way.
    let reserve = if meta.is_file() {
        known
    } else {
        limit.saturating_add(1)
    };
    let mut out = Vec::with_capacity(reserve);
    file.take(cap).read_to_end(&mut out).map_err(io)?;
    if out.len() > limit {
        return Err(too_large());
    }
    Ok(out)
}

/// Reads a file that must hold DER or PEM, judged from its first bytes before
/// the rest is read: DER is a SEQUENCE whose declared length must fit the
/// cap; PEM is text (it starts with `-` or white space, or explanatory text
/// before its blocks) read with the cap. Anything else, such as the zeros of
/// `/dev/zero`, is refused at once.
///
/// # Errors
/// [`ReadError::NotDerOrPem`], [`ReadError::TooLarge`] or [`ReadError::Io`].
pub fn read_der_or_pem(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| ReadError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut head = Vec::with_capacity(8);
    std::fs::File::open(path)
        .map_err(io)?
        .take(8)
        .read_to_end(&mut head)
        .map_err(io)?;
    match head.first() {
        Some(0x30) => {
            let declared = der_header_prefix(&head).ok_or_else(|| ReadError::NotDerOrPem {
                path: path.to_path_buf(),
            })?;
            if declared > limit {
                return Err(ReadError::TooLarge {
                    path: path.to_path_buf(),
                    limit,
                });
            }
        }
        Some(b) if b.is_ascii_graphic() || b.is_ascii_whitespace() => {}
        _ => {
            return Err(ReadError::NotDerOrPem {
                path: path.to_path_buf(),
            })
        }
    }
    read_capped(path, limit)
}

/// The total length (header and body) a DER header at the start of `head` declares.
fn der_header_prefix(head: &[u8]) -> Option<usize> {
    use der::{Decode, Reader};
    let mut reader = der::SliceReader::new(head).ok()?;
    let header = der::Header::decode(&mut reader).ok()?;
    let header_len = usize::try_from(u32::from(reader.position())).ok()?;
    let body = usize::try_from(u32::from(header.length)).ok()?;
    header_len.checked_add(body)
}

/// Reads one line of standard input of at most `limit` bytes (the newline dropped).
///
/// # Errors
/// [`ReadError::TooLarge`] when no newline or end comes within the cap, or
/// [`ReadError::Io`].
pub fn read_line_capped(limit: usize) -> Result<String, ReadError> {
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut input = std::io::stdin().lock().take(cap);
    std::io::BufRead::read_until(&mut input, b'\n', &mut bytes).map_err(|e| ReadError::Io {
        path: path.clone(),
        detail: e.to_string(),
    })?;
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    } else if bytes.len() > limit {
        return Err(ReadError::TooLarge { path, limit });
    }
    String::from_utf8(bytes).map_err(|_| ReadError::Io {
        path: PathBuf::from("<stdin>"),
        detail: "not utf-8 text".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_is_refused_at_the_cap() {
        let e = read_capped(Path::new("/dev/zero"), 1024).unwrap_err();
        assert_eq!(e.code(), "file.too_large");
    }

    #[test]
    fn zeros_are_not_der_or_pem_and_are_refused_unread() {
        let e = read_der_or_pem(Path::new("/dev/zero"), 1 << 30).unwrap_err();
        assert_eq!(e.code(), "file.not_der_or_pem");
    }

    #[test]
    fn a_der_header_declaring_more_than_the_cap_is_refused_unread() {
        let dir = std::env::temp_dir().join(format!("kabinet-der-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("big.der");
        // SEQUENCE of declared length 16 MiB, only the header written
        std::fs::write(&file, [0x30, 0x84, 0x01, 0x00, 0x00, 0x00]).unwrap();
        assert_eq!(
            read_der_or_pem(&file, 1024).unwrap_err().code(),
            "file.too_large"
        );
        std::fs::write(&file, [0x30, 0x03, 0x02, 0x01, 0x05]).unwrap();
        assert_eq!(
            read_der_or_pem(&file, 1024).unwrap(),
            [0x30, 0x03, 0x02, 0x01, 0x05]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_regular_file_within_the_cap_is_read_whole() {
        let dir = std::env::temp_dir().join(format!("kabinet-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("f");
        std::fs::write(&file, b"hello").unwrap();
        assert_eq!(read_capped(&file, 5).unwrap(), b"hello");
        assert_eq!(read_capped(&file, 4).unwrap_err().code(), "file.too_large");
        assert_eq!(read_capped(&dir, 4).unwrap_err().code(), "file.io");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
