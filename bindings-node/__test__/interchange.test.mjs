// Mermaid `journey` diagrams and CSV touchpoint tables: the shared vectors of
// testdata/interchange/ give, in Node, the same maps, exports and diagnostics as in Rust.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const jm = require('../lib/index.cjs')
const root = new URL('../../', import.meta.url)
const bytesOf = (p) => readFileSync(new URL(p, root))
const read = (p) => readFileSync(new URL(p, root), 'utf8')
const files = (dir, ext) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith(ext)).map((f) => dir + f)
const expected = (file) => {
  const [, kind, name] = file.match(/interchange\/(\w+)\/(.+)\.\w+$/)
  return JSON.parse(read(`testdata/interchange/expected/${kind}/${name}.json`))
}
const utf8 = (bytes) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function check(readMap, file) {
  const want = expected(file)
  if (want.valid) {
    const map = readMap()
    assert.deepEqual(map.toObject(), want.map, file)
    assert.equal(map.toMermaid(), want.mermaid, file)
    assert.equal(map.toCsv(), want.csv, file)
  } else {
    assert.throws(readMap, (e) => {
      assert.ok(e instanceof jm.JourneyMapError, file)
      // The vectors hold the core's diagnostics; `path_parts` is the Node record's own addition.
      assert.deepEqual(e.diagnostics.map(({ path_parts: _, ...d }) => d), want.diagnostics, file)
      assert.equal(e.code, want.diagnostics.find((d) => d.severity === 'error').code, file)
      return true
    })
  }
}

test('Mermaid vectors, as bytes and as text', () => {
  for (const file of files('testdata/interchange/mermaid/', '.mmd')) {
    const bytes = bytesOf(file)
    check(() => jm.fromMermaid(bytes), file)
    const text = utf8(bytes)
    if (text !== undefined) check(() => jm.JourneyMap.fromMermaid(text), file)
  }
})

test('CSV vectors, as bytes and as text', () => {
  for (const file of files('testdata/interchange/csv/', '.csv')) {
    const bytes = bytesOf(file)
    check(() => jm.fromCsv(bytes), file)
    const text = utf8(bytes)
    if (text !== undefined) check(() => jm.JourneyMap.fromCsv(text), file)
  }
})

test('a bad score and a bad row carry their line and column', () => {
  assert.throws(() => jm.fromMermaid('journey\n  section Buy\n    Pays: 7: Ann\n'), (e) => {
    const d = e.diagnostics[0]
    assert.deepEqual([d.code, d.line, d.column, d.path], ['JM203', 3, 11, '/touchpoints/0/measures/emotion'])
    return true
  })
  assert.throws(() => jm.fromCsv('touchpoint,emotion\nPays,lots\nLeaves,1\n'), (e) => {
    const d = e.diagnostics[0]
    assert.deepEqual([d.code, d.line, d.column], ['JM232', 2, 2])
    assert.match(d.message, /^row 2, column `emotion`/)
    return true
  })
})

test('exports: one persona, the committed example files, semicolons, errors', () => {
  const map = jm.JourneyMap.fromJson(read('examples/bank-personal-loan.as-is.json'))
  assert.equal(map.toMermaid(), read('examples/bank-personal-loan.as-is.mmd'))
  assert.equal(map.toCsv(), read('examples/bank-personal-loan.as-is.csv'))
  const senior = map.toMermaid('senior')
  assert.equal(jm.fromMermaid(senior).toObject().title, map.toObject().title)
  const french = map.toCsv({ delimiter: ';' })
  assert.match(french, /;0,5;/)
  assert.equal(jm.fromCsv(french).toCsv({ delimiter: ';' }), french)
  assert.throws(() => map.toMermaid('nobody'), (e) => e instanceof jm.JourneyMapError && e.code === 'JM206')
  assert.throws(() => map.toCsv({ delimiter: '\t' }), RangeError)
  assert.throws(() => map.toCsv('x'), TypeError)
  assert.throws(() => map.toMermaid(3), TypeError)
  assert.throws(() => jm.fromCsv(3), TypeError)
  assert.throws(() => jm.fromMermaid({}), TypeError)
})

test('every example keeps its scores through CSV', () => {
  for (const file of files('examples/', '.json')) {
    const map = jm.JourneyMap.fromJson(read(file))
    const back = jm.fromCsv(map.toCsv())
    const [a, b] = [map.score(), back.score()]
    assert.deepEqual(b.personas, a.personas, file)
    assert.deepEqual(b.overall, a.overall, file)
  }
})

test('odd input is refused with diagnostics, never a crash', () => {
  for (const text of ['', 'journey', 'journey\n;', '%%{', '---\n---\n', 'journey\n  accDescr {', '\u0000\ufeff']) {
    try {
      jm.fromMermaid(text)
    } catch (e) {
      assert.ok(e instanceof jm.JourneyMapError && e.diagnostics.length > 0, JSON.stringify(text))
    }
  }
  for (const bytes of [new Uint8Array(), Uint8Array.from([0xff, 0xfe]), Buffer.from('touchpoint\n"'), Buffer.from('touchpoint;emotion\nx;1,5,5\n')]) {
    try {
      jm.fromCsv(bytes)
    } catch (e) {
      assert.ok(e instanceof jm.JourneyMapError && e.diagnostics.length > 0)
    }
  }
})
