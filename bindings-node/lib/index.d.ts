// The public API of the `journeymap` package. Document and result types are generated from the
// JSON Schemas (map-types.d.ts, scores-types.d.ts), and the records of validate() and codes()
// by the native module (index.d.ts); this file declares the functions and the error classes.
// __test__/contract.ts (run by tsc) checks that lib/index.cjs, itself type-checked against the
// generated native index.d.ts, implements these declarations, and __test__/api.test.mjs that
// both export the same names.
import type { CodeEntry, NativeDiagnostic as Diagnostic } from '../index'
import type { JourneyMapDocument } from './map-types'
import type { SvgOptions } from './svg-options'
import type { Comparison, PathColumns, PathReport, Portfolio, Scores, ScoringConfig } from './scores-types'

export type * from './map-types'
export type * from './events'
export { EventLog, Aggregate } from './events'
export type { SvgOptions } from './svg-options'
export type { Comparison, OpportunityScore, PathColumns, PathReport, PathScore, PathStep, PersonaPrediction, Portfolio, PortfolioStep, Prediction, Scores, ScoringConfig } from './scores-types'
/** `Diagnostic`: one problem found in a map, as `validate()` returns it and errors carry it
 * (`code`, `severity`, `path`, `message`, `line`, `column`, and `path_parts`, the path as keys
 * and indices computed by the core). `CodeEntry`: one code of the catalogue, as `codes()` lists
 * it. Both are declared by the native module's generated `index.d.ts`. */
export type { CodeEntry, NativeDiagnostic as Diagnostic } from '../index'

/** Base class of every journeymap error; `name` is the name of the class thrown. */
export declare class JourneyMapError extends Error {
  constructor(message: string, code: string | null, diagnostics: Diagnostic[])
  /** Stable diagnostic code, e.g. `"JM023"`; `null` only for an `InternalError`. */
  readonly code: string | null
  /** Every problem found; for a scoring argument, one diagnostic whose `path` points into the
   * argument (e.g. `/weights/pain` of the scoring config). */
  readonly diagnostics: Diagnostic[]
}
/** The input is not a valid journey map (`fromJson`, `fromObject`); `code` is its first error's
 * code, `diagnostics` all of them. */
export declare class ValidationError extends JourneyMapError {}
/** A map cannot be read (JM009). */
export declare class ReadError extends JourneyMapError {}
/** A map cannot be written (JM019). */
export declare class WriteError extends JourneyMapError {}
/** A scoring call got an argument it cannot use, e.g. an unknown persona (JM104). */
export declare class ScoringError extends JourneyMapError {}
/** The scoring settings are not valid (JM107); the diagnostic's `path` points into them. */
export declare class ConfigError extends ScoringError {}
/** A picture call got options it cannot use, e.g. an unknown view (JM400). */
export declare class RenderError extends JourneyMapError {}
/** An event log cannot be used: a missing column (JM302), an unreadable file (JM304), partial
 * aggregates that do not merge (JM310–JM312), an activity both success and failure (JM320), a
 * mapping naming ids the map lacks (JM331). */
export declare class EventLogError extends JourneyMapError {}
/** A panic inside the native code (a bug to report): no code, no diagnostics, a message starting
 * `internal error:`. */
export declare class InternalError extends JourneyMapError {}

/** A validated journey map. */
export declare class JourneyMap {
  private constructor()
  /** Reads and validates a map from JSON text or UTF-8 bytes (`Buffer`, `Uint8Array`); throws
   * `ValidationError` with every diagnostic. */
  static fromJson(input: string | Uint8Array): JourneyMap
  /** Reads a Mermaid `journey` diagram from text or UTF-8 bytes; throws `JourneyMapError` with
   * every diagnostic (line and column included). */
  static fromMermaid(input: string | Uint8Array): JourneyMap
  /** Reads a CSV touchpoint table from text or bytes (UTF-8 with or without BOM, `,` or `;`
   * sniffed); throws `JourneyMapError` with every diagnostic (`line` is the row's line,
   * `column` the cell's position in the row). */
  static fromCsv(input: string | Uint8Array): JourneyMap
  /** Validates a plain object and builds a map from it (diagnostics without `line`/`column`):
   * non-finite numbers (JM031), too deep or circular structures (JM003) and values JSON cannot
   * hold (JM011) are diagnostics; `TypeError` for anything but an object. */
  static fromObject(object: JourneyMapDocument | Record<string, unknown>): JourneyMap
  /** The map as a plain object (`x-` keys and `extensions` included). */
  toObject(): JourneyMapDocument
  /** The map as JSON text; indented when `pretty`. */
  toJson(pretty?: boolean): string
  /** The map as a Mermaid `journey`: the most likely journey of `persona`, or every persona's
   * merged when none is given; throws `JourneyMapError` (JM206) for an unknown persona. */
  toMermaid(persona?: string | null): string
  /** The map as a CSV touchpoint table; `delimiter: ';'` writes decimal commas. */
  toCsv(options?: { delimiter?: ',' | ';' }): string
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
  /** The map as a self-contained SVG picture (JM104 unknown persona, JM100 persona without
   * journey, JM400 invalid options, JM107 invalid scoring config). */
  toSvg(options?: SvgOptions | null, config?: ScoringConfig | null): string
  /** The self-contained HTML report: both pictures per persona with a persona switcher, the
   * tables and the map's diagnostics. */
  toHtml(config?: ScoringConfig | null): string
  /** The to-be map of these opportunities: their effects applied, `state` `to_be`, provenance
   * in `metadata` (`based_on`, `applied_opportunities`). `ScoringError` JM110 for an unknown
   * id. */
  apply(ids: string[]): JourneyMap
  /** The opportunities to do first within an effort budget (`null` or absent: no limit), chosen
   * greedily by marginal predicted gain per unit of effort, every set re-scored with its effects
   * combined. `ScoringError` JM109 for a negative or non-finite budget. */
  portfolio(budget?: number | null, config?: ScoringConfig | null): Portfolio
  /** The portfolio as JSON text, byte for byte what Rust and Python produce (indented when
   * `pretty`). */
  portfolioJson(budget?: number | null, config?: ScoringConfig | null, pretty?: boolean): string
}

/** Every problem in a map, never throwing for an invalid one. JSON text and UTF-8 bytes give
 * `line`/`column`; a JavaScript value gives `null` positions, and one that is not an object (an
 * array, `null`, a boolean) gives JM010. Other types throw `TypeError`. */
export declare function validate(input: string | Uint8Array | object | boolean | null): Diagnostic[]
/** Every diagnostic code, in code order, from the catalogue that generates docs/diagnostics.md. */
export declare function codes(): CodeEntry[]
/** The JSON Schema of format v1. */
export declare function schema(): Record<string, unknown>
/** The JSON Schema of the scoring results. */
export declare function scoresSchema(): Record<string, unknown>
/** Compares an as-is map with its to-be version. */
export declare function compare(asIs: JourneyMap, toBe: JourneyMap, config?: ScoringConfig | null): Comparison
/** Reads a Mermaid `journey` diagram (the same as `JourneyMap.fromMermaid`). */
export declare function fromMermaid(input: string | Uint8Array): JourneyMap
/** Reads a CSV touchpoint table (the same as `JourneyMap.fromCsv`). */
export declare function fromCsv(input: string | Uint8Array): JourneyMap
