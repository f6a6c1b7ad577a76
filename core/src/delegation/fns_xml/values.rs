//! Attribute values of the format: texts of a bounded length, coded flags,
//! dates, and identifiers checked by the library's own rules.

use super::element::Element;
use super::error::FnsXmlError;
use crate::identifiers::{Inn, InnKind, Kpp, Ogrn, Ogrnip, Snils};
use jiff::civil::Date;

/// A required text attribute of `min..=max` characters.
pub(super) fn text(
    e: &Element<'_, '_>,
    name: &str,
    min: usize,
    max: usize,
) -> Result<String, FnsXmlError> {
    let value = e.required(name)?;
    bounded(e.attribute_path(name), value, min, max)
}

/// An optional text attribute of `min..=max` characters.
pub(super) fn optional_text(
    e: &Element<'_, '_>,
    name: &str,
    min: usize,
    max: usize,
) -> Result<Option<String>, FnsXmlError> {
    e.attribute(name)
        .map(|v| bounded(e.attribute_path(name), v, min, max))
        .transpose()
}

/// A text of `min..=max` characters.
pub(super) fn bounded(
    path: String,
    value: &str,
    min: usize,
    max: usize,
) -> Result<String, FnsXmlError> {
    let length = value.chars().count();
    if length < min {
        return Err(FnsXmlError::bad(
            path,
            "shorter than the format allows",
            "короче, чем допускает формат",
        ));
    }
    if length > max {
        return Err(FnsXmlError::bad(
            path,
            "longer than the format allows",
            "длиннее, чем допускает формат",
        ));
    }
    Ok(value.to_owned())
}

/// A required one-character code mapped through `table`.
pub(super) fn code<T: Copy>(
    e: &Element<'_, '_>,
    name: &str,
    table: &[(&str, T)],
) -> Result<T, FnsXmlError> {
    let value = e.required(name)?;
    lookup(e, name, value, table)
}

/// An optional one-character code mapped through `table`.
pub(super) fn optional_code<T: Copy>(
    e: &Element<'_, '_>,
    name: &str,
    table: &[(&str, T)],
) -> Result<Option<T>, FnsXmlError> {
    e.attribute(name)
        .map(|v| lookup(e, name, v, table))
        .transpose()
}

fn lookup<T: Copy>(
    e: &Element<'_, '_>,
    name: &str,
    value: &str,
    table: &[(&str, T)],
) -> Result<T, FnsXmlError> {
    table
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            FnsXmlError::bad(
                e.attribute_path(name),
                "not one of the codes the format defines",
                "не из кодов, которые определяет формат",
            )
        })
}

/// A date `YYYY-MM-DD` (xs:date without a zone).
pub(super) fn date(e: &Element<'_, '_>, name: &str) -> Result<Date, FnsXmlError> {
    let value = e.required(name)?;
    parse_date(e.attribute_path(name), value)
}

/// An optional date.
pub(super) fn optional_date(e: &Element<'_, '_>, name: &str) -> Result<Option<Date>, FnsXmlError> {
    e.attribute(name)
        .map(|v| parse_date(e.attribute_path(name), v))
        .transpose()
}

fn parse_date(path: String, value: &str) -> Result<Date, FnsXmlError> {
    let well_formed = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(FnsXmlError::bad(
            path,
            "not a date YYYY-MM-DD",
            "не дата вида ГГГГ-ММ-ДД",
        ));
    }
    value.parse::<Date>().map_err(|_| {
        FnsXmlError::bad(
            path,
            "not a date of the calendar",
            "такой даты нет в календаре",
        )
    })
}

fn identifier<T>(
    e: &Element<'_, '_>,
    name: &str,
    parse: impl Fn(&str) -> Result<T, crate::identifiers::IdentifierError>,
) -> Result<Option<T>, FnsXmlError> {
    e.attribute(name)
        .map(|v| {
            parse(v).map_err(|error| FnsXmlError::Identifier {
                path: e.attribute_path(name),
                error,
            })
        })
        .transpose()
}

fn required_identifier<T>(
    e: &Element<'_, '_>,
    name: &str,
    parse: impl Fn(&str) -> Result<T, crate::identifiers::IdentifierError>,
) -> Result<T, FnsXmlError> {
    identifier(e, name, parse)?.ok_or_else(|| FnsXmlError::MissingAttribute {
        path: e.attribute_path(name),
    })
}

/// An ИНН of the kind `kind` (12 digits of a person, 10 of an organization), exactly as written.
pub(super) fn inn(
    e: &Element<'_, '_>,
    name: &str,
    kind: InnKind,
) -> Result<Option<Inn>, FnsXmlError> {
    let Some(inn) = identifier(e, name, Inn::parse)? else {
        return Ok(None);
    };
    if inn.kind() != kind || e.attribute(name) != Some(inn.as_str()) {
        let (en, ru) = match kind {
            InnKind::Person => (
                "a personal ИНН is written as 12 digits",
                "ИНН физического лица записывается 12 цифрами",
            ),
            InnKind::LegalEntity => (
                "an organization's ИНН is written as 10 digits",
                "ИНН организации записывается 10 цифрами",
            ),
        };
        return Err(FnsXmlError::bad(e.attribute_path(name), en, ru));
    }
    Ok(Some(inn))
}

/// A required ИНН of the kind `kind`.
pub(super) fn required_inn(
    e: &Element<'_, '_>,
    name: &str,
    kind: InnKind,
) -> Result<Inn, FnsXmlError> {
    inn(e, name, kind)?.ok_or_else(|| FnsXmlError::MissingAttribute {
        path: e.attribute_path(name),
    })
}

/// A СНИЛС written `XXX-XXX-XXX YY` or `XXX-XXX-XXX-YY`, as the format requires.
pub(super) fn snils(e: &Element<'_, '_>, name: &str) -> Result<Option<Snils>, FnsXmlError> {
    let Some(snils) = identifier(e, name, Snils::parse)? else {
        return Ok(None);
    };
    let written = e.attribute(name).unwrap_or("");
    let shown = written.as_bytes();
    let separators = [(3, b'-'), (7, b'-')];
    let form = shown.len() == 14
        && separators.iter().all(|(i, c)| shown.get(*i) == Some(c))
        && matches!(shown.get(11), Some(b'-' | b' '));
    if !form {
        return Err(FnsXmlError::bad(
            e.attribute_path(name),
            "a СНИЛС is written XXX-XXX-XXX YY",
            "СНИЛС записывается в виде XXX-XXX-XXX YY",
        ));
    }
    Ok(Some(snils))
}

/// A required СНИЛС.
pub(super) fn required_snils(e: &Element<'_, '_>, name: &str) -> Result<Snils, FnsXmlError> {
    snils(e, name)?.ok_or_else(|| FnsXmlError::MissingAttribute {
        path: e.attribute_path(name),
    })
}

/// A КПП.
pub(super) fn kpp(e: &Element<'_, '_>, name: &str) -> Result<Option<Kpp>, FnsXmlError> {
    identifier(e, name, Kpp::parse)
}

/// A required КПП.
pub(super) fn required_kpp(e: &Element<'_, '_>, name: &str) -> Result<Kpp, FnsXmlError> {
    required_identifier(e, name, Kpp::parse)
}

/// An ОГРН.
pub(super) fn ogrn(e: &Element<'_, '_>, name: &str) -> Result<Option<Ogrn>, FnsXmlError> {
    identifier(e, name, Ogrn::parse)
}

/// A required ОГРНИП.
pub(super) fn required_ogrnip(e: &Element<'_, '_>, name: &str) -> Result<Ogrnip, FnsXmlError> {
    required_identifier(e, name, Ogrnip::parse)
}
