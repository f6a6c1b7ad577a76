//! Loading certificates, trust stores and CRLs from files and folders.
//!
//! The core builds a [`TrustStore`] from bytes; this module reads the bytes.
//! A folder is read one level deep, files in name order, so the same folder
//! always gives the same store; in a folder, text files without any PEM
//! block (notes, READMEs) are skipped, while a file named explicitly must
//! hold at least one certificate.

use std::path::{Path, PathBuf};

use kabinet_core::pki::{
    certificates_from_bytes, ParsedCertificate, ParsedCrl, PkiError, TrustStore,
};
use kabinet_core::Coded;

/// Most files read from one folder: the accredited-CA bundles hold a few
/// thousand certificates, one per file at worst.
pub const MAX_FOLDER_FILES: usize = 10_000;

/// A file that could not be read or understood.
#[derive(Debug, thiserror::Error)]
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

fn read(path: &Path) -> Result<Vec<u8>, TrustFileError> {
    std::fs::read(path).map_err(|e| io(path, &e))
}

/// Reads every certificate of a file (DER or PEM bundle) or of the files of a folder.
///
/// # Errors
/// [`TrustFileError::Io`] when unreadable, [`TrustFileError::Parse`] when a file
/// is not a certificate or bundle.
pub fn load_certificates(path: &Path) -> Result<Vec<ParsedCertificate>, TrustFileError> {
    let named_file = !std::fs::metadata(path).map_err(|e| io(path, &e))?.is_dir();
    let mut out = Vec::new();
    for file in files(path)? {
        let bytes = read(&file)?;
        let certs = certificates_from_bytes(&bytes).map_err(|source| TrustFileError::Parse {
            path: file.clone(),
            source,
        })?;
        if certs.is_empty() && named_file {
            let source = PkiError::MalformedCertificate {
                detail: "no certificate in the file".into(),
            };
            return Err(TrustFileError::Parse { path: file, source });
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
    let bytes = read(path)?;
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
    let mut out = Vec::new();
    for file in files(path)? {
        let bytes = read(&file)?;
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
/// The first file that cannot be read or parsed.
pub fn load_trust_store(
    anchors: &[PathBuf],
    accredited: bool,
    intermediates: &[PathBuf],
    crls: &[PathBuf],
) -> Result<TrustStore, TrustFileError> {
    let mut store = TrustStore::new();
    for path in anchors {
        for c in load_certificates(path)? {
            store.add_anchor(c, accredited);
        }
    }
    for path in intermediates {
        for c in load_certificates(path)? {
            store.add_intermediate(c);
        }
    }
    for path in crls {
        for crl in load_crls(path)? {
            store.add_crl(crl);
        }
    }
    Ok(store)
}
