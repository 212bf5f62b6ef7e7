// Observed customer paths from an analytics export, scored in bulk (ESM), with the full scoring
// run on the libuv thread pool. Run from the repository root: node examples/node/observed-paths.mjs
import { readFileSync } from 'node:fs'
import { JourneyMap, JourneyMapError } from '../../bindings-node/lib/index.mjs'

const map = JourneyMap.fromJson(readFileSync('examples/retail-click-and-collect.json'))

// Journeys as an analytics tool records them: one list of touchpoint ids per customer.
const sessions = [
  ['social-ad', 'app-browse', 'checkout', 'slot-choice', 'ready-sms', 'drive-pickup'],
  ['flyer', 'web-browse', 'stock-check', 'app-browse', 'checkout', 'slot-choice', 'ready-sms', 'counter-pickup', 'missing-item', 'counter-pickup'],
  ['web-browse', 'stock-check', 'store-browse'],
  ['app-browse', 'checkout', 'ready-sms', 'drive-pickup'],
]
const [scores, columns] = await Promise.all([map.scoreAsync(), map.scorePaths(sessions, 'digital-first')])
console.log(`modelled conversion ${(scores.overall.success_probability * 100).toFixed(1)}%`)
for (const [i, path] of sessions.entries()) {
  console.log(`${path.length} steps: peak-end ${columns.peak_end[i]?.toFixed(2) ?? 'n/a'}, effort ${columns.effort_total[i].toFixed(2)}, unexpected moves ${columns.unexpected_moves[i]}, backtracks ${columns.backtracks[i]}`)
}

try {
  map.scorePaths(sessions, 'in-store-only')
} catch (e) {
  if (!(e instanceof JourneyMapError)) throw e
  console.log(`refused: ${e.code} ${e.message}`)
}
