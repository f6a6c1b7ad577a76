//! Does the holder of a certificate match the organization and the person expected?
//!
//! A legal entity is matched by ИННЮЛ and ОГРН, an individual entrepreneur by
//! ИНН and ОГРНИП, the person by СНИЛС (and ИНН when given). Values are plain
//! digit strings; anything but digits is ignored on both sides.

use crate::identifiers::{Inn, Ogrn, Ogrnip, Snils};
use crate::Coded;

use super::Holder;

/// An identifier of the holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Identifier {
    /// ИНН of a person or an entrepreneur.
    Inn,
    /// ИННЮЛ.
    InnLe,
    /// ОГРН.
    Ogrn,
    /// ОГРНИП.
    Ogrnip,
    /// СНИЛС.
    Snils,
}

impl Identifier {
    fn name(self) -> &'static str {
        match self {
            Self::Inn => "ИНН",
            Self::InnLe => "ИННЮЛ",
            Self::Ogrn => "ОГРН",
            Self::Ogrnip => "ОГРНИП",
            Self::Snils => "СНИЛС",
        }
    }
}

/// The organization a certificate should belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedOrganization {
    /// A legal entity.
    LegalEntity {
        /// ИННЮЛ, 10 digits.
        inn_le: String,
        /// ОГРН, 13 digits.
        ogrn: String,
    },
    /// An individual entrepreneur.
    Entrepreneur {
        /// ИНН, 12 digits.
        inn: String,
        /// ОГРНИП, 15 digits.
        ogrnip: String,
    },
}

impl ExpectedOrganization {
    /// A legal entity from its typed identifiers.
    pub fn legal_entity(inn: &Inn, ogrn: &Ogrn) -> Self {
        Self::LegalEntity {
            inn_le: inn.as_str().to_owned(),
            ogrn: ogrn.as_str().to_owned(),
        }
    }

    /// An individual entrepreneur from its typed identifiers.
    pub fn entrepreneur(inn: &Inn, ogrnip: &Ogrnip) -> Self {
        Self::Entrepreneur {
            inn: inn.as_str().to_owned(),
            ogrnip: ogrnip.as_str().to_owned(),
        }
    }
}

/// The person a certificate should belong to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpectedPerson {
    /// СНИЛС, 11 digits.
    pub snils: Option<String>,
    /// ИНН, 12 digits.
    pub inn: Option<String>,
}

impl ExpectedPerson {
    /// A person known by СНИЛС (and ИНН when given), from typed identifiers.
    pub fn new(snils: Option<&Snils>, inn: Option<&Inn>) -> Self {
        Self {
            snils: snils.map(|s| s.as_str().to_owned()),
            inn: inn.map(|i| i.as_str().to_owned()),
        }
    }
}

/// Why a holder does not match.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolderMismatch {
    /// The certificate does not carry the identifier.
    #[error("the certificate does not carry the {} of the holder", identifier.name())]
    Missing {
        /// Which identifier.
        identifier: Identifier,
    },
    /// The certificate carries another value.
    #[error("the {} of the certificate is {found}, {expected} was expected", identifier.name())]
    Different {
        /// Which identifier.
        identifier: Identifier,
        /// The value expected.
        expected: String,
        /// The value in the certificate.
        found: String,
    },
}

impl Coded for HolderMismatch {
    fn code(&self) -> &'static str {
        use Identifier as I;
        match self {
            Self::Missing { identifier } => match identifier {
                I::Inn => "holder.inn_missing",
                I::InnLe => "holder.inn_le_missing",
                I::Ogrn => "holder.ogrn_missing",
                I::Ogrnip => "holder.ogrnip_missing",
                I::Snils => "holder.snils_missing",
            },
            Self::Different { identifier, .. } => match identifier {
                I::Inn => "holder.inn_mismatch",
                I::InnLe => "holder.inn_le_mismatch",
                I::Ogrn => "holder.ogrn_mismatch",
                I::Ogrnip => "holder.ogrnip_mismatch",
                I::Snils => "holder.snils_mismatch",
            },
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Missing { identifier } => {
                format!("в сертификате нет {} владельца", identifier.name())
            }
            Self::Different {
                identifier,
                expected,
                found,
            } => {
                format!(
                    "{} в сертификате {found}, ожидался {expected}",
                    identifier.name()
                )
            }
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn check(
    out: &mut Vec<HolderMismatch>,
    identifier: Identifier,
    expected: &str,
    found: Option<&String>,
) {
    let expected = digits(expected);
    match found {
        None => out.push(HolderMismatch::Missing { identifier }),
        Some(found) if digits(found) != expected => {
            out.push(HolderMismatch::Different {
                identifier,
                expected,
                found: found.clone(),
            });
        }
        Some(_) => {}
    }
}

/// Every way the holder differs from the organization and the person expected
/// (empty when both match).
pub fn match_holder(
    holder: &Holder,
    organization: Option<&ExpectedOrganization>,
    person: Option<&ExpectedPerson>,
) -> Vec<HolderMismatch> {
    let mut out = Vec::new();
    match organization {
        Some(ExpectedOrganization::LegalEntity { inn_le, ogrn }) => {
            check(&mut out, Identifier::InnLe, inn_le, holder.inn_le.as_ref());
            check(&mut out, Identifier::Ogrn, ogrn, holder.ogrn.as_ref());
        }
        Some(ExpectedOrganization::Entrepreneur { inn, ogrnip }) => {
            check(&mut out, Identifier::Inn, inn, holder.inn.as_ref());
            check(&mut out, Identifier::Ogrnip, ogrnip, holder.ogrnip.as_ref());
        }
        None => {}
    }
    if let Some(person) = person {
        if let Some(snils) = &person.snils {
            check(&mut out, Identifier::Snils, snils, holder.snils.as_ref());
        }
        if let Some(inn) = &person.inn {
            check(&mut out, Identifier::Inn, inn, holder.inn.as_ref());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> Holder {
        Holder {
            inn_le: Some("7707083893".into()),
            ogrn: Some("1027700132195".into()),
            snils: Some("11223344595".into()),
            ..Holder::default()
        }
    }

    #[test]
    fn legal_entity_and_person_match() {
        let org = ExpectedOrganization::LegalEntity {
            inn_le: "7707083893".into(),
            ogrn: "1027700132195".into(),
        };
        let person = ExpectedPerson {
            snils: Some("112-233-445 95".into()),
            inn: None,
        };
        assert!(match_holder(&head(), Some(&org), Some(&person)).is_empty());
    }

    #[test]
    fn typed_identifiers_build_the_expectations() {
        let org = ExpectedOrganization::legal_entity(
            &Inn::parse("7707083893").unwrap(),
            &Ogrn::parse("1027700132195").unwrap(),
        );
        let person = ExpectedPerson::new(Some(&Snils::parse("112-233-445 95").unwrap()), None);
        assert!(match_holder(&head(), Some(&org), Some(&person)).is_empty());
        let ip = ExpectedOrganization::entrepreneur(
            &Inn::parse("500100732259").unwrap(),
            &Ogrnip::parse("304500116000157").unwrap(),
        );
        assert_eq!(match_holder(&head(), Some(&ip), None).len(), 2);
    }

    #[test]
    fn mismatches_are_coded() {
        let org = ExpectedOrganization::LegalEntity {
            inn_le: "7736050003".into(),
            ogrn: "1027700132195".into(),
        };
        let ip = ExpectedOrganization::Entrepreneur {
            inn: "500100732259".into(),
            ogrnip: "304500116000157".into(),
        };
        let m = match_holder(&head(), Some(&org), None);
        assert_eq!(
            m.iter().map(Coded::code).collect::<Vec<_>>(),
            ["holder.inn_le_mismatch"]
        );
        let m = match_holder(&head(), Some(&ip), None);
        assert_eq!(
            m.iter().map(Coded::code).collect::<Vec<_>>(),
            ["holder.inn_missing", "holder.ogrnip_missing"]
        );
    }
}
