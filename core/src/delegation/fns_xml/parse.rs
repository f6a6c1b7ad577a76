//! Reading an EMCHD_1 file: the bounds first (size, encoding, no DTD, node
//! count), then the document element by element.

use super::element::{Children, Element};
use super::error::FnsXmlError;
use super::model::{
    DocumentKind, FirstPower, FnsPowerOfAttorney, MachinePower, Powers, Principal, Restriction,
    RestrictionValue,
};
use super::parties::{
    entrepreneur, foreign_principal, organization, passing_person, person, principal,
    representative, russian_principal, text_element,
};
use super::values::{code, date, optional_code, optional_text, text};
use super::{FORMAT, MAX_DEPTH, MAX_NODES, MAX_XML_BYTES, NAMESPACE};
use crate::delegation::{PowerNumber, Redelegation};
use crate::xml::{parse_bounded, XmlBoundsError, XmlLimits};

type Result<T> = core::result::Result<T, FnsXmlError>;

/// Reads a power of attorney from the bytes of an EMCHD_1 file.
///
/// # Errors
/// An [`FnsXmlError`] naming the element or attribute at fault: format 002
/// and other documents are refused as `mchd_xml.unsupported`, a DTD as
/// `mchd_xml.dtd`, identifiers with their own codes.
pub fn parse_fns_power(bytes: &[u8]) -> Result<FnsPowerOfAttorney> {
    if bytes.len() > MAX_XML_BYTES {
        return Err(FnsXmlError::TooLarge {
            size: bytes.len(),
            max: MAX_XML_BYTES,
        });
    }
    let Ok(xml) = core::str::from_utf8(bytes) else {
        return Err(if is_format_002_in_windows_1251(bytes) {
            FnsXmlError::Unsupported {
                found: "002".into(),
            }
        } else {
            FnsXmlError::Encoding
        });
    };
    let limits = XmlLimits {
        nodes: MAX_NODES,
        depth: MAX_DEPTH,
    };
    let doc = parse_bounded(xml, limits).map_err(|e| match e {
        XmlBoundsError::Dtd => FnsXmlError::Dtd,
        XmlBoundsError::TooComplex { limit } => FnsXmlError::TooComplex { limit },
        XmlBoundsError::Malformed { line, reason } => FnsXmlError::Malformed { line, reason },
    })?;
    document(&Element::root(&doc))
}

/// Whether windows-1251 bytes carry `ВерсФорм="002"` (the older format is
/// written in that encoding).
fn is_format_002_in_windows_1251(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "ВерсФорм=\"002\""
        .chars()
        .map(|c| match c as u32 {
            // А..я map to 0xC0..0xFF in windows-1251
            u @ 0x0410..=0x044F => (u - 0x0350) as u8,
            u => u as u8,
        })
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn document(root: &Element<'_, '_>) -> Result<FnsPowerOfAttorney> {
    if root.name() != "Доверенность" {
        return Err(FnsXmlError::Unsupported {
            found: root.name().chars().take(40).collect(),
        });
    }
    let version = root.attribute("ВерсФорм").unwrap_or("");
    if version != FORMAT || root_namespace(root) != Some(NAMESPACE) {
        let found = if version.is_empty() { "?" } else { version };
        return Err(FnsXmlError::Unsupported {
            found: found.chars().take(20).collect(),
        });
    }
    root.only_attributes(&["ВерсФорм", "ПрЭлФорм", "ИдФайл", "ИдФайлНО", "OID"])?;
    let element_flags = text(root, "ПрЭлФорм", 8, 8)?;
    if !element_flags.bytes().all(|b| b == b'0' || b == b'1') {
        return Err(FnsXmlError::bad(
            root.attribute_path("ПрЭлФорм"),
            "not eight flags 0 or 1",
            "не восемь флагов 0 или 1",
        ));
    }
    let file_id = text(root, "ИдФайл", 1, 255)?;
    let tax_file_id = optional_text(root, "ИдФайлНО", 1, 255)?;
    let c = Children::of(root, &["ИнСвед", "Документ"])?;
    let d = c.one("Документ")?;
    d.only_attributes(&["КНД"])?;
    let form_code = optional_text(&d, "КНД", 7, 7)?;
    let body = Children::of(&d, &["Довер", "Передов"])?;
    let (original, passed) = (body.optional("Довер")?, body.optional("Передов")?);
    let mut power = match (original, passed) {
        (Some(o), None) => original_power(&o)?,
        (None, Some(p)) => redelegated_power(&p)?,
        (Some(_), Some(p)) => {
            return Err(FnsXmlError::UnexpectedElement {
                path: p.path().to_owned(),
                line: p.line(),
            })
        }
        (None, None) => {
            return Err(FnsXmlError::MissingElement {
                path: format!("{}/Довер", d.path()),
            })
        }
    };
    power.file_id = file_id;
    power.element_flags = element_flags;
    power.tax_file_id = tax_file_id;
    power.form_code = form_code;
    if power.valid_through < power.issued_on {
        return Err(FnsXmlError::Term);
    }
    Ok(power)
}

fn root_namespace<'a>(root: &Element<'a, '_>) -> Option<&'a str> {
    root.namespace()
}

/// `Довер`: an original power.
fn original_power(e: &Element<'_, '_>) -> Result<FnsPowerOfAttorney> {
    e.only_attributes(&[])?;
    let c = Children::of(e, &["СвДов", "СвДоверит", "СвУпПред", "СвПолн", "СвНотУд"])?;
    let mut power = terms(&c.one("СвДов")?)?;
    power.principals = c
        .at_least_one("СвДоверит")?
        .iter()
        .map(principal)
        .collect::<Result<_>>()?;
    power.representatives = c
        .at_least_one("СвУпПред")?
        .iter()
        .map(representative)
        .collect::<Result<_>>()?;
    power.powers = powers(&c.one("СвПолн")?)?;
    Ok(power)
}

/// `Передов`: a power passed on.
fn redelegated_power(e: &Element<'_, '_>) -> Result<FnsPowerOfAttorney> {
    e.only_attributes(&["ПрНалПередов"])?;
    let from_redelegation = code(e, "ПрНалПередов", &[("0", false), ("1", true)])?;
    let c = Children::of(
        e,
        &[
            "СвПервДовер",
            "СвПередов",
            "СвПереДовер",
            "СвПередПолн",
            "СвПолучПолн",
            "СвПолн",
            "СвНотУд",
        ],
    )?;
    let first_element = c.one("СвПервДовер")?;
    let first = first_power(&first_element)?;
    c.optional("СвПередов")?
        .map(|p| first_power(&p))
        .transpose()?;
    let mut power = terms(&c.one("СвПереДовер")?)?;
    let passed_by = c
        .at_least_one("СвПередПолн")?
        .iter()
        .map(passing_party)
        .collect::<Result<_>>()?;
    power.kind = DocumentKind::Redelegation {
        first_power: first,
        from_redelegation,
        passed_by,
    };
    power.representatives = c
        .at_least_one("СвПолучПолн")?
        .iter()
        .map(representative)
        .collect::<Result<_>>()?;
    power.powers = powers(&c.one("СвПолн")?)?;
    Ok(power)
}

/// `СвПервДоверТип`: the numbers of the first power and of the one passed on.
fn first_power(e: &Element<'_, '_>) -> Result<FirstPower> {
    e.only_attributes(&[
        "ПрДовер",
        "ФормДовер",
        "ДатаВыдДовер",
        "СрокДейст",
        "ВнНомДоверПерв",
        "ВнНомДоверN",
        "НомДоверПерв",
        "НомДоверN",
        "НомРНДПерв",
        "НомРНДN",
    ])?;
    Children::of(e, &["СвДоверПерв", "СвНотДейств", "ВриоНот"])?;
    Ok(FirstPower {
        mark: code(e, "ПрДовер", &[("1", 1), ("2", 2)])?,
        form: code(e, "ФормДовер", &[("1", 1), ("2", 2)])?,
        issued_on: date(e, "ДатаВыдДовер")?,
        valid_through: date(e, "СрокДейст")?,
        first: number(e, "НомДоверПерв")?,
        parent: number(e, "НомДоверN")?,
    })
}

/// `ПередПолн`: who passes the powers on.
fn passing_party(e: &Element<'_, '_>) -> Result<Principal> {
    e.only_attributes(&["ТипПерПолн"])?;
    let kind = code(
        e,
        "ТипПерПолн",
        &[("1", 1u8), ("2", 2), ("3", 3), ("4", 4), ("5", 5)],
    )?;
    let holder = Children::of(e, &["ПередПолн"])?.one("ПередПолн")?;
    holder.only_attributes(&[])?;
    let names = [
        "РосОргПерПолн",
        "ИППерПолн",
        "ФЛПерПолн",
        "ФилПерПолн",
        "ИнПерПолн",
    ];
    let c = Children::of(&holder, &names)?;
    let present: Vec<_> = names
        .iter()
        .filter_map(|n| c.all(n).into_iter().next())
        .collect();
    let [one] = present.as_slice() else {
        return Err(FnsXmlError::NoPrincipal {
            path: holder.path().to_owned(),
        });
    };
    let position = names
        .iter()
        .position(|n| *n == one.name())
        .unwrap_or(usize::MAX);
    if usize::from(kind) != position.saturating_add(1) {
        return Err(FnsXmlError::PartyKind {
            path: e.attribute_path("ТипПерПолн"),
        });
    }
    match kind {
        1 => russian_principal(one, "СвРосОрг"),
        2 => Ok(Principal::Entrepreneur(entrepreneur(one)?)),
        3 => Ok(Principal::Individual(passing_person(one)?)),
        4 => {
            one.only_attributes(&[])?;
            let b = Children::of(one, &["СвФил", "СвРукФил"])?;
            Ok(Principal::RussianOrganization {
                organization: organization(&b.one("СвФил")?)?,
                executives: vec![crate::delegation::fns_xml::model::Executive::Person {
                    acts_alone: true,
                    person: person(&b.one("СвРукФил")?)?,
                }],
            })
        }
        _ => foreign_principal(one, "СвИнОрг", "СвРукОП"),
    }
}

/// `СвДовТип`: number, dates, marks.
fn terms(e: &Element<'_, '_>) -> Result<FnsPowerOfAttorney> {
    e.only_attributes(&[
        "ВидДовер",
        "ПрПередов",
        "ВнНомДовер",
        "НомДовер",
        "НомРНДДовер",
        "ДопИдДовер",
        "ДатаВнРегДовер",
        "ДатаВыдДовер",
        "СрокДейст",
        "КодНО",
    ])?;
    let irrevocable = code(e, "ВидДовер", &[("1", false), ("2", true)])?;
    let redelegation = code(
        e,
        "ПрПередов",
        &[
            ("1", Redelegation::None),
            ("2", Redelegation::Once),
            ("3", Redelegation::Successive),
        ],
    )?;
    let internal_number = text(e, "ВнНомДовер", 1, 50)?;
    let number = number(e, "НомДовер")?.ok_or_else(|| FnsXmlError::MissingAttribute {
        path: e.attribute_path("НомДовер"),
    })?;
    let additional_id = optional_text(e, "ДопИдДовер", 1, 50)?;
    let tax_office = optional_text(e, "КодНО", 4, 4)?;
    if tax_office
        .as_deref()
        .is_some_and(|c| !c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(FnsXmlError::bad(
            e.attribute_path("КодНО"),
            "not a four-digit tax office code",
            "не четырёхзначный код налогового органа",
        ));
    }
    let issued_on = date(e, "ДатаВыдДовер")?;
    let valid_through = date(e, "СрокДейст")?;
    let c = Children::of(e, &["КодНОДейст", "СведСист", "Безотзыв"])?;
    let registry_url = text_element(&c.one("СведСист")?, 1, 1000)?;
    if let Some(b) = c.optional("Безотзыв")? {
        b.only_attributes(&["ПрПерБезДов", "УслОтзыва"])?;
        Children::of(&b, &["ОписУслОт"])?;
        code(&b, "ПрПерБезДов", &[("1", ()), ("2", ())])?;
        code(&b, "УслОтзыва", &[("1", ()), ("2", ())])?;
        if !irrevocable {
            return Err(FnsXmlError::bad(
                b.path().to_owned(),
                "irrevocability terms in a revocable power",
                "условия безотзывности в отзывной доверенности",
            ));
        }
    }
    Ok(FnsPowerOfAttorney {
        file_id: String::new(),
        element_flags: String::new(),
        tax_file_id: None,
        form_code: None,
        kind: DocumentKind::Original,
        number,
        internal_number,
        additional_id,
        tax_office,
        issued_on,
        valid_through,
        registry_url,
        irrevocable,
        redelegation,
        principals: Vec::new(),
        representatives: Vec::new(),
        powers: Powers {
            machine_readable: true,
            joint: false,
            lost_on_redelegation: None,
            text: None,
            codes: Vec::new(),
        },
    })
}

/// A registry number (UUID) written as 36 characters.
fn number(e: &Element<'_, '_>, name: &str) -> Result<Option<PowerNumber>> {
    e.attribute(name)
        .map(|v| {
            if v.len() != 36 {
                return Err(FnsXmlError::bad(
                    e.attribute_path(name),
                    "not a UUID of 36 characters",
                    "не UUID из 36 символов",
                ));
            }
            v.parse::<PowerNumber>()
                .map_err(|_| FnsXmlError::bad(e.attribute_path(name), "not a UUID", "не UUID"))
        })
        .transpose()
}

/// `СвПолн`: the powers.
fn powers(e: &Element<'_, '_>) -> Result<Powers> {
    e.only_attributes(&["ТипПолн", "ПрСовмПолн", "ПрУтрПолн"])?;
    let machine_readable = code(e, "ТипПолн", &[("0", false), ("1", true)])?;
    let joint = code(e, "ПрСовмПолн", &[("1", false), ("2", true)])?;
    let lost_on_redelegation = optional_code(e, "ПрУтрПолн", &[("1", true), ("2", false)])?;
    let c = Children::of(e, &["ТекстПолн", "МашПолн"])?;
    let text = c
        .optional("ТекстПолн")?
        .map(|t| text_element(&t, 1, 10_000))
        .transpose()?;
    let codes: Vec<MachinePower> = c
        .all("МашПолн")
        .iter()
        .map(machine_power)
        .collect::<Result<_>>()?;
    if machine_readable && codes.is_empty() {
        return Err(FnsXmlError::MissingElement {
            path: format!("{}/МашПолн", e.path()),
        });
    }
    if !machine_readable && text.is_none() {
        return Err(FnsXmlError::MissingElement {
            path: format!("{}/ТекстПолн", e.path()),
        });
    }
    Ok(Powers {
        machine_readable,
        joint,
        lost_on_redelegation,
        text,
        codes,
    })
}

/// `МашПолн`: a power of a classifier and its restrictions.
fn machine_power(e: &Element<'_, '_>) -> Result<MachinePower> {
    e.only_attributes(&["МнПолн", "КодПолн", "НаимПолн"])?;
    let restrictions = Children::of(e, &["ОгрСвПолн"])?
        .all("ОгрСвПолн")
        .iter()
        .map(restriction)
        .collect::<Result<_>>()?;
    Ok(MachinePower {
        code: text(e, "КодПолн", 6, 255)?,
        name: text(e, "НаимПолн", 1, 255)?,
        mnemonic: optional_text(e, "МнПолн", 6, 255)?,
        restrictions,
    })
}

/// `ОгрСвПолн`: one restriction.
fn restriction(e: &Element<'_, '_>) -> Result<Restriction> {
    e.only_attributes(&["ИдОгр", "КодОгр", "НаимОгр", "НаимЗначОгр"])?;
    let id_text = e.required("ИдОгр")?;
    let id = (1..=3)
        .contains(&id_text.len())
        .then(|| id_text.parse::<u16>().ok())
        .flatten()
        .ok_or_else(|| {
            FnsXmlError::bad(
                e.attribute_path("ИдОгр"),
                "not a number of up to three digits",
                "не число до трёх цифр",
            )
        })?;
    let c = Children::of(e, &["КодЗначОгр", "ТексЗначОгр"])?;
    let value = match (c.optional("КодЗначОгр")?, c.optional("ТексЗначОгр")?) {
        (Some(v), None) => RestrictionValue::Code(text_element(&v, 1, 255)?),
        (None, Some(v)) => RestrictionValue::Text(text_element(&v, 1, 255)?),
        (Some(_), Some(v)) => {
            return Err(FnsXmlError::UnexpectedElement {
                path: v.path().to_owned(),
                line: v.line(),
            })
        }
        (None, None) => {
            return Err(FnsXmlError::MissingElement {
                path: format!("{}/КодЗначОгр", e.path()),
            })
        }
    };
    Ok(Restriction {
        id,
        code: text(e, "КодОгр", 1, 255)?,
        name: text(e, "НаимОгр", 1, 255)?,
        value_name: optional_text(e, "НаимЗначОгр", 1, 255)?,
        value,
    })
}
