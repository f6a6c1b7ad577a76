//! Reading the documented JSON forms that come from outside: commands,
//! events, policies, registry records, reminders.
//!
//! Every type read here refuses fields it does not know
//! (`#[serde(deny_unknown_fields)]`): a misspelt `"valid_untill"` is an
//! error, never a power that silently lasts the default year. The codes are
//! the core's, one table for every form, so the bindings invent none:
//! `<form>.unknown_field` for a field the form does not have, the form's
//! `malformed` code for anything else that is not the documented form.

use crate::coded::Coded;
use serde::de::DeserializeOwned;

/// What a JSON text is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonForm {
    /// A [`crate::Command`].
    Command,
    /// A [`crate::Event`].
    Event,
    /// A [`crate::Query`].
    Query,
    /// A [`crate::Policy`].
    Policy,
    /// A password policy ([`crate::auth::PasswordPolicy`]).
    PasswordPolicy,
    /// An authentication scheme.
    AuthScheme,
    /// The purpose of a one-time code.
    CodePurpose,
    /// An expiry to remind of (a certificate's, a power's).
    Reminder,
    /// A state registry's record or answer.
    Registry,
}

/// One row of the table of forms: the codes and the names of a form.
struct FormCodes {
    malformed: &'static str,
    unknown_field: &'static str,
    ru: &'static str,
    en: &'static str,
}

impl JsonForm {
    /// Every form.
    pub const ALL: [JsonForm; 9] = [
        Self::Command,
        Self::Event,
        Self::Query,
        Self::Policy,
        Self::PasswordPolicy,
        Self::AuthScheme,
        Self::CodePurpose,
        Self::Reminder,
        Self::Registry,
    ];

    fn codes(self) -> FormCodes {
        let (malformed, unknown_field, ru, en) = match self {
            Self::Command => (
                "command.malformed",
                "command.unknown_field",
                "команда",
                "command",
            ),
            Self::Event => ("event.malformed", "event.unknown_field", "событие", "event"),
            Self::Query => ("query.malformed", "query.unknown_field", "запрос", "query"),
            Self::Policy => (
                "policy.malformed",
                "policy.unknown_field",
                "политика",
                "policy",
            ),
            Self::PasswordPolicy => (
                "password.malformed_policy",
                "password.unknown_field",
                "политика паролей",
                "password policy",
            ),
            Self::AuthScheme => (
                "auth.malformed_scheme",
                "auth.unknown_field",
                "схема входа",
                "authentication scheme",
            ),
            Self::CodePurpose => (
                "code.unknown_purpose",
                "code.unknown_field",
                "назначение кода",
                "purpose of a code",
            ),
            Self::Reminder => (
                "reminder.malformed",
                "reminder.unknown_field",
                "напоминание",
                "reminder",
            ),
            Self::Registry => (
                "registry.malformed",
                "registry.unknown_field",
                "ответ реестра",
                "registry answer",
            ),
        };
        FormCodes {
            malformed,
            unknown_field,
            ru,
            en,
        }
    }

    /// Every code reading this form can give.
    pub fn error_codes(self) -> [&'static str; 2] {
        let c = self.codes();
        [c.malformed, c.unknown_field]
    }
}

/// A JSON text that is not the documented form of what it was read as.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{}", self.message_en())]
pub struct JsonFormError {
    /// What the text was read as.
    pub form: JsonForm,
    /// The field the form does not have, when that is what is wrong.
    pub unknown_field: Option<String>,
    /// The reader's own account of what is wrong (where, what was expected).
    pub detail: String,
}

impl Coded for JsonFormError {
    fn code(&self) -> &'static str {
        let c = self.form.codes();
        if self.unknown_field.is_some() {
            c.unknown_field
        } else {
            c.malformed
        }
    }

    fn message_ru(&self) -> String {
        let c = self.form.codes();
        match &self.unknown_field {
            Some(f) => format!("{}: неизвестное поле «{f}» ({})", c.ru, self.detail),
            None => format!(
                "{}: значение не соответствует описанной форме: {}",
                c.ru, self.detail
            ),
        }
    }

    fn message_en(&self) -> String {
        let c = self.form.codes();
        match &self.unknown_field {
            Some(f) => format!("{}: unknown field `{f}` ({})", c.en, self.detail),
            None => format!(
                "{}: the value does not have the documented form: {}",
                c.en, self.detail
            ),
        }
    }
}

/// Reads `text` as the documented JSON form of `T`.
///
/// # Errors
/// [`JsonFormError`]: `<form>.unknown_field` naming a field the form does
/// not have, or the form's `malformed` code.
pub fn from_json<T: DeserializeOwned>(form: JsonForm, text: &str) -> Result<T, JsonFormError> {
    serde_json::from_str(text).map_err(|e| JsonFormError::from_reader(form, e.to_string()))
}

impl JsonFormError {
    /// The error of reading a value as `form`, from the reader's own
    /// message: serde's, whether the reader is JSON text or a host's native
    /// values read through serde (Python's dicts in the Python binding).
    pub fn from_reader(form: JsonForm, detail: String) -> Self {
        Self {
            form,
            unknown_field: unknown_field(&detail),
            detail,
        }
    }
}

/// The field named by serde's "unknown field `x`, expected …" message.
fn unknown_field(detail: &str) -> Option<String> {
    let rest = detail.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    rest.get(..end).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Command;

    #[test]
    fn an_unknown_field_is_named_and_coded() {
        let e = from_json::<Command>(
            JsonForm::Command,
            r#"{"command":"dismiss_employee","org":1,"account":2,"reason":"x"}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), "command.unknown_field");
        assert_eq!(e.unknown_field.as_deref(), Some("reason"));
        assert!(e.message_ru().contains("«reason»"));
        let ok = from_json::<Command>(
            JsonForm::Command,
            r#"{"command":"dismiss_employee","org":1,"account":2}"#,
        );
        assert!(ok.is_ok(), "{ok:?}");
        let e = from_json::<Command>(JsonForm::Command, "{").unwrap_err();
        assert_eq!(e.code(), "command.malformed");
    }

    #[test]
    fn every_form_has_two_distinct_codes() {
        let mut all: Vec<&str> = JsonForm::ALL.iter().flat_map(|f| f.error_codes()).collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
