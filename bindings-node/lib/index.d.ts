// The public API of the `journeymap` package. Document and result types are generated from the
// JSON Schemas (map-types.d.ts, scores-types.d.ts); this file only declares the functions.
import type { JourneyMapDocument } from './map-types'
import type { Comparison, Diagnostic, PathColumns, PathScore, Scores, ScoringConfig } from './scores-types'

export type * from './map-types'
export type { Comparison, Diagnostic, PathColumns, PathScore, Scores, ScoringConfig } from './scores-types'

/** An invalid map or a bad scoring argument. */
export declare class JourneyMapError extends Error {
  /** Stable diagnostic code, e.g. `"JM023"`. */
  readonly code: string
  /** Every problem found (empty for scoring argument errors). */
  readonly diagnostics: Diagnostic[]
}

/** A validated journey map. */
export declare class JourneyMap {
  private constructor()
  /** Reads and validates a map from JSON text; throws `JourneyMapError` with every diagnostic. */
  static fromJson(text: string): JourneyMap
  /** Validates a plain object and builds a map from it; `TypeError` for non-objects and circular objects. */
  static fromObject(object: JourneyMapDocument | Record<string, unknown>): JourneyMap
  /** The map as a plain object (`x-` keys and `extensions` included). */
  toObject(): JourneyMapDocument
  /** The map as JSON text; indented when `pretty`. */
  toJson(pretty?: boolean): string
  /** Scores the map. */
  score(config?: ScoringConfig): Scores
  /** The scores as JSON text, byte for byte what Rust and Python produce. */
  scoreJson(config?: ScoringConfig, pretty?: boolean): string
  /** Scores the map on the libuv thread pool, without blocking the event loop. */
  scoreAsync(config?: ScoringConfig): Promise<Scores>
  /** Scores one observed path of touchpoint ids. */
  scorePath(ids: string[], persona?: string): PathScore
  /** Scores many observed paths; the result as columns. */
  scorePaths(paths: string[][], persona?: string): PathColumns
}

/** Every problem in a map (JSON text or an object); never throws for an invalid map. */
export declare function validate(input: string | object): Diagnostic[]
/** The JSON Schema of format v1. */
export declare function schema(): Record<string, unknown>
/** The JSON Schema of the scoring results. */
export declare function scoresSchema(): Record<string, unknown>
/** Compares an as-is map with its to-be version. */
export declare function compare(asIs: JourneyMap, toBe: JourneyMap, config?: ScoringConfig): Comparison
