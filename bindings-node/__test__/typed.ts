// Checked with `tsc --noEmit`: the typed API as a CRM back end would use it.
import { JourneyMap, JourneyMapError, validate, compare } from '../lib/index'
import type { Diagnostic, JourneyMapDocument, OpportunityScore, Portfolio, Prediction, Scores, Touchpoint } from '../lib/index'

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
try {
  JourneyMap.fromJson('{}')
} catch (e) {
  if (e instanceof JourneyMapError) {
    const code: string = e.code
    void code
  }
}
const ranked: OpportunityScore[] = scores.opportunities
const portfolio: Portfolio = map.portfolio(10)
const gain: Prediction = portfolio.predicted
const toBe: JourneyMap = map.apply(portfolio.chosen)
void [diagnostics, first, conversion, pending, compare(map, map).conversion.change, ranked, gain.health, toBe]
