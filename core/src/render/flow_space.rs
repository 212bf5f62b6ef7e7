//! Room on the flow view's canvas: a grid index of the rectangles already taken (boxes, marks,
//! labels), so that placing a label looks only at what is near it instead of at everything
//! drawn.

use super::flow_canvas::Rect;

/// Side of a grid cell, in pixels.
const CELL: f64 = 64.0;

/// Cells of the canvas, each listing the items that touch it.
#[derive(Debug, Clone)]
struct Cells {
    cells: Vec<Vec<u32>>,
    cols: usize,
    rows: usize,
}

impl Cells {
    fn new(width: f64, height: f64) -> Self {
        let count = |v: f64| ((v / CELL).ceil() as usize).clamp(1, 4096);
        let (cols, rows) = (count(width), count(height));
        Self {
            cells: vec![Vec::new(); cols * rows],
            cols,
            rows,
        }
    }

    /// The cells a rectangle touches (clamped to the canvas, so that nothing is lost).
    fn span(&self, r: &Rect) -> impl Iterator<Item = usize> + use<> {
        let cell = |v: f64, last: usize| ((v / CELL).floor().max(0.0) as usize).min(last);
        let (c0, c1) = (cell(r.0, self.cols - 1), cell(r.0 + r.2, self.cols - 1));
        let (r0, r1) = (cell(r.1, self.rows - 1), cell(r.1 + r.3, self.rows - 1));
        let cols = self.cols;
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |col| row * cols + col))
    }

    fn insert(&mut self, r: &Rect, item: u32) {
        for c in self.span(r) {
            self.cells[c].push(item);
        }
    }

    /// The items of the cells `r` touches (an item may come more than once).
    fn near<'a>(&'a self, r: &Rect) -> impl Iterator<Item = u32> + 'a {
        self.span(r).flat_map(|c| self.cells[c].iter().copied())
    }
}

/// Whether two rectangles overlap (touching is not overlapping).
pub(super) fn overlap(a: &Rect, b: &Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// Rectangles that labels must not cover.
#[derive(Debug, Clone)]
pub(super) struct Taken {
    rects: Vec<Rect>,
    cells: Cells,
}

impl Taken {
    pub(super) fn new(width: f64, height: f64) -> Self {
        Self {
            rects: Vec::new(),
            cells: Cells::new(width, height),
        }
    }

    pub(super) fn insert(&mut self, r: Rect) {
        let item = self.rects.len() as u32;
        self.cells.insert(&r, item);
        self.rects.push(r);
    }

    /// Whether `r` overlaps a rectangle taken.
    pub(super) fn hits(&self, r: &Rect) -> bool {
        self.cells
            .near(r)
            .any(|i| self.rects.get(i as usize).is_some_and(|t| overlap(r, t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_overlaps_wherever_it_is() {
        let mut taken = Taken::new(300.0, 200.0);
        taken.insert((10.0, 10.0, 20.0, 20.0));
        taken.insert((-50.0, 500.0, 10.0, 10.0));
        assert!(taken.hits(&(25.0, 25.0, 100.0, 5.0)));
        assert!(!taken.hits(&(30.0, 10.0, 5.0, 5.0)));
        assert!(taken.hits(&(-45.0, 505.0, 1.0, 1.0)));
    }
}
