//! A person's name (ФИО) as accounts and registries carry it.

use serde::{Deserialize, Serialize};

/// Фамилия, имя, отчество.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName {
    /// Фамилия (surname).
    pub surname: String,
    /// Имя (given name).
    pub given_name: String,
    /// Отчество (patronymic), when the person has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
}

impl PersonName {
    /// A name from its parts.
    pub fn new(surname: &str, given_name: &str, patronymic: Option<&str>) -> Self {
        Self {
            surname: surname.trim().to_owned(),
            given_name: given_name.trim().to_owned(),
            patronymic: patronymic
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty()),
        }
    }

    /// Whether two names denote the same person as registries write them:
    /// case-insensitive, whitespace folded, ё and е equal.
    pub fn same_as(&self, other: &PersonName) -> bool {
        fold(&self.surname) == fold(&other.surname)
            && fold(&self.given_name) == fold(&other.given_name)
            && self.patronymic.as_deref().map(fold) == other.patronymic.as_deref().map(fold)
    }

    /// Whether any part is empty or absurdly long (more than 200 characters).
    pub fn is_well_formed(&self) -> bool {
        let ok = |s: &str| !s.is_empty() && s.chars().count() <= 200;
        ok(&self.surname) && ok(&self.given_name) && self.patronymic.as_deref().is_none_or(ok)
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

impl core::fmt::Display for PersonName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.surname, self.given_name)?;
        if let Some(p) = &self.patronymic {
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
}
