//! Deserialization helpers shared by the model types.
//!
//! JSON Schema counts `1.0` as an integer, and so do writers that keep every number as a float
//! (JavaScript, pandas): integer fields read an integral float as the integer it is, and refuse a
//! fraction or a value outside the Rust type with an error naming the value.

use std::fmt;
use std::marker::PhantomData;

use serde::Serializer;
use serde::de::{self, Deserializer, Unexpected, Visitor};

/// Largest integer the published schema accepts (2^53 - 1: exact in every JSON reader).
pub(crate) const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// An integer type a JSON number can be read into.
trait Integer: Sized + TryFrom<i64> + TryFrom<u64> {
    const MIN: f64;
    /// One past the largest value (a power of two, exact as a float).
    const END: f64;
    fn from_f64(v: f64) -> Self;
}

impl Integer for i64 {
    const MIN: f64 = -9_223_372_036_854_775_808.0;
    const END: f64 = 9_223_372_036_854_775_808.0;
    #[allow(clippy::cast_possible_truncation)]
    fn from_f64(v: f64) -> Self {
        v as i64
    }
}

impl Integer for u64 {
    const MIN: f64 = 0.0;
    const END: f64 = 18_446_744_073_709_551_616.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn from_f64(v: f64) -> Self {
        v as u64
    }
}

struct IntegerVisitor<T>(PhantomData<T>);

impl<T: Integer> IntegerVisitor<T> {
    fn out_of_range<E: de::Error>(value: impl fmt::Display) -> E {
        E::custom(format_args!(
            "{value} is out of range for this integer field ({}..{})",
            T::MIN,
            T::END
        ))
    }
}

impl<'de, T: Integer> Visitor<'de> for IntegerVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer (a number without a fractional part) or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::try_from(v).map(Some).map_err(|_| Self::out_of_range(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::try_from(v).map(Some).map_err(|_| Self::out_of_range(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if !v.is_finite() || v.fract() != 0.0 {
            return Err(E::invalid_value(Unexpected::Float(v), &self));
        }
        if v < T::MIN || v >= T::END {
            return Err(Self::out_of_range(v));
        }
        Ok(Some(T::from_f64(v)))
    }
}

/// Reads an optional `i64`, accepting integral floats such as `3.0`.
pub(crate) fn option_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(IntegerVisitor::<i64>(PhantomData))
}

/// Reads an optional `u64`, accepting integral floats such as `3.0`.
pub(crate) fn option_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_option(IntegerVisitor::<u64>(PhantomData))
}

/// Writes a measured number as an integer when it is one (within ±(2^53 - 1)), so that `5` read
/// from a document is written back as `5`, not `5.0`: the same JSON value, in the author's form.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    #[allow(clippy::cast_precision_loss)]
    let safe = MAX_SAFE_INTEGER as f64;
    if value.is_finite() && value.fract() == 0.0 && value.abs() <= safe {
        #[allow(clippy::cast_possible_truncation)]
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`number`] for an optional field.
#[allow(clippy::ref_option)]
pub(crate) fn optional_number<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Both {
        #[serde(default, deserialize_with = "super::option_i64")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "super::option_u64")]
        u: Option<u64>,
    }

    fn read(text: &str) -> Result<Both, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn integral_floats_are_integers() {
        let b = read(r#"{"i": -3.0, "u": 5.0}"#).unwrap();
        assert_eq!((b.i, b.u), (Some(-3), Some(5)));
        let b = read(r#"{"i": 7, "u": null}"#).unwrap();
        assert_eq!((b.i, b.u), (Some(7), None));
        let b = read("{}").unwrap();
        assert_eq!((b.i, b.u), (None, None));
        let b = read(r#"{"u": -0.0}"#).unwrap();
        assert_eq!(b.u, Some(0));
    }

    #[test]
    fn fractions_wrong_types_and_overflow_are_errors() {
        assert!(read(r#"{"i": 1.5}"#).unwrap_err().contains("1.5"));
        assert!(read(r#"{"i": "1"}"#).is_err());
        assert!(read(r#"{"u": -1}"#).unwrap_err().contains("out of range"));
        assert!(read(r#"{"u": -1.0}"#).unwrap_err().contains("out of range"));
        assert!(read(r#"{"i": 1e30}"#).unwrap_err().contains("out of range"));
        assert!(
            read(r#"{"i": 9223372036854775808}"#)
                .unwrap_err()
                .contains("out of range")
        );
        assert!(
            read(r#"{"u": 18446744073709551616}"#)
                .unwrap_err()
                .contains("out of range")
        );
        assert_eq!(
            read(r#"{"u": 18446744073709551615}"#).unwrap().u,
            Some(u64::MAX)
        );
    }
}
