//! A person's name (ФИО) as accounts and registries carry it.
//!
//! A directory holds a name for every account and every organization's head,
//! so a name is one allocation: the three parts in one string, with the
//! places where the second and third begin.

use serde::{Deserialize, Serialize};

/// Фамилия, имя, отчество.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(from = "NameParts", into = "NameParts")]
pub struct PersonName {
    text: Box<str>,
    given_at: u32,
    patronymic_at: u32,
}

/// The parts of a name as they travel in JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameParts {
    surname: String,
    given_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    patronymic: Option<String>,
}

impl PersonName {
    /// A name from its parts; each is trimmed, an empty patronymic is none.
    pub fn new(surname: &str, given_name: &str, patronymic: Option<&str>) -> Self {
        let (surname, given_name) = (surname.trim(), given_name.trim());
        let patronymic = patronymic.map(str::trim).unwrap_or_default();
        let text = format!("{surname}{given_name}{patronymic}");
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Self {
            given_at: at(surname.len()),
            patronymic_at: at(surname.len() + given_name.len()),
            text: text.into_boxed_str(),
        }
    }

    /// Фамилия (surname).
    pub fn surname(&self) -> &str {
        self.text.get(..self.given_at as usize).unwrap_or_default()
    }

    /// Имя (given name).
    pub fn given_name(&self) -> &str {
        self.text
            .get(self.given_at as usize..self.patronymic_at as usize)
            .unwrap_or_default()
    }

    /// Отчество (patronymic), when the person has one.
    pub fn patronymic(&self) -> Option<&str> {
        self.text
            .get(self.patronymic_at as usize..)
            .filter(|p| !p.is_empty())
    }

    /// Whether two names denote the same person as registries write them:
    /// case-insensitive, whitespace folded, ё and е equal.
    pub fn same_as(&self, other: &PersonName) -> bool {
        fold(self.surname()) == fold(other.surname())
            && fold(self.given_name()) == fold(other.given_name())
            && self.patronymic().map(fold) == other.patronymic().map(fold)
    }

    /// Whether the surname and given name are present and no part is
    /// absurdly long (more than 200 characters).
    pub fn is_well_formed(&self) -> bool {
        let ok = |s: &str| !s.is_empty() && s.chars().count() <= 200;
        ok(self.surname()) && ok(self.given_name()) && self.patronymic().is_none_or(ok)
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

impl From<NameParts> for PersonName {
    fn from(p: NameParts) -> Self {
        Self::new(&p.surname, &p.given_name, p.patronymic.as_deref())
    }
}

impl From<PersonName> for NameParts {
    fn from(n: PersonName) -> Self {
        Self {
            surname: n.surname().to_owned(),
            given_name: n.given_name().to_owned(),
            patronymic: n.patronymic().map(str::to_owned),
        }
    }
}

impl core::fmt::Debug for PersonName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PersonName")
            .field("surname", &self.surname())
            .field("given_name", &self.given_name())
            .field("patronymic", &self.patronymic())
            .finish()
    }
}

impl core::fmt::Display for PersonName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.surname(), self.given_name())?;
        if let Some(p) = self.patronymic() {
            write!(f, " {p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_registries_write_them() {
        let a = PersonName::new("Фёдоров", "Иван", Some("Петрович"));
        let b = PersonName::new(" ФЕДОРОВ ", "иван", Some("петрович"));
        assert!(a.same_as(&b));
        assert!(!a.same_as(&PersonName::new("Федоров", "Иван", None)));
        assert_eq!(a.to_string(), "Фёдоров Иван Петрович");
        assert!(!PersonName::new("", "Иван", None).is_well_formed());
    }

    #[test]
    fn parts_come_back_and_travel_as_json() {
        let a = PersonName::new("Иванов", "Пётр", None);
        assert_eq!(
            (a.surname(), a.given_name(), a.patronymic()),
            ("Иванов", "Пётр", None)
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"surname":"Иванов","given_name":"Пётр"}"#);
        assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), a);
        let b = PersonName::new("Ли", "Ан", Some("Ю"));
        assert_eq!(b.patronymic(), Some("Ю"));
        assert_eq!(b.given_name(), "Ан");
    }
}
