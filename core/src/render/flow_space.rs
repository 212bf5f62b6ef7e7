//! Room on the flow view's canvas: a grid index of the rectangles already taken (boxes, marks,
//! labels) and of the moves' curves, so that placing a label looks only at what is near it
//! instead of at everything drawn.

use super::flow_canvas::{Rect, Segment};

/// Side of a grid cell, in pixels.
const CELL: f64 = 64.0;

/// Boxes on the canvas with a grid index: each cell of the grid lists the boxes that touch
/// it. The index is built when first asked and again when many boxes came after it; the boxes
/// added since are looked at one by one.
#[derive(Debug, Clone)]
struct Cells {
    boxes: Vec<Rect>,
    cols: usize,
    rows: usize,
    /// Where each cell's list starts in `items` (one more entry than cells).
    starts: Vec<u32>,
    items: Vec<u32>,
    /// How many boxes the index holds.
    indexed: usize,
}

/// Boxes added after the index was built that make it worth building again.
const STALE: usize = 64;

impl Cells {
    fn new(width: f64, height: f64) -> Self {
        let count = |v: f64| ((v / CELL).ceil() as usize).clamp(1, 4096);
        Self {
            boxes: Vec::new(),
            cols: count(width),
            rows: count(height),
            starts: Vec::new(),
            items: Vec::new(),
            indexed: 0,
        }
    }

    /// The cells a box touches (clamped to the canvas, so that nothing is lost).
    fn span(&self, r: &Rect) -> impl Iterator<Item = usize> + use<> {
        // The cast truncates, which for numbers from 0 up (and NaN made 0) is the floor.
        let cell = |v: f64, last: usize| ((v / CELL).max(0.0) as usize).min(last);
        let (c0, c1) = (cell(r.0, self.cols - 1), cell(r.0 + r.2, self.cols - 1));
        let (r0, r1) = (cell(r.1, self.rows - 1), cell(r.1 + r.3, self.rows - 1));
        let cols = self.cols;
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |col| row * cols + col))
    }

    fn insert(&mut self, r: Rect) -> u32 {
        self.boxes.push(r);
        (self.boxes.len() - 1) as u32
    }

    /// Builds the index of every box (a counting sort by cell).
    fn index(&mut self) {
        let cells = self.cols * self.rows;
        let mut starts = vec![0u32; cells + 1];
        for r in &self.boxes {
            for c in self.span(r) {
                starts[c + 1] += 1;
            }
        }
        for c in 0..cells {
            starts[c + 1] += starts[c];
        }
        let mut fill = starts.clone();
        let mut items = vec![0u32; starts[cells] as usize];
        for (i, r) in self.boxes.iter().enumerate() {
            for c in self.span(r) {
                items[fill[c] as usize] = i as u32;
                fill[c] += 1;
            }
        }
        self.starts = starts;
        self.items = items;
        self.indexed = self.boxes.len();
    }

    /// Builds the index if there is none or many boxes came after it.
    fn prepare(&mut self) {
        if self.starts.is_empty() || self.boxes.len() - self.indexed > STALE {
            self.index();
        }
    }

    /// The boxes that may overlap `r` (a box may come more than once), once `prepare`d.
    fn near(&self, r: &Rect) -> impl Iterator<Item = u32> + '_ {
        let (starts, items) = (&self.starts, &self.items);
        let indexed = self.span(r).flat_map(move |c| {
            let from = starts.get(c).map_or(0, |&v| v as usize);
            let to = starts.get(c + 1).map_or(from, |&v| v as usize);
            items.get(from..to).unwrap_or(&[]).iter().copied()
        });
        indexed.chain(self.indexed as u32..self.boxes.len() as u32)
    }
}

/// Whether two rectangles overlap (touching is not overlapping).
pub(super) fn overlap(a: &Rect, b: &Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// Rectangles that labels must not cover (boxes, marks, labels), and soft ones (arrowheads)
/// that labels keep clear of where they can.
#[derive(Debug, Clone)]
pub(super) struct Taken {
    cells: Cells,
    /// Whether each rectangle is soft.
    soft: Vec<bool>,
}

impl Taken {
    pub(super) fn new(width: f64, height: f64) -> Self {
        Self {
            cells: Cells::new(width, height),
            soft: Vec::new(),
        }
    }

    pub(super) fn insert(&mut self, r: Rect) {
        self.cells.insert(r);
        self.soft.push(false);
    }

    /// Adds a soft rectangle: one that only [`Taken::hits_with_room`] sees.
    pub(super) fn insert_soft(&mut self, r: Rect) {
        self.cells.insert(r);
        self.soft.push(true);
    }

    /// Whether `r` overlaps a rectangle taken (soft ones left out).
    pub(super) fn hits(&mut self, r: &Rect) -> bool {
        self.cells.prepare();
        let (cells, soft) = (&self.cells, &self.soft);
        cells.near(r).any(|i| {
            soft.get(i as usize) == Some(&false)
                && cells.boxes.get(i as usize).is_some_and(|t| overlap(r, t))
        })
    }

    /// Whether `roomy` (`r` with the room kept around it, which holds `r`) overlaps a rectangle
    /// taken, or `r` a soft one: both in one look at the grid.
    pub(super) fn hits_with_room(&mut self, r: &Rect, roomy: &Rect) -> bool {
        self.cells.prepare();
        let (cells, soft) = (&self.cells, &self.soft);
        cells.near(roomy).any(|i| {
            let against = if soft.get(i as usize) == Some(&true) {
                r
            } else {
                roomy
            };
            cells
                .boxes
                .get(i as usize)
                .is_some_and(|t| overlap(against, t))
        })
    }
}

/// The curves of the moves as drawn: segments with their stroke widths and the move each
/// belongs to.
#[derive(Debug, Clone)]
pub(super) struct Curves {
    /// Each segment, its width, its move and the box it covers.
    segments: Vec<(Segment, f64, u32, Rect)>,
    cells: Cells,
    /// For each segment, the last query that looked at it (so that each is looked at once).
    seen: Vec<u32>,
    query: u32,
}

/// The owner of a curve that belongs to no move (a drop-off's leak).
pub(super) const NO_MOVE: u32 = u32::MAX;

impl Curves {
    pub(super) fn new(width: f64, height: f64) -> Self {
        Self {
            segments: Vec::new(),
            cells: Cells::new(width, height),
            seen: Vec::new(),
            query: 0,
        }
    }

    /// Adds a segment `w` wide of move `owner` (or of none: [`NO_MOVE`]).
    pub(super) fn insert(&mut self, s: Segment, w: f64, owner: u32) {
        let b = bounds(&s, w);
        self.cells.insert(b);
        self.segments.push((s, w, owner, b));
        self.seen.push(0);
    }

    /// How many segments of moves other than `owner` cross `r` (each counted once), counted up
    /// to `cap`.
    pub(super) fn crossing(&mut self, r: &Rect, owner: u32, cap: usize) -> usize {
        self.cells.prepare();
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.fill(0);
            self.query = 1;
        }
        let mut count = 0;
        for i in self.cells.near(r) {
            if count >= cap {
                break;
            }
            let (Some(seen), Some((s, w, o, b))) =
                (self.seen.get_mut(i as usize), self.segments.get(i as usize))
            else {
                continue;
            };
            if *seen == self.query {
                continue;
            }
            *seen = self.query;
            if (*o == NO_MOVE || *o != owner) && overlap(b, r) && crosses(s, *w, r) {
                count += 1;
            }
        }
        count
    }
}

/// The box of a segment's control points, grown by half its width.
fn bounds(s: &Segment, w: f64) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (s[0].0, s[0].1, s[0].0, s[0].1);
    for p in &s[1..] {
        x0 = x0.min(p.0);
        y0 = y0.min(p.1);
        x1 = x1.max(p.0);
        y1 = y1.max(p.1);
    }
    let h = w / 2.0 + 1.0;
    (x0 - h, y0 - h, x1 - x0 + 2.0 * h, y1 - y0 + 2.0 * h)
}

/// Whether the curve, `w` wide, passes through `r`: the curve is split in halves (de
/// Casteljau) while the box of a part's control points, which holds the part, meets the box
/// grown by half the width without settling the question.
fn crosses(s: &Segment, w: f64, r: &Rect) -> bool {
    let h = w / 2.0;
    let grown = (r.0 - h, r.1 - h, r.2 + w, r.3 + w);
    let inside = |p: (f64, f64)| {
        p.0 >= grown.0 && p.0 <= grown.0 + grown.2 && p.1 >= grown.1 && p.1 <= grown.1 + grown.3
    };
    // Parts still to look at, depth first: a part is split at most 20 times (leaving parts far
    // under a pixel), so the stack never holds more than 21.
    let mut parts = [(*s, 0u8); 22];
    let mut len = 1;
    while len > 0 {
        len -= 1;
        let (p, depth) = parts[len];
        if inside(p[0]) || inside(p[3]) {
            return true;
        }
        let b = bounds(&p, 0.0);
        if !overlap(&(b.0 + 1.0, b.1 + 1.0, b.2 - 2.0, b.3 - 2.0), &grown) {
            continue;
        }
        if depth >= 20 || (b.2 <= 2.0 && b.3 <= 2.0) {
            // A part this small that reaches the box: close enough to count.
            return true;
        }
        let (a, c) = halves(&p);
        parts[len] = (a, depth + 1);
        parts[len + 1] = (c, depth + 1);
        len += 2;
    }
    false
}

/// The two halves of a cubic segment (de Casteljau at one half).
fn halves(p: &Segment) -> (Segment, Segment) {
    let mid = |a: (f64, f64), b: (f64, f64)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (p01, p12, p23) = (mid(p[0], p[1]), mid(p[1], p[2]), mid(p[2], p[3]));
    let (p012, p123) = (mid(p01, p12), mid(p12, p23));
    let m = mid(p012, p123);
    ([p[0], p01, p012, m], [m, p123, p23, p[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_boxes_added_before_and_after_the_index() {
        let mut taken = Taken::new(1000.0, 1000.0);
        for k in 0..100 {
            taken.insert((f64::from(k) * 9.0, 500.0, 5.0, 5.0));
        }
        assert!(taken.hits(&(301.0, 501.0, 1.0, 1.0)));
        for k in 0..50 {
            taken.insert((f64::from(k) * 9.0, 700.0, 5.0, 5.0));
            assert!(taken.hits(&(f64::from(k) * 9.0 + 1.0, 701.0, 1.0, 1.0)));
        }
        assert!(!taken.hits(&(6.0, 701.0, 2.0, 2.0)));
    }

    #[test]
    fn soft_rectangles_are_seen_only_with_room() {
        let mut taken = Taken::new(300.0, 200.0);
        taken.insert_soft((100.0, 100.0, 10.0, 10.0));
        taken.insert((200.0, 100.0, 10.0, 10.0));
        let near_soft = (111.0, 100.0, 5.0, 5.0);
        let on_soft = (105.0, 100.0, 5.0, 5.0);
        let grow = |r: Rect| (r.0 - 4.0, r.1 - 2.0, r.2 + 8.0, r.3 + 4.0);
        assert!(!taken.hits(&on_soft));
        assert!(taken.hits_with_room(&on_soft, &grow(on_soft)));
        // Room is kept from hard rectangles only.
        assert!(!taken.hits_with_room(&near_soft, &grow(near_soft)));
        let near_hard = (211.0, 100.0, 5.0, 5.0);
        assert!(!taken.hits(&near_hard));
        assert!(taken.hits_with_room(&near_hard, &grow(near_hard)));
    }

    #[test]
    fn finds_what_overlaps_wherever_it_is() {
        let mut taken = Taken::new(300.0, 200.0);
        taken.insert((10.0, 10.0, 20.0, 20.0));
        taken.insert((-50.0, 500.0, 10.0, 10.0));
        assert!(taken.hits(&(25.0, 25.0, 100.0, 5.0)));
        assert!(!taken.hits(&(30.0, 10.0, 5.0, 5.0)));
        assert!(taken.hits(&(-45.0, 505.0, 1.0, 1.0)));
    }

    #[test]
    fn sees_a_curve_through_a_box() {
        let mut curves = Curves::new(400.0, 200.0);
        curves.insert(
            [(0.0, 50.0), (100.0, 50.0), (200.0, 150.0), (300.0, 150.0)],
            2.0,
            7,
        );
        assert_eq!(curves.crossing(&(140.0, 90.0, 20.0, 20.0), NO_MOVE, 9), 1);
        assert_eq!(curves.crossing(&(140.0, 90.0, 20.0, 20.0), 3, 9), 1);
        assert_eq!(curves.crossing(&(140.0, 90.0, 20.0, 20.0), 3, 0), 0);
        assert_eq!(curves.crossing(&(140.0, 90.0, 20.0, 20.0), 7, 9), 0);
        assert_eq!(curves.crossing(&(10.0, 100.0, 40.0, 20.0), NO_MOVE, 9), 0);
    }

    /// Whether some point of the curve, sampled densely, lies in `r` grown by `by` each way.
    fn sampled(s: &Segment, r: &Rect, by: f64) -> bool {
        (0..=4000).any(|k| {
            let (x, y) = super::super::curve::bezier(s[0], s[1], s[2], s[3], f64::from(k) / 4000.0);
            x >= r.0 - by && x <= r.0 + r.2 + by && y >= r.1 - by && y <= r.1 + r.3 + by
        })
    }

    proptest::proptest! {
        #[test]
        fn splitting_a_curve_finds_what_dense_sampling_finds(
            pts in proptest::collection::vec((0.0..400.0f64, 0.0..200.0f64), 4),
            (x, y, w, h) in (0.0..380.0f64, 0.0..190.0f64, 2.0..60.0f64, 2.0..20.0f64),
            width in 1.0..12.0f64,
        ) {
            let s = [pts[0], pts[1], pts[2], pts[3]];
            let r = (x, y, w, h);
            let half = width / 2.0;
            if crosses(&s, width, &r) {
                // Found: the curve comes within a few pixels of the box grown by half its width.
                proptest::prop_assert!(sampled(&s, &r, half + 3.0));
            } else {
                proptest::prop_assert!(!sampled(&s, &r, half - 0.01));
            }
        }
    }
}
