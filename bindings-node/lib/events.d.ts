// Event logs: declarations of EventLog, Aggregate and their results (the JSON the core writes,
// shared byte for byte with Rust and Python). Implemented by lib/events.cjs.
import type { JourneyMap } from './index'

/** Which columns (object keys) hold what, and the survey columns with their scales. */
export interface LogOptions {
  /** Case id column; default `case_id`. */
  case?: string
  /** Activity column; default `activity`. */
  activity?: string
  /** Timestamp column; default `timestamp`. ISO 8601 text, epoch seconds or milliseconds, Date. */
  timestamp?: string
  /** Channel column. */
  channel?: string | null
  /** Persona or segment column. */
  persona?: string | null
  /** Emotion answers column (default scale -2..2). */
  emotion?: string | null
  /** CES answers column (default scale 1..7, higher is more effort). */
  ces?: string | null
  /** CSAT answers column (default scale 1..5). */
  csat?: string | null
  /** NPS answers column (0..10). */
  nps?: string | null
  /** Declared scales, `[min, max]` per metric. */
  scales?: { emotion?: [number, number]; ces?: [number, number]; csat?: [number, number]; nps?: [number, number] }
  /** CES answers are "the company made it easy" (CES 2.0). */
  cesHigherIsEasier?: boolean
  /** Added to every row number (a part of a larger log: the number of rows before it, so that
   * merged aggregates report the rows of the whole log); default 0. */
  rowOffset?: number
}

export interface StatsOptions {
  /** Outcome activities: a case that reaches one has not dropped off. */
  outcomes?: string[]
  /** How many variants to list; `null` for all; default 20. */
  top?: number | null
}

export interface DiscoverOptions {
  /** Success outcome activities (they end a case at their first occurrence). */
  success?: string[]
  /** Failure outcome activities. */
  failure?: string[]
  /** One touchpoint per activity × channel (the log needs a channel column). */
  byChannel?: boolean
  /** Map id; default `observed`. */
  id?: string | null
  /** Map title. */
  title?: string | null
}

/** Activity → touchpoint or outcome id: an object, rows `[activity, touchpoint]` or
 * `[activity, channel, touchpoint]`, CSV text `{ csv }` or a CSV file `{ path }` (columns
 * `activity`, `touchpoint`, optionally `channel`). */
export type ActivityMapping =
  | Record<string, string>
  | ([string, string] | [string, string | null, string])[]
  | { csv: string }
  | { path: string }

export interface ConformanceOptions {
  /** The activity mapping; without it an activity names a touchpoint or outcome by id. */
  activities?: ActivityMapping | null
  /** How many deviating variants to list; default 10. */
  top?: number
  /** List every case; default true. */
  cases?: boolean
}

/** A row left out (JM300) or a value ignored (JM301, JM303). */
export interface RowIssue {
  /** CSV: the line the record starts on (header = 1); records and frames: 0-based position. */
  row: number
  code: string
  reason: string
}

export interface ActivityStats { activity: string; events: number; cases: number; start: number; end: number; drop_off: number }
/** A directly-follows pair; `to: null` is the end of a case. */
export interface TransitionStats { from: string; to: string | null; count: number; probability: number }
export interface VariantStats { activities: string[]; cases: number; share: number }
export interface MetricStats {
  activity: string
  metric: 'emotion' | 'ces' | 'csat' | 'nps'
  scale: { min: number; max: number; higher_is_easier: boolean }
  n: number
  mean: number
  top2box: number | null
  nps: number | null
  distribution: { value: number; count: number }[]
}
export interface PersonaStats { persona: string | null; cases: number; share: number }

/** Statistics of an event log (`journeymap events stats --format json`). */
export interface EventStats {
  cases: number
  events: number
  rejected: RowIssue[]
  warnings: RowIssue[]
  first_event: string | null
  last_event: string | null
  activities: ActivityStats[]
  transitions: TransitionStats[]
  variant_count: number
  variants: VariantStats[]
  metrics: MetricStats[]
  personas: PersonaStats[]
}

export type DeviationKind = 'backtrack' | 'skip' | 'channel_switch' | 'unplanned_move'

export interface Deviation { position: number; kind: DeviationKind; from: string | null; to: string; missing: string[] }
export interface CaseConformance {
  case: string
  persona: string | null
  steps: number
  outcome: string | null
  fitness: number
  completed: string[]
  missing: string[]
  failing: string[]
  ad_hoc: string[]
  deviations: Deviation[]
}
export interface TouchpointConformance {
  touchpoint: string
  cases: number
  completed: number
  missing: number
  failing: number
  arrivals: number
  deviating_arrivals: number
  by_kind: Partial<Record<DeviationKind, number>>
  missing_rate: number
  failing_rate: number
  deviation_rate: number
}
export interface ConformanceReport {
  cases: number
  conforming_cases: number
  fitness: number
  mean_case_fitness: number
  deviations: Partial<Record<DeviationKind, number>>
  ad_hoc_steps: number
  touchpoints: TouchpointConformance[]
  variants: { steps: string[]; cases: number; fitness: number; deviations: DeviationKind[] }[]
  case_results: CaseConformance[]
  unmapped: { activity: string; events: number; cases: number }[]
  diagnostics: import('./scores-types').Diagnostic[]
}

/** A mergeable, serializable partial aggregate of an event log. */
export declare class Aggregate {
  private constructor()
  /** A partial from `toBytes()` (JourneyMapError JM312 for anything else). */
  static fromBytes(bytes: Uint8Array): Aggregate
  toBytes(): Buffer
  /** The merge with `other`, which must hold other cases (JM310 otherwise). */
  merge(other: Aggregate): Aggregate
  readonly cases: number
  readonly events: number
  stats(options?: StatsOptions): EventStats
  discover(options?: DiscoverOptions): JourneyMap
  discoverWithReport(options?: DiscoverOptions): { map: JourneyMap; report: Record<string, unknown> }
  calibrate(map: JourneyMap, activities: ActivityMapping): JourneyMap
  calibrateWithReport(map: JourneyMap, activities: ActivityMapping): { map: JourneyMap; report: Record<string, unknown> }
}

/** An event log: one row per customer interaction. */
export declare class EventLog {
  private constructor()
  /** Reads an array of objects (rows numbered from 0). */
  static fromRecords(records: Record<string, unknown>[], options?: LogOptions): EventLog
  /** Reads CSV text with a header row (rows numbered by line). */
  static fromCsv(text: string, options?: LogOptions): EventLog
  /** Reads a CSV file with a header row (rows numbered by line). */
  static fromCsvFile(path: string, options?: LogOptions): EventLog
  readonly cases: number
  readonly events: number
  issues(): RowIssue[]
  aggregate(): Aggregate
  stats(options?: StatsOptions): EventStats
  discover(options?: DiscoverOptions): JourneyMap
  discoverWithReport(options?: DiscoverOptions): { map: JourneyMap; report: Record<string, unknown> }
  calibrate(map: JourneyMap, activities: ActivityMapping): JourneyMap
  calibrateWithReport(map: JourneyMap, activities: ActivityMapping): { map: JourneyMap; report: Record<string, unknown> }
  conformance(map: JourneyMap, options?: ConformanceOptions): ConformanceReport
}
