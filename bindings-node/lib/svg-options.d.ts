// The options of `JourneyMap.toSvg` (hand-written: the core reads them as JSON, with
// `allPersonas` as an alias of `all_personas`).

/** Which picture `toSvg` draws, and of whom. Unknown keys, an unknown view, or both `persona`
 * and `allPersonas` throw `RenderError` (a `JourneyMapError`) with code JM400. */
export interface SvgOptions {
  /** `'journey'` (default): stages, lanes, emotion curve, moments of truth; `'flow'`: moves as
   * arrows whose width is the expected flow. */
  view?: 'journey' | 'flow'
  /** A persona id; default: the first persona with a journey. */
  persona?: string | null
  /** Every persona: curves overlaid (journey) or flows added up over the customer base (flow). */
  allPersonas?: boolean
  /** How many moments of truth to number on the journey map (default 5). */
  moments?: number
}
