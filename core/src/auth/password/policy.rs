//! The rules a new password must meet, as named presets or custom values.

use crate::coded::Coded;
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

/// Longest password any policy accepts, in characters. NIST SP 800-63B asks
/// for at least 64; 1,024 bounds the work of hashing untrusted input.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// What a new password must be like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// The preset's name (`portal`, `nist`) or `custom`.
    pub name: String,
    /// Fewest characters when the password is one of two factors.
    pub min_length: usize,
    /// Fewest characters when the password is the only factor.
    pub min_length_single_factor: usize,
    /// Most characters (at most [`MAX_PASSWORD_CHARS`]).
    pub max_length: usize,
    /// An upper-case letter is required.
    pub require_upper: bool,
    /// A lower-case letter is required.
    pub require_lower: bool,
    /// A digit is required.
    pub require_digit: bool,
    /// A character that is neither a letter nor a digit is required.
    pub require_special: bool,
    /// Spaces are refused.
    pub forbid_spaces: bool,
    /// Passwords on the list of common passwords are refused.
    pub check_blocklist: bool,
    /// The password must be changed after this long (none: never forced).
    pub max_age: Option<SignedDuration>,
}

impl PasswordPolicy {
    /// The portal's guides: 8 characters with upper and lower case, a digit
    /// and a special character, no spaces, changed every 90 days.
    pub fn portal() -> Self {
        Self {
            name: "portal".into(),
            min_length: 8,
            min_length_single_factor: 8,
            max_length: 128,
            require_upper: true,
            require_lower: true,
            require_digit: true,
            require_special: true,
            forbid_spaces: true,
            check_blocklist: false,
            max_age: Some(SignedDuration::from_hours(90 * 24)),
        }
    }

    /// NIST SP 800-63B / OWASP ASVS 5: at least 8 characters (15 as a single
    /// factor), up to 64 and more allowed, checked against common passwords,
    /// no composition rules, no forced rotation.
    pub fn nist() -> Self {
        Self {
            name: "nist".into(),
            min_length: 8,
            min_length_single_factor: 15,
            max_length: 128,
            require_upper: false,
            require_lower: false,
            require_digit: false,
            require_special: false,
            forbid_spaces: false,
            check_blocklist: true,
            max_age: None,
        }
    }

    /// A preset by name: `portal` or `nist`.
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "portal" => Some(Self::portal()),
            "nist" => Some(Self::nist()),
            _ => None,
        }
    }

    /// Every rule the password breaks; empty when it is acceptable.
    /// `single_factor` is true when no second factor protects the login.
    pub fn check(&self, password: &str, single_factor: bool) -> Vec<PasswordProblem> {
        let mut out = Vec::new();
        let len = password.chars().count();
        let min = if single_factor {
            self.min_length_single_factor.max(self.min_length)
        } else {
            self.min_length
        };
        if len < min {
            out.push(PasswordProblem::TooShort { min, actual: len });
        }
        let max = self.max_length.min(MAX_PASSWORD_CHARS);
        if len > max {
            out.push(PasswordProblem::TooLong { max, actual: len });
        }
        let has = |f: fn(char) -> bool| password.chars().any(f);
        let classes = [
            (self.require_upper, has(char::is_uppercase), "upper"),
            (self.require_lower, has(char::is_lowercase), "lower"),
            (self.require_digit, has(|c| c.is_ascii_digit()), "digit"),
            (
                self.require_special,
                has(|c| !c.is_alphanumeric() && !c.is_whitespace()),
                "special",
            ),
        ];
        for (required, present, class) in classes {
            if required && !present {
                out.push(PasswordProblem::MissingClass { class });
            }
        }
        if self.forbid_spaces && has(char::is_whitespace) {
            out.push(PasswordProblem::Spaces);
        }
        if self.check_blocklist && super::is_common_password(password) {
            out.push(PasswordProblem::Common);
        }
        out
    }

    /// Whether a password set at `set_at` must be changed at `at`.
    pub fn expired(&self, set_at: jiff::Timestamp, at: jiff::Timestamp) -> bool {
        self.max_age
            .is_some_and(|age| set_at.as_second().saturating_add(age.as_secs()) <= at.as_second())
    }
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self::nist()
    }
}

/// One rule a password breaks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum PasswordProblem {
    /// Fewer characters than the policy asks.
    #[error("the password has {actual} characters, at least {min} are needed")]
    TooShort {
        /// The fewest allowed.
        min: usize,
        /// How many it has.
        actual: usize,
    },
    /// More characters than the policy allows.
    #[error("the password has {actual} characters, at most {max} are allowed")]
    TooLong {
        /// The most allowed.
        max: usize,
        /// How many it has.
        actual: usize,
    },
    /// A required class of characters is missing.
    #[error("the password needs a character of class {class}")]
    MissingClass {
        /// `upper`, `lower`, `digit` or `special`.
        class: &'static str,
    },
    /// The password holds spaces.
    #[error("the password must not contain spaces")]
    Spaces,
    /// The password is one of the most common ones.
    #[error("the password is too common")]
    Common,
}

impl Coded for PasswordProblem {
    fn code(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "password.too_short",
            Self::TooLong { .. } => "password.too_long",
            Self::MissingClass { .. } => "password.missing_class",
            Self::Spaces => "password.spaces",
            Self::Common => "password.common",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::TooShort { min, actual } => {
                format!("в пароле {actual} символов, нужно не менее {min}")
            }
            Self::TooLong { max, actual } => {
                format!("в пароле {actual} символов, допускается не более {max}")
            }
            Self::MissingClass { class } => {
                let what = match *class {
                    "upper" => "заглавную букву",
                    "lower" => "строчную букву",
                    "digit" => "цифру",
                    _ => "специальный символ",
                };
                format!("пароль должен содержать {what}")
            }
            Self::Spaces => "пароль не должен содержать пробелов".into(),
            Self::Common => "пароль слишком распространён".into(),
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(p: &PasswordPolicy, pw: &str, single: bool) -> Vec<&'static str> {
        p.check(pw, single).iter().map(Coded::code).collect()
    }

    #[test]
    fn portal_asks_for_every_class_and_no_spaces() {
        let p = PasswordPolicy::portal();
        assert!(codes(&p, "Abcdef1!", false).is_empty());
        assert_eq!(
            codes(&p, "abcdefgh", false),
            [
                "password.missing_class",
                "password.missing_class",
                "password.missing_class"
            ]
        );
        assert_eq!(codes(&p, "Ab1! xyzw", false), ["password.spaces"]);
        assert_eq!(codes(&p, "Ab1!", false), ["password.too_short"]);
    }

    #[test]
    fn nist_checks_length_and_the_blocklist_only() {
        let p = PasswordPolicy::nist();
        assert!(codes(&p, "lowercase only", false).is_empty());
        assert_eq!(codes(&p, "lowercase only", true), ["password.too_short"]);
        assert_eq!(codes(&p, "password1", false), ["password.common"]);
        assert!(codes(&p, &"x".repeat(64), true).is_empty());
        assert_eq!(codes(&p, &"x".repeat(129), true), ["password.too_long"]);
    }

    #[test]
    fn rotation_is_forced_only_by_the_portal_preset() {
        let set: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let later: jiff::Timestamp = "2026-04-01T00:00:00Z".parse().unwrap();
        let before: jiff::Timestamp = "2026-03-31T23:59:59Z".parse().unwrap();
        assert!(PasswordPolicy::portal().expired(set, later));
        assert!(!PasswordPolicy::portal().expired(set, before));
        assert!(!PasswordPolicy::nist().expired(set, later));
        assert_eq!(
            PasswordPolicy::preset("portal"),
            Some(PasswordPolicy::portal())
        );
        assert_eq!(PasswordPolicy::preset("x"), None);
    }
}
