//! `Problem`: one problem with its stable code and both messages, as a CMS
//! signer and an XML signature report them (the same record Kotlin and
//! Swift receive).

use kabinet::ReportedProblem;
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

    /// Every problem of a report, in order.
    pub fn all<P>(problems: &[ReportedProblem<P>]) -> Vec<Self> {
        problems
            .iter()
            .map(|p| Self::of(p.code, &p.detail_ru, &p.detail))
            .collect()
    }

    /// The codes of a report's problems, in order.
    pub fn codes<P>(problems: &[ReportedProblem<P>]) -> Vec<&'static str> {
        problems.iter().map(|p| p.code).collect()
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
