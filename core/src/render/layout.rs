//! Where things go on the journey map: stages as columns, each split into one step column per
//! touchpoint of the drawn path (so a point of the emotion curve sits under its touchpoint), the
//! touchpoints off the path in rows below, in their stage.

use super::Drawn;
use crate::model::{JourneyMap, MapIndex, Stage};

/// Left edge of the stage columns (the gutter holds the lane names).
pub(crate) const GUTTER: f64 = 156.0;
/// Narrowest and widest step column.
const MIN_STEP: f64 = 176.0;
const MAX_STEP: f64 = 340.0;
/// Room right of the columns (tags of the emotion lane).
pub(crate) const RIGHT: f64 = 112.0;
/// Narrowest picture.
const MIN_WIDTH: f64 = 1280.0;

/// A stage and the step columns it spans.
#[derive(Debug, Clone)]
pub(crate) struct StageBox<'a> {
    pub stage: &'a Stage,
    pub x: f64,
    pub width: f64,
    /// First step column and number of step columns.
    pub first: usize,
    pub cols: usize,
}

/// A touchpoint's place: its step column and row (0 for the path, 1.. below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    /// Position in `JourneyMap::touchpoints`.
    pub tp: usize,
    pub col: usize,
    pub row: usize,
    pub on_path: bool,
}

/// The journey map's grid.
#[derive(Debug, Clone)]
pub(crate) struct Grid<'a> {
    pub stages: Vec<StageBox<'a>>,
    /// Width of a step column.
    pub step: f64,
    /// Touchpoints drawn, path first (in path order), then the others in map order.
    pub slots: Vec<Slot>,
    /// Total width of the picture.
    pub width: f64,
}

impl Grid<'_> {
    /// Centre of step column `col`.
    pub fn x(&self, col: usize) -> f64 {
        GUTTER + (col as f64 + 0.5) * self.step
    }

    /// The slot of a touchpoint position.
    pub fn slot(&self, tp: usize) -> Option<&Slot> {
        self.slots.iter().find(|s| s.tp == tp)
    }

    /// Number of step columns.
    pub fn cols(&self) -> usize {
        self.stages.last().map_or(0, |s| s.first + s.cols)
    }

    /// Slots of step column `col`, by row.
    pub fn column(&self, col: usize) -> Vec<Slot> {
        let mut v: Vec<Slot> = self
            .slots
            .iter()
            .filter(|s| s.col == col)
            .copied()
            .collect();
        v.sort_by_key(|s| s.row);
        v
    }
}

/// Lays out the grid for the drawn personas (every touchpoint on the first row when none is
/// drawn).
#[allow(
    clippy::too_many_lines,
    reason = "the grid in one pass: path slots, off-path slots, then column widths"
)]
pub(crate) fn grid<'a>(map: &'a JourneyMap, index: &MapIndex<'_>, drawn: &[Drawn<'_>]) -> Grid<'a> {
    let stages = map.stages_in_order();
    let visible = |i: usize| {
        let tp = &map.touchpoints[i];
        index.touchpoint_position(&tp.id) == Some(i)
            && index.stage(&tp.stage).is_some()
            && (drawn.is_empty() || drawn.iter().any(|d| tp.applies_to(&d.persona.id)))
    };
    // The drawn paths, touchpoints in order of first appearance.
    let mut path: Vec<usize> = Vec::new();
    for d in drawn {
        for id in &d.scores.conversion.most_likely_path {
            if let Some(i) = index.touchpoint_position(id)
                && visible(i)
                && !path.contains(&i)
            {
                path.push(i);
            }
        }
    }
    if drawn.is_empty() {
        // Nothing scored: every touchpoint in its stage, in map order, none secondary.
        path = (0..map.touchpoints.len()).filter(|&i| visible(i)).collect();
    }
    let mut boxes = Vec::with_capacity(stages.len());
    let mut slots = Vec::new();
    let mut first = 0;
    for stage in &stages {
        let on: Vec<usize> = path
            .iter()
            .copied()
            .filter(|&i| map.touchpoints[i].stage == stage.id)
            .collect();
        let off: Vec<usize> = (0..map.touchpoints.len())
            .filter(|&i| visible(i) && map.touchpoints[i].stage == stage.id && !on.contains(&i))
            .collect();
        let cols = on.len().max(1);
        for (k, &tp) in on.iter().enumerate() {
            slots.push(Slot {
                tp,
                col: first + k,
                row: 0,
                on_path: true,
            });
        }
        for (k, &tp) in off.iter().enumerate() {
            slots.push(Slot {
                tp,
                col: first + k % cols,
                row: 1 + k / cols,
                on_path: false,
            });
        }
        boxes.push(StageBox {
            stage,
            x: 0.0,
            width: 0.0,
            first,
            cols,
        });
        first += cols;
    }
    let total = first.max(1) as f64;
    let step = ((MIN_WIDTH - GUTTER - RIGHT) / total).clamp(MIN_STEP, MAX_STEP);
    for b in &mut boxes {
        b.x = GUTTER + b.first as f64 * step;
        b.width = b.cols as f64 * step;
    }
    // Path slots first, in path order; then the others.
    slots.sort_by_key(|s| {
        (
            !s.on_path,
            path.iter().position(|&p| p == s.tp).unwrap_or(usize::MAX),
            s.tp,
        )
    });
    Grid {
        stages: boxes,
        step,
        slots,
        width: GUTTER + total * step + RIGHT,
    }
}
