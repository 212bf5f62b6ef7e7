// Checked with `tsc --noEmit`: the typed API as a CRM back end would use it.
import { JourneyMap, JourneyMapError, ValidationError, validate, codes, compare } from '../lib/index'
import type { CodeEntry, Diagnostic, JourneyMapDocument, OpportunityScore, Portfolio, Prediction, Scores, Touchpoint } from '../lib/index'

const doc: JourneyMapDocument = {
  format_version: '1.0', id: 'demo', title: 'Demo',
  personas: [{ id: 'p', name: 'P', share: 1 }],
  channels: [{ id: 'web', name: 'Web', kind: 'digital' }],
  stages: [{ id: 's', name: 'S', order: 1 }],
  touchpoints: [{ id: 't', name: 'T', stage: 's', channel: 'web', measures: { emotion: 1 } }],
  transitions: [{ from: 't', to: 'won', probability: 1 }],
  entries: [{ touchpoint: 't' }],
  outcomes: [{ id: 'won', name: 'Won', kind: 'success' }],
}
const diagnostics: Diagnostic[] = validate(doc)
const map: JourneyMap = JourneyMap.fromObject(doc)
const first: Touchpoint | undefined = map.toObject().touchpoints?.[0]
const scores: Scores = map.score({ top: 3 })
const conversion: number = scores.overall.success_probability
const pending: Promise<Scores> = map.scoreAsync()
const parts: Array<string | number> = diagnostics[0]?.path_parts ?? []
const catalogue: CodeEntry[] = codes()
try {
  JourneyMap.fromJson('{}')
} catch (e) {
  if (e instanceof ValidationError) {
    const code: string | null = e.code
    const name: string = e.name
    void [code, name]
  } else if (e instanceof JourneyMapError) {
    void e.diagnostics
  }
}
void [diagnostics, first, conversion, pending, parts, catalogue, compare(map, map).conversion.change]

// Mermaid and CSV, in and out.
import { fromMermaid, fromCsv } from '../lib/index'
const day: JourneyMap = fromMermaid('journey\n  section Go\n    Make tea: 5: Me\n')
const diagram: string = day.toMermaid('me')
const table: string = JourneyMap.fromMermaid(diagram).toCsv({ delimiter: ';' })
const again: JourneyMap = fromCsv(new TextEncoder().encode(table))
void [again.toCsv(), JourneyMap.fromCsv(table).toMermaid(null)]

const ranked: OpportunityScore[] = scores.opportunities
const portfolio: Portfolio = map.portfolio(10)
const gain: Prediction = portfolio.predicted
const toBe: JourneyMap = map.apply(portfolio.chosen)
void [ranked, gain.health, toBe]

// Pictures and the report.
import { RenderError } from '../lib/index'
import type { SvgOptions } from '../lib/index'
const flowOptions: SvgOptions = { view: 'flow', allPersonas: true }
const flowSvg: string = map.toSvg(flowOptions)
const journeySvg: string = map.toSvg({ view: 'journey', persona: 'p', moments: 3 }, { top: 3 })
const report: string = map.toHtml()
try {
  // @ts-expect-error: there is no sankey view
  map.toSvg({ view: 'sankey' })
} catch (e) {
  if (e instanceof RenderError) {
    const code: string | null = e.code
    void code
  }
}
void [flowSvg, journeySvg, report]
