// The public API of the `journeymap` package. Document and result types are generated from the
// JSON Schemas (map-types.d.ts, scores-types.d.ts); this file only declares the functions.
// __test__/contract.ts (run by tsc) checks that lib/index.cjs, itself type-checked against the
// generated native index.d.ts, implements these declarations, and __test__/api.test.mjs that
// both export the same names.
import type { JourneyMapDocument } from './map-types'
import type { Comparison, Diagnostic, PathColumns, PathReport, Portfolio, Scores, ScoringConfig } from './scores-types'

export type * from './map-types'
export type { Comparison, Diagnostic, OpportunityScore, PathColumns, PathReport, PathScore, PathStep, PersonaPrediction, Portfolio, PortfolioStep, Prediction, Scores, ScoringConfig } from './scores-types'

/** An invalid map or a bad scoring argument (JM104 unknown persona, JM107 invalid scoring
 * config, JM109 invalid budget, JM110 unknown opportunity). A panic inside the native code (a
 * bug) is not one: it throws a plain `Error`. */
export declare class JourneyMapError extends Error {
  constructor(message: string, code: string, diagnostics: Diagnostic[])
  /** Stable diagnostic code, e.g. `"JM023"`. */
  readonly code: string
  /** Every problem found; for a scoring argument, one diagnostic whose `path` points into the
   * argument (e.g. `/weights/pain` of the scoring config). */
  readonly diagnostics: Diagnostic[]
}

/** A validated journey map. */
export declare class JourneyMap {
  private constructor()
  /** Reads and validates a map from JSON text or UTF-8 bytes (`Buffer`, `Uint8Array`); throws
   * `JourneyMapError` with every diagnostic. */
  static fromJson(input: string | Uint8Array): JourneyMap
  /** Validates a plain object and builds a map from it (diagnostics without `line`/`column`);
   * `TypeError` for non-objects and circular objects. */
  static fromObject(object: JourneyMapDocument | Record<string, unknown>): JourneyMap
  /** The map as a plain object (`x-` keys and `extensions` included). */
  toObject(): JourneyMapDocument
  /** The map as JSON text; indented when `pretty`. */
  toJson(pretty?: boolean): string
  /** Scores the map. */
  score(config?: ScoringConfig | null): Scores
  /** The scores as JSON text, byte for byte what Rust and Python produce. */
  scoreJson(config?: ScoringConfig | null, pretty?: boolean): string
  /** Scores the map on the libuv thread pool, without blocking the event loop. */
  scoreAsync(config?: ScoringConfig | null): Promise<Scores>
  /** Scores one observed path of touchpoint ids, for `persona` (default: the first by id),
   * with every step and the valleys of its emotion curve. */
  scorePath(ids: string[], persona?: string | null): PathReport
  /** Scores many observed paths; the result as columns. */
  scorePaths(paths: string[][], persona?: string | null): PathColumns
  /** The to-be map of these opportunities: their effects applied, `state` `to_be`, provenance
   * in `metadata` (`based_on`, `applied_opportunities`). `JourneyMapError` JM110 for an unknown
   * id. */
  apply(ids: string[]): JourneyMap
  /** The opportunities to do first within an effort budget (`null` or absent: no limit), chosen
   * greedily by marginal predicted gain per unit of effort, every set re-scored with its effects
   * combined. `JourneyMapError` JM109 for a negative or non-finite budget. */
  portfolio(budget?: number | null, config?: ScoringConfig | null): Portfolio
}

/** Every problem in a map, never throwing for an invalid one. JSON text and UTF-8 bytes give
 * `line`/`column`; a JavaScript value gives `null` positions, and one that is not an object (an
 * array, `null`, a boolean) gives JM010. Other types throw `TypeError`. */
export declare function validate(input: string | Uint8Array | object | boolean | null): Diagnostic[]
/** The JSON Schema of format v1. */
export declare function schema(): Record<string, unknown>
/** The JSON Schema of the scoring results. */
export declare function scoresSchema(): Record<string, unknown>
/** Compares an as-is map with its to-be version. */
export declare function compare(asIs: JourneyMap, toBe: JourneyMap, config?: ScoringConfig | null): Comparison
