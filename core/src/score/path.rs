//! Scoring observed paths: one real customer's sequence of touchpoints, cheaply, millions of
//! times. A [`PathScorer`] is prepared once per map and persona; scoring a path allocates nothing.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use schemars::JsonSchema;
use serde::Serialize;

use super::Error;
use super::emotion::{CurveStats, valleys};
use super::state::{stage_ranks, state_data};
use crate::model::JourneyMap;

const NONE: u32 = u32::MAX;

/// Scores of one observed path. Emotion values are normalized to -1..1, effort to 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PathScore {
    /// Steps in the path.
    pub steps: usize,
    /// Steps naming a touchpoint of the map that applies to the persona.
    pub on_map: usize,
    /// Steps naming no such touchpoint.
    pub off_map: usize,
    /// Consecutive on-map steps with no transition between them in the map.
    pub unexpected_moves: usize,
    /// Moves back to an earlier stage.
    pub backtracks: usize,
    /// Stages jumped over by moves forward.
    pub skipped_stages: usize,
    /// Changes of channel between consecutive on-map steps.
    pub channel_switches: usize,
    /// Changes of owner between consecutive on-map steps (both owners known).
    pub handoffs: usize,
    /// Sum of normalized effort over steps with an effort measure.
    pub effort_total: f64,
    /// Mean normalized effort; `None` without effort data.
    pub effort_mean: Option<f64>,
    /// Sum of step durations, in the map's time unit.
    pub duration_total: f64,
    /// Mean emotion.
    pub emotion_mean: Option<f64>,
    /// Most intense moment.
    pub peak: Option<f64>,
    /// Best moment.
    pub best: Option<f64>,
    /// Worst moment.
    pub worst: Option<f64>,
    /// Last moment with an emotion.
    pub end: Option<f64>,
    /// Remembered experience, (peak + end) / 2.
    pub peak_end: Option<f64>,
    /// Mean absolute change between consecutive emotions.
    pub volatility: Option<f64>,
}

/// How one move between two on-map steps relates to the map.
#[derive(Debug, Clone, Copy)]
struct Move {
    unexpected: bool,
    channel_switch: bool,
    handoff: bool,
    backtrack: bool,
    skipped_stages: usize,
}

/// One step of an observed path. Emotion is normalized to -1..1, effort to 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PathStep {
    /// The id given for this step.
    pub touchpoint: String,
    /// Whether it names a touchpoint of the map that applies to the persona.
    pub on_map: bool,
    /// Stage id (on-map steps).
    pub stage: Option<String>,
    /// Channel id (on-map steps).
    pub channel: Option<String>,
    /// Normalized emotion, when measured.
    pub emotion: Option<f64>,
    /// Normalized effort, when measured.
    pub effort: Option<f64>,
    /// The map has no transition from the previous on-map step to this one.
    pub unexpected_move: bool,
    /// This step is in an earlier stage than the previous on-map step.
    pub backtrack: bool,
    /// Stages jumped over from the previous on-map step.
    pub skipped_stages: usize,
    /// The channel changed from the previous on-map step.
    pub channel_switch: bool,
    /// The owner changed from the previous on-map step (both known).
    pub handoff: bool,
}

/// One observed path explained: its scores, every step with its deviation from the map, and the
/// valleys of its emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PathReport {
    /// The path's scores.
    #[serde(flatten)]
    pub score: PathScore,
    /// Every step in order, with its deviation from the map; the emotion curve is the steps'
    /// `emotion` values. (`steps`, from the scores, is their number.)
    pub trace: Vec<PathStep>,
    /// Positions (in `trace`) of the local minima of the emotion curve below neutral.
    pub valleys: Vec<usize>,
}

/// Scores of many paths, one column per field of [`PathScore`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct PathColumns {
    /// See [`PathScore::steps`].
    pub steps: Vec<usize>,
    /// See [`PathScore::on_map`].
    pub on_map: Vec<usize>,
    /// See [`PathScore::off_map`].
    pub off_map: Vec<usize>,
    /// See [`PathScore::unexpected_moves`].
    pub unexpected_moves: Vec<usize>,
    /// See [`PathScore::backtracks`].
    pub backtracks: Vec<usize>,
    /// See [`PathScore::skipped_stages`].
    pub skipped_stages: Vec<usize>,
    /// See [`PathScore::channel_switches`].
    pub channel_switches: Vec<usize>,
    /// See [`PathScore::handoffs`].
    pub handoffs: Vec<usize>,
    /// See [`PathScore::effort_total`].
    pub effort_total: Vec<f64>,
    /// See [`PathScore::effort_mean`].
    pub effort_mean: Vec<Option<f64>>,
    /// See [`PathScore::duration_total`].
    pub duration_total: Vec<f64>,
    /// See [`PathScore::emotion_mean`].
    pub emotion_mean: Vec<Option<f64>>,
    /// See [`PathScore::peak`].
    pub peak: Vec<Option<f64>>,
    /// See [`PathScore::best`].
    pub best: Vec<Option<f64>>,
    /// See [`PathScore::worst`].
    pub worst: Vec<Option<f64>>,
    /// See [`PathScore::end`].
    pub end: Vec<Option<f64>>,
    /// See [`PathScore::peak_end`].
    pub peak_end: Vec<Option<f64>>,
    /// See [`PathScore::volatility`].
    pub volatility: Vec<Option<f64>>,
}

impl PathColumns {
    fn push(&mut self, s: PathScore) {
        self.steps.push(s.steps);
        self.on_map.push(s.on_map);
        self.off_map.push(s.off_map);
        self.unexpected_moves.push(s.unexpected_moves);
        self.backtracks.push(s.backtracks);
        self.skipped_stages.push(s.skipped_stages);
        self.channel_switches.push(s.channel_switches);
        self.handoffs.push(s.handoffs);
        self.effort_total.push(s.effort_total);
        self.effort_mean.push(s.effort_mean);
        self.duration_total.push(s.duration_total);
        self.emotion_mean.push(s.emotion_mean);
        self.peak.push(s.peak);
        self.best.push(s.best);
        self.worst.push(s.worst);
        self.end.push(s.end);
        self.peak_end.push(s.peak_end);
        self.volatility.push(s.volatility);
    }

    /// Every column with its name, in the order of [`PathScore`]'s fields: the one list the
    /// bindings build their tables from.
    pub fn columns(&self) -> [(&'static str, PathColumn<'_>); 18] {
        use PathColumn::{Count, Number, Optional};
        [
            ("steps", Count(&self.steps)),
            ("on_map", Count(&self.on_map)),
            ("off_map", Count(&self.off_map)),
            ("unexpected_moves", Count(&self.unexpected_moves)),
            ("backtracks", Count(&self.backtracks)),
            ("skipped_stages", Count(&self.skipped_stages)),
            ("channel_switches", Count(&self.channel_switches)),
            ("handoffs", Count(&self.handoffs)),
            ("effort_total", Number(&self.effort_total)),
            ("effort_mean", Optional(&self.effort_mean)),
            ("duration_total", Number(&self.duration_total)),
            ("emotion_mean", Optional(&self.emotion_mean)),
            ("peak", Optional(&self.peak)),
            ("best", Optional(&self.best)),
            ("worst", Optional(&self.worst)),
            ("end", Optional(&self.end)),
            ("peak_end", Optional(&self.peak_end)),
            ("volatility", Optional(&self.volatility)),
        ]
    }

    /// Number of paths.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether there are no paths.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// One column of [`PathColumns`], by the type of its values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathColumn<'a> {
    /// Counts.
    Count(&'a [usize]),
    /// Numbers, always present.
    Number(&'a [f64]),
    /// Numbers, absent where the path has no data.
    Optional(&'a [Option<f64>]),
}

/// A map prepared for scoring observed paths of one persona.
#[derive(Debug, Clone)]
pub struct PathScorer<'m> {
    index: HashMap<&'m str, u32>,
    stage_ids: Vec<&'m str>,
    channel_ids: Vec<&'m str>,
    emotion: Vec<f64>,
    effort: Vec<f64>,
    duration: Vec<f64>,
    channel: Vec<u32>,
    owner: Vec<u32>,
    stage: Vec<u32>,
    moves: HashSet<u64>,
}

impl<'m> PathScorer<'m> {
    /// Prepares `map` for `persona` (the first persona in id order when `None`; a map without
    /// personas is scored with every touchpoint and the base measures).
    pub fn new(map: &'m JourneyMap, persona: Option<&str>) -> Result<Self, Error> {
        let persona: Option<&'m str> = match persona {
            Some(p) => match map.personas.iter().find(|x| x.id == p) {
                Some(x) => Some(x.id.as_str()),
                None => return Err(Error::UnknownPersona(p.to_owned())),
            },
            None => map.personas.iter().map(|p| p.id.as_str()).min(),
        };
        let applies = |personas: &[String]| {
            persona.is_none_or(|p| personas.is_empty() || personas.iter().any(|x| x == p))
        };
        let ranks = stage_ranks(map);
        let mut channels: HashMap<&str, u32> = HashMap::new();
        let mut owners: HashMap<&str, u32> = HashMap::new();
        let mut scorer = PathScorer {
            index: HashMap::new(),
            stage_ids: Vec::new(),
            channel_ids: Vec::new(),
            emotion: Vec::new(),
            effort: Vec::new(),
            duration: Vec::new(),
            channel: Vec::new(),
            owner: Vec::new(),
            stage: Vec::new(),
            moves: HashSet::new(),
        };
        for tp in map.touchpoints.iter().filter(|t| applies(&t.personas)) {
            if scorer.index.contains_key(tp.id.as_str()) {
                continue;
            }
            let d = state_data(map, tp, persona, &ranks);
            let i = scorer.emotion.len() as u32;
            scorer.index.insert(tp.id.as_str(), i);
            scorer.stage_ids.push(tp.stage.as_str());
            scorer.channel_ids.push(tp.channel.as_str());
            scorer.emotion.push(d.emotion.unwrap_or(f64::NAN));
            scorer.effort.push(d.effort.unwrap_or(f64::NAN));
            scorer
                .duration
                .push(d.measures.duration.filter(|x| x.is_finite()).unwrap_or(0.0));
            let next = channels.len() as u32;
            scorer
                .channel
                .push(*channels.entry(tp.channel.as_str()).or_insert(next));
            let next = owners.len() as u32;
            scorer.owner.push(
                tp.owner
                    .as_deref()
                    .map_or(NONE, |o| *owners.entry(o).or_insert(next)),
            );
            scorer
                .stage
                .push(u32::try_from(d.stage_rank).unwrap_or(NONE));
        }
        for t in map.transitions.iter().filter(|t| applies(&t.personas)) {
            if let (Some(&a), Some(&b)) = (
                scorer.index.get(t.from.as_str()),
                scorer.index.get(t.to.as_str()),
            ) {
                scorer.moves.insert(u64::from(a) << 32 | u64::from(b));
            }
        }
        Ok(scorer)
    }

    /// The step index of a touchpoint id, for [`PathScorer::score_steps`]; `None` when the id
    /// is not a touchpoint of the map that applies to the persona (an off-map step).
    pub fn step(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// Scores one path of touchpoint ids.
    pub fn score<S: AsRef<str>>(&self, path: &[S]) -> PathScore {
        self.score_resolved(path.iter().map(|s| self.step(s.as_ref())))
    }

    /// Scores one path of steps already resolved with [`PathScorer::step`] (bindings resolve each
    /// distinct id once instead of once per step).
    pub fn score_steps(&self, steps: &[Option<u32>]) -> PathScore {
        self.score_resolved(steps.iter().copied())
    }

    fn score_resolved(&self, steps: impl Iterator<Item = Option<u32>> + Clone) -> PathScore {
        let mut s = PathScore {
            steps: 0,
            on_map: 0,
            off_map: 0,
            unexpected_moves: 0,
            backtracks: 0,
            skipped_stages: 0,
            channel_switches: 0,
            handoffs: 0,
            effort_total: 0.0,
            effort_mean: None,
            duration_total: 0.0,
            emotion_mean: None,
            peak: None,
            best: None,
            worst: None,
            end: None,
            peak_end: None,
            volatility: None,
        };
        let mut previous: Option<usize> = None;
        let mut efforts = 0usize;
        for step in steps.clone() {
            s.steps += 1;
            let Some(i) = step else {
                s.off_map += 1;
                continue;
            };
            let i = i as usize;
            s.on_map += 1;
            s.duration_total += self.duration[i];
            if !self.effort[i].is_nan() {
                s.effort_total += self.effort[i];
                efforts += 1;
            }
            if let Some(p) = previous {
                let m = self.relation(p, i);
                s.unexpected_moves += usize::from(m.unexpected);
                s.channel_switches += usize::from(m.channel_switch);
                s.handoffs += usize::from(m.handoff);
                s.backtracks += usize::from(m.backtrack);
                s.skipped_stages += m.skipped_stages;
            }
            previous = Some(i);
        }
        if efforts > 0 {
            s.effort_mean = Some(s.effort_total / efforts as f64);
        }
        let emotions = steps.flatten().map(|i| self.emotion[i as usize]);
        if let Some(stats) = CurveStats::from_iter(emotions.filter(|e| !e.is_nan())) {
            s.emotion_mean = Some(stats.mean);
            s.peak = Some(stats.peak);
            s.best = Some(stats.best);
            s.worst = Some(stats.worst);
            s.end = Some(stats.end);
            s.peak_end = Some(stats.peak_end());
            s.volatility = Some(stats.volatility);
        }
        s
    }

    /// How the move from state `p` to state `i` relates to the map.
    fn relation(&self, p: usize, i: usize) -> Move {
        let (a, b) = (self.stage[p], self.stage[i]);
        let staged = a != NONE && b != NONE;
        Move {
            unexpected: !self.moves.contains(&((p as u64) << 32 | i as u64)),
            channel_switch: self.channel[p] != self.channel[i],
            handoff: self.owner[p] != NONE
                && self.owner[i] != NONE
                && self.owner[p] != self.owner[i],
            backtrack: staged && b < a,
            skipped_stages: if staged && b > a + 1 {
                (b - a - 1) as usize
            } else {
                0
            },
        }
    }

    /// Scores one path and explains it step by step: the emotion curve along the path, its
    /// valleys, and how each step deviates from the map.
    pub fn explain<S: AsRef<str>>(&self, path: &[S]) -> PathReport {
        let score = self.score(path);
        let mut steps: Vec<PathStep> = Vec::with_capacity(path.len());
        let mut previous: Option<usize> = None;
        for id in path {
            let id = id.as_ref();
            let Some(i) = self.step(id).map(|i| i as usize) else {
                steps.push(PathStep {
                    touchpoint: id.to_owned(),
                    on_map: false,
                    stage: None,
                    channel: None,
                    emotion: None,
                    effort: None,
                    unexpected_move: false,
                    backtrack: false,
                    skipped_stages: 0,
                    channel_switch: false,
                    handoff: false,
                });
                continue;
            };
            let m = previous.map(|p| self.relation(p, i));
            let known = |v: f64| (!v.is_nan()).then_some(v);
            steps.push(PathStep {
                touchpoint: id.to_owned(),
                on_map: true,
                stage: Some(self.stage_ids[i].to_owned()),
                channel: Some(self.channel_ids[i].to_owned()),
                emotion: known(self.emotion[i]),
                effort: known(self.effort[i]),
                unexpected_move: m.is_some_and(|m| m.unexpected),
                backtrack: m.is_some_and(|m| m.backtrack),
                skipped_stages: m.map_or(0, |m| m.skipped_stages),
                channel_switch: m.is_some_and(|m| m.channel_switch),
                handoff: m.is_some_and(|m| m.handoff),
            });
            previous = Some(i);
        }
        // Valleys: steps whose emotion is below neutral and no higher than the neighbouring
        // points of the curve (steps with an emotion).
        let curve: Vec<(usize, f64)> = steps
            .iter()
            .enumerate()
            .filter_map(|(k, s)| Some((k, s.emotion?)))
            .collect();
        let emotions: Vec<f64> = curve.iter().map(|&(_, e)| e).collect();
        let valleys = valleys(&emotions).map(|k| curve[k].0).collect();
        PathReport {
            score,
            trace: steps,
            valleys,
        }
    }

    /// Scores many paths, as columns.
    pub fn score_many<P: AsRef<[S]>, S: AsRef<str>>(&self, paths: &[P]) -> PathColumns {
        let mut columns = PathColumns::default();
        for p in paths {
            columns.push(self.score(p.as_ref()));
        }
        columns
    }

    /// Scores many resolved paths (see [`PathScorer::score_steps`]), as columns.
    pub fn score_many_steps(&self, paths: &[Vec<Option<u32>>]) -> PathColumns {
        let mut columns = PathColumns::default();
        for p in paths {
            columns.push(self.score_steps(p));
        }
        columns
    }
}
