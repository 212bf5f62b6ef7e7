// Tests of the Node package against the shared vectors in testdata/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import ts from 'typescript'
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
const chain = () => jm.JourneyMap.fromJson(read('testdata/scoring/chain.json'))
const isError = (code) => (e) => e instanceof jm.JourneyMapError && e.code === code
const errorClasses = ['JourneyMapError', 'ValidationError', 'ReadError', 'WriteError', 'ScoringError', 'ConfigError', 'RenderError', 'EventLogError', 'InternalError']
const utf8 = (bytes) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}
const codesAndPaths = (ds) => ds.map((d) => `${d.code} ${d.path}`).sort()

/** Exported names of lib/index.d.ts, and the static and instance members of its classes. */
function declared() {
  const file = ts.createSourceFile('index.d.ts', readFileSync(new URL('../lib/index.d.ts', import.meta.url), 'utf8'), ts.ScriptTarget.Latest)
  const names = []
  const classes = {}
  for (const st of file.statements) {
    // `export { EventLog, Aggregate } from './events'`: values declared in another file.
    if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) names.push(el.name.text)
      continue
    }
    const exported = ts.getModifiers?.(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported || !(ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st)) || !st.name) continue
    names.push(st.name.text)
    if (!ts.isClassDeclaration(st)) continue
    const members = { static: [], instance: [] }
    for (const m of st.members) {
      if (!ts.isMethodDeclaration(m) && !ts.isPropertyDeclaration(m)) continue
      const isStatic = ts.getModifiers?.(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)
      members[isStatic ? 'static' : 'instance'].push(m.name.getText(file))
    }
    classes[st.name.text] = members
  }
  return { names: names.sort(), classes }
}

test('CommonJS, ESM and lib/index.d.ts expose the same names', () => {
  const { names, classes } = declared()
  assert.deepEqual(Object.keys(jm).sort(), names)
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), names)
  for (const name of names) assert.equal(esm[name], jm[name], name)
  const statics = Object.getOwnPropertyNames(jm.JourneyMap).filter((k) => !['length', 'name', 'prototype'].includes(k))
  const methods = Object.getOwnPropertyNames(jm.JourneyMap.prototype).filter((k) => k !== 'constructor')
  assert.deepEqual(statics.sort(), classes.JourneyMap.static.sort())
  assert.deepEqual(methods.sort(), classes.JourneyMap.instance.sort())
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

test('bytes (Buffer, Uint8Array, a view with an offset) read like text', () => {
  const text = read('examples/retail-click-and-collect.json')
  const bytes = readFileSync(new URL('examples/retail-click-and-collect.json', root))
  const want = jm.JourneyMap.fromJson(text).scoreJson()
  assert.equal(jm.JourneyMap.fromJson(bytes).scoreJson(), want)
  assert.equal(jm.JourneyMap.fromJson(new Uint8Array(bytes)).scoreJson(), want)
  const broken = Buffer.from(text.replace('"stage": "inspire"', '"stage": "nowhere"'))
  const offset = Buffer.concat([Buffer.from('{}{}'), broken]).subarray(4)
  assert.notEqual(offset.byteOffset, 0)
  assert.deepEqual(jm.validate(offset), jm.validate(broken.toString('utf8')))
  assert.ok(jm.validate(offset).some((d) => d.code === 'JM023' && d.line !== null))
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

test('scorePath explains a path step by step: deviations, emotion curve, valleys', () => {
  const map = jm.JourneyMap.fromJson(read('testdata/scoring/chain.json'))
  const report = map.scorePath(['a', 'c', 'b', 'zz', 'c'])
  assert.equal(report.steps, 5)
  assert.deepEqual(report.trace.map((s) => s.emotion), [1, 0.5, -0.5, null, 0.5])
  assert.deepEqual(report.trace.map((s) => [s.on_map, s.unexpected_move, s.backtrack, s.skipped_stages]), [
    [true, false, false, 0],
    [true, true, false, 1],
    [true, true, true, 0],
    [false, false, false, 0],
    [true, false, false, 0],
  ])
  assert.deepEqual(report.valleys, [2])
})

test('scorePaths gives, row by row, what each path gives alone (repeated, off-map and empty paths)', () => {
  const map = jm.JourneyMap.fromJson(read('examples/retail-click-and-collect.json'))
  const ids = map.toObject().touchpoints.map((t) => t.id)
  const paths = [[], ['not-on-the-map'], [ids[0], ids[0], ids[0]]]
  for (let i = 0; i < 200; i++) paths.push(Array.from({ length: i % 13 }, (_, j) => (j % 7 === 6 ? `off-${j}` : ids[(i * 7 + j * 3) % ids.length])))
  for (const persona of [undefined, 'store-first']) {
    const columns = map.scorePaths(paths, persona)
    const keys = Object.keys(columns)
    assert.ok(keys.length >= 10, keys.join())
    paths.forEach((path, row) => {
      const alone = map.scorePaths([path], persona)
      for (const key of keys) assert.deepEqual(columns[key][row], alone[key][0], `${persona} row ${row} ${key}`)
      assert.equal(columns.steps[row], path.length)
      assert.equal(columns.peak_end[row], map.scorePath(path, persona).peak_end, `${persona} row ${row}`)
    })
  }
  assert.deepEqual(map.scorePaths([]).steps, [])
})

test('invalid fixtures, read as bytes and as text, give their diagnostics; loading throws JourneyMapError', () => {
  let parseFixtures = 0
  for (const [name, want] of Object.entries(expected)) {
    const bytes = readFileSync(new URL(`testdata/invalid/${name}`, root))
    const diagnostics = jm.validate(bytes)
    const codes = diagnostics.map((d) => d.code)
    for (const code of want.codes) assert.ok(codes.includes(code), `${name}: ${code} not in ${codes}`)
    for (const d of diagnostics) {
      assert.ok(d.path === '' || d.path.startsWith('/'))
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'path', 'message', 'line', 'column', 'path_parts'])
    }
    const text = utf8(bytes)
    if (text !== undefined) assert.deepEqual(jm.validate(text), diagnostics, name)
    if (want.kind === 'parse') parseFixtures += 1
    if (diagnostics.some((d) => d.severity === 'error')) {
      const same = (e) => e instanceof jm.ValidationError && codes.includes(e.code) && JSON.stringify(e.diagnostics) === JSON.stringify(diagnostics)
      assert.throws(() => jm.JourneyMap.fromJson(bytes), same, name)
      if (text !== undefined) assert.throws(() => jm.JourneyMap.fromJson(text), same, name)
    }
  }
  assert.ok(parseFixtures >= 5, 'the parse fixtures (JM002 included) are checked')
  assert.deepEqual(jm.validate(readFileSync(new URL('testdata/invalid/JM002-not-utf8.json', root))).map((d) => d.code), ['JM002'])
})

test('a JavaScript object is validated without positions (they would point into text the caller never saw)', () => {
  let checked = 0
  for (const [name, want] of Object.entries(expected)) {
    if (want.kind === 'parse') continue
    const text = read(`testdata/invalid/${name}`)
    const fromText = jm.validate(text)
    const fromObject = jm.validate(JSON.parse(text))
    assert.deepEqual(codesAndPaths(fromObject), codesAndPaths(fromText), name)
    for (const d of fromObject) assert.ok(d.line === null && d.column === null, `${name}: ${JSON.stringify(d)}`)
    if (fromText.some((d) => d.line !== null)) checked += 1
    const doc = JSON.parse(text)
    if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && fromObject.some((d) => d.severity === 'error')) {
      assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => {
        assert.ok(e instanceof jm.ValidationError, name)
        for (const d of e.diagnostics) assert.ok(d.line === null && d.column === null, name)
        assert.doesNotMatch(e.message, /\d+:\d+:/, name)
        return true
      })
    }
  }
  assert.ok(checked > 10, 'text diagnostics do carry positions')
})

test('values that are not objects give JM010, not an exception', () => {
  for (const value of [[], [{ id: 'x' }], null, true, false]) {
    const ds = jm.validate(value)
    assert.deepEqual(ds.map((d) => [d.code, d.path, d.line, d.column]), [['JM010', '', null, null]], JSON.stringify(value))
  }
  assert.equal(jm.validate('[]')[0].code, 'JM010')
  assert.equal(jm.validate('[]')[0].line, 1)
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

test('NaN and Infinity in an object are JM031 at their own path, every one of them', () => {
  const doc = chain().toObject()
  doc.touchpoints[1].measures.emotion = NaN
  doc.transitions[0].probability = Infinity
  doc.extensions = { acme: { weight: -Infinity } }
  const want = [
    ['JM031', '/touchpoints/1/measures/emotion', 'NaN is not a finite number'],
    ['JM031', '/transitions/0/probability', 'Infinity is not a finite number'],
    ['JM031', '/extensions/acme/weight', '-Infinity is not a finite number'],
  ]
  assert.deepEqual(jm.validate(doc).map((d) => [d.code, d.path, d.message]), want)
  assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => e instanceof jm.ValidationError && e.code === 'JM031' && e.diagnostics.length === 3)
  assert.throws(() => chain().score({ weights: { pain: NaN } }), (e) => e.code === 'JM107' && e.diagnostics[0].path === '/weights/pain')
})

test('a circular object is one JM003 diagnostic, not an exception', () => {
  const circular = chain().toObject()
  circular['x-self'] = circular
  const ds = jm.validate(circular)
  assert.equal(ds.length, 1)
  assert.equal(ds[0].code, 'JM003')
  assert.match(ds[0].message, /or the structure is circular/)
  assert.throws(() => jm.JourneyMap.fromObject(circular), (e) => e instanceof jm.ValidationError && e.code === 'JM003')
})

test('path_parts come from the core: keys and array indices', () => {
  const doc = chain().toObject()
  doc.touchpoints[0].measures.emotion = 'high'
  doc['x-a/b'] = { '~': [0, NaN] }
  const ds = jm.validate(doc)
  const parts = Object.fromEntries(ds.map((d) => [d.path, d.path_parts]))
  assert.deepEqual(parts['/touchpoints/0/measures/emotion'], ['touchpoints', 0, 'measures', 'emotion'])
  assert.deepEqual(parts['/x-a~1b/~0/1'], ['x-a/b', '~', 1])
  assert.deepEqual(jm.validate('[]')[0].path_parts, [])
  assert.throws(() => jm.JourneyMap.fromObject(doc), (e) => e.diagnostics.every((d) => Array.isArray(d.path_parts)))
})

test('codes() lists the catalogue of docs/diagnostics.md', () => {
  const entries = jm.codes()
  const doc = read('docs/diagnostics.md')
  const rows = [...doc.matchAll(/^\| \[(JM\d{3})\]\(#(jm\d{3})\) \| (\w+) \| (.+) \|$/gm)]
  assert.ok(entries.length > 50)
  assert.equal(entries.length, rows.length)
  entries.forEach((entry, i) => {
    const [, code, anchor, severity, title] = rows[i]
    assert.deepEqual(Object.keys(entry), ['code', 'severity', 'title', 'explanation', 'link'])
    assert.deepEqual([entry.code, entry.severity, entry.title, entry.link], [code, severity, title, `docs/diagnostics.md#${anchor}`])
    assert.ok(doc.includes(`\n## ${code}\n`) && doc.includes(entry.explanation), code)
  })
  assert.deepEqual(esm.codes(), entries)
})

test('the error classes: one per kind, each an Error with name, code and diagnostics', () => {
  for (const name of errorClasses) {
    const cls = jm[name]
    assert.equal(cls, esm[name])
    assert.ok(cls === jm.JourneyMapError || cls.prototype instanceof jm.JourneyMapError, name)
    const e = new cls('m', name === 'InternalError' ? null : 'JM104', [])
    assert.ok(e instanceof Error)
    assert.equal(e.name, name)
  }
  assert.ok(jm.ConfigError.prototype instanceof jm.ScoringError)
  assert.ok(!(jm.ReadError.prototype instanceof jm.ValidationError) && !(jm.WriteError.prototype instanceof jm.ValidationError))
  const map = chain()
  assert.throws(() => map.scorePath(['a'], 'nobody'), (e) => e.constructor === jm.ScoringError && e.name === 'ScoringError' && e.code === 'JM104')
  assert.throws(() => map.score({ top: -1 }), (e) => e.constructor === jm.ConfigError && e.code === 'JM107')
  assert.throws(() => jm.JourneyMap.fromJson('{'), (e) => e.constructor === jm.ValidationError && e.code === 'JM004')
})

test('wrong JavaScript types throw TypeError with a clear message', () => {
  const cases = [
    [() => jm.validate(42), /validate\(\) expects JSON text, bytes .* got number/],
    [() => jm.validate(undefined), /got undefined/],
    [() => jm.validate(() => ({})), /got function/],
    [() => jm.validate(Symbol('map')), /got symbol/],
    [() => jm.validate(10n), /got bigint/],
    [() => jm.validate(new ArrayBuffer(4)), /Buffer or Uint8Array/],
    [() => jm.validate(new Int16Array(4)), /Buffer or Uint8Array/],
    [() => jm.JourneyMap.fromObject(null), /fromObject\(\) expects an object, got null/],
    [() => jm.JourneyMap.fromObject([]), /got an array/],
    [() => jm.JourneyMap.fromJson(12), /fromJson\(\) expects JSON text or bytes/],
    [() => new jm.JourneyMap({}), /fromJson\(\) or JourneyMap.fromObject\(\)/],
    [() => jm.JourneyMap.prototype.score.call({}), /expected a JourneyMap/],
    [() => jm.compare(chain(), {}), /two JourneyMap instances/],
    [() => chain().scorePath('a'), /array of touchpoint ids/],
    [() => chain().scorePaths([['a'], [1]]), /path 1 holds number/],
    [() => chain().scorePaths([['a'], 'b']), /path 1 is string/],
    [() => chain().scorePaths('ab'), /expects an array of paths, got string/],
    [() => chain().score(3), /scoring config expects an object, got number/],
    [() => chain().score([]), /scoring config expects an object, got an array/],
    [() => chain().toJson('yes'), /pretty to be a boolean/],
  ]
  for (const [fn, message] of cases) assert.throws(fn, (e) => e instanceof TypeError && message.test(e.message), String(fn))
})

test('persona arguments are type-checked', () => {
  const map = chain()
  const spec = JSON.parse(read('testdata/scoring/chain.paths.json'))
  for (const bad of [42, {}, ['p'], true, 1n]) {
    assert.throws(() => map.scorePath(spec.paths[0], bad), (e) => e instanceof TypeError && /scorePath\(\) expects persona to be a persona id \(a string\)/.test(e.message))
    assert.throws(() => map.scorePaths(spec.paths, bad), (e) => e instanceof TypeError && /scorePaths\(\) expects persona/.test(e.message))
  }
  assert.deepEqual(map.scorePath(spec.paths[0], null), map.scorePath(spec.paths[0]))
  assert.throws(() => map.scorePath(spec.paths[0], 'nobody'), isError('JM104'))
  assert.throws(() => map.scorePaths(spec.paths, 'nobody'), (e) => isError('JM104')(e) && e.diagnostics.length === 1 && e.diagnostics[0].code === 'JM104')
})

test('an invalid scoring config is JM107 with a diagnostic pointing into the config', async () => {
  const map = chain()
  const cases = [
    [{ weights: { pain: -1 } }, '/weights/pain'],
    [{ health: { emotion: 'high' } }, '/health/emotion'],
    [{ survey: { effort_threshold: 2 } }, '/survey/effort_threshold'],
    [{ nonsense: 1 }, '/nonsense'],
  ]
  for (const [config, path] of cases) {
    const check = (e) => {
      assert.ok(e instanceof jm.JourneyMapError)
      assert.equal(e.code, 'JM107')
      assert.deepEqual(e.diagnostics.map((d) => [d.code, d.severity, d.path]), [['JM107', 'error', path]])
      return true
    }
    assert.throws(() => map.score(config), check)
    assert.throws(() => map.scoreJson(config), check)
    assert.throws(() => jm.compare(map, map, config), check)
    await assert.rejects(map.scoreAsync(config), check)
  }
  assert.equal(map.score({ top: 1, weights: { pain: 0.5 } }).map, map.score().map)
})

test('ValidationError is a JourneyMapError with code and diagnostics, the same class for CJS and ESM', async () => {
  const broken = { format_version: '1.0', id: 'demo', title: 'Demo', touchpoints: [{ id: 't', name: 'T', stage: 'nowhere', channel: 'web' }] }
  for (const api of [jm, esm]) {
    assert.throws(() => api.JourneyMap.fromObject(broken), (e) => {
      assert.ok(e instanceof api.ValidationError && e instanceof jm.JourneyMapError && e instanceof esm.JourneyMapError && e instanceof Error)
      assert.equal(e.name, 'ValidationError')
      assert.equal(e.code, e.diagnostics.find((d) => d.severity === 'error').code)
      assert.ok(e.diagnostics.some((d) => d.code === 'JM023' && d.path === '/touchpoints/0/stage'))
      assert.match(e.message, /^invalid journey map: /)
      return true
    })
  }
  // A message that looks like JSON is only a message: no error travels inside one.
  const made = new esm.JourneyMapError('{"code":"JM999"}', 'JM104', [])
  assert.ok(made instanceof jm.JourneyMapError)
  assert.equal(made.code, 'JM104')
})

test('a panic in Rust becomes an InternalError, on the calling thread and on the thread pool', () => {
  // In a child process: without catch_unwind the panic aborts the process, which this test
  // reports instead of dying with it. The native functions behind schema() and scoreAsync() are
  // swapped for the test-only panic hook, so the panics go through the package's own calls.
  const script = `
    const native = require(${JSON.stringify(fileURLToPath(new URL('../index.js', import.meta.url)))})
    const jm = require(${JSON.stringify(fileURLToPath(new URL('../lib/index.cjs', import.meta.url)))})
    const seen = (e) => ({ internal: e instanceof jm.InternalError, base: e instanceof jm.JourneyMapError, name: e.name, code: e.code, diagnostics: e.diagnostics, message: e.message })
    const out = {}
    const schemaJson = native.schemaJson
    native.schemaJson = () => native.panicForTest(false)
    try { jm.schema() } catch (e) { out.sync = seen(e) }
    native.schemaJson = schemaJson
    const inner = native.loadText(${JSON.stringify(read('testdata/scoring/chain.json'))}).map
    inner.scoreJsonAsync = () => native.panicForTest(true)
    new jm.JourneyMap(inner).scoreAsync().then(() => {}, (e) => { out.pool = seen(e) }).finally(() => {
      out.alive = jm.schema().title !== undefined
      console.log(JSON.stringify(out))
    })`
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, RUST_BACKTRACE: '0' } })
  assert.equal(child.status, 0, `the process died (signal ${child.signal}): ${child.stderr}`)
  const internal = (message) => ({ internal: true, base: true, name: 'InternalError', code: null, diagnostics: [], message: `internal error: ${message} (please report this bug)` })
  assert.deepEqual(JSON.parse(child.stdout), {
    sync: internal('deliberate panic on the JavaScript thread'),
    pool: internal('deliberate panic on the thread pool'),
    alive: true,
  })
})

test('the panic hook exists only in the test build: the release declarations do not have it', () => {
  const native = require('../index.js')
  assert.equal(typeof native.panicForTest, 'function', 'scripts/test-node.sh builds with --features test-hooks')
  const release = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8')
  assert.ok(!release.includes('panicForTest'), 'index.d.ts is generated from the release build')
  assert.ok(release.includes('validateObject') && release.includes('loadObject'))
  assert.ok(!('panicForTest' in jm))
})

test('every exported Rust function and method has catch_unwind', () => {
  const sources = readdirSync(new URL('../src/', import.meta.url)).filter((f) => f.endsWith('.rs'))
  let exported = 0
  for (const file of sources) {
    const lines = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8').split('\n')
    lines.forEach((line, i) => {
      const attr = /^\s*#\[napi(\((.*)\))?\]\s*$/.exec(line)
      if (!attr) return
      let j = i + 1
      while (/^\s*(#\[|\/\/)/.test(lines[j])) j += 1
      if (!/\bfn\s/.test(lines[j])) return
      exported += 1
      assert.match(attr[2] ?? '', /\bcatch_unwind\b/, `${file}:${i + 1} exports ${lines[j].trim()} without catch_unwind`)
    })
  }
  assert.ok(exported >= 15, `found ${exported} exported functions`)
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
  // A generated chain with back-steps, large enough that scoring takes far longer than a turn of
  // the event loop (its cost grows with the cube of the size).
  const n = 1000
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
  // Count turns of the event loop while the promise is pending. Scoring on the JavaScript
  // thread would leave no turn before the promise settles: the count would be 0.
  let turns = 0
  let pending = true
  const spin = () => {
    if (!pending) return
    turns += 1
    setImmediate(spin)
  }
  setImmediate(spin)
  const scores = await map.scoreAsync().finally(() => { pending = false })
  assert.equal(scores.map, 'big')
  assert.ok(turns >= 20, `the event loop turned ${turns} times while scoring`)
  assert.deepEqual(scores, JSON.parse(map.scoreJson()))
})
