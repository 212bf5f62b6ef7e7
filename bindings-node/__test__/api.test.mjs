// Tests of the Node package against the shared vectors in testdata/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv2020 from 'ajv/dist/2020.js'
import * as esm from '../lib/index.mjs'

const require = createRequire(import.meta.url)
const jm = require('../lib/index.cjs')
const root = new URL('../../', import.meta.url)
const read = (p) => readFileSync(new URL(p, root), 'utf8')
const jsonFiles = (dir) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.json')).map((f) => dir + f)
const examples = jsonFiles('examples/')
const valid = jsonFiles('testdata/valid/')
const scoring = jsonFiles('testdata/scoring/').filter((f) => !f.includes('.paths'))
const expected = JSON.parse(read('testdata/invalid/expected.json'))

test('CommonJS and ESM expose the same API', () => {
  assert.equal(esm.JourneyMap, jm.JourneyMap)
  assert.equal(typeof esm.validate, 'function')
})

test('every example and valid map loads, validates, scores and round-trips', () => {
  for (const file of [...examples, ...valid]) {
    const text = read(file)
    assert.deepEqual(jm.validate(text).filter((d) => d.severity === 'error'), [], file)
    const map = jm.JourneyMap.fromJson(text)
    const object = map.toObject()
    assert.deepEqual(jm.JourneyMap.fromObject(object).toObject(), object, file)
    assert.deepEqual(object, JSON.parse(text), file)
    assert.equal(typeof map.score().overall.success_probability, 'number')
  }
})

test('shared score vectors are identical byte for byte', () => {
  for (const file of [...examples, ...scoring]) {
    const name = file.split('/').pop().replace(/\.json$/, '')
    const want = read(`testdata/scoring/expected/${name}.scores.json`)
    const map = jm.JourneyMap.fromJson(read(file))
    assert.equal(map.scoreJson(undefined, true) + '\n', want, file)
    assert.deepEqual(map.score(), JSON.parse(want), file)
  }
})

test('shared path vectors', () => {
  const spec = JSON.parse(read('testdata/scoring/chain.paths.json'))
  const map = jm.JourneyMap.fromJson(read(spec.map))
  assert.deepEqual(map.scorePaths(spec.paths, spec.persona), JSON.parse(read('testdata/scoring/expected/chain.paths.json')))
  assert.equal(map.scorePath(spec.paths[0], spec.persona).peak_end, 0.75)
})

test('invalid fixtures give their diagnostics; loading throws JourneyMapError', () => {
  for (const [name, want] of Object.entries(expected)) {
    const bytes = readFileSync(new URL(`testdata/invalid/${name}`, root))
    const text = bytes.toString('utf8')
    const diagnostics = jm.validate(text)
    const codes = diagnostics.map((d) => d.code)
    if (want.kind !== 'parse' || name.includes('JM004') || name.includes('JM005') || name.includes('JM006')) {
      for (const code of want.codes) assert.ok(codes.includes(code), `${name}: ${code} not in ${codes}`)
    }
    for (const d of diagnostics) {
      assert.ok(d.path === '' || d.path.startsWith('/'))
      for (const key of ['code', 'severity', 'path', 'message', 'line', 'column']) assert.ok(key in d)
    }
    if (diagnostics.some((d) => d.severity === 'error')) {
      assert.throws(() => jm.JourneyMap.fromJson(text), (e) => e instanceof jm.JourneyMapError && codes.includes(e.code) && e.diagnostics.length === diagnostics.length)
    }
  }
})

test('ajv gives the same structural verdict as journeymap', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  const check = ajv.compile(jm.schema())
  for (const file of [...examples, ...valid]) assert.ok(check(JSON.parse(read(file))), `${file}: ${JSON.stringify(check.errors)}`)
  for (const [name, want] of Object.entries(expected)) {
    if (want.kind === 'parse') continue
    const doc = JSON.parse(read(`testdata/invalid/${name}`))
    assert.equal(!check(doc), want.kind === 'structural', name)
  }
})

test('wrong JavaScript types throw TypeError with a clear message', () => {
  assert.throws(() => jm.validate(42), TypeError)
  assert.throws(() => jm.validate(undefined), /expects an object/)
  assert.throws(() => jm.JourneyMap.fromObject(null), TypeError)
  assert.throws(() => jm.JourneyMap.fromJson(12), TypeError)
  const circular = { format_version: '1.0' }
  circular['x-self'] = circular
  assert.throws(() => jm.JourneyMap.fromObject(circular), /cannot be written as JSON/)
  assert.throws(() => jm.validate({ big: 10n }), TypeError)
  const map = jm.JourneyMap.fromJson(read('testdata/scoring/chain.json'))
  assert.throws(() => map.scorePath('a'), TypeError)
  assert.throws(() => map.scorePath(['a'], 'nobody'), (e) => e instanceof jm.JourneyMapError && e.code === 'JM104')
  assert.throws(() => map.score({ nonsense: 1 }), jm.JourneyMapError)
})

test('compare, schema and scores schema', () => {
  const before = jm.JourneyMap.fromJson(read('examples/bank-personal-loan.as-is.json'))
  const after = jm.JourneyMap.fromJson(read('examples/bank-personal-loan.to-be.json'))
  const c = jm.compare(before, after)
  assert.ok(c.conversion.after > c.conversion.before)
  assert.ok(c.removed.includes('paper-docs'))
  assert.deepEqual(jm.schema(), JSON.parse(read('schema/journey-map.schema.json')))
  assert.ok('Scores' in jm.scoresSchema().$defs)
})

test('scoreAsync runs off the event loop', async () => {
  // A large generated chain with back-steps: 1500 touchpoints.
  const n = 1500
  const touchpoints = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `T${i}`, stage: 's', channel: 'web', measures: { emotion: (i % 5) - 2 } }))
  const transitions = []
  for (let i = 0; i < n; i++) {
    transitions.push({ from: `t${i}`, to: i + 1 < n ? `t${i + 1}` : 'won', probability: 0.8 })
    transitions.push({ from: `t${i}`, to: `t${Math.max(0, i - 3)}`, probability: 0.15 })
    transitions.push({ from: `t${i}`, to: 'lost', probability: 0.05 })
  }
  const map = jm.JourneyMap.fromObject({
    format_version: '1.0', id: 'big', title: 'Big', personas: [{ id: 'p', name: 'P' }],
    channels: [{ id: 'web', name: 'Web', kind: 'digital' }], stages: [{ id: 's', name: 'S' }],
    touchpoints, transitions, entries: [{ touchpoint: 't0' }],
    outcomes: [{ id: 'won', name: 'Won', kind: 'success' }, { id: 'lost', name: 'Lost', kind: 'failure' }],
  })
  let ticks = 0
  const timer = setInterval(() => { ticks += 1 }, 1)
  const started = Date.now()
  const scores = await map.scoreAsync()
  const elapsed = Date.now() - started
  clearInterval(timer)
  assert.equal(scores.map, 'big')
  assert.ok(elapsed > 20, `scoring took only ${elapsed} ms; the map is too small to show anything`)
  assert.ok(ticks >= 3, `the timer fired ${ticks} times in ${elapsed} ms`)
  assert.deepEqual(scores, JSON.parse(map.scoreJson()))
})
