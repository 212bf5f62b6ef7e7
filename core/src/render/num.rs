//! Numbers written into pictures without allocating and without the float formatter's slow
//! path: coordinates with one decimal ([`Num`]) and fixed decimals ([`Fixed`]). Both write the
//! same bytes as `format!` would (the tests compare them on many values); integers are written
//! through the integer formatter, and the rare value that sits on a rounding tie goes to the
//! float formatter.

use std::fmt;

/// A coordinate with one decimal, without a trailing `.0` (`-0` and non-finite values are 0),
/// so that the same picture is the same bytes everywhere: the value rounded with
/// `(v * 10).round() / 10`, then written with `{:.0}` or `{:.1}`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num(pub f64);

/// `x` rounded half away from zero, as `f64::round` does, for `|x| < 2^52`, without a call
/// into the maths library.
fn round_small(x: f64) -> i64 {
    let a = x.abs();
    let whole = a as i64;
    // Exact: `a` and its whole part share their exponent's grid.
    let rest = a - whole as f64;
    let r = whole + i64::from(rest >= 0.5);
    if x < 0.0 { -r } else { r }
}

/// A number's text, built on the stack.
struct Digits {
    bytes: [u8; 32],
    len: usize,
}

impl Digits {
    fn new() -> Self {
        Self {
            bytes: [0; 32],
            len: 0,
        }
    }

    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Appends `v` in decimal, at least `width` digits (zeros in front).
    fn int(&mut self, mut v: u64, width: usize) {
        let mut rev = [0u8; 20];
        let mut n = 0;
        while n < 20 && (v > 0 || n < width.max(1)) {
            rev[n] = b'0' + (v % 10) as u8;
            v /= 10;
            n += 1;
        }
        for &b in rev[..n].iter().rev() {
            self.byte(b);
        }
    }

    fn push_to(&self, out: &mut String) {
        out.reserve(self.len);
        for &b in self.bytes.get(..self.len).unwrap_or(&[]) {
            out.push(char::from(b));
        }
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, signs and points are written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("0")
    }
}

impl Num {
    /// The number's text, or `None` for a number too large to write this way.
    fn digits(self) -> Option<Digits> {
        let scaled = self.0 * 10.0;
        let mut d = Digits::new();
        if !scaled.is_finite() {
            d.byte(b'0');
            return Some(d);
        }
        if scaled.abs() >= 1e14 {
            return None;
        }
        // `tenths / 10` is within far less than 0.05 of the decimal it stands for, so `{:.1}`
        // writes exactly these digits.
        let tenths = round_small(scaled);
        if tenths < 0 {
            d.byte(b'-');
        }
        let k = tenths.unsigned_abs();
        d.int(k / 10, 1);
        if k % 10 != 0 {
            d.byte(b'.');
            d.byte(b'0' + (k % 10) as u8);
        }
        Some(d)
    }

    /// Appends the number to `out`.
    pub(crate) fn push(self, out: &mut String) {
        let scaled = self.0 * 10.0;
        if !scaled.is_finite() {
            out.push('0');
            return;
        }
        if scaled.abs() >= 1e14 {
            use std::fmt::Write;
            let _ = write!(out, "{self}");
            return;
        }
        let tenths = round_small(scaled);
        // Digits from the right: at most 14, a point, a tenth and a sign.
        let mut buf = [b'0'; 20];
        let mut at = buf.len();
        let k = tenths.unsigned_abs();
        if k % 10 != 0 {
            at -= 1;
            buf[at] = b'0' + (k % 10) as u8;
            at -= 1;
            buf[at] = b'.';
        }
        let mut whole = k / 10;
        loop {
            at -= 1;
            buf[at] = b'0' + (whole % 10) as u8;
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if tenths < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        out.reserve(buf.len() - at);
        for &b in &buf[at..] {
            out.push(char::from(b));
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.digits() {
            return f.write_str(d.as_str());
        }
        let r = (self.0 * 10.0).round() / 10.0;
        if r.fract() == 0.0 {
            write!(f, "{r:.0}")
        } else {
            write!(f, "{r:.1}")
        }
    }
}

/// `v` with `decimals` decimals (at most 3), as `format!("{v:.decimals$}")` writes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fixed(pub f64, pub usize);

impl Fixed {
    /// The number's text, or `None` where the float formatter must decide (a value on or near
    /// a rounding tie, too large, not finite).
    fn digits(self) -> Option<Digits> {
        let Fixed(v, decimals) = self;
        let scale = [1u64, 10, 100, 1000].get(decimals).copied()?;
        let q = v * scale as f64;
        if !q.is_finite() || q.abs() >= 1e9 {
            return None;
        }
        // Exactly: `q` is the product rounded once, so away from a tie (x.5) its rounding is
        // the rounding of the exact decimal that `{:.N}` performs; near one, ask the formatter.
        let a = q.abs();
        let frac = a - (a as u64) as f64;
        if (frac - 0.5).abs() < 1e-6 {
            return None;
        }
        let k = round_small(q).unsigned_abs();
        let mut d = Digits::new();
        if v.is_sign_negative() {
            d.byte(b'-');
        }
        d.int(k / scale, 1);
        if decimals > 0 {
            d.byte(b'.');
            d.int(k % scale, decimals);
        }
        Some(d)
    }

    /// Appends the number to `out`.
    pub(crate) fn push(self, out: &mut String) {
        match self.digits() {
            Some(d) => d.push_to(out),
            None => {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(d) => f.write_str(d.as_str()),
            None => {
                let Fixed(v, decimals) = *self;
                write!(f, "{v:.decimals$}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `Num` must match.
    fn reference(v: f64) -> String {
        if !v.is_finite() {
            return "0".to_owned();
        }
        let r = (v * 10.0).round() / 10.0;
        if r == 0.0 {
            return "0".to_owned();
        }
        if r.fract() == 0.0 {
            format!("{r:.0}")
        } else {
            format!("{r:.1}")
        }
    }

    fn values() -> Vec<f64> {
        let mut out = vec![
            0.0,
            -0.0,
            0.04,
            -0.04,
            0.05,
            -0.05,
            0.25,
            2.25,
            2.35,
            -3.5,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            99.95,
            9.995,
            1e13,
            -1e13,
            1e16,
            123_456.75,
            f64::NAN,
            f64::INFINITY,
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for k in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let magnitude = [1.0, 10.0, 100.0, 2000.0, 0.01][k % 5];
            out.push((unit * 2.0 - 1.0) * magnitude);
            // Decimals that land on ties or near them.
            out.push(f64::from(k as u32 % 40_000) / 8.0 - 2500.0);
            out.push(f64::from(k as u32 % 40_000) / 1000.0 - 20.0);
        }
        out
    }

    #[test]
    fn rounding_is_the_maths_library_s() {
        for v in values().into_iter().filter(|v| v.abs() < 1e13) {
            for x in [v, v * 10.0, v * 1000.0, v + 0.5, -v - 0.5] {
                assert_eq!(round_small(x), x.round() as i64, "{x:e}");
            }
        }
        for x in [
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            2.5,
            -2.5,
            4_503_599_627_370_495.5,
        ] {
            assert_eq!(round_small(x), x.round() as i64, "{x:e}");
        }
    }

    #[test]
    fn num_writes_what_the_float_formatter_writes() {
        for v in values() {
            assert_eq!(Num(v).to_string(), reference(v), "{v:e}");
            let mut pushed = String::from("x");
            Num(v).push(&mut pushed);
            assert_eq!(pushed[1..], reference(v), "{v:e}");
        }
    }

    #[test]
    fn fixed_writes_what_the_float_formatter_writes() {
        for v in values() {
            for d in 0..=4 {
                assert_eq!(Fixed(v, d).to_string(), format!("{v:.d$}"), "{v:e} {d}");
                let mut pushed = String::from("x");
                Fixed(v, d).push(&mut pushed);
                assert_eq!(pushed[1..], format!("{v:.d$}"), "{v:e} {d}");
            }
        }
    }
}
