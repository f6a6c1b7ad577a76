//! The power of attorney as the FNS single format EMCHD_1 states it: the
//! document's own data, the principal of every kind, the representatives,
//! the powers with their restrictions.
//!
//! Every identifier in it has passed the library's own checks (ИНН, ОГРН,
//! ОГРНИП, КПП, СНИЛС with their check digits); texts keep the lengths the
//! schema allows. What kabinet does not interpret (addresses, identity
//! documents, notary data, contact details) is not held.

use crate::delegation::{PowerNumber, Redelegation};
use crate::identifiers::{Inn, Kpp, Ogrn, Ogrnip, Snils};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A power of attorney read from an EMCHD_1 file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FnsPowerOfAttorney {
    /// `ИдФайл`: the file's identifier (its name without `.xml`).
    pub file_id: String,
    /// `ПрЭлФорм`: the eight flags of mandatory elements, as written.
    pub element_flags: String,
    /// `ИдФайлНО`: the tax office's file identifier, when filed through it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_file_id: Option<String>,
    /// `Документ/@КНД`: the form code, when given (1110415 for filings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form_code: Option<String>,
    /// `Довер` (an original power) or `Передов` (a re-delegation).
    pub kind: DocumentKind,
    /// `НомДовер`: the registry number (a UUID).
    pub number: PowerNumber,
    /// `ВнНомДовер`: the principal's own number.
    pub internal_number: String,
    /// `ДопИдДовер`: an additional identifier, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_id: Option<String>,
    /// `КодНО`: the tax office the power is filed with, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_office: Option<String>,
    /// `ДатаВыдДовер`: the date of issue.
    pub issued_on: Date,
    /// `СрокДейст`: the last day of validity.
    pub valid_through: Date,
    /// `СведСист`: where the registry status can be checked.
    pub registry_url: String,
    /// `ВидДовер`: `1` revocable, `2` irrevocable.
    pub irrevocable: bool,
    /// `ПрПередов`: `1` none, `2` once, `3` successive.
    pub redelegation: Redelegation,
    /// `СвДоверит` (of an original power): who gives the powers.
    pub principals: Vec<Principal>,
    /// `СвУпПред` / `СвПолучПолн`: who receives them.
    pub representatives: Vec<Party>,
    /// `СвПолн`: the powers.
    pub powers: Powers,
}

/// Which of the two documents of the format a file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DocumentKind {
    /// `Довер`: a power given by its principal.
    Original,
    /// `Передов`: a power passed on from another one.
    Redelegation {
        /// `СвПервДовер`: the first power of the chain.
        first_power: FirstPower,
        /// `ПрНалПередов` 1: the power passed on was itself a re-delegation.
        from_redelegation: bool,
        /// `СвПередПолн`: who passes the powers on.
        passed_by: Vec<Principal>,
    },
}

/// `СвПервДовер`: what a re-delegation says of the power it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstPower {
    /// `ПрДовер`, the code as written (1 or 2).
    pub mark: u8,
    /// `ФормДовер`, the code as written (1 or 2).
    pub form: u8,
    /// `ДатаВыдДовер`.
    pub issued_on: Date,
    /// `СрокДейст`.
    pub valid_through: Date,
    /// `НомДоверПерв`: the number of the first power of the chain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<PowerNumber>,
    /// `НомДоверN`: the number of the power this one is made from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<PowerNumber>,
}

/// A principal (`Доверит`), or who passes powers on (`ПередПолн`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Principal {
    /// `РосОргДовер` (ТипДоверит 1): a Russian legal entity and who acts for
    /// it without a power of attorney.
    RussianOrganization {
        /// `СвРосОрг`.
        organization: Organization,
        /// `ЛицоБезДов`: its sole executive(s), identical entries counted once.
        executives: Vec<Executive>,
    },
    /// `ИнОргДовер` (ТипДоверит 2): a foreign legal entity and its heads.
    ForeignOrganization {
        /// `СвИнОрг`.
        organization: ForeignOrganization,
        /// `СвРукОП`: the heads of its Russian office.
        heads: Vec<Person>,
    },
    /// `ИПДовер` (ТипДоверит 3): an individual entrepreneur.
    Entrepreneur(Entrepreneur),
    /// `ФЛДовер` (ТипДоверит 4): an individual.
    Individual(Person),
}

/// A Russian organization (`СвОргТип`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// `НаимОрг`.
    pub name: String,
    /// `ИННЮЛ`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inn: Option<Inn>,
    /// `КПП`.
    pub kpp: Kpp,
    /// `ОГРН`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ogrn: Option<Ogrn>,
}

/// A foreign organization (`СвИнОргТип`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignOrganization {
    /// `НаимИО`.
    pub name: String,
    /// `ИННЮЛ`, when registered with a Russian tax office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inn: Option<Inn>,
    /// `КПП`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kpp: Option<Kpp>,
    /// `НЗА`: the number of its record of accreditation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<String>,
}

/// A sole executive of a Russian legal entity (`ЛицоБезДов`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Executive {
    /// `СвФЛ`: a person (the general director).
    Person {
        /// `ПолнЮЛ` 1: acts alone (2: jointly with others).
        acts_alone: bool,
        /// The person.
        person: Person,
    },
    /// `СвИП`: an individual entrepreneur acting as the executive.
    Entrepreneur {
        /// `ПолнЮЛ` 1: acts alone (2: jointly with others).
        acts_alone: bool,
        /// The entrepreneur.
        entrepreneur: Entrepreneur,
    },
    /// `СВЮЛ`: a managing organization and the persons acting for it.
    ManagingOrganization {
        /// `ПолнЮЛ` 1: acts alone (2: jointly with others).
        acts_alone: bool,
        /// `СвЮЛЕИО`.
        organization: Organization,
        /// `СвФЛ`: who acts for the managing organization.
        persons: Vec<Person>,
    },
}

/// A person (`СвФЛТип`, `ФЛДоверТип`): identifiers, position, name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// `ИННФЛ`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inn: Option<Inn>,
    /// `СНИЛС`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snils: Option<Snils>,
    /// `Должность`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// `СведФЛ/ФИО`.
    pub name: FullName,
    /// `СведФЛ/@ДатаРожд`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
}

/// An individual entrepreneur (`СведИПТип`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entrepreneur {
    /// `НаимИП`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<String>,
    /// `ОГРНИП`.
    pub ogrnip: Ogrnip,
    /// `ИННФЛ`.
    pub inn: Inn,
    /// `СНИЛС`.
    pub snils: Snils,
    /// `СведФЛ/ФИО`.
    pub name: FullName,
}

/// `ФИО`: surname, given name, patronymic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullName {
    /// `Фамилия`.
    pub surname: String,
    /// `Имя`.
    pub given: String,
    /// `Отчество`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
}

/// A representative (`Пред`), by `ТипПред`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Party {
    /// 1: a Russian legal entity (`СведОрг`), with the person acting for it.
    Organization {
        /// The organization.
        organization: Organization,
        /// `СведФизЛ`: who acts for it, when named.
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<Person>,
    },
    /// 2: an individual entrepreneur (`СведИП`).
    Entrepreneur(Entrepreneur),
    /// 3: an individual (`СведФизЛ`).
    Person(Person),
    /// 4: a branch of a Russian legal entity (`СведФилиал`), with the person acting for it.
    Branch {
        /// The branch.
        branch: Organization,
        /// `СведФизЛ`, when named.
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<Person>,
    },
    /// 5: a branch of a foreign legal entity (`СведИО`), with the person acting for it.
    ForeignBranch {
        /// The branch.
        branch: ForeignOrganization,
        /// `СведФизЛ`, when named.
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<Person>,
    },
}

/// `СвПолн`: the powers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Powers {
    /// `ТипПолн` 1: machine-readable (`МашПолн`); 0: text (`ТекстПолн`).
    pub machine_readable: bool,
    /// `ПрСовмПолн` 2: the representatives act jointly (1: each alone).
    pub joint: bool,
    /// `ПрУтрПолн` 1: the powers are lost by the one who passes them on
    /// (2: kept); absent when the document does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lost_on_redelegation: Option<bool>,
    /// `ТекстПолн`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `МашПолн`, in document order.
    pub codes: Vec<MachinePower>,
}

/// `МашПолн`: one power of a classifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachinePower {
    /// `КодПолн`: the code in the classifier of powers.
    pub code: String,
    /// `НаимПолн`: its name.
    pub name: String,
    /// `МнПолн`: the mnemonic, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mnemonic: Option<String>,
    /// `ОгрСвПолн`: restrictions, in document order.
    pub restrictions: Vec<Restriction>,
}

/// `ОгрСвПолн`: one restriction of a power.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    /// `ИдОгр`: its number (up to three digits).
    pub id: u16,
    /// `КодОгр`.
    pub code: String,
    /// `НаимОгр`.
    pub name: String,
    /// `НаимЗначОгр`: the name of the value, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_name: Option<String>,
    /// The value: a code (`КодЗначОгр`) or a text (`ТексЗначОгр`).
    pub value: RestrictionValue,
}

/// The value of a restriction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum RestrictionValue {
    /// `КодЗначОгр`.
    Code(String),
    /// `ТексЗначОгр`.
    Text(String),
}

impl Principal {
    /// The persons who may sign the power for this principal: the sole
    /// executives of a Russian legal entity (the persons of a managing
    /// organization included), the heads of a foreign one, the entrepreneur
    /// or the individual themselves.
    pub fn signatories(&self) -> Vec<Signatory<'_>> {
        match self {
            Self::RussianOrganization { executives, .. } => executives
                .iter()
                .flat_map(|e| match e {
                    Executive::Person { person, .. } => vec![Signatory::of_person(person)],
                    Executive::Entrepreneur { entrepreneur, .. } => {
                        vec![Signatory::of_entrepreneur(entrepreneur)]
                    }
                    Executive::ManagingOrganization { persons, .. } => {
                        persons.iter().map(Signatory::of_person).collect()
                    }
                })
                .collect(),
            Self::ForeignOrganization { heads, .. } => {
                heads.iter().map(Signatory::of_person).collect()
            }
            Self::Entrepreneur(e) => vec![Signatory::of_entrepreneur(e)],
            Self::Individual(p) => vec![Signatory::of_person(p)],
        }
    }

    /// The organization's ИНН and ОГРН (or the entrepreneur's ОГРНИП), when
    /// the principal is one.
    pub fn organization_identifiers(&self) -> (Option<&Inn>, Option<&str>) {
        match self {
            Self::RussianOrganization { organization, .. } => (
                organization.inn.as_ref(),
                organization.ogrn.as_ref().map(Ogrn::as_str),
            ),
            Self::ForeignOrganization { organization, .. } => (organization.inn.as_ref(), None),
            Self::Entrepreneur(e) => (None, Some(e.ogrnip.as_str())),
            Self::Individual(_) => (None, None),
        }
    }
}

/// Who may sign for a principal: the identifiers a certificate must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signatory<'a> {
    /// The personal ИНН, when the document gives it.
    pub inn: Option<&'a Inn>,
    /// The СНИЛС, when the document gives it.
    pub snils: Option<&'a Snils>,
    /// The name.
    pub name: &'a FullName,
}

impl<'a> Signatory<'a> {
    fn of_person(p: &'a Person) -> Self {
        Self {
            inn: p.inn.as_ref(),
            snils: p.snils.as_ref(),
            name: &p.name,
        }
    }

    fn of_entrepreneur(e: &'a Entrepreneur) -> Self {
        Self {
            inn: Some(&e.inn),
            snils: Some(&e.snils),
            name: &e.name,
        }
    }
}
