//! Reading the flat JSON form of commands and events: the tag names the
//! kind, and the kind the one family that reads the value, so every error
//! is that family's own.
//!
//! The tag is read as the value streams by: when it comes first (as every
//! command and event this crate writes has it), the family reads the rest
//! of the same map, with the tag handed back to it first, and nothing is
//! buffered twice. A tag further down is found by collecting the map
//! first.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;

/// An enum of families read by the kind its tag names.
pub(super) trait ByKind: Sized {
    /// The tag field (`command`, `event`).
    const TAG: &'static str;
    /// The kinds of each family, in the order [`ByKind::read`] numbers them.
    const FAMILIES: &'static [&'static [&'static str]];
    /// Reads a value of the `family`-th family (the tag included).
    fn read<'de, D: Deserializer<'de>>(family: usize, d: D) -> Result<Self, D::Error>;
}

/// Reads a `T` by the kind its tag names.
pub(super) fn read_by_kind<'de, T: ByKind, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(KindVisitor(PhantomData))
}

/// The family that has `kind`, or serde's words for an unknown variant,
/// naming every kind there is.
fn family_of<T: ByKind, E: de::Error>(kind: &str) -> Result<usize, E> {
    if let Some(i) = T::FAMILIES.iter().position(|f| f.contains(&kind)) {
        return Ok(i);
    }
    let expected: Vec<String> = T::FAMILIES
        .iter()
        .flat_map(|f| f.iter())
        .map(|k| format!("`{k}`"))
        .collect();
    Err(E::custom(format!(
        "unknown variant `{kind}`, expected one of {}",
        expected.join(", ")
    )))
}

struct KindVisitor<T>(PhantomData<T>);

impl<'de, T: ByKind> Visitor<'de> for KindVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map with a `{}` field", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::missing_field(T::TAG));
        };
        if first == T::TAG {
            let kind: String = map.next_value()?;
            let family = family_of::<T, A::Error>(&kind)?;
            let rest = TagFirst {
                tag: T::TAG,
                kind: Some(kind),
                rest: map,
            };
            return T::read(family, MapAccessDeserializer::new(rest));
        }
        // The tag comes later: collect the map, then read it.
        let mut all = Map::new();
        all.insert(first, map.next_value()?);
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            all.insert(k, v);
        }
        let family = match all.get(T::TAG) {
            Some(Value::String(kind)) => family_of::<T, A::Error>(kind)?,
            Some(_) => return Err(de::Error::custom(format!("`{}` is not a string", T::TAG))),
            None => return Err(de::Error::missing_field(T::TAG)),
        };
        T::read(family, Value::Object(all)).map_err(de::Error::custom)
    }
}

/// The rest of a map whose tag was read, with the tag handed out first again.
struct TagFirst<A> {
    tag: &'static str,
    kind: Option<String>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TagFirst<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.kind.is_some() {
            let key: de::value::StrDeserializer<'_, A::Error> = self.tag.into_deserializer();
            return seed.deserialize(key).map(Some);
        }
        self.rest.next_key_seed(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.kind.take() {
            Some(kind) => {
                let value: de::value::StringDeserializer<A::Error> = kind.into_deserializer();
                seed.deserialize(value)
            }
            None => self.rest.next_value_seed(seed),
        }
    }
}
