//! The flow view as a reader sees it: drop-off labels clear of the moves, moves beside a column
//! apart from each other, the legend's wording.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::pictures;

use journeymap::render::{self, SvgOptions, View};
use journeymap::score::ScoringConfig;

fn bank_to_be_flow() -> String {
    let map =
        journeymap::io::from_path(common::root().join("examples/bank-personal-loan.to-be.json"))
            .unwrap();
    let options = SvgOptions {
        view: View::Flow,
        all_personas: true,
        ..SvgOptions::default()
    };
    render::svg(&map, &ScoringConfig::default(), &options).unwrap()
}

/// A move as drawn: title, stroke width, points along its path.
type Drawn = (String, f64, Vec<(f64, f64)>);

/// The moves: title, stroke width and points along the path (`M`, `C` and `H` commands).
fn moves(svg: &str) -> Vec<Drawn> {
    let mut out = Vec::new();
    for part in svg.split("<g><title>").skip(1) {
        let title = part.split("</title>").next().unwrap().to_owned();
        if !title.ends_with("moves per 100 customers") {
            continue;
        }
        let Some(d) = part
            .split("<path d=\"")
            .nth(1)
            .map(|p| p.split('"').next().unwrap())
        else {
            continue;
        };
        let width: f64 = part
            .split("stroke-width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let mut points: Vec<(f64, f64)> = Vec::new();
        let num = |s: &str| -> f64 { s.parse().unwrap_or_else(|e| panic!("{e}: {d}")) };
        let pair = |s: &str| {
            let (x, y) = s.split_once(',').unwrap();
            (num(x), num(y))
        };
        let mut tokens = d.split(' ');
        while let Some(t) = tokens.next() {
            if let Some(p) = t.strip_prefix('M') {
                points.push(pair(p));
            } else if let Some(x) = t.strip_prefix('H') {
                let (x0, y) = *points.last().unwrap();
                let x1 = num(x);
                points.extend((0..=20).map(|k| (x0 + (x1 - x0) * f64::from(k) / 20.0, y)));
            } else if let Some(c1) = t.strip_prefix('C') {
                let p0 = *points.last().unwrap();
                let (c1, c2, p1) = (
                    pair(c1),
                    pair(tokens.next().unwrap()),
                    pair(tokens.next().unwrap()),
                );
                points.extend((0..=40).map(|k| {
                    let t = f64::from(k) / 40.0;
                    let u = 1.0 - t;
                    let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                    (
                        a * p0.0 + b * c1.0 + c * c2.0 + e * p1.0,
                        a * p0.1 + b * c1.1 + c * c2.1 + e * p1.1,
                    )
                }));
            }
        }
        out.push((title, width, points));
    }
    out
}

#[test]
fn drop_off_labels_stay_off_the_moves() {
    let svg = bank_to_be_flow();
    let tree = pictures::parse(&svg);
    let labels: Vec<_> = pictures::texts(&tree)
        .into_iter()
        .filter(|(t, _)| t.starts_with('\u{2212}'))
        .collect();
    assert!(labels.len() >= 2, "{labels:?}");
    let moves = moves(&svg);
    assert!(moves.len() > 20);
    for (text, b) in &labels {
        for (title, width, points) in &moves {
            let h = width / 2.0 - 1.0;
            let on = points.iter().any(|&(x, y)| {
                x > f64::from(b.left()) - h
                    && x < f64::from(b.right()) + h
                    && y > f64::from(b.top()) - h
                    && y < f64::from(b.bottom()) + h
            });
            assert!(!on, "the drop-off label {text} lies on the move {title}");
        }
    }
}

#[test]
fn moves_beside_a_column_do_not_overlap() {
    let svg = bank_to_be_flow();
    let moves = moves(&svg);
    let find = |from: &str, to: &str| {
        moves
            .iter()
            .find(|(t, _, _)| t.starts_with(&format!("{from} \u{2192} {to}:")))
            .unwrap_or_else(|| panic!("no move {from} → {to}"))
    };
    // A loop and a longer move down the same side of the Decision column.
    let inner = find(
        "Gets an instant pre-approval",
        "Follows the application status",
    );
    let outer = find(
        "Follows the application status",
        "Hears the decision by phone",
    );
    let reach = |p: &[(f64, f64)]| p.iter().map(|q| q.0).fold(f64::INFINITY, f64::min);
    let gap = reach(&inner.2) - reach(&outer.2);
    assert!(
        gap >= (inner.1 + outer.1) / 2.0,
        "the loop ({}) and the move around it ({}) overlap: {gap}",
        inner.1,
        outer.1
    );
}

#[test]
fn the_legend_says_moves_per_100_customers() {
    let svg = bank_to_be_flow();
    assert!(
        svg.contains("thickest: 57 moves per 100 customers"),
        "{}",
        svg.split("width = ")
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("")
    );
    assert!(!svg.contains("(thickest"));
}

#[test]
fn a_flow_view_drawn_with_the_scores_of_another_map_builds_its_own_chains() {
    let read = |name: &str| journeymap::io::from_path(common::root().join(name)).unwrap();
    let as_is = read("examples/bank-personal-loan.as-is.json");
    let to_be = read("examples/bank-personal-loan.to-be.json");
    let options = render::Options::default();
    let scores = to_be.score(&ScoringConfig::default());
    for personas in [render::Personas::First, render::Personas::All] {
        let own = render::flow_svg(&to_be, &scores, &personas, &options).unwrap();
        assert_eq!(
            own,
            render::flow_svg(&to_be, &scores.clone(), &personas, &options).unwrap()
        );
        let other = render::flow_svg(&as_is, &scores, &personas, &options).unwrap();
        pictures::parse(&other);
    }
}

/// The percentages on the moves and drop-offs of a flow view: text that is a number and `%`,
/// in the small type of the labels (the key figures of the header are larger).
fn move_labels(tree: &resvg::usvg::Tree) -> Vec<(String, resvg::usvg::Rect)> {
    pictures::texts(tree)
        .into_iter()
        .filter(|(t, b)| {
            let digits = t.trim_start_matches('\u{2212}').trim_end_matches('%');
            t.ends_with('%')
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
                && b.height() < 16.0
        })
        .collect()
}

#[test]
fn labels_on_the_moves_keep_apart_in_every_example() {
    let dir = common::root().join("testdata/render");
    let mut pictures_seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(".flow.") || !name.ends_with(".svg") {
            continue;
        }
        pictures_seen += 1;
        let svg = std::fs::read_to_string(&path).unwrap();
        let labels = move_labels(&pictures::parse(&svg));
        assert!(labels.len() >= 5, "{name}: {labels:?}");
        for (i, (ta, a)) in labels.iter().enumerate() {
            for (tb, b) in &labels[i + 1..] {
                // The gap between the two boxes: the larger of the horizontal and the vertical.
                let dx = a.left().max(b.left()) - a.right().min(b.right());
                let dy = a.top().max(b.top()) - a.bottom().min(b.bottom());
                let gap = dx.max(dy);
                assert!(
                    gap >= 2.5,
                    "{name}: the labels {ta} and {tb} are {gap} px apart"
                );
            }
        }
    }
    assert!(pictures_seen >= 10, "{pictures_seen} flow views");
}
