/* Generated from the journeymap JSON Schemas by generate-types.mjs; do not edit. */

/**
 * Which journey a map describes.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "MapState".
 */
export type MapState = 'as_is' | 'to_be' | 'actual'
/**
 * Who a map is for.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "MapView".
 */
export type MapView = 'customer' | 'service_blueprint'
/**
 * Which way an effort scale points. CES 1.0 ("how much effort did you put forth", 1..5) is
 * `higher_is_more_effort`; CES 2.0 ("the company made it easy", 1..7) is `higher_is_easier`.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "EffortDirection".
 */
export type EffortDirection = 'higher_is_more_effort' | 'higher_is_easier'
/**
 * Unit of `duration` measures.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "TimeUnit".
 */
export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days'
/**
 * Kind of medium.
 */
export type ChannelKind = 'digital' | 'physical' | 'human' | 'print' | 'other'
/**
 * Whether the customer acts alone or with an employee.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "ServiceMode".
 */
export type ServiceMode = 'self_service' | 'assisted'
/**
 * Which way a KPI is good.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "KpiDirection".
 */
export type KpiDirection = 'higher_is_better' | 'lower_is_better'
/**
 * Whether the customer sees a touchpoint.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Visibility".
 */
export type Visibility = 'frontstage' | 'backstage'
/**
 * Where the figures come from.
 */
export type EvidenceSource = 'workshop' | 'survey' | 'analytics' | 'interview' | 'observation' | 'assumption'
/**
 * How strongly a pain hurts or a gain delights.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "NoteSeverity".
 */
export type NoteSeverity = 'low' | 'medium' | 'high' | 'critical'
/**
 * Kind of moment of truth.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "MomentOfTruthKind".
 */
export type MomentOfTruthKind = 'zero' | 'first' | 'second' | 'contact'
/**
 * Which indicator.
 */
export type SurveyMetric = 'ces' | 'csat' | 'nps' | 'custom'
/**
 * How often a survey is sent.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Recurrence".
 */
export type Recurrence = 'every_interaction' | 'once' | 'monthly' | 'quarterly' | 'yearly'
/**
 * Success, failure or neutral.
 */
export type OutcomeKind = 'success' | 'failure' | 'neutral'
/**
 * Where an improvement idea stands.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "OpportunityStatus".
 */
export type OpportunityStatus = 'idea' | 'planned' | 'in_progress' | 'done' | 'rejected'
/**
 * Kind of medium a channel is.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "ChannelKind".
 */
export type ChannelKind1 = 'digital' | 'physical' | 'human' | 'print' | 'other'
/**
 * Where a figure comes from.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "EvidenceSource".
 */
export type EvidenceSource1 = 'workshop' | 'survey' | 'analytics' | 'interview' | 'observation' | 'assumption'
/**
 * Indicator a survey asks for.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "SurveyMetric".
 */
export type SurveyMetric1 = 'ces' | 'csat' | 'nps' | 'custom'
/**
 * Kind of terminal state.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "OutcomeKind".
 */
export type OutcomeKind1 = 'success' | 'failure' | 'neutral'

/**
 * A customer journey map, format v1.
 */
export interface JourneyMapDocument {
  /**
   * Format version of this document. Must be `"1.0"` (a later `1.x` is read with a warning).
   */
  format_version: string
  /**
   * Identifier of the map.
   */
  id: string
  /**
   * Human-readable title.
   */
  title: string
  /**
   * What the map describes and for whom.
   */
  description?: string | null
  /**
   * Which journey this is: today's (`as_is`, the default), the designed target (`to_be`), or
   * one observed customer's journey (`actual`).
   */
  state?: MapState | null
  /**
   * Who the map is for: a customer-facing journey (`customer`, the default) shows only what the
   * customer perceives; a `service_blueprint` also holds backstage steps.
   */
  view?: MapView | null
  /**
   * BCP 47 language tag of the texts, e.g. `fr-FR`.
   */
  locale?: string | null
  metadata?: Metadata
  scales?: Scales
  /**
   * Customer types, each with its own journey through the graph.
   */
  personas?: Persona[]
  /**
   * The media through which touchpoints happen.
   */
  channels?: Channel[]
  /**
   * The steps of the journey as the customer sees it.
   */
  stages?: Stage[]
  /**
   * The scored units: a step at the crossing of a stage and a channel.
   */
  touchpoints?: Touchpoint[]
  /**
   * The journey graph: moves from a touchpoint to a touchpoint or an outcome.
   */
  transitions?: Transition[]
  /**
   * Where each persona's journey starts.
   */
  entries?: Entry[]
  /**
   * Terminal states of the journey (signed, abandoned, ...).
   */
  outcomes?: Outcome[]
  /**
   * Improvement ideas linked to touchpoints and pains.
   */
  opportunities?: Opportunity[]
  /**
   * Free JSON for tools that extend the format; kept as is.
   */
  extensions?: {
    [k: string]: unknown
  }
  /**
   * This interface was referenced by `JourneyMapDocument`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Authors, dates, tags and provenance.
 */
export interface Metadata {
  /**
   * People or teams who built the map.
   */
  authors?: string[]
  /**
   * Creation date, ISO 8601.
   */
  created?: string | null
  /**
   * Last update, ISO 8601.
   */
  updated?: string | null
  /**
   * Free tags.
   */
  tags?: string[]
  /**
   * Revision of the map's content (free text, e.g. `2026-Q3`).
   */
  revision?: string | null
  /**
   * For a `to_be` or `actual` map: id of the map it derives from (the as-is or planned map).
   */
  based_on?: string | null
  /**
   * For a `to_be` map made by applying opportunities' effects to the map named in
   * `based_on`: the ids of those opportunities, in the order their effects were applied.
   */
  applied_opportunities?: string[]
  /**
   * This interface was referenced by `Metadata`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Scales of every measured quantity. Omitted scales take the documented defaults.
 */
export interface Scales {
  /**
   * Emotional intensity; default -2..+2 (negative = bad, midpoint = neutral).
   */
  emotion?: Scale | null
  /**
   * Customer effort; default 1..7, `higher_is_more_effort`.
   */
  effort?: EffortScale | null
  /**
   * Importance of a touchpoint to the customer; default 1..5.
   */
  importance?: Scale | null
  /**
   * Satisfaction (CSAT-style); default 1..5.
   */
  satisfaction?: Scale | null
  /**
   * Unit of every `duration`; default minutes.
   */
  time_unit?: TimeUnit | null
  /**
   * This interface was referenced by `Scales`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A numeric scale: the closed interval `[min, max]`.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Scale".
 */
export interface Scale {
  /**
   * Lowest value of the scale.
   */
  min: number
  /**
   * Highest value of the scale (must be greater than `min`).
   */
  max: number
  /**
   * This interface was referenced by `Scale`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * The effort scale: bounds and direction.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "EffortScale".
 */
export interface EffortScale {
  /**
   * Lowest value of the scale.
   */
  min: number
  /**
   * Highest value of the scale (must be greater than `min`).
   */
  max: number
  /**
   * Which way the scale points; default `higher_is_more_effort`.
   */
  direction?: EffortDirection | null
  /**
   * This interface was referenced by `EffortScale`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A named, semi-fictional customer type with its own journey.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Persona".
 */
export interface Persona {
  /**
   * Identifier, referenced by touchpoints, transitions and entries.
   */
  id: string
  /**
   * Display name, e.g. "Julie, busy parent".
   */
  name: string
  /**
   * Who this customer is.
   */
  description?: string | null
  /**
   * Share of the customer base this persona stands for, 0..1. Shares of all personas
   * should not sum over 1. Scores aggregated over personas are weighted by it.
   */
  share?: number | null
  /**
   * What the customer wants to achieve.
   */
  goals?: string[]
  /**
   * What drives the customer.
   */
  motivations?: string[]
  /**
   * What annoys the customer.
   */
  frustrations?: string[]
  /**
   * Channels the customer prefers (channel ids).
   */
  preferred_channels?: string[]
  /**
   * Free attributes (age band, region, segment, ...).
   */
  attributes?: {
    [k: string]: unknown
  }
  /**
   * This interface was referenced by `Persona`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A medium through which touchpoints happen.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Channel".
 */
export interface Channel {
  /**
   * Identifier, referenced by touchpoints and personas.
   */
  id: string
  /**
   * Display name, e.g. "Mobile app".
   */
  name: string
  kind: ChannelKind
  /**
   * Self-service or assisted.
   */
  mode?: ServiceMode | null
  /**
   * This interface was referenced by `Channel`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A step of the journey as the customer sees it (discover, compare, buy, ...).
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Stage".
 */
export interface Stage {
  /**
   * Identifier, referenced by touchpoints.
   */
  id: string
  /**
   * Display name.
   */
  name: string
  /**
   * Position in the journey (ascending). Stages without it follow in array order.
   */
  order?: number | null
  /**
   * What happens in this stage.
   */
  description?: string | null
  /**
   * What the customer wants from this stage.
   */
  customer_goal?: string | null
  /**
   * What the business wants from this stage.
   */
  business_goal?: string | null
  /**
   * Indicators followed for this stage.
   */
  kpis?: Kpi[]
  /**
   * This interface was referenced by `Stage`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A key performance indicator attached to a stage.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Kpi".
 */
export interface Kpi {
  /**
   * Name, e.g. "conversion rate", "CSAT", "time to resolution".
   */
  name: string
  /**
   * Unit, e.g. "%", "hours", "EUR".
   */
  unit?: string | null
  /**
   * Target value.
   */
  target?: number | null
  /**
   * Measured value.
   */
  actual?: number | null
  /**
   * Which way is good.
   */
  direction?: KpiDirection | null
  /**
   * This interface was referenced by `Kpi`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A step at the crossing of a stage and a channel: the unit that is scored.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Touchpoint".
 */
export interface Touchpoint {
  /**
   * Identifier, referenced by transitions, entries and opportunities. Shares one namespace with
   * outcome ids.
   */
  id: string
  /**
   * Display name, e.g. "Reads the product page".
   */
  name: string
  /**
   * Stage id.
   */
  stage: string
  /**
   * Channel id.
   */
  channel: string
  /**
   * What happens here.
   */
  description?: string | null
  /**
   * What the customer does.
   */
  customer_action?: string | null
  /**
   * Persona ids this touchpoint applies to; empty or absent means every persona.
   */
  personas?: string[]
  /**
   * Frontstage (seen by the customer, default) or backstage.
   */
  visibility?: Visibility | null
  /**
   * Internal team responsible for the touchpoint. A change of owner between consecutive
   * touchpoints is a hand-off.
   */
  owner?: string | null
  measures?: Measures
  /**
   * Per-persona overrides of `measures`, keyed by persona id; unset fields fall back to
   * `measures`. Keys starting with `x-` are tool data, not persona ids.
   */
  persona_measures?: {
    [k: string]: Measures1
  }
  /**
   * How well-founded the measures are.
   */
  evidence?: Evidence | null
  /**
   * Irritants felt here.
   */
  pains?: Note[]
  /**
   * Enchanters felt here.
   */
  gains?: Note[]
  /**
   * Declared moment of truth: the relationship can tip here.
   */
  moment_of_truth?: boolean
  /**
   * Kind of moment of truth, when declared.
   */
  moment_of_truth_kind?: MomentOfTruthKind | null
  /**
   * Voice-of-the-customer plan at this touchpoint.
   */
  survey?: SurveyPlan | null
  /**
   * This interface was referenced by `Touchpoint`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Measures for every persona.
 */
export interface Measures {
  /**
   * Perceived emotion, on the emotion scale.
   */
  emotion?: number | null
  /**
   * Emotion the customer expected, on the emotion scale (SERVQUAL expectation).
   */
  expected_emotion?: number | null
  /**
   * Customer effort, on the effort scale.
   */
  effort?: number | null
  /**
   * Importance to the customer, on the importance scale.
   */
  importance?: number | null
  /**
   * Satisfaction, on the satisfaction scale.
   */
  satisfaction?: number | null
  /**
   * Time the step takes, in the map's time unit (>= 0).
   */
  duration?: number | null
  /**
   * Number of customers passing through per period (>= 0).
   */
  volume?: number | null
  /**
   * Share of customers who abandon the journey at this touchpoint, 0..1.
   */
  drop_off?: number | null
  /**
   * This interface was referenced by `Measures`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Measured or estimated values of a touchpoint, each on the map's declared scale.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Measures".
 */
export interface Measures1 {
  /**
   * Perceived emotion, on the emotion scale.
   */
  emotion?: number | null
  /**
   * Emotion the customer expected, on the emotion scale (SERVQUAL expectation).
   */
  expected_emotion?: number | null
  /**
   * Customer effort, on the effort scale.
   */
  effort?: number | null
  /**
   * Importance to the customer, on the importance scale.
   */
  importance?: number | null
  /**
   * Satisfaction, on the satisfaction scale.
   */
  satisfaction?: number | null
  /**
   * Time the step takes, in the map's time unit (>= 0).
   */
  duration?: number | null
  /**
   * Number of customers passing through per period (>= 0).
   */
  volume?: number | null
  /**
   * Share of customers who abandon the journey at this touchpoint, 0..1.
   */
  drop_off?: number | null
  /**
   * This interface was referenced by `Measures1`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * How well-founded a touchpoint's measures are.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  source: EvidenceSource
  /**
   * Number of customers measured.
   */
  n?: number | null
  /**
   * Date of the measure, ISO 8601.
   */
  date?: string | null
  /**
   * Free note (survey name, dashboard, ...).
   */
  note?: string | null
  /**
   * This interface was referenced by `Evidence`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A pain (irritant) or a gain (enchanter) felt at a touchpoint.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Note".
 */
export interface Note {
  /**
   * Identifier, for opportunities that address it. Unique among pains and gains of the map.
   */
  id?: string | null
  /**
   * What the customer feels, in their words.
   */
  text: string
  /**
   * How strongly; default `medium`.
   */
  severity?: NoteSeverity | null
  /**
   * This interface was referenced by `Note`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * How the voice of the customer is collected at a touchpoint.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "SurveyPlan".
 */
export interface SurveyPlan {
  metric: SurveyMetric
  /**
   * The question asked, for `custom` or to record the wording.
   */
  question?: string | null
  /**
   * How often.
   */
  recurrence?: Recurrence | null
  /**
   * Share of customers asked, 0..1.
   */
  sample_rate?: number | null
  /**
   * This interface was referenced by `SurveyPlan`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A move of the customer from a touchpoint to a touchpoint or an outcome.
 *
 * Weights: when `probability` is given it is used; otherwise `count` (observed moves) is
 * turned into a probability by dividing by the counts out of the same touchpoint; when neither
 * is given, the moves out of a touchpoint share its remaining probability equally.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface Transition {
  /**
   * Touchpoint id the customer leaves.
   */
  from: string
  /**
   * Touchpoint or outcome id the customer reaches.
   */
  to: string
  /**
   * Persona ids this move applies to; empty or absent means every persona.
   */
  personas?: string[]
  /**
   * Probability of this move from `from`, 0..1.
   */
  probability?: number | null
  /**
   * Number of observed moves (>= 0).
   */
  count?: number | null
  /**
   * Free label ("retry", "asks for a call back").
   */
  label?: string | null
  /**
   * This interface was referenced by `Transition`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Where a persona's journey starts.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface Entry {
  /**
   * Touchpoint id where the journey starts.
   */
  touchpoint: string
  /**
   * Persona ids this entry applies to; empty or absent means every persona.
   */
  personas?: string[]
  /**
   * Probability of starting here, 0..1. Entries of a persona without probabilities share
   * the remaining probability equally.
   */
  probability?: number | null
  /**
   * Number of observed journeys starting here (>= 0), used when no probability is given.
   */
  count?: number | null
  /**
   * This interface was referenced by `Entry`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A terminal state of the journey.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  /**
   * Identifier, referenced by transitions. Shares one namespace with touchpoint ids.
   */
  id: string
  /**
   * Display name, e.g. "Loan signed".
   */
  name: string
  kind: OutcomeKind
  /**
   * What it means.
   */
  description?: string | null
  /**
   * Value of reaching it (revenue, lifetime value), in any unit.
   */
  value?: number | null
  /**
   * This interface was referenced by `Outcome`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * An improvement idea linked to touchpoints and pains.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Opportunity".
 */
export interface Opportunity {
  /**
   * Identifier.
   */
  id: string
  /**
   * Short title.
   */
  title: string
  /**
   * What would change.
   */
  description?: string | null
  /**
   * Touchpoint ids it improves.
   */
  touchpoints?: string[]
  /**
   * Pain ids it relieves.
   */
  pains?: string[]
  /**
   * Expected value or impact (> 0, any consistent unit, e.g. 1..5).
   */
  value?: number | null
  /**
   * Expected effort to deliver (> 0, any consistent unit, e.g. person-weeks).
   */
  effort?: number | null
  /**
   * Confidence in the value estimate, 0..1.
   */
  confidence?: number | null
  /**
   * Where it stands.
   */
  status?: OpportunityStatus | null
  /**
   * What the map would be once it is delivered: new measure values, changed, added or
   * removed moves, removed touchpoints. Scoring re-scores the map with them applied to
   * predict the opportunity's impact.
   */
  effects?: Effects | null
  /**
   * This interface was referenced by `Opportunity`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * The expected effects of an opportunity on the map. Applied together (with those of other
 * opportunities) kind by kind: removed moves, then changed or added moves, then removed
 * touchpoints, then new measure values.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Effects".
 */
export interface Effects {
  /**
   * New values of touchpoint measures.
   */
  measures?: MeasureEffect[]
  /**
   * Moves changed (the transition with the same `from`, `to` and personas gets these
   * weights; duplicates of it are dropped) or added (when the map has no such transition).
   */
  transitions?: TransitionEffect[]
  /**
   * Moves removed: the transitions with this `from`, `to` and personas.
   */
  removed_transitions?: RemovedTransition[]
  /**
   * Touchpoints removed, the moves and entries into each sent to another touchpoint.
   */
  removed_touchpoints?: RemovedTouchpoint[]
  /**
   * This interface was referenced by `Effects`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * New values of a touchpoint's measures, for every persona or for some.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "MeasureEffect".
 */
export interface MeasureEffect {
  /**
   * Touchpoint id.
   */
  touchpoint: string
  /**
   * Persona ids the new values are for (written to `persona_measures`); empty or absent
   * means every persona: the values are written to `measures` and the same fields of every
   * persona override are dropped, so that the new value holds for everyone.
   */
  personas?: string[]
  measures: Measures2
  /**
   * This interface was referenced by `MeasureEffect`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Measured or estimated values of a touchpoint, each on the map's declared scale.
 */
export interface Measures2 {
  /**
   * Perceived emotion, on the emotion scale.
   */
  emotion?: number | null
  /**
   * Emotion the customer expected, on the emotion scale (SERVQUAL expectation).
   */
  expected_emotion?: number | null
  /**
   * Customer effort, on the effort scale.
   */
  effort?: number | null
  /**
   * Importance to the customer, on the importance scale.
   */
  importance?: number | null
  /**
   * Satisfaction, on the satisfaction scale.
   */
  satisfaction?: number | null
  /**
   * Time the step takes, in the map's time unit (>= 0).
   */
  duration?: number | null
  /**
   * Number of customers passing through per period (>= 0).
   */
  volume?: number | null
  /**
   * Share of customers who abandon the journey at this touchpoint, 0..1.
   */
  drop_off?: number | null
  /**
   * This interface was referenced by `Measures2`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A move changed or added: after the change, the transition from `from` to `to` for these
 * personas has these weights.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "TransitionEffect".
 */
export interface TransitionEffect {
  /**
   * Touchpoint id the customer leaves.
   */
  from: string
  /**
   * Touchpoint or outcome id the customer reaches.
   */
  to: string
  /**
   * Persona ids of the transition (matched as a set); empty or absent means the transition
   * for every persona.
   */
  personas?: string[]
  /**
   * New probability of the move, 0..1 (replaces the transition's `probability` and `count`).
   */
  probability?: number | null
  /**
   * New number of observed moves (>= 0), when no probability is given.
   */
  count?: number | null
  /**
   * New label; the transition keeps its own when absent.
   */
  label?: string | null
  /**
   * This interface was referenced by `TransitionEffect`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A move removed.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "RemovedTransition".
 */
export interface RemovedTransition {
  /**
   * Touchpoint id the customer leaves.
   */
  from: string
  /**
   * Touchpoint or outcome id the customer reaches.
   */
  to: string
  /**
   * Persona ids of the transition (matched as a set); empty or absent means the transition
   * for every persona.
   */
  personas?: string[]
  /**
   * This interface was referenced by `RemovedTransition`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * A touchpoint removed from the journey: its moves out are dropped, and the moves and entries
 * into it go to `redirect_to` instead.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "RemovedTouchpoint".
 */
export interface RemovedTouchpoint {
  /**
   * Touchpoint id removed.
   */
  touchpoint: string
  /**
   * Touchpoint id that the moves and entries into the removed touchpoint go to.
   */
  redirect_to: string
  /**
   * This interface was referenced by `RemovedTouchpoint`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Authors, dates, tags and provenance of a map.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata1 {
  /**
   * People or teams who built the map.
   */
  authors?: string[]
  /**
   * Creation date, ISO 8601.
   */
  created?: string | null
  /**
   * Last update, ISO 8601.
   */
  updated?: string | null
  /**
   * Free tags.
   */
  tags?: string[]
  /**
   * Revision of the map's content (free text, e.g. `2026-Q3`).
   */
  revision?: string | null
  /**
   * For a `to_be` or `actual` map: id of the map it derives from (the as-is or planned map).
   */
  based_on?: string | null
  /**
   * For a `to_be` map made by applying opportunities' effects to the map named in
   * `based_on`: the ids of those opportunities, in the order their effects were applied.
   */
  applied_opportunities?: string[]
  /**
   * This interface was referenced by `Metadata1`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
/**
 * Scales of the measured quantities. Each omitted scale takes its default:
 * emotion -2..+2, effort 1..7 (`higher_is_more_effort`), importance 1..5, satisfaction 1..5,
 * durations in minutes.
 *
 * This interface was referenced by `JourneyMapDocument`'s JSON-Schema
 * via the `definition` "Scales".
 */
export interface Scales1 {
  /**
   * Emotional intensity; default -2..+2 (negative = bad, midpoint = neutral).
   */
  emotion?: Scale | null
  /**
   * Customer effort; default 1..7, `higher_is_more_effort`.
   */
  effort?: EffortScale | null
  /**
   * Importance of a touchpoint to the customer; default 1..5.
   */
  importance?: Scale | null
  /**
   * Satisfaction (CSAT-style); default 1..5.
   */
  satisfaction?: Scale | null
  /**
   * Unit of every `duration`; default minutes.
   */
  time_unit?: TimeUnit | null
  /**
   * This interface was referenced by `Scales1`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown
}
