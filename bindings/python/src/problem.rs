//! `Problem`: one problem with its stable code and both messages, as a CMS
//! signer and an XML signature report them (the same record Kotlin and
//! Swift receive).

use pyo3::prelude::*;

/// One problem of a signer or a signature, with its stable code.
#[pyclass(frozen, module = "kabinet", get_all)]
pub struct Problem {
    /// The stable code, e.g. `cms.bad_signature`, `xmldsig.digest_mismatch`.
    code: &'static str,
    /// What is wrong, in Russian.
    message_ru: String,
    /// What is wrong, in English.
    message_en: String,
}

impl Problem {
    /// The problem with `code` and its two messages.
    pub fn of(code: &'static str, message_ru: &str, message_en: &str) -> Self {
        Self {
            code,
            message_ru: message_ru.to_owned(),
            message_en: message_en.to_owned(),
        }
    }
}

#[pymethods]
impl Problem {
    fn __repr__(&self) -> String {
        format!("Problem({:?})", self.code)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Problem>()
}
