//! Timestamps of event logs: ISO 8601 text and Unix epoch numbers, to nanoseconds since the Unix
//! epoch (UTC) in an `i64`, which covers 1677-09-21 to 2262-04-11.
//!
//! Accepted text:
//! - ISO 8601 / RFC 3339: `2026-03-01`, `2026-03-01T09:30`, `2026-03-01 09:30:15`,
//!   `2026-03-01T09:30:15.123456789Z`, `2026-03-01T09:30:15+02:00` (also `+0200`, `+02`). Date
//!   and time are separated by `T`, `t` or one space; the fraction has 1 to 9 digits (`.` or `,`);
//!   the offset is `Z`, `z` or `±HH[:MM]`. A time without offset is read as UTC.
//! - Unix epoch numbers: an optional sign, digits and an optional fraction. A number whose
//!   absolute value is below 10^11 is seconds (10^11 s is the year 5138); from 10^11 on it is
//!   milliseconds (10^11 ms is 1973-03-03). So milliseconds before March 1973 would be read as
//!   seconds; microseconds and nanoseconds fall outside the range and are rejected, never misread.
//!
//! The same rule applies to numbers that are not text (Arrow integer and float columns).

use std::fmt;

/// Nanoseconds per second.
const NANOS: i64 = 1_000_000_000;

/// Numbers whose absolute value is at least this are epoch milliseconds; below, seconds.
pub const MILLIS_FROM: f64 = 1e11;

/// Why a timestamp cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampError {
    /// Empty text.
    Empty,
    /// Neither ISO 8601 nor an epoch number.
    Syntax,
    /// A field is out of range (month 13, hour 25, February 30, offset +25:00).
    Field,
    /// Outside 1677-09-21 .. 2262-04-11 (or not finite).
    Range,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimestampError::Empty => "empty timestamp",
            TimestampError::Syntax => {
                "not ISO 8601 (YYYY-MM-DD[Thh:mm[:ss[.f]]][Z|±hh:mm]) nor Unix epoch seconds or milliseconds"
            }
            TimestampError::Field => "a date or time field is out of range",
            TimestampError::Range => "outside the years 1677 to 2262",
        })
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses a timestamp (see the module documentation) to nanoseconds since the Unix epoch.
pub fn parse(text: &str) -> Result<i64, TimestampError> {
    // Epoch numbers written as plain digits, the usual form in exported logs, in one pass.
    if let Some(whole) = plain_digits(text.as_bytes()) {
        return epoch_nanos(whole, &[]);
    }
    let t = text.trim_matches(|c: char| c == ' ' || c == '\t');
    if t.is_empty() {
        return Err(TimestampError::Empty);
    }
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[..4].iter().all(u8::is_ascii_digit) {
        return iso(b);
    }
    epoch_text(b)
}

/// Reads `n` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Result<u32, TimestampError> {
    let s = b.get(at..at + n).ok_or(TimestampError::Syntax)?;
    let mut v = 0u32;
    for &c in s {
        if !c.is_ascii_digit() {
            return Err(TimestampError::Syntax);
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Ok(v)
}

fn iso(b: &[u8]) -> Result<i64, TimestampError> {
    let year = i64::from(digits(b, 0, 4)?);
    if b.get(7) != Some(&b'-') {
        return Err(TimestampError::Syntax);
    }
    let (month, day) = (digits(b, 5, 2)?, digits(b, 8, 2)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(TimestampError::Field);
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut nanos = 0i64;
    let mut at = 10;
    if at < b.len() && matches!(b[at], b'T' | b't' | b' ') && at + 1 < b.len() {
        at += 1;
        let hour = digits(b, at, 2)?;
        if b.get(at + 2) != Some(&b':') {
            return Err(TimestampError::Syntax);
        }
        let minute = digits(b, at + 3, 2)?;
        at += 5;
        let mut second = 0;
        if b.get(at) == Some(&b':') {
            second = digits(b, at + 1, 2)?;
            at += 3;
            if matches!(b.get(at), Some(b'.' | b',')) {
                at += 1;
                let start = at;
                while at < b.len() && b[at].is_ascii_digit() {
                    at += 1;
                }
                let n = at - start;
                if n == 0 || n > 9 {
                    return Err(TimestampError::Syntax);
                }
                let f = i64::from(digits(b, start, n)?);
                nanos = f * 10i64.pow(9 - n as u32);
            }
        }
        // 24:00:00 is the end of the day (ISO 8601); a leap second is not representable.
        let end_of_day = hour == 24 && minute == 0 && second == 0 && nanos == 0;
        if (hour > 23 && !end_of_day) || minute > 59 || second > 59 {
            return Err(TimestampError::Field);
        }
        seconds += i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
        seconds -= offset(&b[at..])?;
    } else if at != b.len() {
        return Err(TimestampError::Syntax);
    }
    i64::try_from(i128::from(seconds) * i128::from(NANOS) + i128::from(nanos))
        .map_err(|_| TimestampError::Range)
}

/// The UTC offset in seconds of what follows the time: nothing, `Z`, `±HH`, `±HHMM`, `±HH:MM`.
fn offset(b: &[u8]) -> Result<i64, TimestampError> {
    let sign = match b.first() {
        None => return Ok(0),
        Some(b'Z' | b'z') if b.len() == 1 => return Ok(0),
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(TimestampError::Syntax),
    };
    let hours = digits(b, 1, 2)?;
    let minutes = match b.len() {
        3 => 0,
        5 => digits(b, 3, 2)?,
        6 if b[3] == b':' => digits(b, 4, 2)?,
        _ => return Err(TimestampError::Syntax),
    };
    if hours > 23 || minutes > 59 {
        return Err(TimestampError::Field);
    }
    Ok(sign * (i64::from(hours) * 3600 + i64::from(minutes) * 60))
}

/// An epoch number written as text: `[+-]digits[.digits]`.
fn epoch_text(b: &[u8]) -> Result<i64, TimestampError> {
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let point = rest.iter().position(|&c| c == b'.');
    let (int, frac) = match point {
        Some(p) => (&rest[..p], &rest[p + 1..]),
        None => (rest, &[][..]),
    };
    if int.is_empty() || !int.iter().all(u8::is_ascii_digit) || !frac.iter().all(u8::is_ascii_digit)
    {
        return Err(TimestampError::Syntax);
    }
    if point.is_some() && frac.is_empty() {
        return Err(TimestampError::Syntax);
    }
    // Integers are read exactly; anything too long to be in range is out of range.
    let int = &int[int.iter().position(|&c| c != b'0').unwrap_or(int.len())..];
    if int.len() > 18 {
        return Err(TimestampError::Range);
    }
    let mut whole: i64 = 0;
    for &c in int {
        whole = whole * 10 + i64::from(c - b'0');
    }
    let magnitude = epoch_nanos(whole, frac)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// The value of 1 to 18 ASCII digits (`None` for anything else).
fn plain_digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    let mut whole: i64 = 0;
    for &c in b {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        whole = whole * 10 + i64::from(d);
    }
    Some(whole)
}

/// Nanoseconds of a nonnegative epoch number given by its integer part and the digits of its
/// fraction: seconds below [`MILLIS_FROM`], milliseconds from there.
fn epoch_nanos(whole: i64, frac: &[u8]) -> Result<i64, TimestampError> {
    let millis = whole as f64 >= MILLIS_FROM;
    // Nanoseconds from the fraction: of a second, or of a millisecond.
    let scale_digits: usize = if millis { 6 } else { 9 };
    let mut frac_nanos: i64 = 0;
    if !frac.is_empty() {
        for k in 0..scale_digits {
            frac_nanos = frac_nanos * 10 + frac.get(k).map_or(0, |&c| i64::from(c - b'0'));
        }
    }
    let unit = if millis { 1_000_000 } else { NANOS };
    whole
        .checked_mul(unit)
        .and_then(|v| v.checked_add(frac_nanos))
        .ok_or(TimestampError::Range)
}

/// An epoch number (seconds below 10^11 in absolute value, milliseconds from there) to
/// nanoseconds. Fractions are kept to the nanosecond as far as an `f64` holds them.
pub fn from_epoch(value: f64) -> Result<i64, TimestampError> {
    if !value.is_finite() {
        return Err(TimestampError::Range);
    }
    let nanos = if value.abs() >= MILLIS_FROM {
        value * 1e6
    } else {
        value * 1e9
    };
    // `i64::MAX as f64` rounds up to 2^63, so the bound is exclusive.
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&nanos) {
        return Err(TimestampError::Range);
    }
    Ok(nanos.round() as i64)
}

/// An epoch integer (seconds below 10^11 in absolute value, milliseconds from there) to
/// nanoseconds, exactly.
pub fn from_epoch_int(value: i64) -> Result<i64, TimestampError> {
    let unit = if value.unsigned_abs() as f64 >= MILLIS_FROM {
        1_000_000
    } else {
        NANOS
    };
    value.checked_mul(unit).ok_or(TimestampError::Range)
}

/// A timestamp as RFC 3339 text in UTC, with the fraction only when there is one:
/// `2026-03-01T09:30:15Z`, `2026-03-01T09:30:15.5Z`.
pub fn format(nanos: i64) -> String {
    let seconds = nanos.div_euclid(NANOS);
    let frac = nanos.rem_euclid(NANOS);
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let mut out = format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}");
    if frac != 0 {
        let f = format!("{frac:09}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out.push('Z');
    out
}

/// The date part of [`format`]: `2026-03-01`.
pub fn format_date(nanos: i64) -> String {
    let (y, m, d) = civil_from_days(nanos.div_euclid(NANOS).div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const S: i64 = NANOS;

    #[test]
    fn iso_forms() {
        let base = 1_772_357_400 * S; // 2026-03-01T09:30:00Z
        assert_eq!(parse("2026-03-01T09:30:00Z").unwrap(), base);
        assert_eq!(parse("2026-03-01 09:30:00").unwrap(), base);
        assert_eq!(parse("2026-03-01T09:30").unwrap(), base);
        assert_eq!(parse("2026-03-01t09:30z").unwrap(), base);
        assert_eq!(parse("2026-03-01T11:30:00+02:00").unwrap(), base);
        assert_eq!(parse("2026-03-01T11:30:00+0200").unwrap(), base);
        assert_eq!(parse("2026-03-01T11:30:00+02").unwrap(), base);
        assert_eq!(parse("2026-03-01T08:30:00-01:00").unwrap(), base);
        assert_eq!(parse("2026-03-01T09:30:00.5Z").unwrap(), base + S / 2);
        assert_eq!(
            parse("2026-03-01T09:30:00,123456789").unwrap(),
            base + 123_456_789
        );
        assert_eq!(parse("2026-03-01").unwrap(), base - (9 * 3600 + 1800) * S);
        assert_eq!(
            parse("2026-03-01T24:00:00").unwrap(),
            parse("2026-03-02").unwrap()
        );
        assert_eq!(parse("1970-01-01T00:00:00Z").unwrap(), 0);
        assert_eq!(parse("1969-12-31T23:59:59Z").unwrap(), -S);
        assert_eq!(parse("  2026-03-01T09:30:00Z ").unwrap(), base);
    }

    #[test]
    fn iso_errors() {
        assert_eq!(parse(""), Err(TimestampError::Empty));
        assert_eq!(parse("2026-13-01"), Err(TimestampError::Field));
        assert_eq!(parse("2026-02-29"), Err(TimestampError::Field));
        assert!(parse("2024-02-29").is_ok());
        assert_eq!(parse("2026-03-01T25:00"), Err(TimestampError::Field));
        assert_eq!(parse("2026-03-01T09:60"), Err(TimestampError::Field));
        assert_eq!(
            parse("2026-03-01T09:30:00+25:00"),
            Err(TimestampError::Field)
        );
        assert_eq!(parse("2026-03-01T09"), Err(TimestampError::Syntax));
        assert_eq!(parse("2026-03-01T09:30:00.Z"), Err(TimestampError::Syntax));
        assert_eq!(
            parse("2026-03-01T09:30:00.1234567890"),
            Err(TimestampError::Syntax)
        );
        assert_eq!(parse("2026-03-01X"), Err(TimestampError::Syntax));
        assert_eq!(parse("yesterday"), Err(TimestampError::Syntax));
        assert_eq!(parse("2263-01-01"), Err(TimestampError::Range));
        assert_eq!(parse("1600-01-01"), Err(TimestampError::Range));
    }

    #[test]
    fn epochs() {
        assert_eq!(parse("1772357400").unwrap(), 1_772_357_400 * S);
        assert_eq!(parse("1772357400.25").unwrap(), 1_772_357_400 * S + S / 4);
        assert_eq!(parse("1772357400000").unwrap(), 1_772_357_400 * S);
        assert_eq!(
            parse("1772357400000.5").unwrap(),
            1_772_357_400 * S + 500_000
        );
        assert_eq!(parse("-86400").unwrap(), -86_400 * S);
        assert_eq!(parse("0").unwrap(), 0);
        // 99,999,999,999 is seconds (year 5138): out of range, never misread.
        assert_eq!(parse("99999999999"), Err(TimestampError::Range));
        assert_eq!(parse("100000000000").unwrap(), 100_000_000 * S);
        // Microseconds and nanoseconds are out of range.
        assert_eq!(parse("1772357400000000"), Err(TimestampError::Range));
        assert_eq!(parse("1772357400000000000"), Err(TimestampError::Range));
        assert_eq!(parse("12."), Err(TimestampError::Syntax));
        assert_eq!(parse("1e9"), Err(TimestampError::Syntax));
        assert_eq!(from_epoch(1_772_357_400.0).unwrap(), 1_772_357_400 * S);
        assert_eq!(from_epoch(1_772_357_400_000.0).unwrap(), 1_772_357_400 * S);
        assert_eq!(from_epoch(f64::NAN), Err(TimestampError::Range));
        assert_eq!(
            from_epoch_int(1_772_357_400_000).unwrap(),
            1_772_357_400 * S
        );
        assert_eq!(from_epoch_int(i64::MAX), Err(TimestampError::Range));
    }

    #[test]
    fn formatting_round_trips() {
        for t in [
            "2026-03-01T09:30:00Z",
            "1970-01-01T00:00:00Z",
            "1969-07-20T20:17:40.5Z",
            "2262-04-11T00:00:00.000000001Z",
            "1677-09-22T00:00:00Z",
        ] {
            assert_eq!(format(parse(t).unwrap()), t);
        }
        assert_eq!(
            format_date(parse("2026-03-01T23:59:59Z").unwrap()),
            "2026-03-01"
        );
        for days in [-200_000, -1, 0, 1, 59, 365, 20_000, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
