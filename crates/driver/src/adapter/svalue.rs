//! A TOML value tree that remembers where each key and value is in the
//! file, so every complaint about an adapter file can name its line.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::ops::Range;

/// A value and the bytes of the file it came from.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub span: Range<usize>,
    pub value: SValue,
}

#[derive(Debug, Clone)]
pub(crate) enum SValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date-time, kept as its text.
    Datetime(String),
    Array(Vec<Node>),
    Table(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl SValue {
    pub fn kind(&self) -> &'static str {
        match self {
            SValue::Str(_) => "a string",
            SValue::Int(_) => "an integer",
            SValue::Float(_) => "a float",
            SValue::Bool(_) => "a boolean",
            SValue::Datetime(_) => "a date-time",
            SValue::Array(_) => "an array",
            SValue::Table(_) => "a table",
        }
    }

    /// The same value as JSON (date-times become their text).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            SValue::Str(s) | SValue::Datetime(s) => Value::String(s.clone()),
            SValue::Int(i) => Value::from(*i),
            SValue::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            SValue::Bool(b) => Value::Bool(*b),
            SValue::Array(items) => Value::Array(items.iter().map(|n| n.value.to_json()).collect()),
            SValue::Table(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.value.to_json()))
                    .collect(),
            ),
        }
    }
}

// The names by which the `toml` crate recognises a request for spans
// (serde_spanned's protocol, stable across toml 0.5–0.8).
const SPANNED: &str = "$__serde_spanned_private_Spanned";
const START: &str = "$__serde_spanned_private_start";
const END: &str = "$__serde_spanned_private_end";
const VALUE: &str = "$__serde_spanned_private_value";
const SPANNED_FIELDS: &[&str] = &[START, END, VALUE];
const DATETIME_FIELD: &str = "$__toml_private_datetime";

/// Deserializes `T` asking for its span; falls back to an empty span where
/// the deserializer has none (the inner workings of date-times).
struct WithSpan<T>(Range<usize>, T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for WithSpan<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = WithSpan<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a TOML value")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                T::deserialize(de::value::StrDeserializer::<E>::new(s)).map(|t| WithSpan(0..0, t))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut start, mut end, mut value) = (None, None, None);
                while let Some(k) = map.next_key::<String>()? {
                    match k.as_str() {
                        START => start = Some(map.next_value::<usize>()?),
                        END => end = Some(map.next_value::<usize>()?),
                        VALUE => value = Some(map.next_value::<T>()?),
                        other => return Err(de::Error::unknown_field(other, SPANNED_FIELDS)),
                    }
                }
                match (start, end, value) {
                    (Some(s), Some(e), Some(v)) => Ok(WithSpan(s..e, v)),
                    _ => Err(de::Error::custom("a spanned value without its span")),
                }
            }
        }
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, V(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, NodeVisitor)
    }
}

/// A value with its span where the deserializer has one; implicit tables
/// (`operations` in `[operations.read]`) have none and get an empty span.
struct NodeVisitor;

fn unspanned(value: SValue) -> Node {
    Node { span: 0..0, value }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TOML value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Node, E> {
        SValueVisitor.visit_bool(b).map(unspanned)
    }
    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Node, E> {
        SValueVisitor.visit_i64(i).map(unspanned)
    }
    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Node, E> {
        SValueVisitor.visit_u64(u).map(unspanned)
    }
    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Node, E> {
        SValueVisitor.visit_f64(f).map(unspanned)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Node, E> {
        SValueVisitor.visit_str(s).map(unspanned)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Node, A::Error> {
        SValueVisitor.visit_seq(seq).map(unspanned)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let first = map.next_key::<WithSpan<String>>()?;
        if !first
            .as_ref()
            .is_some_and(|k| SPANNED_FIELDS.contains(&k.1.as_str()))
        {
            return table(first, map).map(unspanned);
        }
        let (mut start, mut end, mut value) = (None, None, None);
        let mut key = first.map(|k| k.1);
        while let Some(k) = key {
            match k.as_str() {
                START => start = Some(map.next_value::<usize>()?),
                END => end = Some(map.next_value::<usize>()?),
                VALUE => value = Some(map.next_value::<SValue>()?),
                other => return Err(de::Error::unknown_field(other, SPANNED_FIELDS)),
            }
            key = map.next_key::<String>()?;
        }
        match (start, end, value) {
            (Some(s), Some(e), Some(value)) => Ok(Node { span: s..e, value }),
            _ => Err(de::Error::custom("a spanned value without its span")),
        }
    }
}

/// The rest of a table whose first key has been read.
fn table<'de, A: MapAccess<'de>>(
    first: Option<WithSpan<String>>,
    mut map: A,
) -> Result<SValue, A::Error> {
    let mut entries = Vec::new();
    let mut next = first;
    while let Some(WithSpan(key_span, key)) = next {
        if key == DATETIME_FIELD {
            return Ok(SValue::Datetime(map.next_value::<String>()?));
        }
        let mut value = map.next_value::<Node>()?;
        if value.span.is_empty() {
            value.span = key_span.clone();
        }
        entries.push(Entry {
            key,
            key_span,
            value,
        });
        next = map.next_key::<WithSpan<String>>()?;
    }
    Ok(SValue::Table(entries))
}

impl<'de> Deserialize<'de> for SValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SValueVisitor)
    }
}

struct SValueVisitor;

impl<'de> Visitor<'de> for SValueVisitor {
    type Value = SValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TOML value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<SValue, E> {
        Ok(SValue::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<SValue, E> {
        Ok(SValue::Int(i))
    }
    fn visit_u64<E: de::Error>(self, u: u64) -> Result<SValue, E> {
        i64::try_from(u)
            .map(SValue::Int)
            .map_err(|_| E::custom("integer out of range"))
    }
    fn visit_f64<E>(self, f: f64) -> Result<SValue, E> {
        Ok(SValue::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<SValue, E> {
        Ok(SValue::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<SValue, E> {
        Ok(SValue::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SValue, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = seq.next_element::<Node>()? {
            items.push(n);
        }
        Ok(SValue::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SValue, A::Error> {
        let first = map.next_key::<WithSpan<String>>()?;
        table(first, map)
    }
}

/// Parses a whole file.
pub(crate) fn parse(text: &str) -> Result<Vec<Entry>, toml::de::Error> {
    match toml::from_str::<SValue>(text)? {
        SValue::Table(entries) => Ok(entries),
        _ => unreachable!("a TOML document is a table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_datetimes_and_implicit_tables() {
        let text = "a = 1979-05-27T07:32:00Z\n[b.c]\nd = 'x'\n";
        let top = parse(text).unwrap();
        assert!(matches!(&top[0].value.value, SValue::Datetime(d) if d == "1979-05-27T07:32:00Z"));
        assert_eq!(&text[top[0].key_span.clone()], "a");
        // `b` is implicit: no span of its own, so it takes its key's.
        let b = &top[1];
        assert_eq!(b.value.span, b.key_span);
        let SValue::Table(c) = &b.value.value else {
            panic!()
        };
        let SValue::Table(d) = &c[0].value.value else {
            panic!()
        };
        assert_eq!(&text[d[0].value.span.clone()], "'x'");
        assert_eq!(
            super::super::line_column(text, d[0].value.span.start),
            (3, 5)
        );
    }
}
