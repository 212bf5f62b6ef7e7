//! Smooth lines through points: monotone cubic interpolation (Fritsch & Carlson 1980), which
//! never overshoots the points, so a curve does not suggest an emotion nobody measured.

use std::fmt::Write;

use super::svg::n;

/// Slope at each point: the harmonic mean of the neighbouring secants where they agree in
/// sign, 0 at a local extremum; one-sided at the ends.
fn slopes(points: &[(f64, f64)]) -> Vec<f64> {
    let k = points.len();
    let secant: Vec<f64> = points
        .windows(2)
        .map(|w| {
            let dx = w[1].0 - w[0].0;
            if dx.abs() < 1e-9 {
                0.0
            } else {
                (w[1].1 - w[0].1) / dx
            }
        })
        .collect();
    (0..k)
        .map(|i| {
            if k < 2 {
                0.0
            } else if i == 0 {
                secant[0]
            } else if i == k - 1 {
                secant[k - 2]
            } else {
                let (a, b) = (secant[i - 1], secant[i]);
                if a * b <= 0.0 {
                    0.0
                } else {
                    2.0 * a * b / (a + b)
                }
            }
        })
        .collect()
}

/// The path data (`d`) of a smooth line through `points`. Where x does not increase (a journey
/// that goes back), the segment is straight.
pub(crate) fn smooth_path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", n(x0), n(y0));
    let m = slopes(points);
    for i in 1..points.len() {
        let (xa, ya) = points[i - 1];
        let (xb, yb) = points[i];
        let dx = xb - xa;
        if dx <= 1e-9 {
            let _ = write!(d, " L{},{}", n(xb), n(yb));
            continue;
        }
        let (c1x, c1y) = (xa + dx / 3.0, ya + m[i - 1] * dx / 3.0);
        let (c2x, c2y) = (xb - dx / 3.0, yb - m[i] * dx / 3.0);
        let _ = write!(
            d,
            " C{},{} {},{} {},{}",
            n(c1x),
            n(c1y),
            n(c2x),
            n(c2y),
            n(xb),
            n(yb)
        );
    }
    d
}

/// The point at parameter `t` of the cubic Bézier `p0 c1 c2 p1`.
pub(crate) fn bezier(
    p0: (f64, f64),
    c1: (f64, f64),
    c2: (f64, f64),
    p1: (f64, f64),
    t: f64,
) -> (f64, f64) {
    let u = 1.0 - t;
    let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * c1.0 + c * c2.0 + e * p1.0,
        a * p0.1 + b * c1.1 + c * c2.1 + e * p1.1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn does_not_overshoot_a_flat_step() {
        // Flat then up: the slope at the flat point is 0, so the curve stays at or above it.
        let m = slopes(&[(0.0, 10.0), (10.0, 10.0), (20.0, 0.0)]);
        assert_eq!(m[1], 0.0);
        assert!(smooth_path(&[(0.0, 1.0), (10.0, 2.0)]).starts_with("M0,1 C"));
        assert_eq!(smooth_path(&[]), "");
    }
}
