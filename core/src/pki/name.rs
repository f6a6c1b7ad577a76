//! Distinguished names: comparison (RFC 5280 §7.1) and display.
//!
//! Two names are equal when they have the same RDNs in the same order, each
//! RDN holding the same set of attributes. String values are compared after
//! the normalization RFC 5280 §7.1 asks for (a simplified RFC 4518): case is
//! folded, leading and trailing whitespace removed and inner runs of
//! whitespace folded into one space, whatever the string type (so a
//! PrintableString equals the same UTF8String). Other values compare byte for byte.

use der::asn1::AnyRef;
use der::{Decode, Encode, Tag, Tagged};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::{Name, RelativeDistinguishedName};

use super::oids;

/// The text of a directory string value, whatever its ASN.1 string type.
pub(crate) fn string_value(value: AnyRef<'_>) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String => std::str::from_utf8(bytes).ok().map(str::to_owned),
        Tag::PrintableString | Tag::Ia5String | Tag::NumericString | Tag::VisibleString => {
            std::str::from_utf8(bytes).ok().map(str::to_owned)
        }
        // T61 is treated as Latin-1, the common practice for legacy certificates.
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .filter_map(|c| c.try_into().ok().map(u16::from_be_bytes))
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}

/// The text of a DER-encoded string value (used for extensions that hold one string).
pub(crate) fn string_value_of_der(der: &[u8]) -> Option<String> {
    AnyRef::from_der(der).ok().and_then(string_value)
}

/// The characters of `s` with case folded and whitespace runs folded into one space.
fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split_whitespace().enumerate().flat_map(|(i, word)| {
        let space = (i > 0).then_some(' ');
        space
            .into_iter()
            .chain(word.chars().flat_map(char::to_lowercase))
    })
}

fn values_equal(a: &AttributeTypeAndValue, b: &AttributeTypeAndValue) -> bool {
    if a.oid != b.oid {
        return false;
    }
    let (va, vb) = (AnyRef::from(&a.value), AnyRef::from(&b.value));
    if va.tag() == vb.tag() && va.value() == vb.value() {
        return true;
    }
    match (string_value(va), string_value(vb)) {
        (Some(x), Some(y)) => normalized(&x).eq(normalized(&y)),
        _ => va.tag() == vb.tag() && va.value() == vb.value(),
    }
}

fn rdns_equal(a: &RelativeDistinguishedName, b: &RelativeDistinguishedName) -> bool {
    a.0.len() == b.0.len() && a.0.iter().all(|x| b.0.iter().any(|y| values_equal(x, y)))
}

/// Whether two names are equal under RFC 5280 §7.1.
pub fn names_equal(a: &Name, b: &Name) -> bool {
    if a == b {
        return true;
    }
    a.0.len() == b.0.len() && a.0.iter().zip(b.0.iter()).all(|(x, y)| rdns_equal(x, y))
}

/// Whether `prefix` is an initial sequence of the RDNs of `name` (name constraints' subtrees).
pub fn name_has_prefix(name: &Name, prefix: &Name) -> bool {
    prefix.0.len() <= name.0.len()
        && prefix
            .0
            .iter()
            .zip(name.0.iter())
            .all(|(p, n)| rdns_equal(p, n))
}

/// The values of one attribute type in a name, in order.
pub fn attribute_values(name: &Name, oid: &const_oid::ObjectIdentifier) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| &atv.oid == oid)
        .filter_map(|atv| string_value(AnyRef::from(&atv.value)))
        .collect()
}

/// The first value of one attribute type in a name.
pub fn first_attribute_value(name: &Name, oid: &const_oid::ObjectIdentifier) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| &atv.oid == oid)
        .and_then(|atv| string_value(AnyRef::from(&atv.value)))
}

fn short_name(oid: &const_oid::ObjectIdentifier) -> Option<&'static str> {
    let table = [
        (oids::CN, "CN"),
        (oids::SURNAME, "SN"),
        (oids::GIVEN_NAME, "GN"),
        (oids::SERIAL_NUMBER, "SERIALNUMBER"),
        (oids::C, "C"),
        (oids::L, "L"),
        (oids::ST, "ST"),
        (oids::STREET, "STREET"),
        (oids::O, "O"),
        (oids::OU, "OU"),
        (oids::TITLE, "T"),
        (oids::EMAIL, "E"),
        (oids::DC, "DC"),
        (oids::INN, "ИНН"),
        (oids::INNLE, "ИННЮЛ"),
        (oids::OGRN, "ОГРН"),
        (oids::OGRNIP, "ОГРНИП"),
        (oids::SNILS, "СНИЛС"),
    ];
    table.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// A name as text, most specific RDN first (`CN=…, O=…, C=RU`).
pub fn display_name(name: &Name) -> String {
    let mut parts = Vec::new();
    for rdn in name.0.iter().rev() {
        let attrs: Vec<String> = rdn
            .0
            .iter()
            .map(|atv| {
                let key = short_name(&atv.oid).map_or_else(|| atv.oid.to_string(), str::to_owned);
                let value = string_value(AnyRef::from(&atv.value)).unwrap_or_else(|| {
                    atv.value
                        .to_der()
                        .map(|d| format!("#{}", super::parse::hex(&d)))
                        .unwrap_or_default()
                });
                format!("{key}={value}")
            })
            .collect();
        parts.push(attrs.join("+"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn comparison_folds_case_and_whitespace() {
        let a = Name::from_str("CN=Test  CA,O=Example").unwrap();
        let b = Name::from_str("CN= test ca ,O=EXAMPLE").unwrap();
        assert!(names_equal(&a, &b));
        let c = Name::from_str("CN=Test CA2,O=Example").unwrap();
        assert!(!names_equal(&a, &c));
    }

    #[test]
    fn order_of_rdns_matters() {
        let a = Name::from_str("CN=A,O=B").unwrap();
        let b = Name::from_str("O=B,CN=A").unwrap();
        assert!(!names_equal(&a, &b));
    }

    #[test]
    fn display_puts_most_specific_first() {
        let a = Name::from_str("CN=Leaf,O=Org,C=RU").unwrap();
        assert_eq!(display_name(&a), "CN=Leaf, O=Org, C=RU");
    }
}
