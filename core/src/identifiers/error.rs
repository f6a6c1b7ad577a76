//! Why a value is not a valid identifier: one variant per distinct failure.
//!
//! Every variant carries what a user needs to fix the value (which
//! identifier, the expected and the found length, the expected and the found
//! check digits, the position of a bad character, counted in characters from
//! 1 after surrounding whitespace is trimmed) and has a stable code of the
//! form `<area>.<reason>`, where the area is
//! [`IdentifierKind::code_area`] (`inn.checksum`, `ogrnip.checksum`,
//! `corr_account.bik_required`, `email.no_at`, …). Messages are in Russian and
//! English and speak of the portal's words (ИНН, СНИЛС), never of types.

use crate::Coded;

use super::IdentifierKind;

/// Why a value is not a valid identifier or requisite.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message_en())]
#[non_exhaustive]
pub enum IdentifierError {
    /// Nothing is left once surrounding whitespace is trimmed (`<area>.empty`).
    Empty {
        /// Which identifier was expected.
        kind: IdentifierKind,
    },
    /// The input is longer than any value of its kind could be (`<area>.too_long`).
    TooLong {
        /// Which identifier was expected.
        kind: IdentifierKind,
        /// The largest accepted size in bytes.
        max: usize,
        /// The size given, in bytes.
        found: usize,
    },
    /// The value has the wrong number of characters (`<area>.length`).
    Length {
        /// Which identifier was expected.
        kind: IdentifierKind,
        /// The accepted lengths (ИНН: 10 or 12).
        expected: &'static [usize],
        /// The length given.
        found: usize,
    },
    /// A character other than a digit where a digit must be (`<area>.not_digits`).
    NotDigit {
        /// Which identifier was expected.
        kind: IdentifierKind,
        /// The position of the character, from 1.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// The check digits do not match the rest of the number (`<area>.checksum`).
    ///
    /// For bank accounts the check digit is the control key, digit 9 of the account.
    Checksum {
        /// Which identifier was expected.
        kind: IdentifierKind,
        /// The check digits the rest of the number calls for.
        expected: String,
        /// The check digits given.
        found: String,
    },
    /// The first digit marks another kind of number (`<area>.first_digit`).
    FirstDigit {
        /// Which identifier was expected.
        kind: IdentifierKind,
        /// The digits the value may start with.
        allowed: &'static [char],
        /// The digit found.
        found: char,
    },
    /// A КПП reason code (positions 5–6) holds something other than a digit or
    /// a capital Latin letter (`kpp.reason_code`).
    KppReasonCode {
        /// The position, 5 or 6.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// A СНИЛС separator is missing or out of its place (`snils.format`).
    SnilsFormat {
        /// The position of the offending character, from 1.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// An account number was given without the БИК it is checked against
    /// (`account.bik_required`, `corr_account.bik_required`).
    BikRequired {
        /// Which account was being checked.
        kind: IdentifierKind,
    },
    /// The БИК given for checking an account is itself not valid
    /// (`account.bik_invalid`, `corr_account.bik_invalid`).
    BikInvalid {
        /// Which account was being checked.
        kind: IdentifierKind,
        /// What is wrong with the БИК.
        source: Box<IdentifierError>,
    },
    /// A phone number does not start with `+` (`phone.no_plus`).
    PhoneNoPlus {
        /// The first character given.
        found: char,
    },
    /// A phone number holds a character that is not a digit, or a separator
    /// out of place (`phone.format`).
    PhoneFormat {
        /// The position of the character, from 1.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// A phone number has no digits or more than E.164 allows (`phone.length`).
    PhoneLength {
        /// The largest number of digits, 15.
        max: usize,
        /// The number of digits given.
        found: usize,
    },
    /// An email address without `@` (`email.no_at`).
    EmailNoAt,
    /// An email address with nothing before `@` (`email.local_empty`).
    EmailLocalEmpty,
    /// The part before `@` is longer than RFC 5321 allows (`email.local_too_long`).
    EmailLocalTooLong {
        /// The largest length, 64.
        max: usize,
        /// The length given.
        found: usize,
    },
    /// A character not allowed before `@`, or a dot at its start, its end or
    /// next to another dot (`email.local_char`).
    EmailLocalChar {
        /// The position of the character in the whole address, from 1.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// An email address with nothing after `@` (`email.domain_missing`).
    EmailDomainMissing,
    /// The domain of an email address is a single name without a dot (`email.domain_no_dot`).
    EmailDomainNoDot {
        /// The domain given (lowercased).
        domain: String,
    },
    /// A part of the domain of an email address is not a valid host name
    /// label (`email.domain_label`).
    EmailDomainLabel {
        /// The offending label (lowercased; empty when two dots meet).
        label: String,
    },
}

/// The code `<area>.<reason>` of a kind, as a `&'static str`.
macro_rules! per_kind {
    ($kind:expr, $reason:literal) => {
        match $kind {
            IdentifierKind::Inn => concat!("inn.", $reason),
            IdentifierKind::Ogrn => concat!("ogrn.", $reason),
            IdentifierKind::Ogrnip => concat!("ogrnip.", $reason),
            IdentifierKind::Kpp => concat!("kpp.", $reason),
            IdentifierKind::Snils => concat!("snils.", $reason),
            IdentifierKind::Bik => concat!("bik.", $reason),
            IdentifierKind::Account => concat!("account.", $reason),
            IdentifierKind::CorrAccount => concat!("corr_account.", $reason),
            IdentifierKind::Phone => concat!("phone.", $reason),
            IdentifierKind::Email => concat!("email.", $reason),
        }
    };
}

fn join(items: impl IntoIterator<Item = impl ToString>, word: &str) -> String {
    items
        .into_iter()
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(word)
}

impl IdentifierError {
    /// Which identifier the failure is about.
    pub fn kind(&self) -> IdentifierKind {
        match self {
            Self::Empty { kind }
            | Self::TooLong { kind, .. }
            | Self::Length { kind, .. }
            | Self::NotDigit { kind, .. }
            | Self::Checksum { kind, .. }
            | Self::FirstDigit { kind, .. }
            | Self::BikRequired { kind }
            | Self::BikInvalid { kind, .. } => *kind,
            Self::KppReasonCode { .. } => IdentifierKind::Kpp,
            Self::SnilsFormat { .. } => IdentifierKind::Snils,
            Self::PhoneNoPlus { .. } | Self::PhoneFormat { .. } | Self::PhoneLength { .. } => {
                IdentifierKind::Phone
            }
            Self::EmailNoAt
            | Self::EmailLocalEmpty
            | Self::EmailLocalTooLong { .. }
            | Self::EmailLocalChar { .. }
            | Self::EmailDomainMissing
            | Self::EmailDomainNoDot { .. }
            | Self::EmailDomainLabel { .. } => IdentifierKind::Email,
        }
    }
}

impl Coded for IdentifierError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty { kind } => per_kind!(kind, "empty"),
            Self::TooLong { kind, .. } => per_kind!(kind, "too_long"),
            Self::Length { kind, .. } => per_kind!(kind, "length"),
            Self::NotDigit { kind, .. } => per_kind!(kind, "not_digits"),
            Self::Checksum { kind, .. } => per_kind!(kind, "checksum"),
            Self::FirstDigit { kind, .. } => per_kind!(kind, "first_digit"),
            Self::BikRequired { kind } => per_kind!(kind, "bik_required"),
            Self::BikInvalid { kind, .. } => per_kind!(kind, "bik_invalid"),
            Self::KppReasonCode { .. } => "kpp.reason_code",
            Self::SnilsFormat { .. } => "snils.format",
            Self::PhoneNoPlus { .. } => "phone.no_plus",
            Self::PhoneFormat { .. } => "phone.format",
            Self::PhoneLength { .. } => "phone.length",
            Self::EmailNoAt => "email.no_at",
            Self::EmailLocalEmpty => "email.local_empty",
            Self::EmailLocalTooLong { .. } => "email.local_too_long",
            Self::EmailLocalChar { .. } => "email.local_char",
            Self::EmailDomainMissing => "email.domain_missing",
            Self::EmailDomainNoDot { .. } => "email.domain_no_dot",
            Self::EmailDomainLabel { .. } => "email.domain_label",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Empty { kind } => format!("{} не указан", kind.name_ru()),
            Self::TooLong { kind, max, found } => format!(
                "слишком длинное значение: {} не может занимать больше {max} байт, а введено {found}",
                kind.name_ru()
            ),
            Self::Length { kind, expected, found } => format!(
                "{} должно быть {} знаков, а введено {found}",
                kind.in_ru(),
                join(expected.iter(), " или ")
            ),
            Self::NotDigit { kind, position, found } => format!(
                "{} в позиции {position} должна быть цифра, а стоит «{}»",
                kind.in_ru(),
                found.escape_debug()
            ),
            Self::Checksum { kind: kind @ (IdentifierKind::Account | IdentifierKind::CorrAccount), expected, found } => format!(
                "номер {} не сходится с БИК по контрольному ключу: в позиции 9 ожидалась цифра {expected}, а стоит {found}; проверьте номер счёта и БИК",
                kind.of_ru()
            ),
            Self::Checksum { kind, expected, found } => format!(
                "неверное контрольное число {}: ожидалось {expected}, а указано {found}; проверьте, нет ли опечатки",
                kind.of_ru()
            ),
            Self::FirstDigit { kind: IdentifierKind::Phone, .. } => {
                "код страны в номере телефона не может начинаться с 0".to_owned()
            }
            Self::FirstDigit { kind, allowed, found } => format!(
                "{} должен начинаться с {}, а начинается с {found}",
                kind.name_ru(),
                join(allowed.iter(), " или ")
            ),
            Self::KppReasonCode { position, found } => format!(
                "в КПП в позиции {position} допускаются только цифры и заглавные латинские буквы A–Z, а стоит «{}»",
                found.escape_debug()
            ),
            Self::SnilsFormat { position, found } => format!(
                "СНИЛС записывается 11 цифрами подряд или в виде XXX-XXX-XXX YY, а в позиции {position} стоит «{}»",
                found.escape_debug()
            ),
            Self::BikRequired { kind } => {
                format!("для проверки {} нужен БИК банка", kind.of_ru())
            }
            Self::BikInvalid { source, .. } => {
                format!("БИК банка указан неверно: {}", source.message_ru())
            }
            Self::PhoneNoPlus { found } => format!(
                "номер телефона должен начинаться с «+» и кода страны (например, +7), а начинается с «{}»",
                found.escape_debug()
            ),
            Self::PhoneFormat { position, found } => format!(
                "в номере телефона допускаются только «+» в начале, цифры и разделители (пробел, дефис, скобки вокруг группы цифр) между цифрами, а в позиции {position} стоит «{}»",
                found.escape_debug()
            ),
            Self::PhoneLength { max, found } => format!(
                "в номере телефона должно быть от 1 до {max} цифр вместе с кодом страны, а введено {found}"
            ),
            Self::EmailNoAt => "в адресе электронной почты нет знака «@»".to_owned(),
            Self::EmailLocalEmpty => {
                "в адресе электронной почты нет имени перед знаком «@»".to_owned()
            }
            Self::EmailLocalTooLong { max, found } => format!(
                "имя перед «@» в адресе электронной почты не может быть длиннее {max} знаков, а введено {found}"
            ),
            Self::EmailLocalChar { position, found } => format!(
                "в имени перед «@» допускаются латинские буквы, цифры и знаки !#$%&'*+/=?^_`{{|}}~- , а точка — только между ними; в позиции {position} стоит «{}»",
                found.escape_debug()
            ),
            Self::EmailDomainMissing => {
                "в адресе электронной почты нет домена после знака «@»".to_owned()
            }
            Self::EmailDomainNoDot { domain } => format!(
                "домен «{}» в адресе электронной почты неполный: ожидается вид example.ru",
                domain.escape_debug()
            ),
            Self::EmailDomainLabel { label } => format!(
                "часть домена «{}» в адресе электронной почты недопустима: нужны латинские буквы, цифры и дефисы (не в начале и не в конце), до 63 знаков; кириллический домен укажите в виде xn--…",
                label.escape_debug()
            ),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::Empty { kind } => format!("{} is empty", kind.name_en()),
            Self::TooLong { kind, max, found } => format!(
                "the value is too long: {} takes at most {max} bytes, {found} given",
                kind.name_en()
            ),
            Self::Length { kind, expected, found } => format!(
                "{} must have {} characters, {found} given",
                kind.name_en(),
                join(expected.iter(), " or ")
            ),
            Self::NotDigit { kind, position, found } => format!(
                "{} must have a digit at position {position}, found '{}'",
                kind.name_en(),
                found.escape_debug()
            ),
            Self::Checksum { kind: kind @ (IdentifierKind::Account | IdentifierKind::CorrAccount), expected, found } => format!(
                "{} does not match the BIK by its control key: digit 9 should be {expected}, found {found}; check the account number and the BIK",
                kind.name_en()
            ),
            Self::Checksum { kind, expected, found } => format!(
                "the check digits of {} are wrong: expected {expected}, found {found}; check for a typo",
                kind.name_en()
            ),
            Self::FirstDigit { kind: IdentifierKind::Phone, .. } => {
                "the country code of the phone number cannot start with 0".to_owned()
            }
            Self::FirstDigit { kind, allowed, found } => format!(
                "{} must start with {}, found {found}",
                kind.name_en(),
                join(allowed.iter(), " or ")
            ),
            Self::KppReasonCode { position, found } => format!(
                "the KPP (registration reason code) allows only digits and capital Latin letters A–Z at position {position}, found '{}'",
                found.escape_debug()
            ),
            Self::SnilsFormat { position, found } => format!(
                "the SNILS (insurance number) is written as 11 digits or as XXX-XXX-XXX YY, found '{}' at position {position}",
                found.escape_debug()
            ),
            Self::BikRequired { kind } => {
                format!("checking {} needs the bank's BIK", kind.name_en())
            }
            Self::BikInvalid { source, .. } => {
                format!("the bank's BIK is not valid: {}", source.message_en())
            }
            Self::PhoneNoPlus { found } => format!(
                "the phone number must start with '+' and the country code (such as +7), found '{}'",
                found.escape_debug()
            ),
            Self::PhoneFormat { position, found } => format!(
                "the phone number may hold only a leading '+', digits and separators (space, hyphen, parentheses around a group of digits) between digits, found '{}' at position {position}",
                found.escape_debug()
            ),
            Self::PhoneLength { max, found } => format!(
                "the phone number must have 1 to {max} digits including the country code, {found} given"
            ),
            Self::EmailNoAt => "the email address has no '@'".to_owned(),
            Self::EmailLocalEmpty => "the email address has no name before '@'".to_owned(),
            Self::EmailLocalTooLong { max, found } => format!(
                "the name before '@' in the email address may have at most {max} characters, {found} given"
            ),
            Self::EmailLocalChar { position, found } => format!(
                "the name before '@' may hold Latin letters, digits and !#$%&'*+/=?^_`{{|}}~- with dots only between them, found '{}' at position {position}",
                found.escape_debug()
            ),
            Self::EmailDomainMissing => "the email address has no domain after '@'".to_owned(),
            Self::EmailDomainNoDot { domain } => format!(
                "the domain '{}' of the email address is incomplete: expected a name like example.com",
                domain.escape_debug()
            ),
            Self::EmailDomainLabel { label } => format!(
                "the domain part '{}' of the email address is not valid: use Latin letters, digits and inner hyphens, up to 63 characters; write an international domain as xn--…",
                label.escape_debug()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<IdentifierError> {
        use IdentifierKind as K;
        vec![
            IdentifierError::Empty { kind: K::Snils },
            IdentifierError::TooLong {
                kind: K::Inn,
                max: 1024,
                found: 5000,
            },
            IdentifierError::Length {
                kind: K::Inn,
                expected: &[10, 12],
                found: 11,
            },
            IdentifierError::NotDigit {
                kind: K::Ogrn,
                position: 3,
                found: 'O',
            },
            IdentifierError::Checksum {
                kind: K::Ogrnip,
                expected: "2".into(),
                found: "1".into(),
            },
            IdentifierError::Checksum {
                kind: K::Account,
                expected: "2".into(),
                found: "1".into(),
            },
            IdentifierError::FirstDigit {
                kind: K::Ogrn,
                allowed: &['1', '5'],
                found: '3',
            },
            IdentifierError::FirstDigit {
                kind: K::Phone,
                allowed: &[],
                found: '0',
            },
            IdentifierError::KppReasonCode {
                position: 5,
                found: 'a',
            },
            IdentifierError::SnilsFormat {
                position: 4,
                found: '/',
            },
            IdentifierError::BikRequired {
                kind: K::CorrAccount,
            },
            IdentifierError::BikInvalid {
                kind: K::Account,
                source: Box::new(IdentifierError::Length {
                    kind: K::Bik,
                    expected: &[9],
                    found: 8,
                }),
            },
            IdentifierError::PhoneNoPlus { found: '8' },
            IdentifierError::PhoneFormat {
                position: 3,
                found: 'x',
            },
            IdentifierError::PhoneLength { max: 15, found: 16 },
            IdentifierError::EmailNoAt,
            IdentifierError::EmailLocalEmpty,
            IdentifierError::EmailLocalTooLong { max: 64, found: 65 },
            IdentifierError::EmailLocalChar {
                position: 1,
                found: '.',
            },
            IdentifierError::EmailDomainMissing,
            IdentifierError::EmailDomainNoDot {
                domain: "localhost".into(),
            },
            IdentifierError::EmailDomainLabel { label: "-x".into() },
        ]
    }

    #[test]
    fn codes_are_area_dot_reason_and_belong_to_the_kind() {
        for error in samples() {
            let code = error.code();
            let (area, reason) = code.split_once('.').unwrap();
            assert_eq!(area, error.kind().code_area(), "{code}");
            assert!(!reason.is_empty());
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{code}"
            );
        }
    }

    #[test]
    fn messages_are_lowercase_sentences_without_a_trailing_period() {
        for error in samples() {
            for message in [error.message_ru(), error.message_en()] {
                assert!(!message.is_empty());
                assert!(!message.ends_with('.'), "{message}");
                let first = message.chars().next().unwrap();
                // A sentence starts lowercase unless it starts with an abbreviation (ИНН, СНИЛС, БИК).
                let starts_with_abbreviation = message.split(' ').next().is_some_and(|w| {
                    w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                });
                assert!(
                    !first.is_uppercase() || starts_with_abbreviation,
                    "{message}"
                );
                assert!(!message.contains("Identifier"), "{message}");
            }
            assert_eq!(error.to_string(), error.message_en());
        }
    }

    #[test]
    fn context_reaches_the_messages() {
        let e = IdentifierError::Checksum {
            kind: IdentifierKind::Inn,
            expected: "3".into(),
            found: "4".into(),
        };
        assert_eq!(e.code(), "inn.checksum");
        assert!(e.message_ru().contains("ИНН"));
        assert!(e.message_en().contains("expected 3, found 4"));
        let nested = IdentifierError::BikInvalid {
            kind: IdentifierKind::CorrAccount,
            source: Box::new(IdentifierError::NotDigit {
                kind: IdentifierKind::Bik,
                position: 2,
                found: 'Б',
            }),
        };
        assert_eq!(nested.code(), "corr_account.bik_invalid");
        assert!(nested.message_ru().contains("позиции 2"));
    }
}
