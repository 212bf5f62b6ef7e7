//! Labels of the flow view: the share of each drop-off beside its leak, clear of the moves
//! that pass there, and the moves per 100 customers on the largest moves.

use super::curve::bezier;
use super::flow_canvas::{Ctx, Rect, Segment};
use super::flow_space::{Curves, NO_MOVE, Taken};
use super::frame::{Pct, pct};
use super::svg::{Anchor, Label};
use super::text::Font;
use super::theme::{BAD, INK};

/// Labels on at most this many moves, the largest first.
const MOVE_LABELS: usize = 60;
/// Moves under this flow per customer get no label.
const LABELLED: f64 = 0.03;

/// The label of a drop-off whose leak (curve `leak`) ends at the right of its box: beside the
/// arrow, or above, below or left of it, wherever it covers no move, arrowhead, box, mark or
/// label (keeping a little room from the last three), else in the box's corner over the leak
/// (the place that crosses the fewest moves when none is free). Adds its box to `taken`. Drawn
/// after the boxes.
pub(super) fn leak_label(
    out: &mut String,
    leak: &Segment,
    f: f64,
    taken: &mut Taken,
    curves: &mut Curves,
) {
    let font = Font::bold(10.0);
    let text = format!("\u{2212}{}", Pct(f));
    let w = font.width(&text).min(60.0) + 4.0;
    let (x, y) = leak[0];
    // Left and top of each place, in order of preference.
    let places = [
        (x + 38.0, y + 10.0),
        (x + 38.0, y + 1.0),
        (x + 38.0, y + 21.0),
        (x - 4.0 - w, y + 2.0),
        (x + 38.0, y - 14.0),
        (x + 38.0, y + 32.0),
        (x - 4.0 - w, y + 20.0),
        (x + 38.0, y - 28.0),
    ];
    // Last, inside the box's bottom right corner, over the leak's start (the box is drawn
    // before the label, and nothing else is drawn there).
    let inside = (x + 22.0 - w, y - 17.0);
    let mut best: Option<(usize, Rect)> = None;
    for (left, top) in places.into_iter().chain([inside]) {
        let r = (left, top, w, 14.0);
        if (left, top) != inside && taken.hits_with_room(&r, &roomy(&r)) {
            continue;
        }
        let crossing = curves.crossing(&r, NO_MOVE, best.map_or(usize::MAX, |(c, _)| c));
        if best.is_none_or(|(c, _)| crossing < c) {
            best = Some((crossing, r));
        }
        if crossing == 0 {
            break;
        }
    }
    let r = best.map_or((x + 38.0, y + 10.0, w, 14.0), |(_, r)| r);
    Label::new(&text, font, 60.0)
        .fill(BAD)
        .halo()
        .draw(out, r.0 + 2.0, r.1 + 10.0);
    taken.insert(r);
}

/// Where a move's label may go: on its longest segment, or beside it for a move beside its
/// column (`side` -1 to the left, 1 to the right, 0 for the others).
#[derive(Debug, Clone, Copy)]
pub(super) struct Spot {
    pub k: usize,
    pub segment: Segment,
    pub side: f64,
}

/// Where along a move's longest segment its label may go, in order of preference: the
/// middle, then further out both ways.
const ALONG: [f64; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];

/// Labels of the largest moves on their longest segment: where the label covers no box, mark,
/// other label (with a little room around it) and crosses the fewest other moves,
/// the middle first; a move beside its column may also have it just outside its bend. Left out
/// where there is no such place.
pub(super) fn edge_labels(
    ctx: &Ctx<'_>,
    out: &mut String,
    spots: &[Spot],
    taken: &mut Taken,
    curves: &mut Curves,
) {
    let font = Font::bold(10.5);
    let mut order: Vec<&Spot> = spots.iter().collect();
    order.sort_by(|a, b| {
        ctx.flow.edges[b.k]
            .flow
            .total_cmp(&ctx.flow.edges[a.k].flow)
            .then(a.k.cmp(&b.k))
    });
    for spot in order.into_iter().take(MOVE_LABELS) {
        let f = ctx.flow.edges[spot.k].flow;
        if f < LABELLED {
            break;
        }
        let text = pct(f);
        let w = font.width(&text) + 4.0;
        let p = spot.segment;
        let outside = spot.side * (ctx.edge_width(spot.k) / 2.0 + 3.0 + w / 2.0);
        let beside = [(0.5, outside), (0.35, outside), (0.65, outside)];
        let candidates = ALONG
            .into_iter()
            .map(|t| (t, 0.0))
            .chain(beside.into_iter().filter(|_| spot.side != 0.0))
            .map(|(t, dx)| {
                let (x, y) = bezier(p[0], p[1], p[2], p[3], t);
                (x + dx, y, (x + dx - w / 2.0, y - 10.0, w, 14.0))
            });
        let clear = f < CLEAR_ONLY;
        let Some((x, y, bx)) = least_crossing(candidates, taken, curves, spot.k as u32, clear)
        else {
            continue;
        };
        taken.insert(bx);
        Label::new(&text, font, 60.0)
            .fill(INK)
            .anchor(Anchor::Middle)
            .halo()
            .draw(out, x, y + 1.0);
    }
}

/// Room kept free around a label: to the side, and above and below.
const ROOM: (f64, f64) = (4.0, 1.5);

/// `r` with the room a label keeps around it.
fn roomy(r: &Rect) -> Rect {
    (
        r.0 - ROOM.0,
        r.1 - ROOM.1,
        r.2 + 2.0 * ROOM.0,
        r.3 + 2.0 * ROOM.1,
    )
}

/// Moves under this flow per customer get a label only where it has room around it and
/// crosses no other move.
const CLEAR_ONLY: f64 = 0.10;

/// A place for a label: where its text is anchored (x, y) and its box.
type Place = (f64, f64, Rect);

/// Of the places (anchor x, y and box) free in `taken`, the best: one with room around it and
/// clear of the arrowheads (soft in `taken`) before one without, then the one that crosses the
/// fewest moves other than `owner`, then the first. With `clear`, only a place of the first
/// kind that crosses no other move.
fn least_crossing(
    places: impl Iterator<Item = Place> + Clone,
    taken: &mut Taken,
    curves: &mut Curves,
    owner: u32,
    clear: bool,
) -> Option<Place> {
    let mut best: Option<((bool, usize), Place)> = None;
    for tight in [false, true] {
        if tight && (clear || best.is_some()) {
            break;
        }
        for place in places.clone() {
            let free = if tight {
                !taken.hits(&place.2)
            } else {
                !taken.hits_with_room(&place.2, &roomy(&place.2))
            };
            if !free {
                continue;
            }
            // Only a count under the best so far matters; with `clear`, only none.
            let cap = if clear {
                1
            } else {
                best.map_or(usize::MAX, |((_, c), _)| c)
            };
            let crossing = curves.crossing(&place.2, owner, cap);
            if clear && crossing > 0 {
                continue;
            }
            let rank = (tight, crossing);
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, place));
            }
            if crossing == 0 {
                break;
            }
        }
    }
    best.map(|(_, place)| place)
}
