/* Generated from the journeymap JSON Schemas by generate-types.mjs; do not edit. */

/**
 * Importance-performance quadrant (Martilla & James 1977).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Quadrant".
 */
export type Quadrant = 'concentrate_here' | 'keep_up_the_good_work' | 'low_priority' | 'possible_overkill'
/**
 * Where a RICE impact comes from.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "ImpactSource".
 */
export type ImpactSource = 'predicted' | 'declared'
/**
 * Value × effort quadrant of an opportunity.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "ValueEffort".
 */
export type ValueEffort = 'quick_win' | 'big_bet' | 'fill_in' | 'money_pit'
/**
 * Kind of terminal state.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "OutcomeKind".
 */
export type OutcomeKind = 'success' | 'failure' | 'neutral'
/**
 * Indicator a survey asks for.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "SurveyMetric".
 */
export type SurveyMetric = 'ces' | 'csat' | 'nps' | 'custom'
/**
 * How strongly a pain hurts or a gain delights.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "NoteSeverity".
 */
export type NoteSeverity = 'low' | 'medium' | 'high' | 'critical'
/**
 * Stable diagnostic code.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Code".
 */
export type Code = string
/**
 * How bad a diagnostic is.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'error' | 'warning' | 'info'
/**
 * JSON pointer (RFC 6901) to the offending value; "" is the whole document.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "JsonPointer".
 */
export type JsonPointer = string
/**
 * Where the importance-performance crosshair sits (Martilla & James 1977).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "CrosshairRule".
 */
export type CrosshairRule = 'scale_midpoint' | 'data_mean'

export interface ScoresSchema {
  [k: string]: unknown
}
/**
 * Everything [`JourneyMap::score`](crate::JourneyMap::score) computes.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Scores".
 */
export interface Scores {
  /**
   * Map id.
   */
  map: string
  /**
   * Per persona, sorted by id.
   */
  personas: PersonaScores[]
  overall: Overall
  /**
   * Moments of truth over all personas, highest priority first.
   */
  moments_of_truth: MomentOfTruth[]
  /**
   * Survey plan.
   */
  survey_plan: SurveyItem[]
  /**
   * Improvement opportunities, ranked (first = do first).
   */
  opportunities: OpportunityScore[]
  /**
   * What could not be computed, and repairs made.
   */
  diagnostics: Diagnostic[]
}
/**
 * Scores of one persona.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PersonaScores".
 */
export interface PersonaScores {
  /**
   * Persona id.
   */
  persona: string
  /**
   * Weight in the aggregates (normalized share).
   */
  weight: number
  emotion: EmotionScores
  effort: EffortScores
  gap: GapScores
  conversion: Conversion
  /**
   * Crossroads, most visited first.
   */
  crossroads: Crossroad[]
  /**
   * Moments of truth, highest priority first.
   */
  moments_of_truth: MomentOfTruth[]
  health: Health
}
/**
 * Emotion curve.
 */
export interface EmotionScores {
  /**
   * Per stage (journey order), the visit-probability-weighted mean emotion.
   */
  stages: StageValue[]
  /**
   * The curve along the most likely successful path (see `Conversion::most_likely_path`).
   */
  curve: CurvePoint[]
  /**
   * Summary of the curve; `None` without emotion data.
   */
  summary?: EmotionSummary | null
  /**
   * Expected-visits-weighted mean emotion over the whole journey.
   */
  expected_mean?: Level6 | null
}
/**
 * Expected emotion of a stage.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "StageValue".
 */
export interface StageValue {
  /**
   * Stage id.
   */
  stage: string
  /**
   * On the declared scale (emotion, effort) or in gap units.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * One point of an emotion curve.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "CurvePoint".
 */
export interface CurvePoint {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Stage id.
   */
  stage: string
  /**
   * Emotion on the declared scale.
   */
  emotion: number
  /**
   * Emotion normalized to -1..1.
   */
  normalized: number
}
/**
 * Summary of an emotion curve (Kahneman et al. 1993).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "EmotionSummary".
 */
export interface EmotionSummary {
  peak: Level
  best: Level1
  worst: Level2
  end: Level3
  peak_end: Level4
  mean: Level5
  /**
   * Mean absolute change between consecutive points (normalized units).
   */
  volatility: number
  /**
   * The same mean absolute change on the declared emotion scale.
   */
  volatility_raw: number
  /**
   * Local minima below neutral.
   */
  valleys: CurvePoint[]
}
/**
 * The most intense moment (largest distance from neutral; the negative one on a tie).
 */
export interface Level {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * The best moment.
 */
export interface Level1 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * The worst moment (valley).
 */
export interface Level2 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * The last moment.
 */
export interface Level3 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * Remembered experience: (peak + end) / 2.
 */
export interface Level4 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * Mean of the curve.
 */
export interface Level5 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * A value on the map's declared scale and normalized (emotion: -1..1; effort: 0..1).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Level".
 */
export interface Level6 {
  /**
   * On the declared scale.
   */
  raw: number
  /**
   * Normalized.
   */
  normalized: number
}
/**
 * Effort.
 */
export interface EffortScores {
  /**
   * Per touchpoint with an effort measure, sorted by id.
   */
  touchpoints: TouchpointEffort[]
  /**
   * Per stage, visit-probability-weighted mean.
   */
  stages: StageValue[]
  /**
   * Expected total normalized effort from entry to outcome.
   */
  expected_total: number
  /**
   * Expected number of channel switches along the journey.
   */
  expected_channel_switches: number
  /**
   * Expected number of hand-offs between owners (silo effect).
   */
  expected_handoffs: number
  /**
   * Touchpoints contributing most to the total.
   */
  hot_spots: TouchpointEffort[]
}
/**
 * Effort at a touchpoint.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "TouchpointEffort".
 */
export interface TouchpointEffort {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * On the declared scale.
   */
  effort: number
  /**
   * 0..1, 1 = most effort, whatever the scale's direction.
   */
  normalized: number
  /**
   * Expected visits.
   */
  expected_visits: number
  /**
   * Contribution to the expected total effort (visits × normalized effort).
   */
  contribution: number
}
/**
 * Experience gap.
 */
export interface GapScores {
  /**
   * Per touchpoint with both measures, sorted by id.
   */
  touchpoints: TouchpointGap[]
  /**
   * Per stage, visit-probability-weighted mean gap.
   */
  stages: StageValue[]
  /**
   * Largest shortfalls first.
   */
  shortfalls: TouchpointGap[]
}
/**
 * Experience gap at a touchpoint (SERVQUAL gap 5).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "TouchpointGap".
 */
export interface TouchpointGap {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Perceived emotion.
   */
  perceived: number
  /**
   * Expected emotion.
   */
  expected: number
  /**
   * perceived - expected, on the emotion scale; negative is a shortfall.
   */
  gap: number
  /**
   * The gap in normalized units (-2..2).
   */
  normalized: number
}
/**
 * Conversion analytics.
 */
export interface Conversion {
  /**
   * Probability of each outcome, sorted by id, `__drop_off` last.
   */
  outcomes: OutcomeProbability[]
  /**
   * Probability of a success outcome.
   */
  success_probability: number
  /**
   * Expected number of touchpoints visited before an outcome.
   */
  expected_steps: number
  /**
   * Expected time to an outcome, in the map's time unit (touchpoints without duration count 0).
   */
  expected_time: number
  /**
   * Per touchpoint, sorted by id.
   */
  touchpoints: TouchpointFlow[]
  /**
   * The most likely path that ends in success (touchpoint ids); when no success can be
   * reached, the most likely path of all.
   */
  most_likely_path: string[]
  /**
   * Outcome the most likely path ends in.
   */
  most_likely_outcome?: string | null
  /**
   * Probability of the most likely path.
   */
  most_likely_probability: number
}
/**
 * Probability of ending in one outcome.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "OutcomeProbability".
 */
export interface OutcomeProbability {
  /**
   * Outcome id (`__drop_off` for implicit abandonment).
   */
  outcome: string
  /**
   * Its kind.
   */
  kind: 'success' | 'failure' | 'neutral'
  /**
   * Probability from the persona's entries.
   */
  probability: number
}
/**
 * Flow through one touchpoint.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "TouchpointFlow".
 */
export interface TouchpointFlow {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Expected number of visits.
   */
  expected_visits: number
  /**
   * Probability of at least one visit.
   */
  visit_probability: number
  /**
   * Probability that the journey fails right after this touchpoint.
   */
  drop_off: number
  /**
   * Probability of success once here.
   */
  success_from_here: number
  /**
   * Removal effect: 1 - P_without(success) / P(success); `None` without conversion.
   */
  removal_effect?: number | null
}
/**
 * A touchpoint many journeys go through.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Crossroad".
 */
export interface Crossroad {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Probability of at least one visit.
   */
  visit_probability: number
  /**
   * Normalized betweenness centrality on the persona graph (0..1).
   */
  betweenness: number
}
/**
 * One ranked touchpoint.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "MomentOfTruth".
 */
export interface MomentOfTruth {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Rank, 1 = fix first.
   */
  rank: number
  /**
   * Weighted mean of the factors, 0..1.
   */
  priority: number
  factors: Factors
  contributions: Factors1
  /**
   * Declared as a moment of truth in the map.
   */
  declared: boolean
  /**
   * Importance-performance quadrant, when importance and performance are known.
   */
  quadrant?: Quadrant | null
  /**
   * Why it ranks here: the three strongest factors, strongest first (then the declared flag).
   */
  reasons: string[]
}
/**
 * The factors.
 */
export interface Factors {
  /**
   * Share of journeys that visit it (times persona share when aggregated).
   */
  reach: number
  /**
   * Normalized importance (0.5 when not measured).
   */
  importance: number
  /**
   * The largest of shortfall, negative emotion and declared pain severity.
   */
  pain: number
  /**
   * Emotional change from the previous step, halved to 0..1.
   */
  swing: number
  /**
   * Removal effect (0 when undefined).
   */
  criticality: number
}
/**
 * Each factor's share of the priority (weight × factor / sum of weights).
 */
export interface Factors1 {
  /**
   * Share of journeys that visit it (times persona share when aggregated).
   */
  reach: number
  /**
   * Normalized importance (0.5 when not measured).
   */
  importance: number
  /**
   * The largest of shortfall, negative emotion and declared pain severity.
   */
  pain: number
  /**
   * Emotional change from the previous step, halved to 0..1.
   */
  swing: number
  /**
   * Removal effect (0 when undefined).
   */
  criticality: number
}
/**
 * Health index.
 */
export interface Health {
  /**
   * The index.
   */
  index: number
  /**
   * Probability of success.
   */
  conversion: number
  /**
   * Remembered emotion mapped to 0..1.
   */
  emotion?: number | null
  /**
   * 1 - mean normalized effort.
   */
  effort?: number | null
  /**
   * 1 - mean shortfall.
   */
  experience?: number | null
}
/**
 * Aggregates over personas.
 */
export interface Overall {
  /**
   * Personas scored, with their weights (sorted by id).
   */
  personas: [unknown, unknown][]
  /**
   * Weighted probability of success.
   */
  success_probability: number
  /**
   * Weighted expected number of steps.
   */
  expected_steps: number
  /**
   * Weighted expected time.
   */
  expected_time: number
  /**
   * Weighted expected total effort.
   */
  expected_effort: number
  /**
   * Weighted expected channel switches.
   */
  expected_channel_switches: number
  /**
   * Weighted expected hand-offs.
   */
  expected_handoffs: number
  /**
   * Weighted remembered emotion (peak-end), normalized -1..1.
   */
  peak_end?: number | null
  health: Health1
  /**
   * Probability of each outcome over the customer base (share-weighted), sorted by id,
   * `__drop_off` last.
   */
  outcomes: OutcomeProbability[]
  /**
   * Share-weighted mean of the personas' expected-visits-weighted mean emotion.
   */
  expected_emotion?: Level6 | null
  /**
   * Per stage (journey order), the mean emotion over the customer base: each persona's
   * touchpoints weighted by share × visit probability.
   */
  emotion_stages: StageValue[]
  /**
   * Per stage, the mean effort over the customer base, weighted like `emotion_stages`.
   */
  effort_stages: StageValue[]
  /**
   * Per stage, the mean experience gap over the customer base, weighted like `emotion_stages`.
   */
  gap_stages: StageValue[]
  /**
   * Every touchpoint scored for at least one persona, over the customer base, sorted by id.
   */
  touchpoints: TouchpointAggregate[]
  /**
   * Touchpoints contributing most to the expected effort of the customer base.
   */
  effort_hot_spots: TouchpointEffort[]
  /**
   * Largest experience shortfalls over the customer base, largest first.
   */
  shortfalls: TouchpointGap[]
  /**
   * Crossroads over the customer base, most visited first.
   */
  crossroads: Crossroad[]
}
/**
 * Health index of the whole map.
 */
export interface Health1 {
  /**
   * The index.
   */
  index: number
  /**
   * Probability of success.
   */
  conversion: number
  /**
   * Remembered emotion mapped to 0..1.
   */
  emotion?: number | null
  /**
   * 1 - mean normalized effort.
   */
  effort?: number | null
  /**
   * 1 - mean shortfall.
   */
  experience?: number | null
}
/**
 * One touchpoint over the customer base: share-weighted over the personas it applies to.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "TouchpointAggregate".
 */
export interface TouchpointAggregate {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Stage id.
   */
  stage: string
  /**
   * Probability that a customer visits it at least once: Σ share × visit probability.
   */
  visit_probability: number
  /**
   * Expected visits per customer: Σ share × expected visits.
   */
  expected_visits: number
  /**
   * Probability that a customer's journey fails right after it.
   */
  drop_off: number
  /**
   * Share of all conversions that pass through it: Σ share × P(visit) × P(success from
   * here) / Σ share × P(success); `None` when no persona converts.
   */
  removal_effect?: number | null
  /**
   * Mean normalized emotion (-1..1) over the personas that measure it, weighted by share ×
   * visit probability.
   */
  emotion?: number | null
  /**
   * Mean normalized effort (0..1), weighted like `emotion`.
   */
  effort?: number | null
  /**
   * Mean normalized experience gap (-2..2), weighted like `emotion`.
   */
  gap?: number | null
  /**
   * Contribution to the expected effort: Σ share × expected visits × normalized effort.
   */
  effort_contribution: number
  /**
   * Σ share × betweenness.
   */
  betweenness: number
}
/**
 * One survey of the voice-of-the-customer plan.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "SurveyItem".
 */
export interface SurveyItem {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Indicator to ask for.
   */
  metric: 'ces' | 'csat' | 'nps' | 'custom'
  /**
   * Channel id to ask through (the touchpoint's own).
   */
  channel: string
  /**
   * Why this indicator here.
   */
  reason: string
  /**
   * The touchpoint's priority.
   */
  priority: number
}
/**
 * One ranked improvement opportunity.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "OpportunityScore".
 */
export interface OpportunityScore {
  /**
   * Opportunity id.
   */
  opportunity: string
  /**
   * Rank, 1 = do first: by RICE score, then predicted gain, then reach.
   */
  rank: number
  /**
   * Share of the customer base that reaches its touchpoints, 0..1.
   */
  reach: number
  rice: Rice
  /**
   * Value × effort quadrant, when its impact and effort are known.
   */
  quadrant?: ValueEffort | null
  /**
   * Predicted change when it declares effects; `None` otherwise.
   */
  predicted?: Prediction | null
  /**
   * The pains it addresses, most severe first.
   */
  pains: AddressedPain[]
  /**
   * Why it ranks here, in words.
   */
  reasons: string[]
}
/**
 * RICE score and its factors.
 */
export interface Rice {
  /**
   * reach × impact × confidence / effort; `None` without an impact or a positive effort.
   */
  score?: number | null
  /**
   * Share of the customer base that reaches the opportunity's touchpoints, 0..1.
   */
  reach: number
  /**
   * Impact per customer reached on Intercom's scale: 3 massive, 2 high, 1 medium, 0.5 low,
   * 0.25 minimal (0: predicted not to help); `None` without a prediction or a declared value.
   */
  impact?: number | null
  /**
   * Where the impact comes from.
   */
  impact_source?: ImpactSource | null
  /**
   * The declared confidence, or the configured default.
   */
  confidence: number
  /**
   * The declared effort.
   */
  effort?: number | null
}
/**
 * Predicted change of the map (to-be minus as-is) over the customer base, each persona
 * weighted by its share, with the change of each persona.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Prediction".
 */
export interface Prediction {
  /**
   * Change of the probability of success.
   */
  conversion: number
  /**
   * Change of the expected total effort.
   */
  effort: number
  /**
   * Change of the expected channel switches.
   */
  channel_switches: number
  /**
   * Change of the expected hand-offs.
   */
  handoffs: number
  /**
   * Change of the remembered emotion (peak-end, normalized); `None` when either side has no
   * emotion curve.
   */
  peak_end?: number | null
  /**
   * Change of the health index (points): the predicted gain.
   */
  health: number
  /**
   * Per persona scored on both sides, sorted by id.
   */
  personas: PersonaPrediction[]
}
/**
 * Predicted change of one persona's journey (to-be minus as-is).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PersonaPrediction".
 */
export interface PersonaPrediction {
  /**
   * Persona id.
   */
  persona: string
  /**
   * Change of the probability of success.
   */
  conversion: number
  /**
   * Change of the expected total effort.
   */
  effort: number
  /**
   * Change of the expected channel switches.
   */
  channel_switches: number
  /**
   * Change of the expected hand-offs.
   */
  handoffs: number
  /**
   * Change of the remembered emotion (peak-end, normalized); `None` when either side has no
   * emotion curve.
   */
  peak_end?: number | null
  /**
   * Change of the health index (points).
   */
  health: number
}
/**
 * A pain an opportunity addresses.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "AddressedPain".
 */
export interface AddressedPain {
  /**
   * Pain id.
   */
  pain: string
  /**
   * Touchpoint it is felt at.
   */
  touchpoint: string
  /**
   * Its severity.
   */
  severity: 'low' | 'medium' | 'high' | 'critical'
  /**
   * Weight of the severity: low 0.25, medium 0.5, high 0.75, critical 1.
   */
  weight: number
}
/**
 * One problem found in a map, or in an input or a call that works on one.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Diagnostic".
 */
export interface Diagnostic {
  /**
   * Stable code, e.g. `JM040`.
   */
  code: string
  /**
   * How bad it is (the catalogue's severity of the code).
   */
  severity: 'error' | 'warning' | 'info'
  /**
   * JSON pointer (RFC 6901) to the offending value; `""` is the whole document.
   */
  path: string
  /**
   * What is wrong, in a sentence.
   */
  message: string
  /**
   * 1-based line of the offending value, when the input was text.
   */
  line?: number | null
  /**
   * 1-based column of the offending value, when the input was text.
   */
  column?: number | null
}
/**
 * Emotion scores of one persona.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "EmotionScores".
 */
export interface EmotionScores1 {
  /**
   * Per stage (journey order), the visit-probability-weighted mean emotion.
   */
  stages: StageValue[]
  /**
   * The curve along the most likely successful path (see `Conversion::most_likely_path`).
   */
  curve: CurvePoint[]
  /**
   * Summary of the curve; `None` without emotion data.
   */
  summary?: EmotionSummary | null
  /**
   * Expected-visits-weighted mean emotion over the whole journey.
   */
  expected_mean?: Level6 | null
}
/**
 * Effort scores of one persona.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "EffortScores".
 */
export interface EffortScores1 {
  /**
   * Per touchpoint with an effort measure, sorted by id.
   */
  touchpoints: TouchpointEffort[]
  /**
   * Per stage, visit-probability-weighted mean.
   */
  stages: StageValue[]
  /**
   * Expected total normalized effort from entry to outcome.
   */
  expected_total: number
  /**
   * Expected number of channel switches along the journey.
   */
  expected_channel_switches: number
  /**
   * Expected number of hand-offs between owners (silo effect).
   */
  expected_handoffs: number
  /**
   * Touchpoints contributing most to the total.
   */
  hot_spots: TouchpointEffort[]
}
/**
 * Experience gap scores of one persona.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "GapScores".
 */
export interface GapScores1 {
  /**
   * Per touchpoint with both measures, sorted by id.
   */
  touchpoints: TouchpointGap[]
  /**
   * Per stage, visit-probability-weighted mean gap.
   */
  stages: StageValue[]
  /**
   * Largest shortfalls first.
   */
  shortfalls: TouchpointGap[]
}
/**
 * Conversion analytics of one persona (absorbing Markov chain).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Conversion".
 */
export interface Conversion1 {
  /**
   * Probability of each outcome, sorted by id, `__drop_off` last.
   */
  outcomes: OutcomeProbability[]
  /**
   * Probability of a success outcome.
   */
  success_probability: number
  /**
   * Expected number of touchpoints visited before an outcome.
   */
  expected_steps: number
  /**
   * Expected time to an outcome, in the map's time unit (touchpoints without duration count 0).
   */
  expected_time: number
  /**
   * Per touchpoint, sorted by id.
   */
  touchpoints: TouchpointFlow[]
  /**
   * The most likely path that ends in success (touchpoint ids); when no success can be
   * reached, the most likely path of all.
   */
  most_likely_path: string[]
  /**
   * Outcome the most likely path ends in.
   */
  most_likely_outcome?: string | null
  /**
   * Probability of the most likely path.
   */
  most_likely_probability: number
}
/**
 * The factors of a moment-of-truth priority, each 0..1.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Factors".
 */
export interface Factors2 {
  /**
   * Share of journeys that visit it (times persona share when aggregated).
   */
  reach: number
  /**
   * Normalized importance (0.5 when not measured).
   */
  importance: number
  /**
   * The largest of shortfall, negative emotion and declared pain severity.
   */
  pain: number
  /**
   * Emotional change from the previous step, halved to 0..1.
   */
  swing: number
  /**
   * Removal effect (0 when undefined).
   */
  criticality: number
}
/**
 * Journey health index, 0..100, with its parts (each 0..1).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Health".
 */
export interface Health2 {
  /**
   * The index.
   */
  index: number
  /**
   * Probability of success.
   */
  conversion: number
  /**
   * Remembered emotion mapped to 0..1.
   */
  emotion?: number | null
  /**
   * 1 - mean normalized effort.
   */
  effort?: number | null
  /**
   * 1 - mean shortfall.
   */
  experience?: number | null
}
/**
 * Aggregates over personas, weighted by share.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Overall".
 */
export interface Overall1 {
  /**
   * Personas scored, with their weights (sorted by id).
   */
  personas: [unknown, unknown][]
  /**
   * Weighted probability of success.
   */
  success_probability: number
  /**
   * Weighted expected number of steps.
   */
  expected_steps: number
  /**
   * Weighted expected time.
   */
  expected_time: number
  /**
   * Weighted expected total effort.
   */
  expected_effort: number
  /**
   * Weighted expected channel switches.
   */
  expected_channel_switches: number
  /**
   * Weighted expected hand-offs.
   */
  expected_handoffs: number
  /**
   * Weighted remembered emotion (peak-end), normalized -1..1.
   */
  peak_end?: number | null
  health: Health1
  /**
   * Probability of each outcome over the customer base (share-weighted), sorted by id,
   * `__drop_off` last.
   */
  outcomes: OutcomeProbability[]
  /**
   * Share-weighted mean of the personas' expected-visits-weighted mean emotion.
   */
  expected_emotion?: Level6 | null
  /**
   * Per stage (journey order), the mean emotion over the customer base: each persona's
   * touchpoints weighted by share × visit probability.
   */
  emotion_stages: StageValue[]
  /**
   * Per stage, the mean effort over the customer base, weighted like `emotion_stages`.
   */
  effort_stages: StageValue[]
  /**
   * Per stage, the mean experience gap over the customer base, weighted like `emotion_stages`.
   */
  gap_stages: StageValue[]
  /**
   * Every touchpoint scored for at least one persona, over the customer base, sorted by id.
   */
  touchpoints: TouchpointAggregate[]
  /**
   * Touchpoints contributing most to the expected effort of the customer base.
   */
  effort_hot_spots: TouchpointEffort[]
  /**
   * Largest experience shortfalls over the customer base, largest first.
   */
  shortfalls: TouchpointGap[]
  /**
   * Crossroads over the customer base, most visited first.
   */
  crossroads: Crossroad[]
}
/**
 * RICE score (Intercom, McBride 2016): reach × impact × confidence / effort.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Rice".
 */
export interface Rice1 {
  /**
   * reach × impact × confidence / effort; `None` without an impact or a positive effort.
   */
  score?: number | null
  /**
   * Share of the customer base that reaches the opportunity's touchpoints, 0..1.
   */
  reach: number
  /**
   * Impact per customer reached on Intercom's scale: 3 massive, 2 high, 1 medium, 0.5 low,
   * 0.25 minimal (0: predicted not to help); `None` without a prediction or a declared value.
   */
  impact?: number | null
  /**
   * Where the impact comes from.
   */
  impact_source?: ImpactSource | null
  /**
   * The declared confidence, or the configured default.
   */
  confidence: number
  /**
   * The declared effort.
   */
  effort?: number | null
}
/**
 * What the to-be map changes against the as-is map.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Comparison".
 */
export interface Comparison {
  /**
   * Id of the as-is map.
   */
  as_is: string
  /**
   * Id of the to-be map.
   */
  to_be: string
  conversion: Delta
  expected_effort: Delta1
  expected_steps: Delta2
  expected_channel_switches: Delta3
  expected_handoffs: Delta4
  peak_end: Delta5
  health: Delta6
  /**
   * Touchpoints only in the to-be map.
   */
  added: string[]
  /**
   * Touchpoints only in the as-is map.
   */
  removed: string[]
  /**
   * Per touchpoint present in either map, sorted by id.
   */
  touchpoints: TouchpointDelta[]
  /**
   * Per stage present in either map, sorted by id.
   */
  stages: StageDelta[]
}
/**
 * Probability of success.
 */
export interface Delta {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Expected total effort.
 */
export interface Delta1 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Expected number of steps.
 */
export interface Delta2 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Expected channel switches.
 */
export interface Delta3 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Expected hand-offs.
 */
export interface Delta4 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Remembered emotion (peak-end, normalized).
 */
export interface Delta5 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Health index.
 */
export interface Delta6 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Changes at one touchpoint (aggregated over personas).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "TouchpointDelta".
 */
export interface TouchpointDelta {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  reach: Delta7
  emotion: Delta8
  effort: Delta9
  gap: Delta10
  priority: Delta11
  criticality: Delta12
}
/**
 * Share of journeys that visit it.
 */
export interface Delta7 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Normalized emotion (-1..1) of its base measures.
 */
export interface Delta8 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Normalized effort (0..1) of its base measures.
 */
export interface Delta9 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Normalized experience gap of its base measures.
 */
export interface Delta10 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Moment-of-truth priority.
 */
export interface Delta11 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Removal effect (criticality).
 */
export interface Delta12 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Changes at one stage (weighted over personas).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "StageDelta".
 */
export interface StageDelta {
  /**
   * Stage id.
   */
  stage: string
  emotion: Delta13
  effort: Delta14
  gap: Delta15
}
/**
 * Normalized expected emotion.
 */
export interface Delta13 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Normalized expected effort.
 */
export interface Delta14 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Normalized expected gap.
 */
export interface Delta15 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * A value before and after.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Delta".
 */
export interface Delta16 {
  /**
   * In the as-is map.
   */
  before?: number | null
  /**
   * In the to-be map.
   */
  after?: number | null
  /**
   * after - before, when both exist.
   */
  change?: number | null
}
/**
 * Scores of one observed path. Emotion values are normalized to -1..1, effort to 0..1.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PathScore".
 */
export interface PathScore {
  /**
   * Steps in the path.
   */
  steps: number
  /**
   * Steps naming a touchpoint of the map that applies to the persona.
   */
  on_map: number
  /**
   * Steps naming no such touchpoint.
   */
  off_map: number
  /**
   * Consecutive on-map steps with no transition between them in the map.
   */
  unexpected_moves: number
  /**
   * Moves back to an earlier stage.
   */
  backtracks: number
  /**
   * Stages jumped over by moves forward.
   */
  skipped_stages: number
  /**
   * Changes of channel between consecutive on-map steps.
   */
  channel_switches: number
  /**
   * Changes of owner between consecutive on-map steps (both owners known).
   */
  handoffs: number
  /**
   * Sum of normalized effort over steps with an effort measure.
   */
  effort_total: number
  /**
   * Mean normalized effort; `None` without effort data.
   */
  effort_mean?: number | null
  /**
   * Sum of step durations, in the map's time unit.
   */
  duration_total: number
  /**
   * Mean emotion.
   */
  emotion_mean?: number | null
  /**
   * Most intense moment.
   */
  peak?: number | null
  /**
   * Best moment.
   */
  best?: number | null
  /**
   * Worst moment.
   */
  worst?: number | null
  /**
   * Last moment with an emotion.
   */
  end?: number | null
  /**
   * Remembered experience, (peak + end) / 2.
   */
  peak_end?: number | null
  /**
   * Mean absolute change between consecutive emotions.
   */
  volatility?: number | null
}
/**
 * One observed path explained: its scores, every step with its deviation from the map, and the
 * valleys of its emotion curve.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PathReport".
 */
export interface PathReport {
  /**
   * Steps in the path.
   */
  steps: number
  /**
   * Steps naming a touchpoint of the map that applies to the persona.
   */
  on_map: number
  /**
   * Steps naming no such touchpoint.
   */
  off_map: number
  /**
   * Consecutive on-map steps with no transition between them in the map.
   */
  unexpected_moves: number
  /**
   * Moves back to an earlier stage.
   */
  backtracks: number
  /**
   * Stages jumped over by moves forward.
   */
  skipped_stages: number
  /**
   * Changes of channel between consecutive on-map steps.
   */
  channel_switches: number
  /**
   * Changes of owner between consecutive on-map steps (both owners known).
   */
  handoffs: number
  /**
   * Sum of normalized effort over steps with an effort measure.
   */
  effort_total: number
  /**
   * Mean normalized effort; `None` without effort data.
   */
  effort_mean?: number | null
  /**
   * Sum of step durations, in the map's time unit.
   */
  duration_total: number
  /**
   * Mean emotion.
   */
  emotion_mean?: number | null
  /**
   * Most intense moment.
   */
  peak?: number | null
  /**
   * Best moment.
   */
  best?: number | null
  /**
   * Worst moment.
   */
  worst?: number | null
  /**
   * Last moment with an emotion.
   */
  end?: number | null
  /**
   * Remembered experience, (peak + end) / 2.
   */
  peak_end?: number | null
  /**
   * Mean absolute change between consecutive emotions.
   */
  volatility?: number | null
  /**
   * Every step in order, with its deviation from the map; the emotion curve is the steps'
   * `emotion` values. (`steps`, from the scores, is their number.)
   */
  trace: PathStep[]
  /**
   * Positions (in `trace`) of the local minima of the emotion curve below neutral.
   */
  valleys: number[]
}
/**
 * One step of an observed path. Emotion is normalized to -1..1, effort to 0..1.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PathStep".
 */
export interface PathStep {
  /**
   * The id given for this step.
   */
  touchpoint: string
  /**
   * Whether it names a touchpoint of the map that applies to the persona.
   */
  on_map: boolean
  /**
   * Stage id (on-map steps).
   */
  stage?: string | null
  /**
   * Channel id (on-map steps).
   */
  channel?: string | null
  /**
   * Normalized emotion, when measured.
   */
  emotion?: number | null
  /**
   * Normalized effort, when measured.
   */
  effort?: number | null
  /**
   * The map has no transition from the previous on-map step to this one.
   */
  unexpected_move: boolean
  /**
   * This step is in an earlier stage than the previous on-map step.
   */
  backtrack: boolean
  /**
   * Stages jumped over from the previous on-map step.
   */
  skipped_stages: number
  /**
   * The channel changed from the previous on-map step.
   */
  channel_switch: boolean
  /**
   * The owner changed from the previous on-map step (both known).
   */
  handoff: boolean
}
/**
 * Scores of many paths, one column per field of [`PathScore`].
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PathColumns".
 */
export interface PathColumns {
  /**
   * See [`PathScore::steps`].
   */
  steps: number[]
  /**
   * See [`PathScore::on_map`].
   */
  on_map: number[]
  /**
   * See [`PathScore::off_map`].
   */
  off_map: number[]
  /**
   * See [`PathScore::unexpected_moves`].
   */
  unexpected_moves: number[]
  /**
   * See [`PathScore::backtracks`].
   */
  backtracks: number[]
  /**
   * See [`PathScore::skipped_stages`].
   */
  skipped_stages: number[]
  /**
   * See [`PathScore::channel_switches`].
   */
  channel_switches: number[]
  /**
   * See [`PathScore::handoffs`].
   */
  handoffs: number[]
  /**
   * See [`PathScore::effort_total`].
   */
  effort_total: number[]
  /**
   * See [`PathScore::effort_mean`].
   */
  effort_mean: (number | null)[]
  /**
   * See [`PathScore::duration_total`].
   */
  duration_total: number[]
  /**
   * See [`PathScore::emotion_mean`].
   */
  emotion_mean: (number | null)[]
  /**
   * See [`PathScore::peak`].
   */
  peak: (number | null)[]
  /**
   * See [`PathScore::best`].
   */
  best: (number | null)[]
  /**
   * See [`PathScore::worst`].
   */
  worst: (number | null)[]
  /**
   * See [`PathScore::end`].
   */
  end: (number | null)[]
  /**
   * See [`PathScore::peak_end`].
   */
  peak_end: (number | null)[]
  /**
   * See [`PathScore::volatility`].
   */
  volatility: (number | null)[]
}
/**
 * The opportunities to do first within an effort budget, chosen greedily by marginal
 * predicted gain per unit of effort.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "Portfolio".
 */
export interface Portfolio {
  /**
   * The effort budget; `None` for no limit.
   */
  budget?: number | null
  /**
   * Opportunity ids chosen, in the order they were chosen.
   */
  chosen: string[]
  /**
   * Their total effort.
   */
  effort: number
  predicted: Prediction1
  /**
   * Each choice with its marginal gain.
   */
  steps: PortfolioStep[]
  /**
   * Opportunities left out, effects skipped in the combination.
   */
  diagnostics: Diagnostic[]
}
/**
 * Predicted change of the map (to-be minus as-is) over the customer base, each persona
 * weighted by its share, with the change of each persona.
 */
export interface Prediction1 {
  /**
   * Change of the probability of success.
   */
  conversion: number
  /**
   * Change of the expected total effort.
   */
  effort: number
  /**
   * Change of the expected channel switches.
   */
  channel_switches: number
  /**
   * Change of the expected hand-offs.
   */
  handoffs: number
  /**
   * Change of the remembered emotion (peak-end, normalized); `None` when either side has no
   * emotion curve.
   */
  peak_end?: number | null
  /**
   * Change of the health index (points): the predicted gain.
   */
  health: number
  /**
   * Per persona scored on both sides, sorted by id.
   */
  personas: PersonaPrediction[]
}
/**
 * One opportunity chosen for a portfolio.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PortfolioStep".
 */
export interface PortfolioStep {
  /**
   * Opportunity id.
   */
  opportunity: string
  /**
   * Its declared effort.
   */
  effort: number
  /**
   * Its marginal gain: the change of the health index when it is added to the opportunities
   * chosen before it, the effects of all re-scored together.
   */
  gain: number
  /**
   * Gain per unit of effort; `None` for an effort of 0.
   */
  gain_per_effort?: number | null
  /**
   * Effort spent once it is chosen.
   */
  spent: number
}
/**
 * Settings of [`JourneyMap::score`](crate::JourneyMap::score). Every field has a documented
 * default; unknown fields are refused.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "ScoringConfig".
 */
export interface ScoringConfig {
  weights?: PriorityWeights
  /**
   * Importance-performance crosshair.
   */
  crosshair?: 'scale_midpoint' | 'data_mean'
  health?: HealthWeights
  survey?: SurveyConfig
  /**
   * Length of the short lists (effort hot spots, largest shortfalls); default 5.
   */
  top?: number | null
  opportunities?: OpportunityConfig
}
/**
 * Weights of the moment-of-truth priority.
 */
export interface PriorityWeights {
  /**
   * Share of journeys that visit the touchpoint.
   */
  reach?: number
  /**
   * Importance to the customer.
   */
  importance?: number
  /**
   * Experience shortfall, negative emotion or declared pain.
   */
  pain?: number
  /**
   * Emotional swing versus the previous step.
   */
  swing?: number
  /**
   * Removal effect: share of conversions that pass through the touchpoint.
   */
  criticality?: number
}
/**
 * Health index weights.
 */
export interface HealthWeights {
  /**
   * Probability of success.
   */
  conversion?: number
  /**
   * Remembered emotion (peak-end).
   */
  emotion?: number
  /**
   * Ease (1 - mean normalized effort).
   */
  effort?: number
  /**
   * Met expectations (1 - mean shortfall).
   */
  experience?: number
}
/**
 * Survey plan settings.
 */
export interface SurveyConfig {
  /**
   * Most surveys in the plan.
   */
  max_surveys?: number
  /**
   * Fewest steps between two surveyed touchpoints on a persona's most likely path.
   */
  min_spacing?: number
  /**
   * Normalized effort (0..1) from which a step counts as effortful (CES).
   */
  effort_threshold?: number
}
/**
 * Opportunity scores: RICE impact levels and the value × effort grid.
 */
export interface OpportunityConfig {
  impact?: ImpactThresholds
  value_scale?: ValueScale
  /**
   * Confidence of an opportunity that declares none (Intercom's "low confidence", 0.5).
   */
  default_confidence?: number
  /**
   * RICE impact from which an opportunity is of high value in the value × effort grid
   * (default 1, "medium").
   */
  high_impact?: number
  /**
   * Effort above which an opportunity is of high effort in the value × effort grid; by
   * default (`null`) the median of the efforts the map's opportunities declare.
   */
  high_effort?: number | null
}
/**
 * Levels of a predicted RICE impact.
 */
export interface ImpactThresholds {
  /**
   * Massive impact (3).
   */
  massive?: number
  /**
   * High impact (2).
   */
  high?: number
  /**
   * Medium impact (1).
   */
  medium?: number
  /**
   * Low impact (0.5).
   */
  low?: number
}
/**
 * Scale of declared `value`s, read as a rating 1..5 (5 massive, 4 high, 3 medium, 2 low,
 * 1 minimal impact) when an opportunity has no prediction.
 */
export interface ValueScale {
  /**
   * The lowest value (a rating of 1, minimal impact).
   */
  min?: number
  /**
   * The highest value (a rating of 5, massive impact).
   */
  max?: number
}
/**
 * Weights of the moment-of-truth priority factors (any non-negative numbers; they are divided
 * by their sum).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "PriorityWeights".
 */
export interface PriorityWeights1 {
  /**
   * Share of journeys that visit the touchpoint.
   */
  reach?: number
  /**
   * Importance to the customer.
   */
  importance?: number
  /**
   * Experience shortfall, negative emotion or declared pain.
   */
  pain?: number
  /**
   * Emotional swing versus the previous step.
   */
  swing?: number
  /**
   * Removal effect: share of conversions that pass through the touchpoint.
   */
  criticality?: number
}
/**
 * Weights of the health index parts.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "HealthWeights".
 */
export interface HealthWeights1 {
  /**
   * Probability of success.
   */
  conversion?: number
  /**
   * Remembered emotion (peak-end).
   */
  emotion?: number
  /**
   * Ease (1 - mean normalized effort).
   */
  effort?: number
  /**
   * Met expectations (1 - mean shortfall).
   */
  experience?: number
}
/**
 * Settings of the survey plan.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "SurveyConfig".
 */
export interface SurveyConfig1 {
  /**
   * Most surveys in the plan.
   */
  max_surveys?: number
  /**
   * Fewest steps between two surveyed touchpoints on a persona's most likely path.
   */
  min_spacing?: number
  /**
   * Normalized effort (0..1) from which a step counts as effortful (CES).
   */
  effort_threshold?: number
}
/**
 * Settings of the opportunity scores: RICE impact levels and the value × effort grid.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "OpportunityConfig".
 */
export interface OpportunityConfig1 {
  impact?: ImpactThresholds
  value_scale?: ValueScale
  /**
   * Confidence of an opportunity that declares none (Intercom's "low confidence", 0.5).
   */
  default_confidence?: number
  /**
   * RICE impact from which an opportunity is of high value in the value × effort grid
   * (default 1, "medium").
   */
  high_impact?: number
  /**
   * Effort above which an opportunity is of high effort in the value × effort grid; by
   * default (`null`) the median of the efforts the map's opportunities declare.
   */
  high_effort?: number | null
}
/**
 * Predicted health-index gain per reached customer (points) from which a predicted RICE
 * impact takes each level of Intercom's scale; any smaller positive gain is minimal (0.25).
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "ImpactThresholds".
 */
export interface ImpactThresholds1 {
  /**
   * Massive impact (3).
   */
  massive?: number
  /**
   * High impact (2).
   */
  high?: number
  /**
   * Medium impact (1).
   */
  medium?: number
  /**
   * Low impact (0.5).
   */
  low?: number
}
/**
 * The scale an opportunity's declared `value` is on.
 *
 * This interface was referenced by `ScoresSchema`'s JSON-Schema
 * via the `definition` "ValueScale".
 */
export interface ValueScale1 {
  /**
   * The lowest value (a rating of 1, minimal impact).
   */
  min?: number
  /**
   * The highest value (a rating of 5, massive impact).
   */
  max?: number
}
