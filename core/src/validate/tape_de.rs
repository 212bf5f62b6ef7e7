//! Reading a map from a tape with serde, as from a `serde_json::Value`: the same visits for the
//! same values (numbers as `u64`, `i64` or `f64`; `null` as unit or `None`; strings as unit
//! variants of enums), so a map read either way is the same.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::tape::{Children, Kind, TapeNode};

/// Why a tape could not be read as the requested type (the full path then says where).
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

impl<'de> de::Deserializer<'de> for TapeNode<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(*b),
            Kind::U64(n) => visitor.visit_u64(*n),
            Kind::I64(n) => visitor.visit_i64(*n),
            Kind::F64(n) => visitor.visit_f64(*n),
            // The tape outlives the reading: every string can be lent.
            Kind::Str(s) => visitor.visit_borrowed_str(s.as_ref()),
            Kind::Array(len) => {
                let mut items = Items {
                    children: self.children(),
                    left: *len,
                };
                let value = visitor.visit_seq(&mut items)?;
                if items.left > 0 {
                    return Err(de::Error::invalid_length(*len, &"fewer elements in array"));
                }
                Ok(value)
            }
            Kind::Object(len) => {
                let mut members = Fields {
                    children: self.children(),
                    value: None,
                    left: *len,
                };
                let value = visitor.visit_map(&mut members)?;
                if members.left > 0 {
                    return Err(de::Error::invalid_length(*len, &"fewer elements in map"));
                }
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind() {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.kind() {
            Kind::Str(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            _ => Err(de::Error::custom(
                "an enum is read from a string on the fast path",
            )),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of an array.
struct Items<'a> {
    children: Children<'a>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.children.next() {
            Some(item) => {
                self.left = self.left.saturating_sub(1);
                seed.deserialize(item).map(Some)
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// The members of an object.
struct Fields<'a> {
    children: Children<'a>,
    value: Option<TapeNode<'a>>,
    left: usize,
}

impl<'de> MapAccess<'de> for Fields<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.children.next() {
            Some(member) => {
                self.left = self.left.saturating_sub(1);
                self.value = Some(member);
                seed.deserialize(de::value::BorrowedStrDeserializer::new(member.key()))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a value is read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}
