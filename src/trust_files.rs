//! Loading certificates, trust stores and CRLs from files and folders.
//!
//! The core builds a [`TrustStore`] from bytes; this module reads the bytes.
//! A folder is read one level deep, files in name order, so the same folder
//! always gives the same store; in a folder, text files without any PEM
//! block (notes, READMEs) are skipped, while a file named explicitly must
//! hold at least one certificate.
//!
//! Every file is measured before it is read and read with a cap
//! ([`crate::bounded_read`]); everything read for one store together is
//! capped too ([`MAX_STORE_BYTES`], [`MAX_STORE_CERTIFICATES`]), so a folder
//! of a hundred bundles cannot fill the memory.

use std::path::{Path, PathBuf};

use kabinet_core::pki::limits::MAX_CRL_BYTES;
use kabinet_core::pki::{
    certificates_from_bytes, ParsedCertificate, ParsedCrl, PkiError, TrustStore,
};
use kabinet_core::Coded;

use crate::bounded_read::{read_der_or_pem, ReadError};

/// Most files read from one folder: the accredited-CA bundles hold a few
/// thousand certificates, one per file at worst.
pub const MAX_FOLDER_FILES: usize = 10_000;

/// Largest file of certificates: the whole Минцифры list of accredited CAs
/// as one PEM bundle is about 8 MiB.
pub const MAX_CERTIFICATE_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Largest file of CRLs: one CRL at its limit, PEM-encoded.
pub const MAX_CRL_FILE_BYTES: usize = MAX_CRL_BYTES / 3 * 4 + 64 * 1024;

/// Most bytes of certificate files read for one store: twice the accredited
/// list (the 2,403 real CA certificates of the conformance data take 11 MiB
/// as separate PEM files).
pub const MAX_STORE_CERTIFICATE_BYTES: usize = 32 * 1024 * 1024;

/// Most bytes read for one store, CRLs included: a few large CRLs of big CAs.
pub const MAX_STORE_BYTES: usize = 256 * 1024 * 1024;

/// Most certificates in one store, anchors and intermediates together: twice
/// the accredited list, counted before they are decoded (a decoded
/// certificate takes a few KiB).
pub const MAX_STORE_CERTIFICATES: usize = 5_000;

/// A file that could not be read or understood.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrustFileError {
    /// The file or folder could not be read.
    #[error("cannot read {path}: {detail}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system reported.
        detail: String,
    },
    /// The file does not hold what was expected.
    #[error("{path}: {source}")]
    Parse {
        /// The path.
        path: PathBuf,
        /// The parse error.
        source: PkiError,
    },
    /// A file, or everything read for one store, is larger than its cap.
    #[error("{path}: more than the limit of {limit} {what}")]
    TooLarge {
        /// The file that crossed the cap.
        path: PathBuf,
        /// What was counted (bytes, certificates).
        what: &'static str,
        /// The cap.
        limit: usize,
    },
    /// A folder holds more files than the limit.
    #[error("{path} holds more than {limit} files")]
    TooManyFiles {
        /// The folder.
        path: PathBuf,
        /// The limit.
        limit: usize,
    },
}

impl Coded for TrustFileError {
    fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "trust_file.io",
            Self::Parse { source, .. } => source.code(),
            Self::TooManyFiles { .. } => "trust_file.too_many_files",
            Self::TooLarge { .. } => "trust_file.too_large",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Io { path, detail } => {
                format!("не удаётся прочитать {}: {detail}", path.display())
            }
            Self::Parse { path, source } => format!("{}: {}", path.display(), source.message_ru()),
            Self::TooManyFiles { path, limit } => {
                format!("в {} больше {limit} файлов", path.display())
            }
            Self::TooLarge { path, what, limit } => {
                let what = if *what == "certificates" {
                    "сертификатов"
                } else {
                    "байт"
                };
                format!("{}: превышен предел {limit} {what}", path.display())
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

fn io(path: &Path, e: &std::io::Error) -> TrustFileError {
    TrustFileError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// The files a path designates: itself, or the regular files of a folder in name order.
fn files(path: &Path) -> Result<Vec<PathBuf>, TrustFileError> {
    let meta = std::fs::metadata(path).map_err(|e| io(path, &e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| io(path, &e))? {
        let entry = entry.map_err(|e| io(path, &e))?;
        if entry.file_type().map_err(|e| io(path, &e))?.is_file() {
            out.push(entry.path());
        }
        if out.len() > MAX_FOLDER_FILES {
            return Err(TrustFileError::TooManyFiles {
                path: path.to_path_buf(),
                limit: MAX_FOLDER_FILES,
            });
        }
    }
    out.sort();
    Ok(out)
}

/// What is left to read for one store.
struct Allowance {
    bytes: usize,
    certificate_bytes: usize,
    certificates: usize,
}

impl Allowance {
    fn new() -> Self {
        Self {
            bytes: MAX_STORE_BYTES,
            certificate_bytes: MAX_STORE_CERTIFICATE_BYTES,
            certificates: MAX_STORE_CERTIFICATES,
        }
    }

    fn too_large(path: &Path, what: &'static str, limit: usize) -> TrustFileError {
        TrustFileError::TooLarge {
            path: path.to_path_buf(),
            what,
            limit,
        }
    }

    /// Reads `path` with the smaller of `file_cap` and what is left, and spends it.
    fn read(
        &mut self,
        path: &Path,
        file_cap: usize,
        certificates: bool,
    ) -> Result<Vec<u8>, TrustFileError> {
        let left = if certificates {
            self.bytes.min(self.certificate_bytes)
        } else {
            self.bytes
        };
        let cap = file_cap.min(left);
        let bytes = read_der_or_pem(path, cap).map_err(|e| match e {
            ReadError::TooLarge { .. } if cap < file_cap => {
                let limit = if certificates && self.certificate_bytes < self.bytes {
                    MAX_STORE_CERTIFICATE_BYTES
                } else {
                    MAX_STORE_BYTES
                };
                Self::too_large(path, "bytes read for one store", limit)
            }
            ReadError::TooLarge { limit, .. } => Self::too_large(path, "bytes", limit),
            ReadError::Io { detail, .. } => TrustFileError::Io {
                path: path.to_path_buf(),
                detail,
            },
            ReadError::NotDerOrPem { .. } => TrustFileError::Parse {
                path: path.to_path_buf(),
                source: PkiError::MalformedCertificate {
                    detail: "neither der nor pem".into(),
                },
            },
        })?;
        self.bytes -= bytes.len();
        if certificates {
            self.certificate_bytes -= bytes.len();
        }
        Ok(bytes)
    }

    fn count(&mut self, path: &Path, n: usize) -> Result<(), TrustFileError> {
        self.certificates = self
            .certificates
            .checked_sub(n)
            .ok_or_else(|| Self::too_large(path, "certificates", MAX_STORE_CERTIFICATES))?;
        Ok(())
    }
}

/// How many PEM blocks a text holds (a DER file holds none), by the lines
/// that open one; the parser's own bound per file covers blocks opened mid-line.
fn pem_blocks_in(bytes: &[u8]) -> usize {
    bytes
        .split(|b| *b == b'\n')
        .filter(|line| line.starts_with(b"-----BEGIN "))
        .count()
}

/// Reads every certificate of a file (DER or PEM bundle) or of the files of a folder.
///
/// # Errors
/// [`TrustFileError::Io`] when unreadable, [`TrustFileError::TooLarge`] past a
/// cap, [`TrustFileError::Parse`] when a file is not a certificate or bundle.
pub fn load_certificates(path: &Path) -> Result<Vec<ParsedCertificate>, TrustFileError> {
    parse_certificates(read_certificate_files(path, &mut Allowance::new())?)
}

/// The bytes of a certificate file or of a folder's files, each with its
/// path and whether it was named explicitly; read and counted within the
/// allowance before anything is decoded.
struct CertificateFile {
    path: PathBuf,
    named: bool,
    bytes: Vec<u8>,
}

fn read_certificate_files(
    path: &Path,
    allowance: &mut Allowance,
) -> Result<Vec<CertificateFile>, TrustFileError> {
    let named = !std::fs::metadata(path).map_err(|e| io(path, &e))?.is_dir();
    let mut out = Vec::new();
    for file in files(path)? {
        let bytes = allowance.read(&file, MAX_CERTIFICATE_FILE_BYTES, true)?;
        // Counted before decoding: a bundle's blocks are cheap to count, not to decode.
        allowance.count(&file, pem_blocks_in(&bytes).max(1))?;
        out.push(CertificateFile {
            path: file,
            named,
            bytes,
        });
    }
    Ok(out)
}

fn parse_certificates(
    files: Vec<CertificateFile>,
) -> Result<Vec<ParsedCertificate>, TrustFileError> {
    let mut out = Vec::new();
    for file in files {
        let certs =
            certificates_from_bytes(&file.bytes).map_err(|source| TrustFileError::Parse {
                path: file.path.clone(),
                source,
            })?;
        if certs.is_empty() && file.named {
            let source = PkiError::MalformedCertificate {
                detail: "no certificate in the file".into(),
            };
            return Err(TrustFileError::Parse {
                path: file.path,
                source,
            });
        }
        out.extend(certs);
    }
    Ok(out)
}

/// Reads exactly one certificate from a file.
///
/// # Errors
/// As [`load_certificates`]; [`PkiError::Ambiguous`] inside
/// [`TrustFileError::Parse`] when the file holds several.
pub fn load_certificate(path: &Path) -> Result<ParsedCertificate, TrustFileError> {
    let bytes = Allowance::new().read(path, MAX_CERTIFICATE_FILE_BYTES, true)?;
    ParsedCertificate::from_der_or_pem(&bytes).map_err(|source| TrustFileError::Parse {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads every CRL of a file (DER or PEM) or of the files of a folder.
///
/// # Errors
/// [`TrustFileError::Io`] or [`TrustFileError::Parse`].
pub fn load_crls(path: &Path) -> Result<Vec<ParsedCrl>, TrustFileError> {
    crls_within(path, &mut Allowance::new())
}

fn crls_within(path: &Path, allowance: &mut Allowance) -> Result<Vec<ParsedCrl>, TrustFileError> {
    let mut out = Vec::new();
    for file in files(path)? {
        let bytes = allowance.read(&file, MAX_CRL_FILE_BYTES, false)?;
        out.extend(
            ParsedCrl::all_from_bytes(&bytes)
                .map_err(|source| TrustFileError::Parse { path: file, source })?,
        );
    }
    Ok(out)
}

/// Builds a trust store from files and folders: anchors (marked accredited or
/// not), intermediates and CRLs.
///
/// # Errors
/// The first file that cannot be read or parsed, or that crosses a cap of
/// the whole store.
pub fn load_trust_store(
    anchors: &[PathBuf],
    accredited: bool,
    intermediates: &[PathBuf],
    crls: &[PathBuf],
) -> Result<TrustStore, TrustFileError> {
    let mut store = TrustStore::new();
    let mut allowance = Allowance::new();
    // Every certificate file is read and counted before any is decoded, so a
    // folder past the caps is refused without decoding a certificate.
    let mut anchor_files = Vec::new();
    for path in anchors {
        anchor_files.extend(read_certificate_files(path, &mut allowance)?);
    }
    let mut intermediate_files = Vec::new();
    for path in intermediates {
        intermediate_files.extend(read_certificate_files(path, &mut allowance)?);
    }
    for c in parse_certificates(anchor_files)? {
        store.add_anchor(c, accredited);
    }
    for c in parse_certificates(intermediate_files)? {
        store.add_intermediate(c);
    }
    for path in crls {
        for crl in crls_within(path, &mut allowance)? {
            store.add_crl(crl);
        }
    }
    Ok(store)
}
