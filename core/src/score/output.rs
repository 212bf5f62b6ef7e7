//! The scores as they are written out: one type per result, each field documented (the scores
//! schema, `schema/scores.schema.json`, is generated from these types).

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::model::{NoteSeverity, OutcomeKind, SurveyMetric};

/// A value on the map's declared scale and normalized (emotion: -1..1; effort: 0..1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Level {
    /// On the declared scale.
    pub raw: f64,
    /// Normalized.
    pub normalized: f64,
}

/// One point of an emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CurvePoint {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Stage id.
    pub stage: String,
    /// Emotion on the declared scale.
    pub emotion: f64,
    /// Emotion normalized to -1..1.
    pub normalized: f64,
}

/// Summary of an emotion curve (Kahneman et al. 1993).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EmotionSummary {
    /// The most intense moment (largest distance from neutral; the negative one on a tie).
    pub peak: Level,
    /// The best moment.
    pub best: Level,
    /// The worst moment (valley).
    pub worst: Level,
    /// The last moment.
    pub end: Level,
    /// Remembered experience: (peak + end) / 2.
    pub peak_end: Level,
    /// Mean of the curve.
    pub mean: Level,
    /// Mean absolute change between consecutive points (normalized units).
    pub volatility: f64,
    /// The same mean absolute change on the declared emotion scale.
    pub volatility_raw: f64,
    /// Local minima below neutral.
    pub valleys: Vec<CurvePoint>,
}

/// Expected emotion of a stage.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StageValue {
    /// Stage id.
    pub stage: String,
    /// On the declared scale (emotion, effort) or in gap units.
    pub raw: f64,
    /// Normalized.
    pub normalized: f64,
}

/// Emotion scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EmotionScores {
    /// Per stage (journey order), the visit-probability-weighted mean emotion.
    pub stages: Vec<StageValue>,
    /// The curve along the most likely successful path (see `Conversion::most_likely_path`).
    pub curve: Vec<CurvePoint>,
    /// Summary of the curve; `None` without emotion data.
    pub summary: Option<EmotionSummary>,
    /// Expected-visits-weighted mean emotion over the whole journey.
    pub expected_mean: Option<Level>,
}

/// Effort at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointEffort {
    /// Touchpoint id.
    pub touchpoint: String,
    /// On the declared scale.
    pub effort: f64,
    /// 0..1, 1 = most effort, whatever the scale's direction.
    pub normalized: f64,
    /// Expected visits.
    pub expected_visits: f64,
    /// Contribution to the expected total effort (visits × normalized effort).
    pub contribution: f64,
}

/// Effort scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EffortScores {
    /// Per touchpoint with an effort measure, sorted by id.
    pub touchpoints: Vec<TouchpointEffort>,
    /// Per stage, visit-probability-weighted mean.
    pub stages: Vec<StageValue>,
    /// Expected total normalized effort from entry to outcome.
    pub expected_total: f64,
    /// Expected number of channel switches along the journey.
    pub expected_channel_switches: f64,
    /// Expected number of hand-offs between owners (silo effect).
    pub expected_handoffs: f64,
    /// Touchpoints contributing most to the total.
    pub hot_spots: Vec<TouchpointEffort>,
}

/// Experience gap at a touchpoint (SERVQUAL gap 5).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointGap {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Perceived emotion.
    pub perceived: f64,
    /// Expected emotion.
    pub expected: f64,
    /// perceived - expected, on the emotion scale; negative is a shortfall.
    pub gap: f64,
    /// The gap in normalized units (-2..2).
    pub normalized: f64,
}

/// Experience gap scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GapScores {
    /// Per touchpoint with both measures, sorted by id.
    pub touchpoints: Vec<TouchpointGap>,
    /// Per stage, visit-probability-weighted mean gap.
    pub stages: Vec<StageValue>,
    /// Largest shortfalls first.
    pub shortfalls: Vec<TouchpointGap>,
}

/// Probability of ending in one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeProbability {
    /// Outcome id (`__drop_off` for implicit abandonment).
    pub outcome: String,
    /// Its kind.
    pub kind: OutcomeKind,
    /// Probability from the persona's entries.
    pub probability: f64,
}

/// Flow through one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointFlow {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Expected number of visits.
    pub expected_visits: f64,
    /// Probability of at least one visit.
    pub visit_probability: f64,
    /// Probability that the journey fails right after this touchpoint.
    pub drop_off: f64,
    /// Probability of success once here.
    pub success_from_here: f64,
    /// Removal effect: 1 - P_without(success) / P(success); `None` without conversion.
    pub removal_effect: Option<f64>,
}

/// Conversion analytics of one persona (absorbing Markov chain).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Conversion {
    /// Probability of each outcome, sorted by id, `__drop_off` last.
    pub outcomes: Vec<OutcomeProbability>,
    /// Probability of a success outcome.
    pub success_probability: f64,
    /// Expected number of touchpoints visited before an outcome.
    pub expected_steps: f64,
    /// Expected time to an outcome, in the map's time unit (touchpoints without duration count 0).
    pub expected_time: f64,
    /// Per touchpoint, sorted by id.
    pub touchpoints: Vec<TouchpointFlow>,
    /// The most likely path that ends in success (touchpoint ids); when no success can be
    /// reached, the most likely path of all.
    pub most_likely_path: Vec<String>,
    /// Outcome the most likely path ends in.
    pub most_likely_outcome: Option<String>,
    /// Probability of the most likely path.
    pub most_likely_probability: f64,
}

/// A touchpoint many journeys go through.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Crossroad {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Probability of at least one visit.
    pub visit_probability: f64,
    /// Normalized betweenness centrality on the persona graph (0..1).
    pub betweenness: f64,
}

/// Importance-performance quadrant (Martilla & James 1977).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low performance.
    ConcentrateHere,
    /// High importance, high performance.
    KeepUpTheGoodWork,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance.
    PossibleOverkill,
}

/// The factors of a moment-of-truth priority, each 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Factors {
    /// Share of journeys that visit it (times persona share when aggregated).
    pub reach: f64,
    /// Normalized importance (0.5 when not measured).
    pub importance: f64,
    /// The largest of shortfall, negative emotion and declared pain severity.
    pub pain: f64,
    /// Emotional change from the previous step, halved to 0..1.
    pub swing: f64,
    /// Removal effect (0 when undefined).
    pub criticality: f64,
}

/// One ranked touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MomentOfTruth {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Rank, 1 = fix first.
    pub rank: usize,
    /// Weighted mean of the factors, 0..1.
    pub priority: f64,
    /// The factors.
    pub factors: Factors,
    /// Each factor's share of the priority (weight × factor / sum of weights).
    pub contributions: Factors,
    /// Declared as a moment of truth in the map.
    pub declared: bool,
    /// Importance-performance quadrant, when importance and performance are known.
    pub quadrant: Option<Quadrant>,
    /// Why it ranks here: the three strongest factors, strongest first (then the declared flag).
    pub reasons: Vec<String>,
}

/// Journey health index, 0..100, with its parts (each 0..1).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Health {
    /// The index.
    pub index: f64,
    /// Probability of success.
    pub conversion: f64,
    /// Remembered emotion mapped to 0..1.
    pub emotion: Option<f64>,
    /// 1 - mean normalized effort.
    pub effort: Option<f64>,
    /// 1 - mean shortfall.
    pub experience: Option<f64>,
}

/// Scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PersonaScores {
    /// Persona id.
    pub persona: String,
    /// Weight in the aggregates (normalized share).
    pub weight: f64,
    /// Emotion curve.
    pub emotion: EmotionScores,
    /// Effort.
    pub effort: EffortScores,
    /// Experience gap.
    pub gap: GapScores,
    /// Conversion analytics.
    pub conversion: Conversion,
    /// Crossroads, most visited first.
    pub crossroads: Vec<Crossroad>,
    /// Moments of truth, highest priority first.
    pub moments_of_truth: Vec<MomentOfTruth>,
    /// Health index.
    pub health: Health,
    /// The chain the scores were computed from (for the pictures; not written out).
    #[serde(skip)]
    pub(crate) chain: super::ScoredChain,
}

/// Aggregates over personas, weighted by share.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Overall {
    /// Personas scored, with their weights (sorted by id).
    pub personas: Vec<(String, f64)>,
    /// Weighted probability of success.
    pub success_probability: f64,
    /// Weighted expected number of steps.
    pub expected_steps: f64,
    /// Weighted expected time.
    pub expected_time: f64,
    /// Weighted expected total effort.
    pub expected_effort: f64,
    /// Weighted expected channel switches.
    pub expected_channel_switches: f64,
    /// Weighted expected hand-offs.
    pub expected_handoffs: f64,
    /// Weighted remembered emotion (peak-end), normalized -1..1.
    pub peak_end: Option<f64>,
    /// Health index of the whole map.
    pub health: Health,
    /// Probability of each outcome over the customer base (share-weighted), sorted by id,
    /// `__drop_off` last.
    pub outcomes: Vec<OutcomeProbability>,
    /// Share-weighted mean of the personas' expected-visits-weighted mean emotion.
    pub expected_emotion: Option<Level>,
    /// Per stage (journey order), the mean emotion over the customer base: each persona's
    /// touchpoints weighted by share × visit probability.
    pub emotion_stages: Vec<StageValue>,
    /// Per stage, the mean effort over the customer base, weighted like `emotion_stages`.
    pub effort_stages: Vec<StageValue>,
    /// Per stage, the mean experience gap over the customer base, weighted like `emotion_stages`.
    pub gap_stages: Vec<StageValue>,
    /// Every touchpoint scored for at least one persona, over the customer base, sorted by id.
    pub touchpoints: Vec<TouchpointAggregate>,
    /// Touchpoints contributing most to the expected effort of the customer base.
    pub effort_hot_spots: Vec<TouchpointEffort>,
    /// Largest experience shortfalls over the customer base, largest first.
    pub shortfalls: Vec<TouchpointGap>,
    /// Crossroads over the customer base, most visited first.
    pub crossroads: Vec<Crossroad>,
}

/// One touchpoint over the customer base: share-weighted over the personas it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointAggregate {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Stage id.
    pub stage: String,
    /// Probability that a customer visits it at least once: Σ share × visit probability.
    pub visit_probability: f64,
    /// Expected visits per customer: Σ share × expected visits.
    pub expected_visits: f64,
    /// Probability that a customer's journey fails right after it.
    pub drop_off: f64,
    /// Share of all conversions that pass through it: Σ share × P(visit) × P(success from
    /// here) / Σ share × P(success); `None` when no persona converts.
    pub removal_effect: Option<f64>,
    /// Mean normalized emotion (-1..1) over the personas that measure it, weighted by share ×
    /// visit probability.
    pub emotion: Option<f64>,
    /// Mean normalized effort (0..1), weighted like `emotion`.
    pub effort: Option<f64>,
    /// Mean normalized experience gap (-2..2), weighted like `emotion`.
    pub gap: Option<f64>,
    /// Contribution to the expected effort: Σ share × expected visits × normalized effort.
    pub effort_contribution: f64,
    /// Σ share × betweenness.
    pub betweenness: f64,
}

/// One survey of the voice-of-the-customer plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SurveyItem {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Indicator to ask for.
    pub metric: SurveyMetric,
    /// Channel id to ask through (the touchpoint's own).
    pub channel: String,
    /// Why this indicator here.
    pub reason: String,
    /// The touchpoint's priority.
    pub priority: f64,
}

/// A pain an opportunity addresses.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AddressedPain {
    /// Pain id.
    pub pain: String,
    /// Touchpoint it is felt at.
    pub touchpoint: String,
    /// Its severity.
    pub severity: NoteSeverity,
    /// Weight of the severity: low 0.25, medium 0.5, high 0.75, critical 1.
    pub weight: f64,
}

/// Where a RICE impact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImpactSource {
    /// Predicted by re-scoring the map with the opportunity's effects.
    Predicted,
    /// The opportunity's declared `value`.
    Declared,
}

/// RICE score (Intercom, McBride 2016): reach × impact × confidence / effort.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Rice {
    /// reach × impact × confidence / effort; `None` without an impact or a positive effort.
    pub score: Option<f64>,
    /// Share of the customer base that reaches the opportunity's touchpoints, 0..1.
    pub reach: f64,
    /// Impact per customer reached on Intercom's scale: 3 massive, 2 high, 1 medium, 0.5 low,
    /// 0.25 minimal (0: predicted not to help); `None` without a prediction or a declared value.
    pub impact: Option<f64>,
    /// Where the impact comes from.
    pub impact_source: Option<ImpactSource>,
    /// The declared confidence, or the configured default.
    pub confidence: f64,
    /// The declared effort.
    pub effort: Option<f64>,
}

/// Value × effort quadrant of an opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueEffort {
    /// High value, low effort: do first.
    QuickWin,
    /// High value, high effort: plan.
    BigBet,
    /// Low value, low effort: when there is room.
    FillIn,
    /// Low value, high effort: avoid.
    MoneyPit,
}

/// Predicted change of one persona's journey (to-be minus as-is).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PersonaPrediction {
    /// Persona id.
    pub persona: String,
    /// Change of the probability of success.
    pub conversion: f64,
    /// Change of the expected total effort.
    pub effort: f64,
    /// Change of the expected channel switches.
    pub channel_switches: f64,
    /// Change of the expected hand-offs.
    pub handoffs: f64,
    /// Change of the remembered emotion (peak-end, normalized); `None` when either side has no
    /// emotion curve.
    pub peak_end: Option<f64>,
    /// Change of the health index (points).
    pub health: f64,
}

/// Predicted change of the map (to-be minus as-is) over the customer base, each persona
/// weighted by its share, with the change of each persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Prediction {
    /// Change of the probability of success.
    pub conversion: f64,
    /// Change of the expected total effort.
    pub effort: f64,
    /// Change of the expected channel switches.
    pub channel_switches: f64,
    /// Change of the expected hand-offs.
    pub handoffs: f64,
    /// Change of the remembered emotion (peak-end, normalized); `None` when either side has no
    /// emotion curve.
    pub peak_end: Option<f64>,
    /// Change of the health index (points): the predicted gain.
    pub health: f64,
    /// Per persona scored on both sides, sorted by id.
    pub personas: Vec<PersonaPrediction>,
}

/// One ranked improvement opportunity.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OpportunityScore {
    /// Opportunity id.
    pub opportunity: String,
    /// Rank, 1 = do first: by RICE score, then predicted gain, then reach.
    pub rank: usize,
    /// Share of the customer base that reaches its touchpoints, 0..1.
    pub reach: f64,
    /// RICE score and its factors.
    pub rice: Rice,
    /// Value × effort quadrant, when its impact and effort are known.
    pub quadrant: Option<ValueEffort>,
    /// Predicted change when it declares effects; `None` otherwise.
    pub predicted: Option<Prediction>,
    /// The pains it addresses, most severe first.
    pub pains: Vec<AddressedPain>,
    /// Why it ranks here, in words.
    pub reasons: Vec<String>,
}

/// One opportunity chosen for a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PortfolioStep {
    /// Opportunity id.
    pub opportunity: String,
    /// Its declared effort.
    pub effort: f64,
    /// Its marginal gain: the change of the health index when it is added to the opportunities
    /// chosen before it, the effects of all re-scored together.
    pub gain: f64,
    /// Gain per unit of effort; `None` for an effort of 0.
    pub gain_per_effort: Option<f64>,
    /// Effort spent once it is chosen.
    pub spent: f64,
}

/// The opportunities to do first within an effort budget, chosen greedily by marginal
/// predicted gain per unit of effort.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Portfolio {
    /// The effort budget; `None` for no limit.
    pub budget: Option<f64>,
    /// Opportunity ids chosen, in the order they were chosen.
    pub chosen: Vec<String>,
    /// Their total effort.
    pub effort: f64,
    /// Predicted change of the map with all of them applied.
    pub predicted: Prediction,
    /// Each choice with its marginal gain.
    pub steps: Vec<PortfolioStep>,
    /// Opportunities left out, effects skipped in the combination.
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything [`JourneyMap::score`](crate::JourneyMap::score) computes.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Scores {
    /// Map id.
    pub map: String,
    /// Per persona, sorted by id.
    pub personas: Vec<PersonaScores>,
    /// Aggregates over personas.
    pub overall: Overall,
    /// Moments of truth over all personas, highest priority first.
    pub moments_of_truth: Vec<MomentOfTruth>,
    /// Survey plan.
    pub survey_plan: Vec<SurveyItem>,
    /// Improvement opportunities, ranked (first = do first).
    pub opportunities: Vec<OpportunityScore>,
    /// What could not be computed, and repairs made.
    pub diagnostics: Vec<Diagnostic>,
}

impl Scores {
    /// The scores of one persona.
    pub fn persona(&self, id: &str) -> Option<&PersonaScores> {
        self.personas.iter().find(|p| p.persona == id)
    }
}
