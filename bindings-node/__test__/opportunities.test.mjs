// Opportunities in Node: `scores.opportunities`, `map.apply(ids)` (what-if maps) and
// `map.portfolio(budget)`, against the shared vectors of testdata/opportunities/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const jm = require('../lib/index.cjs')
const root = new URL('../../', import.meta.url)
const read = (p) => readFileSync(new URL(p, root), 'utf8')
const load = (p) => jm.JourneyMap.fromJson(read(p))
const plans = JSON.parse(read('testdata/opportunities/plans.json')).plans
const stem = (p) => p.split('/').pop().replace(/\.json$/, '')
const isError = (code) => (e) => e instanceof jm.JourneyMapError && e.code === code

for (const plan of plans) {
  test(`shared portfolio and what-if vectors: ${plan.map}`, () => {
    const map = load(plan.map)
    const expected = (suffix) => read(`testdata/opportunities/expected/${stem(plan.map)}.${suffix}.json`)
    assert.deepEqual(map.portfolio(plan.budget), JSON.parse(expected('portfolio')))
    assert.equal(map.portfolioJson(plan.budget, null, true) + '\n', expected('portfolio'))
    const toBe = map.apply(plan.apply)
    assert.ok(toBe instanceof jm.JourneyMap)
    assert.equal(toBe.toJson(true) + '\n', expected('to-be'))
  })
}

test('scores.opportunities is ranked, with predictions equal to the what-if maps scored on their own', () => {
  const map = load('examples/bank-personal-loan.as-is.json')
  const { opportunities, overall } = map.score()
  assert.deepEqual(opportunities.map((o) => o.rank), [1, 2, 3])
  for (const o of opportunities) {
    assert.ok(['opportunity', 'rank', 'reach', 'rice', 'quadrant', 'predicted'].every((k) => k in o))
    const after = map.apply([o.opportunity]).score().overall.success_probability
    assert.equal(o.predicted.conversion, after - overall.success_probability)
  }
  const retail = load('examples/retail-click-and-collect.json').score().opportunities
  assert.ok(retail.every((o) => o.predicted === null && o.rice.impact_source === 'declared'))
})

test('apply records provenance and leaves the map alone', () => {
  const map = load('examples/bank-personal-loan.as-is.json')
  const toBe = map.apply(['opp-prefill', 'opp-open-banking']).toObject()
  assert.equal(toBe.state, 'to_be')
  assert.deepEqual(toBe.metadata.applied_opportunities, ['opp-open-banking', 'opp-prefill'])
  assert.equal(toBe.metadata.based_on, 'bank-personal-loan-as-is')
  assert.ok(map.toObject().touchpoints.some((t) => t.id === 'paper-docs'))
  assert.ok(!toBe.touchpoints.some((t) => t.id === 'paper-docs'))
  assert.deepEqual(jm.compare(map, jm.JourneyMap.fromObject(toBe)).removed, ['paper-docs'])
})

test('portfolios: budget, settings, errors', () => {
  const map = load('testdata/scoring/effects.json')
  const p = map.portfolio(3)
  assert.deepEqual(p.chosen, ['o-warm-call', 'o-callback'])
  assert.equal(p.effort, 3)
  assert.equal(map.portfolio().budget, null)
  assert.equal(map.portfolio(null).budget, null)
  assert.deepEqual(map.portfolio(3, { health: { emotion: 0, effort: 0, experience: 0 } }).chosen, ['o-callback'])
  for (const budget of [-1, NaN, Infinity]) assert.throws(() => map.portfolio(budget), isError('JM109'))
  assert.throws(() => map.portfolio('3'), TypeError)
  assert.throws(() => map.portfolio(3, { opportunities: { default_confidence: 2 } }), isError('JM107'))
  assert.throws(() => map.apply(['nope']), isError('JM110'))
  assert.throws(() => map.apply('o-callback'), TypeError)
})
