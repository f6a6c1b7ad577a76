//! Stable codes and bilingual messages for everything that can fail or refuse.
//!
//! Every error and every refusal reason of kabinet implements [`Coded`]: a
//! machine-readable code that never changes between releases (hosts and the
//! bindings match on it) and a human message in Russian and in English.
//!
//! Codes are lowercase `area.reason` strings in snake case, for example
//! `inn.checksum` or `access.right_not_held`. Messages are lowercase
//! sentences without a trailing period and never name Rust types.

/// A failure or refusal that carries a stable code and messages in two languages.
pub trait Coded {
    /// The stable machine-readable code, `area.reason`.
    fn code(&self) -> &'static str;
    /// The message in Russian.
    fn message_ru(&self) -> String;
    /// The message in English.
    fn message_en(&self) -> String;
}

/// A coded message detached from its source: the form errors take when they
/// cross a boundary (JSON, the bindings, the journal).
///
/// It crosses to Python, Kotlin and Swift as `Problem`: the problems of signers,
/// signatures and passwords and the reasons of a rejection.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi(name = "Problem"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "kabinet", name = "Problem")
)]
pub struct CodedMessage {
    /// The stable code.
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

impl CodedMessage {
    /// Captures the code and both messages of any coded value.
    pub fn of(source: &impl Coded) -> Self {
        Self {
            code: source.code().to_owned(),
            message_ru: source.message_ru(),
            message_en: source.message_en(),
        }
    }
}

impl<P> From<&ReportedProblem<P>> for CodedMessage {
    fn from(p: &ReportedProblem<P>) -> Self {
        Self {
            code: p.code.to_owned(),
            message_ru: p.detail_ru.clone(),
            message_en: p.detail.clone(),
        }
    }
}

#[cfg(feature = "python")]
#[pyo3::pymethods]
impl CodedMessage {
    fn __repr__(&self) -> String {
        format!("Problem({:?})", self.code)
    }
}

impl core::fmt::Display for CodedMessage {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en)
    }
}

/// A coded reason as a report lists it: the code and both messages for
/// display and JSON, and the typed reason itself for Rust callers. CMS
/// signers ([`crate::cms::CmsProblem`]) and XML signatures
/// ([`crate::xmldsig::XmlProblem`]) report their problems in this form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportedProblem<P> {
    /// The stable code.
    pub code: &'static str,
    /// The English message.
    pub detail: String,
    /// The Russian message.
    pub detail_ru: String,
    /// The reason itself.
    #[serde(skip)]
    pub problem: P,
}

impl<P> ReportedProblem<P> {
    /// The codes of a list of problems, in order.
    pub fn codes(problems: &[Self]) -> Vec<&'static str> {
        problems.iter().map(|p| p.code).collect()
    }
}

impl<P: Coded> From<P> for ReportedProblem<P> {
    fn from(problem: P) -> Self {
        Self {
            code: problem.code(),
            detail: problem.message_en(),
            detail_ru: problem.message_ru(),
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sample;
    impl Coded for Sample {
        fn code(&self) -> &'static str {
            "sample.reason"
        }
        fn message_ru(&self) -> String {
            "пример".into()
        }
        fn message_en(&self) -> String {
            "sample".into()
        }
    }

    #[test]
    fn captures_code_and_both_messages() {
        let m = CodedMessage::of(&Sample);
        assert_eq!(m.code, "sample.reason");
        assert_eq!(m.message_ru, "пример");
        assert_eq!(m.to_string(), "sample.reason: sample");
    }

    #[test]
    fn a_reported_problem_keeps_the_reason_and_crosses_as_its_message() {
        let reported = ReportedProblem::from(Sample);
        assert_eq!(
            (
                reported.code,
                reported.detail.as_str(),
                reported.detail_ru.as_str()
            ),
            ("sample.reason", "sample", "пример")
        );
        assert_eq!(CodedMessage::from(&reported), CodedMessage::of(&Sample));
        // The JSON form names the code and both messages, not the reason.
        let json = serde_json::to_value(&reported).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"code": "sample.reason", "detail": "sample", "detail_ru": "пример"})
        );
    }
}
