//! The parties of a power: principals of every kind with their sole
//! executives, representatives, organizations, entrepreneurs and persons.

use super::element::{Children, Element};
use super::error::FnsXmlError;
use super::model::{
    Entrepreneur, Executive, ForeignOrganization, FullName, Organization, Party, Person, Principal,
};
use super::values::{
    bounded, code, inn, kpp, ogrn, optional_date, optional_text, required_inn, required_kpp,
    required_ogrnip, required_snils, snils, text,
};
use crate::identifiers::InnKind;

type Result<T> = core::result::Result<T, FnsXmlError>;

const ORGANIZATION_ATTRIBUTES: &[&str] = &[
    "СтУчНД",
    "НаимОрг",
    "ИННЮЛ",
    "КПП",
    "ОГРН",
    "РегНомер",
    "НаимУчрДок",
    "КонтактТлф",
    "АдрЭлПочт",
];
const PERSON_ATTRIBUTES: &[&str] = &["СтУчНД", "ИННФЛ", "СНИЛС", "Должность"];
const PERSON_DATA_ATTRIBUTES: &[&str] = &[
    "Пол",
    "ПрГражд",
    "НомЕРН",
    "ДатаРожд",
    "МестоРожд",
    "Гражданство",
    "КонтактТлф",
    "АдрЭлПочт",
];
const ENTREPRENEUR_ATTRIBUTES: &[&str] = &["СтУчНД", "НаимИП", "ОГРНИП", "ИННФЛ", "СНИЛС"];
const FOREIGN_ATTRIBUTES: &[&str] = &[
    "СтУчНД",
    "НаимИО",
    "ИННЮЛ",
    "КПП",
    "НЗА",
    "СтрРег",
    "НаимРегОрг",
    "РегНомер",
    "КодНПРег",
    "КонтактТлф",
    "АдрЭлПочт",
    "АдрСтрРег",
];

/// `СвДоверит`: the kind and the principal it announces.
pub(super) fn principal(e: &Element<'_, '_>) -> Result<Principal> {
    e.only_attributes(&["ТипДоверит"])?;
    let kind = code(e, "ТипДоверит", &[("1", 1u8), ("2", 2), ("3", 3), ("4", 4)])?;
    let holder = Children::of(e, &["Доверит"])?.one("Доверит")?;
    let c = Children::of(
        &holder,
        &["РосОргДовер", "ИнОргДовер", "ИПДовер", "ФЛДовер"],
    )?;
    let present: Vec<_> = ["РосОргДовер", "ИнОргДовер", "ИПДовер", "ФЛДовер"]
        .iter()
        .filter_map(|n| c.all(n).into_iter().next())
        .collect();
    let [one] = present.as_slice() else {
        return Err(if present.is_empty() {
            FnsXmlError::NoPrincipal {
                path: holder.path().to_owned(),
            }
        } else {
            FnsXmlError::PartyKind {
                path: holder.path().to_owned(),
            }
        });
    };
    let expected = match one.name() {
        "РосОргДовер" => 1,
        "ИнОргДовер" => 2,
        "ИПДовер" => 3,
        _ => 4,
    };
    if kind != expected {
        return Err(FnsXmlError::PartyKind {
            path: e.attribute_path("ТипДоверит"),
        });
    }
    match kind {
        1 => russian_principal(one, "СвРосОрг"),
        2 => foreign_principal(one, "СвИнОрг", "СвРукОП"),
        3 => Ok(Principal::Entrepreneur(entrepreneur(one)?)),
        _ => individual_principal(one),
    }
}

/// `РосОргДовер` (and `РосОргПерПолн`): the organization and its executives.
pub(super) fn russian_principal(
    e: &Element<'_, '_>,
    organization_element: &str,
) -> Result<Principal> {
    e.only_attributes(&["ЕИОУК", "ЕИОФЛ", "ЕИОИП"])?;
    let flag = [("0", false), ("1", true)];
    let by_company = code(e, "ЕИОУК", &flag)?;
    let by_person = code(e, "ЕИОФЛ", &flag)?;
    let by_entrepreneur = code(e, "ЕИОИП", &flag)?;
    let c = Children::of(e, &[organization_element, "ЛицоБезДов"])?;
    let org_element = c.one(organization_element)?;
    let organization = organization(&org_element)?;
    if organization.inn.is_none() {
        return Err(FnsXmlError::PrincipalInnRequired {
            path: org_element.path().to_owned(),
        });
    }
    let mut executives: Vec<Executive> = Vec::new();
    for x in c.at_least_one("ЛицоБезДов")? {
        let executive = executive(&x)?;
        let allowed = match &executive {
            Executive::Person { .. } => by_person,
            Executive::Entrepreneur { .. } => by_entrepreneur,
            Executive::ManagingOrganization { .. } => by_company,
        };
        if !allowed {
            return Err(FnsXmlError::PartyKind {
                path: x.path().to_owned(),
            });
        }
        // The schema allows the same executive twice; it is one signatory.
        if !executives.contains(&executive) {
            executives.push(executive);
        }
    }
    Ok(Principal::RussianOrganization {
        organization,
        executives,
    })
}

/// `ЛицоБезДов`: who acts for the organization without a power of attorney.
fn executive(e: &Element<'_, '_>) -> Result<Executive> {
    e.only_attributes(&["ПолнЮЛ"])?;
    let acts_alone = code(e, "ПолнЮЛ", &[("1", true), ("2", false)])?;
    let c = Children::of(e, &["СВЮЛ", "СвФЛ", "СвИП"])?;
    let (company, person_element, ip) = (
        c.optional("СВЮЛ")?,
        c.optional("СвФЛ")?,
        c.optional("СвИП")?,
    );
    match (company, person_element, ip) {
        (Some(company), None, None) => {
            company.only_attributes(&[])?;
            let cc = Children::of(&company, &["СвЮЛЕИО", "СвФЛ"])?;
            Ok(Executive::ManagingOrganization {
                acts_alone,
                organization: organization(&cc.one("СвЮЛЕИО")?)?,
                persons: cc
                    .at_least_one("СвФЛ")?
                    .iter()
                    .map(person)
                    .collect::<Result<_>>()?,
            })
        }
        (None, Some(p), None) => Ok(Executive::Person {
            acts_alone,
            person: person(&p)?,
        }),
        (None, None, Some(ip)) => Ok(Executive::Entrepreneur {
            acts_alone,
            entrepreneur: entrepreneur(&ip)?,
        }),
        (None, None, None) => Err(FnsXmlError::NoExecutive {
            path: e.path().to_owned(),
        }),
        _ => Err(FnsXmlError::PartyKind {
            path: e.path().to_owned(),
        }),
    }
}

/// `ИнОргДовер` (and `ИнПерПолн`): a foreign organization and its heads.
pub(super) fn foreign_principal(
    e: &Element<'_, '_>,
    organization_element: &str,
    heads_element: &str,
) -> Result<Principal> {
    e.only_attributes(&[])?;
    let c = Children::of(e, &[organization_element, heads_element])?;
    Ok(Principal::ForeignOrganization {
        organization: foreign_organization(&c.one(organization_element)?)?,
        heads: c
            .at_least_one(heads_element)?
            .iter()
            .map(person)
            .collect::<Result<_>>()?,
    })
}

/// `ФЛДовер`: an individual giving powers.
fn individual_principal(e: &Element<'_, '_>) -> Result<Principal> {
    e.only_attributes(&[
        "СтУчНД",
        "ПрДеесп",
        "ПрНалРук",
        "ДокНедеесп",
        "ИННФЛ",
        "СНИЛС",
    ])?;
    let inn = inn(e, "ИННФЛ", InnKind::Person)?;
    let snils = Some(required_snils(e, "СНИЛС")?);
    let c = Children::of(e, &["СведФЛ", "СвЗакПредРук"])?;
    let (name, birth_date) = person_data(&c.one("СведФЛ")?)?;
    Ok(Principal::Individual(Person {
        inn,
        snils,
        position: None,
        name,
        birth_date,
    }))
}

/// `СвОргТип`: a Russian organization or branch.
pub(super) fn organization(e: &Element<'_, '_>) -> Result<Organization> {
    e.only_attributes(ORGANIZATION_ATTRIBUTES)?;
    Children::of(e, &["ДокПдтв", "АдрРег"])?;
    Ok(Organization {
        name: text(e, "НаимОрг", 1, 1000)?,
        inn: inn(e, "ИННЮЛ", InnKind::LegalEntity)?,
        kpp: required_kpp(e, "КПП")?,
        ogrn: ogrn(e, "ОГРН")?,
    })
}

/// `СвИнОргТип`: a foreign organization.
fn foreign_organization(e: &Element<'_, '_>) -> Result<ForeignOrganization> {
    e.only_attributes(FOREIGN_ATTRIBUTES)?;
    Children::of(e, &["АдрМНФакт"])?;
    Ok(ForeignOrganization {
        name: text(e, "НаимИО", 1, 1000)?,
        inn: inn(e, "ИННЮЛ", InnKind::LegalEntity)?,
        kpp: kpp(e, "КПП")?,
        accreditation: optional_text(e, "НЗА", 11, 11)?,
    })
}

/// `СвФЛТип`: a person with identifiers, position and name.
pub(super) fn person(e: &Element<'_, '_>) -> Result<Person> {
    e.only_attributes(PERSON_ATTRIBUTES)?;
    let inn = inn(e, "ИННФЛ", InnKind::Person)?;
    let snils = snils(e, "СНИЛС")?;
    let position = optional_text(e, "Должность", 1, 255)?;
    let c = Children::of(e, &["ДокПдтв", "СведФЛ"])?;
    let (name, birth_date) = person_data(&c.one("СведФЛ")?)?;
    Ok(Person {
        inn,
        snils,
        position,
        name,
        birth_date,
    })
}

/// `СведИПТип`: an individual entrepreneur.
pub(super) fn entrepreneur(e: &Element<'_, '_>) -> Result<Entrepreneur> {
    e.only_attributes(ENTREPRENEUR_ATTRIBUTES)?;
    let trade_name = optional_text(e, "НаимИП", 1, 1000)?;
    let ogrnip = required_ogrnip(e, "ОГРНИП")?;
    let inn = required_inn(e, "ИННФЛ", InnKind::Person)?;
    let snils = required_snils(e, "СНИЛС")?;
    let c = Children::of(e, &["ДокПдтв", "СведФЛ"])?;
    let (name, _) = person_data(&c.one("СведФЛ")?)?;
    Ok(Entrepreneur {
        trade_name,
        ogrnip,
        inn,
        snils,
        name,
    })
}

/// `ФЛПерПолн`: a person passing powers on (ИНН and СНИЛС required).
pub(super) fn passing_person(e: &Element<'_, '_>) -> Result<Person> {
    e.only_attributes(&["СтУчНД", "ПрНалРук", "ИННФЛ", "СНИЛС"])?;
    let inn = Some(required_inn(e, "ИННФЛ", InnKind::Person)?);
    let snils = Some(required_snils(e, "СНИЛС")?);
    let c = Children::of(e, &["СведРукоп", "СведФЛ"])?;
    let (name, birth_date) = person_data(&c.one("СведФЛ")?)?;
    Ok(Person {
        inn,
        snils,
        position: None,
        name,
        birth_date,
    })
}

/// `СведФЛТип`: the name and birth date (the rest is not interpreted).
fn person_data(e: &Element<'_, '_>) -> Result<(FullName, Option<jiff::civil::Date>)> {
    e.only_attributes(PERSON_DATA_ATTRIBUTES)?;
    let c = Children::of(e, &["ФИО", "АдрМЖ", "УдЛичнФЛ"])?;
    let fio = c.one("ФИО")?;
    fio.only_attributes(&["Фамилия", "Имя", "Отчество"])?;
    Children::of(&fio, &[])?;
    let name = FullName {
        surname: text(&fio, "Фамилия", 1, 200)?,
        given: text(&fio, "Имя", 1, 200)?,
        patronymic: optional_text(&fio, "Отчество", 1, 200)?,
    };
    Ok((name, optional_date(e, "ДатаРожд")?))
}

/// `СвУпПред` / `СвПолучПолн`: a representative of the kind `ТипПред` states.
pub(super) fn representative(e: &Element<'_, '_>) -> Result<Party> {
    e.only_attributes(&["ТипПред"])?;
    let kind = code(
        e,
        "ТипПред",
        &[("1", 1u8), ("2", 2), ("3", 3), ("4", 4), ("5", 5)],
    )?;
    let holder = Children::of(e, &["Пред"])?.one("Пред")?;
    holder.only_attributes(&[])?;
    let c = Children::of(
        &holder,
        &["СведОрг", "СведИП", "СведФизЛ", "СведФилиал", "СведИО"],
    )?;
    let person_data = c.optional("СведФизЛ")?.map(|p| person(&p)).transpose()?;
    let org = c.optional("СведОрг")?;
    let ip = c.optional("СведИП")?;
    let branch = c.optional("СведФилиал")?;
    let foreign = c.optional("СведИО")?;
    let mismatch = || FnsXmlError::PartyKind {
        path: e.attribute_path("ТипПред"),
    };
    let others = [
        org.is_some(),
        ip.is_some(),
        branch.is_some(),
        foreign.is_some(),
    ];
    let present = others.iter().filter(|p| **p).count();
    Ok(match kind {
        1 => match (org, present) {
            (Some(o), 1) => Party::Organization {
                organization: organization(&o)?,
                person: person_data,
            },
            _ => return Err(mismatch()),
        },
        2 => match (ip, present) {
            (Some(i), 1) => Party::Entrepreneur(entrepreneur(&i)?),
            _ => return Err(mismatch()),
        },
        3 => match (person_data, present) {
            (Some(p), 0) => Party::Person(p),
            _ => return Err(mismatch()),
        },
        4 => match (branch, present) {
            (Some(b), 1) => Party::Branch {
                branch: organization(&b)?,
                person: person_data,
            },
            _ => return Err(mismatch()),
        },
        _ => match (foreign, present) {
            (Some(f), 1) => Party::ForeignBranch {
                branch: foreign_organization(&f)?,
                person: person_data,
            },
            _ => return Err(mismatch()),
        },
    })
}

/// A text element of `min..=max` characters.
pub(super) fn text_element(e: &Element<'_, '_>, min: usize, max: usize) -> Result<String> {
    e.only_attributes(&[])?;
    bounded(e.path().to_owned(), e.text()?, min, max)
}
