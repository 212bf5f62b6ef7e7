//! Event logs from Arrow record batches (feature `arrow`): the columns are read in place, without
//! copying the data. Text columns may be `Utf8`, `LargeUtf8`, `Utf8View` or dictionaries of them
//! (pandas categoricals, polars `Categorical`/`Enum`; each distinct value is interned once).
//! Timestamps may be Arrow timestamps of any unit (time zones do not matter: Arrow timestamps are
//! UTC instants), dates, integers or floats (Unix epoch seconds or milliseconds, see
//! [`super::timestamps`]) or text. Survey columns may be any integer or float type, or text.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, TimeUnit};

use super::columns::{Columns, NumColumn, StrColumn, TimeColumn};
use super::ingest::{LogBuilder, Time};
use super::{ColumnNames, Error, survey_number};

/// A text column of an Arrow array.
enum Text<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    /// A dictionary: its values and each row's key (`None` for a null).
    Dict(Box<Text<'a>>, Vec<Option<u32>>),
    /// Integers (ids stored as numbers), written as text.
    Owned(Vec<Option<String>>),
}

fn keys<K: arrow_array::types::ArrowDictionaryKeyType>(
    a: &arrow_array::DictionaryArray<K>,
) -> Vec<Option<u32>> {
    use arrow_array::AnyDictionaryArray;
    let keys = a.keys();
    if a.values().is_empty() {
        // normalized_keys() panics on an empty dictionary; every key is then a null.
        return vec![None; keys.len()];
    }
    a.normalized_keys()
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            if keys.is_null(i) {
                None
            } else {
                u32::try_from(k).ok()
            }
        })
        .collect()
}

impl<'a> Text<'a> {
    fn of(a: &'a ArrayRef, column: &str) -> Result<Text<'a>, Error> {
        Ok(match a.data_type() {
            DataType::Utf8 => Text::Utf8(a.as_string::<i32>()),
            DataType::LargeUtf8 => Text::Large(a.as_string::<i64>()),
            DataType::Utf8View => Text::View(a.as_string_view()),
            DataType::Dictionary(key, _) => {
                macro_rules! dict {
                    ($k:ty) => {{
                        let d = a.as_dictionary::<$k>();
                        Text::Dict(Box::new(Text::of(d.values(), column)?), keys(d))
                    }};
                }
                match key.as_ref() {
                    DataType::Int8 => dict!(Int8Type),
                    DataType::Int16 => dict!(Int16Type),
                    DataType::Int32 => dict!(Int32Type),
                    DataType::Int64 => dict!(Int64Type),
                    DataType::UInt8 => dict!(UInt8Type),
                    DataType::UInt16 => dict!(UInt16Type),
                    DataType::UInt32 => dict!(UInt32Type),
                    DataType::UInt64 => dict!(UInt64Type),
                    other => return Err(unsupported(column, other)),
                }
            }
            DataType::Int8 => Text::Owned(ints::<Int8Type>(a)),
            DataType::Int16 => Text::Owned(ints::<Int16Type>(a)),
            DataType::Int32 => Text::Owned(ints::<Int32Type>(a)),
            DataType::Int64 => Text::Owned(ints::<Int64Type>(a)),
            DataType::UInt8 => Text::Owned(ints::<UInt8Type>(a)),
            DataType::UInt16 => Text::Owned(ints::<UInt16Type>(a)),
            DataType::UInt32 => Text::Owned(ints::<UInt32Type>(a)),
            DataType::UInt64 => Text::Owned(ints::<UInt64Type>(a)),
            other => return Err(unsupported(column, other)),
        })
    }

    fn get(&self, i: usize) -> Option<&str> {
        match self {
            Text::Utf8(a) => (!a.is_null(i)).then(|| a.value(i)),
            Text::Large(a) => (!a.is_null(i)).then(|| a.value(i)),
            Text::View(a) => (!a.is_null(i)).then(|| a.value(i)),
            Text::Dict(values, keys) => keys[i].and_then(|k| {
                let k = k as usize;
                (k < values.len()).then(|| values.get(k)).flatten()
            }),
            Text::Owned(v) => v[i].as_deref(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::Large(a) => a.len(),
            Text::View(a) => a.len(),
            Text::Dict(_, keys) => keys.len(),
            Text::Owned(v) => v.len(),
        }
    }
}

/// An integer column as text (case ids and activities stored as numbers).
fn ints<T: arrow_array::ArrowPrimitiveType>(a: &ArrayRef) -> Vec<Option<String>>
where
    T::Native: std::fmt::Display,
{
    a.as_primitive::<T>()
        .iter()
        .map(|v| v.map(|v| v.to_string()))
        .collect()
}

fn unsupported(column: &str, t: &DataType) -> Error {
    Error::Options(format!(
        "column \"{column}\" has Arrow type {t}, which cannot be read here"
    ))
}

impl StrColumn for Text<'_> {
    fn len(&self) -> usize {
        Text::len(self)
    }
    fn get(&self, i: usize) -> Option<&str> {
        Text::get(self, i)
    }
    fn dictionary(&self) -> Option<(&dyn StrColumn, &[Option<u32>])> {
        match self {
            Text::Dict(values, keys) => Some((values.as_ref(), keys)),
            _ => None,
        }
    }
}

/// A timestamp column of an Arrow array.
enum Times<'a> {
    /// Integer instants with the factor to nanoseconds (Arrow timestamps and dates).
    Instant(&'a [i64], &'a ArrayRef, i64),
    Date32(&'a arrow_array::Date32Array),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Text(Text<'a>),
}

fn times<'a>(a: &'a ArrayRef, column: &str) -> Result<Times<'a>, Error> {
    macro_rules! ints {
        ($t:ty) => {
            Times::Int(
                a.as_primitive::<$t>()
                    .iter()
                    .map(|v| v.map(i64::from))
                    .collect(),
            )
        };
    }
    Ok(match a.data_type() {
        DataType::Timestamp(unit, _) => {
            let (values, factor): (&[i64], i64) = match unit {
                TimeUnit::Second => (
                    a.as_primitive::<TimestampSecondType>().values(),
                    1_000_000_000,
                ),
                TimeUnit::Millisecond => (
                    a.as_primitive::<TimestampMillisecondType>().values(),
                    1_000_000,
                ),
                TimeUnit::Microsecond => {
                    (a.as_primitive::<TimestampMicrosecondType>().values(), 1_000)
                }
                TimeUnit::Nanosecond => (a.as_primitive::<TimestampNanosecondType>().values(), 1),
            };
            Times::Instant(values, a, factor)
        }
        DataType::Date64 => Times::Instant(a.as_primitive::<Date64Type>().values(), a, 1_000_000),
        DataType::Date32 => Times::Date32(a.as_primitive::<Date32Type>()),
        DataType::Int64 => Times::Int(a.as_primitive::<Int64Type>().iter().collect()),
        DataType::Int32 => ints!(Int32Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::UInt32 => ints!(UInt32Type),
        DataType::UInt64 => Times::Int(
            a.as_primitive::<UInt64Type>()
                .iter()
                .map(|v| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX)))
                .collect(),
        ),
        DataType::Float64 => Times::Float(a.as_primitive::<Float64Type>().iter().collect()),
        DataType::Float32 => Times::Float(
            a.as_primitive::<Float32Type>()
                .iter()
                .map(|v| v.map(f64::from))
                .collect(),
        ),
        _ => Times::Text(Text::of(a, column)?),
    })
}

impl TimeColumn for Times<'_> {
    fn len(&self) -> usize {
        match self {
            Times::Instant(v, _, _) => v.len(),
            Times::Date32(a) => a.len(),
            Times::Int(v) => v.len(),
            Times::Float(v) => v.len(),
            Times::Text(t) => t.len(),
        }
    }

    fn time(&self, i: usize) -> Option<Time<'_>> {
        match self {
            Times::Instant(v, nulls, factor) => {
                if nulls.is_null(i) {
                    return None;
                }
                Some(match v[i].checked_mul(*factor) {
                    Some(n) => Time::Nanos(n),
                    None => Time::Epoch(f64::INFINITY),
                })
            }
            Times::Date32(a) => {
                (!a.is_null(i)).then(|| Time::Nanos(i64::from(a.value(i)) * 86_400_000_000_000))
            }
            Times::Int(v) => v[i].map(|x| match super::timestamps::from_epoch_int(x) {
                Ok(n) => Time::Nanos(n),
                Err(_) => Time::Epoch(x as f64 * 1e9),
            }),
            Times::Float(v) => v[i].map(Time::Epoch),
            Times::Text(t) => t.get(i).map(Time::Text),
        }
    }
}

/// A survey column of an Arrow array.
enum Numbers<'a> {
    Values(Vec<Option<f64>>),
    Text(Text<'a>),
}

fn numbers<'a>(a: &'a ArrayRef, column: &str) -> Result<Numbers<'a>, Error> {
    macro_rules! num {
        ($t:ty) => {
            Numbers::Values(
                a.as_primitive::<$t>()
                    .iter()
                    .map(|v| v.map(|x| x as f64))
                    .collect(),
            )
        };
    }
    Ok(match a.data_type() {
        DataType::Float64 => Numbers::Values(a.as_primitive::<Float64Type>().iter().collect()),
        DataType::Float32 => num!(Float32Type),
        DataType::Int8 => num!(Int8Type),
        DataType::Int16 => num!(Int16Type),
        DataType::Int32 => num!(Int32Type),
        DataType::Int64 => num!(Int64Type),
        DataType::UInt8 => num!(UInt8Type),
        DataType::UInt16 => num!(UInt16Type),
        DataType::UInt32 => num!(UInt32Type),
        DataType::UInt64 => num!(UInt64Type),
        DataType::Null => Numbers::Values(vec![None; a.len()]),
        _ => Numbers::Text(Text::of(a, column)?),
    })
}

impl NumColumn for Numbers<'_> {
    fn len(&self) -> usize {
        match self {
            Numbers::Values(v) => v.len(),
            Numbers::Text(t) => t.len(),
        }
    }
    fn value(&self, i: usize) -> Result<Option<f64>, String> {
        match self {
            Numbers::Values(v) => Ok(v[i]),
            Numbers::Text(t) => t
                .get(i)
                .map_or(Ok(None), |s| survey_number(s).map_err(str::to_owned)),
        }
    }
}

/// The column named `name` of a batch.
fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef, Error> {
    batch
        .column_by_name(name)
        .ok_or_else(|| Error::MissingColumn {
            column: name.to_owned(),
            available: batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl LogBuilder {
    /// Adds an Arrow record batch, reading the columns the builder's names ask for.
    pub fn push_batch(&mut self, batch: &RecordBatch) -> Result<(), Error> {
        let names: ColumnNames = self.names.clone();
        let case = Text::of(column(batch, &names.case)?, &names.case)?;
        let activity = Text::of(column(batch, &names.activity)?, &names.activity)?;
        let timestamp = times(column(batch, &names.timestamp)?, &names.timestamp)?;
        let channel = match &names.channel {
            Some(c) => Some(Text::of(column(batch, c)?, c)?),
            None => None,
        };
        let persona = match &names.persona {
            Some(c) => Some(Text::of(column(batch, c)?, c)?),
            None => None,
        };
        let metrics: Vec<Numbers<'_>> = names
            .metrics
            .iter()
            .map(|m| numbers(column(batch, &m.column)?, &m.column))
            .collect::<Result<_, _>>()?;
        let metric_refs: Vec<&dyn NumColumn> =
            metrics.iter().map(|m| m as &dyn NumColumn).collect();
        self.push_columns(Columns {
            case: &case,
            activity: &activity,
            timestamp: &timestamp,
            channel: channel.as_ref().map(|c| c as &dyn StrColumn),
            persona: persona.as_ref().map(|c| c as &dyn StrColumn),
            metrics: &metric_refs,
        })
    }
}

impl super::EventLog {
    /// Reads Arrow record batches (e.g. from a DataFrame's Arrow stream).
    pub fn from_batches<'b>(
        names: ColumnNames,
        batches: impl IntoIterator<Item = &'b RecordBatch>,
    ) -> Result<Self, Error> {
        let mut b = LogBuilder::new(names)?;
        for batch in batches {
            b.push_batch(batch)?;
        }
        Ok(b.finish())
    }
}
