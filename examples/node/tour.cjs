// A short tour for CRM back ends: load, validate, score, score customer paths, compare.
// Run from the repository root: node examples/node/tour.cjs
const { readFileSync } = require('node:fs')
const { JourneyMap, JourneyMapError, validate, compare } = require('../../bindings-node/lib/index.cjs')

const text = readFileSync('examples/retail-click-and-collect.json', 'utf8')
console.log('diagnostics:', validate(text).length)

const map = JourneyMap.fromJson(text)
const scores = map.score()
console.log(`conversion ${(scores.overall.success_probability * 100).toFixed(1)}%, health ${scores.overall.health.index.toFixed(0)}/100`)
for (const m of scores.moments_of_truth.slice(0, 3)) console.log(m.rank, m.touchpoint, m.priority.toFixed(2), m.reasons[0])

const paths = map.scorePaths([['app-browse', 'checkout', 'slot-choice', 'ready-sms', 'drive-pickup']], 'digital-first')
console.log('peak-end of an observed path:', paths.peak_end[0])

try {
  JourneyMap.fromObject({ format_version: '1.0', id: 'broken', title: 'Broken', touchpoints: [{ id: 't', name: 'T', stage: 'nowhere', channel: 'web' }] })
} catch (e) {
  if (!(e instanceof JourneyMapError)) throw e
  console.log('refused:', e.code, e.diagnostics.map((d) => `${d.code} at ${d.path}`).join(', '))
}

const before = JourneyMap.fromJson(readFileSync('examples/bank-personal-loan.as-is.json', 'utf8'))
const after = JourneyMap.fromJson(readFileSync('examples/bank-personal-loan.to-be.json', 'utf8'))
const c = compare(before, after)
console.log(`to-be conversion ${(c.conversion.before * 100).toFixed(1)}% -> ${(c.conversion.after * 100).toFixed(1)}%`)
