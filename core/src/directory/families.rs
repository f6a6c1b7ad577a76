//! Reading the flat JSON form of commands and events: the tag names the
//! kind, and the kind the one family that reads the value, so every error
//! is that family's own.

use serde_json::Value;

/// A family of commands or events: the kinds it has, and how it reads a
/// value of one of them into the whole enum.
pub(super) type Family<T> = (
    &'static [&'static str],
    fn(Value) -> Result<T, serde_json::Error>,
);

/// Reads a value by the kind its `tag` field names, with the one family
/// that has the kind; a kind no family has is refused in serde's words for
/// an unknown variant, naming every kind there is.
pub(super) fn read_by_kind<T, E: serde::de::Error>(
    value: Value,
    tag: &'static str,
    families: &[Family<T>],
) -> Result<T, E> {
    let kind = match value.get(tag) {
        Some(Value::String(kind)) => kind.clone(),
        Some(_) => return Err(E::custom(format!("`{tag}` is not a string"))),
        None => return Err(E::missing_field(tag)),
    };
    match families
        .iter()
        .find(|(kinds, _)| kinds.contains(&kind.as_str()))
    {
        Some((_, read)) => read(value).map_err(E::custom),
        None => {
            let expected: Vec<String> = families
                .iter()
                .flat_map(|(kinds, _)| kinds.iter())
                .map(|k| format!("`{k}`"))
                .collect();
            Err(E::custom(format!(
                "unknown variant `{kind}`, expected one of {}",
                expected.join(", ")
            )))
        }
    }
}
