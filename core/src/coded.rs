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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
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

impl core::fmt::Display for CodedMessage {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en)
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
}
