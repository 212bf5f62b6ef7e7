// Pictures and the HTML report: byte-identical to the golden SVGs the Rust core writes, errors
// with their codes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { JourneyMap, JourneyMapError, RenderError } from '../lib/index.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const load = (file) => JourneyMap.fromJson(readFileSync(root + file))
const index = JSON.parse(readFileSync(root + 'testdata/render/index.json', 'utf8'))

test('every golden picture is drawn byte for byte', () => {
  assert.ok(index.length >= 20)
  for (const entry of index) {
    const m = load(entry.map)
    const { view, persona, all_personas: allPersonas } = entry.options
    const svg = m.toSvg({ view, persona, allPersonas })
    assert.ok(svg === readFileSync(root + entry.file, 'utf8'), `${entry.file} differs`)
    // The core's own key is accepted too.
    assert.ok(m.toSvg(entry.options) === svg)
  }
})

test('defaults and errors', () => {
  const m = load('examples/solar-installation.json')
  assert.equal(m.toSvg(), m.toSvg({ persona: 'eco-owner', view: 'journey' }))
  const codeOf = (f) => {
    try {
      f()
    } catch (e) {
      assert.ok(e instanceof JourneyMapError)
      return [e.code, e.diagnostics[0]?.path]
    }
    assert.fail('no error')
  }
  assert.deepEqual(codeOf(() => m.toSvg({ view: 'sankey' })), ['JM400', '/view'])
  assert.throws(() => m.toSvg({ view: 'sankey' }), RenderError)
  assert.deepEqual(codeOf(() => m.toSvg({ colour: 'red' })), ['JM400', '/colour'])
  assert.equal(codeOf(() => m.toSvg({ persona: 'eco-owner', allPersonas: true }))[0], 'JM400')
  assert.equal(codeOf(() => m.toSvg({ persona: 'nobody' }))[0], 'JM104')
  assert.equal(codeOf(() => m.toSvg({}, { weights: { pain: -1 } }))[0], 'JM107')
  assert.throws(() => m.toSvg('flow'), TypeError)
})

test('the HTML report is one self-contained page', () => {
  const html = load('examples/retail-click-and-collect.json').toHtml()
  assert.ok(html.startsWith('<!DOCTYPE html>'))
  assert.equal(html.split('<svg xmlns').length - 1, 6)
  for (const needle of ['<script', 'src=', '<link']) assert.ok(!html.includes(needle), needle)
})
