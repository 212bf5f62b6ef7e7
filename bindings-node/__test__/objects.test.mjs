// JavaScript objects as maps: the shared vectors of testdata/objects/ (markers decoded into native
// values: NaN, infinities, BigInts, lone surrogates, circular references) give, from
// validate(obj) and JourneyMap.fromObject, exactly the diagnostics, errors and maps the Rust core
// and the Python package give (testdata/objects/expected.json).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const jm = require('../lib/index.cjs')
const dir = new URL('../../testdata/objects/', import.meta.url)
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'))
const minimal = () => JSON.parse(readFileSync(new URL('../../testdata/valid/minimal.json', import.meta.url), 'utf8'))

const numbers = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity }

/** A vector as JavaScript values: `$number`, `$bigint` and `$utf16` markers become numbers,
 * BigInts and strings; `$ref` markers become the object they point to (circular structures). */
function decode(doc) {
  const refs = []
  const marker = (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined
    const keys = Object.keys(v)
    return keys.length === 1 && keys[0].startsWith('$') ? [keys[0], v[keys[0]]] : undefined
  }
  const walk = (value, parent, key) => {
    const m = marker(value)
    if (m === undefined) {
      if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) value[k] = walk(value[k], value, k)
      return value
    }
    const [kind, arg] = m
    if (kind === '$number') return numbers[arg]
    if (kind === '$bigint') return BigInt(arg)
    if (kind === '$utf16') return String.fromCharCode(...arg)
    if (kind === '$ref') {
      refs.push([parent, key, arg])
      return null
    }
    throw new Error(`unknown marker ${kind}`)
  }
  const root = walk(doc, undefined, undefined)
  for (const [parent, key, pointer] of refs) {
    let node = root
    for (const token of pointer.split('/').slice(1)) node = node[token.replaceAll('~1', '/').replaceAll('~0', '~')]
    parent[key] = node
  }
  return root
}

const vector = (name) => decode(JSON.parse(readFileSync(new URL(name, dir), 'utf8')))
/** A diagnostic as the shared file records it (path_parts is Node's and Python's addition). */
const record = ({ code, severity, path, message, line, column }) => ({ code, severity, path, message, line, column })

test('every vector is checked', () => {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'expected.json').sort()
  assert.deepEqual(names, Object.keys(expected).sort())
  for (const name of ['non-finite.json', 'circular-object.json', 'too-deep.json', 'integral-floats.json']) assert.ok(names.includes(name))
})

for (const [name, want] of Object.entries(expected)) {
  test(`object vector ${name}`, () => {
    const doc = vector(name)
    const got = jm.validate(doc)
    assert.deepEqual(got.map(record), want.validate)
    for (const d of got) assert.ok(d.line === null && d.column === null)
    if (want.load === null) {
      assert.throws(() => jm.JourneyMap.fromObject(doc), TypeError)
      return
    }
    if (want.load.map !== undefined) {
      assert.equal(jm.JourneyMap.fromObject(doc).toJson(), want.load.map)
      return
    }
    const error = want.load.error
    assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => {
      assert.ok(e instanceof jm.ValidationError && e instanceof jm.JourneyMapError)
      assert.equal(error.kind, 'validation')
      assert.equal(e.name, 'ValidationError')
      assert.equal(e.code, error.code)
      assert.equal(e.message, error.message)
      assert.deepEqual(e.diagnostics.map(record), error.diagnostics)
      return true
    })
  })
}

test('the circular vectors really are circular', () => {
  const doc = vector('circular-object.json')
  assert.equal(doc['x-self'], doc)
  const other = vector('circular-array.json')
  assert.equal(other.touchpoints[1]['x-siblings'], other.touchpoints)
})

test('an undefined member is skipped, as JSON.stringify skips it', () => {
  const doc = minimal()
  doc.personas[0].share = undefined
  doc['x-later'] = undefined
  assert.deepEqual(jm.validate(doc), [])
  assert.ok(!('x-later' in jm.JourneyMap.fromObject(doc).toObject()))
})

test('values JSON cannot hold are JM011 with their type, at their path', () => {
  class Touchpoint {}
  const cases = [
    [{ 'x-f': () => 1 }, '/x-f', 'a value of type function has no JSON form'],
    [{ 'x-s': Symbol('s') }, '/x-s', 'a value of type symbol has no JSON form'],
    [{ 'x-d': new Date(0) }, '/x-d', 'a value of type Date has no JSON form'],
    [{ 'x-m': new Map() }, '/x-m', 'a value of type Map has no JSON form'],
    [{ 'x-c': new Touchpoint() }, '/x-c', 'a value of type Touchpoint has no JSON form'],
    [{ 'x-a': [1, undefined] }, '/x-a/1', 'a value of type undefined has no JSON form'],
    [{ 'x-b': new Uint8Array(2) }, '/x-b', 'a value of type Uint8Array has no JSON form'],
  ]
  for (const [extra, path, message] of cases) {
    const doc = { ...minimal(), ...extra }
    const ds = jm.validate(doc)
    assert.deepEqual(ds.map((d) => [d.code, d.path, d.severity]), [['JM011', path, 'error']], path)
    assert.ok(ds[0].message.startsWith(message), ds[0].message)
    assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => e instanceof jm.ValidationError && e.code === 'JM011')
  }
  // Objects made without a prototype are plain objects; symbol keys are not JSON keys.
  const bare = Object.assign(Object.create(null), minimal())
  bare[Symbol('tag')] = 1
  assert.deepEqual(jm.validate(bare), [])
})

test('BigInts are integers and numbers that are integers are written as integers', () => {
  const doc = { ...minimal(), 'x-big': 12n, 'x-float': 2.5, 'x-int': 3 }
  const back = jm.JourneyMap.fromObject(doc).toJson()
  assert.match(back, /"x-big":12,"x-float":2.5,"x-int":3/)
  assert.equal(jm.JourneyMap.fromJson(read('testdata/scoring/chain.json')).score({ top: 2n, weights: { pain: 1n } }).map, 'chain')
})

test('an exception thrown by a getter of the caller passes through unchanged', () => {
  const doc = minimal()
  const boom = new RangeError('boom')
  Object.defineProperty(doc, 'x-lazy', { enumerable: true, get() { throw boom } })
  assert.throws(() => jm.validate(doc), (e) => e === boom)
  assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => e === boom)
  // Getters that return are read like data.
  const lazy = minimal()
  Object.defineProperty(lazy, 'x-lazy', { enumerable: true, get: () => NaN })
  assert.deepEqual(jm.validate(lazy).map((d) => [d.code, d.path]), [['JM031', '/x-lazy']])
})

test('NaN and infinities in the scoring config are JM107 at their path', () => {
  const map = jm.JourneyMap.fromJson(read('testdata/scoring/chain.json'))
  for (const [config, path, message] of [
    [{ weights: { pain: NaN } }, '/weights/pain', 'invalid scoring config: NaN is not a finite number'],
    [{ health: { emotion: -Infinity } }, '/health/emotion', 'invalid scoring config: -Infinity is not a finite number'],
    [{ weights: { pain: () => 1 } }, '/weights/pain', 'invalid scoring config: a value of type function has no JSON form; a map holds objects, arrays, strings, numbers, booleans and null'],
  ]) {
    assert.throws(() => map.score(config), (e) => {
      assert.ok(e instanceof jm.ConfigError && e instanceof jm.ScoringError)
      assert.equal(e.name, 'ConfigError')
      assert.deepEqual(e.diagnostics.map((d) => [d.code, d.path, d.message]), [['JM107', path, message]])
      return true
    })
  }
})

function read(path) {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
}
