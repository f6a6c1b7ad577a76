//! Reading the flat JSON form of commands and events: the tag names the
//! kind, and the kind the one family that reads the value.

use serde_json::Value;

/// The kind a value names in its `tag` field.
pub(super) fn kind_of<E: serde::de::Error>(value: &Value, tag: &'static str) -> Result<String, E> {
    match value.get(tag) {
        Some(Value::String(kind)) => Ok(kind.clone()),
        Some(_) => Err(E::custom(format!("`{tag}` is not a string"))),
        None => Err(E::missing_field(tag)),
    }
}

/// The error of a kind no family has, in serde's words for an unknown
/// variant, with every kind there is.
pub(super) fn unknown_kind(kind: &str, families: &[&[&str]]) -> serde_json::Error {
    let expected: Vec<String> = families
        .iter()
        .flat_map(|f| f.iter())
        .map(|k| format!("`{k}`"))
        .collect();
    serde::de::Error::custom(format!(
        "unknown variant `{kind}`, expected one of {}",
        expected.join(", ")
    ))
}
