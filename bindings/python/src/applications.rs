//! Applications and reports: documents checked by their content (the
//! format sniffed from the bytes, the size, the SHA-256). The questions on
//! applications cross as queries through `Kabinet.query`.
//!
//! The commands (`create`, `attach_document`, `submit`, `set_status`,
//! `confirm`, `add_comment`) cross as JSON through `execute`; the typed
//! methods of `kabinet.Kabinet` build them and read the document's content
//! here, so a file whose bytes are not what its slot accepts is refused
//! with `document.*` before anything is sent.

use crate::errors::{self, Family};
use crate::json::to_py;
use kabinet::applications::{self, DocumentContent};
use pyo3::prelude::*;

/// The largest document by default: 10 MB (the portal's guides: "файлы не
/// должны превышать 10 МБ"), as in the applications policy.
const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

fn error(py: Python<'_>, e: &applications::ApplicationError) -> PyErr {
    errors::coded(py, Family::Command, e, serde_json::Value::Null)
}

fn length(data: &[u8]) -> u64 {
    u64::try_from(data.len()).unwrap_or(u64::MAX)
}

/// The content of a document read from its bytes: `format` (`pdf`, `xml`,
/// `xlsx`, `docx`, `jpeg`), `size` and `sha256` (when `data` is the whole
/// file). `size` defaults to the length of `data` (give it when `data` is
/// only the file's beginning).
///
/// Raises `ApplicationError` (`document.too_large`, `document.unrecognized_content`).
#[pyfunction]
#[pyo3(signature = (data, size = None, max_bytes = DEFAULT_MAX_BYTES))]
fn inspect_document<'py>(
    py: Python<'py>,
    data: &[u8],
    size: Option<u64>,
    max_bytes: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let size = size.unwrap_or_else(|| length(data));
    let content = py
        .detach(|| DocumentContent::inspect(data, size, max_bytes))
        .map_err(|e| error(py, &e))?;
    to_py(py, &content)
}

/// The format of a document recognized from its first bytes.
///
/// Raises `ApplicationError` (`document.unrecognized_content`).
#[pyfunction]
#[pyo3(signature = (data, size = None))]
fn sniff_document(py: Python<'_>, data: &[u8], size: Option<u64>) -> PyResult<&'static str> {
    let size = size.unwrap_or_else(|| length(data));
    applications::sniff(data, size)
        .map(|f| f.as_str())
        .map_err(|e| error(py, &e))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(inspect_document, m)?)?;
    m.add_function(wrap_pyfunction!(sniff_document, m)?)?;
    Ok(())
}
