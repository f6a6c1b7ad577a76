//! Requisites (реквизиты) of an organization and their field-level validation.
//!
//! A [`RequisitesDraft`] holds what a person typed; [`RequisitesDraft::validate`]
//! turns it into typed [`Requisites`] or reports every field error at once,
//! each with the field's name, a stable code and messages in two languages.

use super::OrganizationKind;
use crate::accounts::PersonName;
use crate::coded::{Coded, CodedMessage};
use crate::identifiers::{Bik, Email, Inn, Kpp, Ogrn, Ogrnip, Phone, SettlementAccount};
use serde::{Deserialize, Serialize};

/// Longest accepted name or address, in characters. The portal's own forms
/// cap names at 1,000 characters; anything longer is not a real requisite.
const MAX_TEXT: usize = 1000;

/// The head of an organization as its requisites name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    /// ФИО.
    pub name: PersonName,
    /// The head's personal ИНН (12 digits), when known.
    pub inn: Option<Inn>,
    /// Position (должность).
    pub position: Box<str>,
}

/// Bank details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankDetails {
    /// Расчётный счёт, checked with the БИК.
    pub account: SettlementAccount,
    /// The bank's name.
    pub bank_name: Box<str>,
    /// БИК of the bank.
    pub bik: Bik,
}

/// Validated requisites of an organization.
///
/// Texts are boxed strings and the rarely given bank details sit behind a
/// box: a directory holds requisites for every organization, so the record
/// is kept small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requisites {
    /// Full name.
    pub full_name: Box<str>,
    /// ИНН: 10 digits for legal entities, 12 for entrepreneurs.
    pub inn: Inn,
    /// КПП (not for entrepreneurs).
    pub kpp: Option<Kpp>,
    /// ОГРН (legal entities, institutions, branches' parents).
    pub ogrn: Option<Ogrn>,
    /// ОГРНИП (entrepreneurs).
    pub ogrnip: Option<Ogrnip>,
    /// Legal address.
    pub legal_address: Box<str>,
    /// Actual address, when different.
    pub actual_address: Option<Box<str>>,
    /// Phone.
    pub phone: Option<Phone>,
    /// E-mail.
    pub email: Option<Email>,
    /// Bank details.
    pub bank: Option<Box<BankDetails>>,
    /// The head.
    pub head: Head,
}

/// Requisites as typed by a person, before validation. Empty strings count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequisitesDraft {
    pub full_name: String,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    pub ogrnip: String,
    pub legal_address: String,
    pub actual_address: String,
    pub phone: String,
    pub email: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub head_surname: String,
    pub head_given_name: String,
    pub head_patronymic: String,
    pub head_inn: String,
    pub head_position: String,
}

/// An error in one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldError {
    /// The field's name, as in [`RequisitesDraft`].
    pub field: String,
    /// What is wrong with it.
    pub error: CodedMessage,
}

/// A problem with a field that is not an identifier's own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldProblem {
    Required,
    TooLong,
    NotForKind,
    InnKind,
}

impl Coded for FieldProblem {
    fn code(&self) -> &'static str {
        match self {
            Self::Required => "field.required",
            Self::TooLong => "field.too_long",
            Self::NotForKind => "field.not_for_kind",
            Self::InnKind => "field.inn_kind",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Required => "поле обязательно для заполнения".into(),
            Self::TooLong => format!("поле длиннее {MAX_TEXT} символов"),
            Self::NotForKind => "поле не заполняется для организации этого вида".into(),
            Self::InnKind => {
                "длина ИНН не соответствует виду организации: 10 цифр у юридического лица, 12 у ИП"
                    .into()
            }
        }
    }
    fn message_en(&self) -> String {
        match self {
            Self::Required => "the field is required".into(),
            Self::TooLong => format!("the field is longer than {MAX_TEXT} characters"),
            Self::NotForKind => "the field does not apply to this kind of organization".into(),
            Self::InnKind => {
                "the ИНН does not fit the kind of organization: 10 digits for a legal entity, 12 for an entrepreneur"
                    .into()
            }
        }
    }
}

struct Collector(Vec<FieldError>);

impl Collector {
    fn push(&mut self, field: &str, error: &impl Coded) {
        self.0.push(FieldError {
            field: field.to_owned(),
            error: CodedMessage::of(error),
        });
    }

    fn text(&mut self, field: &str, value: &str, required: bool) -> Option<Box<str>> {
        let v = value.trim();
        if v.is_empty() {
            if required {
                self.push(field, &FieldProblem::Required);
            }
            return None;
        }
        if v.chars().count() > MAX_TEXT {
            self.push(field, &FieldProblem::TooLong);
            return None;
        }
        Some(v.into())
    }

    fn parsed<T, E: Coded>(
        &mut self,
        field: &str,
        value: &str,
        presence: Presence,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let v = value.trim();
        match (v.is_empty(), presence) {
            (true, Presence::Required) => {
                self.push(field, &FieldProblem::Required);
                None
            }
            (true, _) => None,
            (false, Presence::Forbidden) => {
                self.push(field, &FieldProblem::NotForKind);
                None
            }
            (false, _) => parse(v).map_err(|e| self.push(field, &e)).ok(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Optional,
    Forbidden,
}

fn required_if(cond: bool) -> Presence {
    if cond {
        Presence::Required
    } else {
        Presence::Forbidden
    }
}

impl RequisitesDraft {
    /// Validates every field for the given kind of organization.
    ///
    /// # Errors
    /// Every field error found, not just the first: a missing required field,
    /// a malformed identifier (with the identifier's own code), a field that
    /// does not apply to the kind, an ИНН whose length does not fit the kind.
    pub fn validate(&self, kind: OrganizationKind) -> Result<Requisites, Vec<FieldError>> {
        let mut c = Collector(Vec::new());
        let ip = kind.is_entrepreneur();
        let full_name = c.text("full_name", &self.full_name, true);
        let inn = c.parsed("inn", &self.inn, Presence::Required, Inn::parse);
        if let Some(inn) = &inn {
            if (inn.kind() == crate::identifiers::InnKind::LegalEntity) == ip {
                c.push("inn", &FieldProblem::InnKind);
            }
        }
        let kpp = c.parsed("kpp", &self.kpp, required_if(!ip), Kpp::parse);
        let ogrn = c.parsed("ogrn", &self.ogrn, required_if(!ip), Ogrn::parse);
        let ogrnip = c.parsed("ogrnip", &self.ogrnip, required_if(ip), Ogrnip::parse);
        let legal_address = c.text("legal_address", &self.legal_address, true);
        let actual_address = c.text("actual_address", &self.actual_address, false);
        let phone = c.parsed("phone", &self.phone, Presence::Optional, Phone::parse);
        let email = c.parsed("email", &self.email, Presence::Optional, Email::parse);
        let bank = self.bank(&mut c);
        let head_name = PersonName::new(
            &self.head_surname,
            &self.head_given_name,
            Some(self.head_patronymic.as_str()),
        );
        c.text("head_surname", &self.head_surname, true);
        c.text("head_given_name", &self.head_given_name, true);
        let head_inn = c.parsed("head_inn", &self.head_inn, Presence::Optional, Inn::parse);
        let position = c.text("head_position", &self.head_position, true);
        match (full_name, inn, legal_address, position) {
            (Some(full_name), Some(inn), Some(legal_address), Some(position)) if c.0.is_empty() => {
                Ok(Requisites {
                    full_name,
                    inn,
                    kpp,
                    ogrn,
                    ogrnip,
                    legal_address,
                    actual_address,
                    phone,
                    email,
                    bank,
                    head: Head {
                        name: head_name,
                        inn: head_inn,
                        position,
                    },
                })
            }
            _ => Err(c.0),
        }
    }

    fn bank(&self, c: &mut Collector) -> Option<Box<BankDetails>> {
        let any = [&self.bank_account, &self.bank_name, &self.bik]
            .iter()
            .any(|s| !s.trim().is_empty());
        if !any {
            return None;
        }
        let bik = c.parsed("bik", &self.bik, Presence::Required, Bik::parse);
        let bank_name = c.text("bank_name", &self.bank_name, true);
        let account = match &bik {
            Some(bik) => c.parsed(
                "bank_account",
                &self.bank_account,
                Presence::Required,
                |s| SettlementAccount::parse(s, bik),
            ),
            None => None,
        };
        Some(Box::new(BankDetails {
            account: account?,
            bank_name: bank_name?,
            bik: bik?,
        }))
    }
}

impl Requisites {
    /// The draft these requisites would be typed as, for editing.
    pub fn to_draft(&self) -> RequisitesDraft {
        let s = |v: Option<&dyn core::fmt::Display>| v.map(|v| v.to_string()).unwrap_or_default();
        RequisitesDraft {
            full_name: self.full_name.to_string(),
            inn: self.inn.as_str().to_owned(),
            kpp: s(self.kpp.as_ref().map(|v| v as _)),
            ogrn: s(self.ogrn.as_ref().map(|v| v as _)),
            ogrnip: s(self.ogrnip.as_ref().map(|v| v as _)),
            legal_address: self.legal_address.to_string(),
            actual_address: self
                .actual_address
                .as_deref()
                .unwrap_or_default()
                .to_owned(),
            phone: s(self.phone.as_ref().map(|v| v as _)),
            email: s(self.email.as_ref().map(|v| v as _)),
            bank_account: s(self.bank.as_ref().map(|b| &b.account as _)),
            bank_name: self
                .bank
                .as_ref()
                .map(|b| b.bank_name.to_string())
                .unwrap_or_default(),
            bik: s(self.bank.as_ref().map(|b| &b.bik as _)),
            head_surname: self.head.name.surname().to_owned(),
            head_given_name: self.head.name.given_name().to_owned(),
            head_patronymic: self.head.name.patronymic().unwrap_or_default().to_owned(),
            head_inn: s(self.head.inn.as_ref().map(|v| v as _)),
            head_position: self.head.position.to_string(),
        }
    }
}
