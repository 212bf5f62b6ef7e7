// Node binding speed: per-call overhead of score() and scoreJson() on a small map against the
// Rust call (criterion: `score/chain.json (3 touchpoints)`), and scorePaths() throughput on
// 1,000,000 observed paths. Numbers are best-of-N wall-clock times on one thread.
//
//   scripts/test-node.sh          # builds the addon
//   node bench/node_bench.mjs     # about a minute; prints JSON
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { JourneyMap } = require('../bindings-node/lib/index.cjs')
const native = require('../bindings-node/index.js')
const root = new URL('../', import.meta.url)
const read = (p) => readFileSync(new URL(p, root), 'utf8')

/** Best (smallest) time of `repeat` runs of `fn`, in seconds. */
function best(fn, repeat) {
  let min = Infinity
  for (let r = 0; r < repeat; r++) {
    const start = process.hrtime.bigint()
    fn()
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e9)
  }
  return min
}

/** Microseconds per call, best of 5 batches of `n` calls (after one warm-up batch). */
function perCall(fn, n = 20000) {
  const batch = () => { for (let i = 0; i < n; i++) fn() }
  batch()
  return (best(batch, 5) / n) * 1e6
}

// (a) Per-call overhead on testdata/scoring/chain.json (3 touchpoints).
const chainText = read('testdata/scoring/chain.json')
const small = JourneyMap.fromJson(chainText)
const loaded = native.loadText(chainText)
if (loaded.kind !== 'ok') throw new Error(loaded.error.message)
const raw = loaded.map
const perCallUs = {
  native_score_json: perCall(() => raw.scoreJson()),
  score_json: perCall(() => small.scoreJson()),
  score_object: perCall(() => small.score()),
  score_object_with_config: perCall(() => small.score({ top: 3 })),
}

// (b) scorePaths throughput: random walks of 10-20 steps along the map's transitions, stopping
// early where a walk reaches a touchpoint whose only moves lead to outcomes.
let seed = 7
const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k }

function walks(doc, count) {
  const ids = new Set(doc.touchpoints.map((t) => t.id))
  const moves = new Map()
  for (const t of doc.transitions) {
    if (!ids.has(t.to)) continue
    if (!moves.has(t.from)) moves.set(t.from, [])
    moves.get(t.from).push(t.to)
  }
  const starts = [...moves.keys()].sort()
  const out = []
  for (let i = 0; i < count; i++) {
    let at = starts[rand(starts.length)]
    const path = [at]
    for (let s = 0, len = 9 + rand(11); s < len; s++) {
      const next = moves.get(at)
      if (!next) break
      at = next[rand(next.length)]
      path.push(at)
    }
    out.push(path)
  }
  return out
}

/** A generated map in which walks rarely stop early: `n` touchpoints over 10 stages, moves to
 * the next three touchpoints, a back-step, an exit; the last touchpoints lead to the outcome. */
function generated(n) {
  const touchpoints = Array.from({ length: n }, (_, i) => ({ id: `t${String(i).padStart(3, '0')}`, name: `Step ${i}`, stage: `s${Math.floor((i * 10) / n)}`, channel: i % 3 ? 'web' : 'store', measures: { emotion: ((i * 7) % 5) - 2, effort: 1 + ((i * 3) % 7) } }))
  const id = (i) => touchpoints[i].id
  const transitions = []
  for (let i = 0; i < n; i++) {
    const targets = [i + 1, i + 2, i + 3, i - 2].filter((j) => j >= 0 && j < n).map(id)
    if (i >= n - 3) targets.push('won')
    for (const to of targets) transitions.push({ from: id(i), to, probability: 0.9 / targets.length })
    transitions.push({ from: id(i), to: 'lost', probability: 0.1 })
  }
  return {
    format_version: '1.0', id: `generated-${n}`, title: `Generated, ${n} touchpoints`,
    personas: [{ id: 'p0', name: 'Persona' }],
    channels: [{ id: 'web', name: 'Web', kind: 'digital' }, { id: 'store', name: 'Store', kind: 'physical' }],
    stages: Array.from({ length: 10 }, (_, s) => ({ id: `s${s}`, name: `Stage ${s}`, order: s + 1 })),
    touchpoints, transitions, entries: [{ touchpoint: id(0) }],
    outcomes: [{ id: 'won', name: 'Won', kind: 'success' }, { id: 'lost', name: 'Lost', kind: 'failure' }],
  }
}

function throughput(map, paths, persona) {
  const steps = paths.reduce((a, p) => a + p.length, 0)
  const check = map.scorePaths(paths.slice(0, 1000), persona)
  if (check.steps.length !== 1000) throw new Error('scorePaths returned the wrong number of rows')
  const seconds = best(() => map.scorePaths(paths, persona), 3)
  return { paths: paths.length, mean_steps: +(steps / paths.length).toFixed(2), seconds: +seconds.toFixed(3), paths_per_s: Math.round(paths.length / seconds) }
}

/** Where scorePaths spends its time: the JS layer's encoding of the paths (the same steps as
 * lib/index.cjs, repeated here), the native call (resolve ids, score, write JSON) and JSON.parse. */
function stages(nativeMap, paths, persona) {
  const time = (fn) => { const start = process.hrtime.bigint(); const out = fn(); return [out, Number(process.hrtime.bigint() - start) / 1e9] }
  const [encoded, encode] = time(() => {
    const lengths = new Uint32Array(paths.map((p) => p.length))
    const steps = new Uint32Array(lengths.reduce((a, b) => a + b, 0))
    const index = new Map()
    const ids = []
    let at = 0
    for (const path of paths) {
      for (const id of path) {
        let k = index.get(id)
        if (k === undefined) { k = ids.length; index.set(id, k); ids.push(id) }
        steps[at++] = k
      }
    }
    return { ids, lengths, steps }
  })
  const [outcome, nativeS] = time(() => nativeMap.scorePathsJson(encoded.ids, encoded.lengths, encoded.steps, persona))
  if (outcome.kind !== 'ok') throw new Error(outcome.error.message)
  const [, parse] = time(() => JSON.parse(outcome.value))
  return { encode_s: +encode.toFixed(3), native_s: +nativeS.toFixed(3), json_parse_s: +parse.toFixed(3), json_mb: +(outcome.value.length / 1e6).toFixed(1) }
}

const retailText = read('examples/retail-click-and-collect.json')
const retail = JourneyMap.fromJson(retailText)
const retailPaths = walks(retail.toObject(), 1_000_000)
const generatedDoc = generated(100)
const generatedMap = JourneyMap.fromObject(generatedDoc)
const generatedPaths = walks(generatedDoc, 1_000_000)

console.log(JSON.stringify({
  node: process.version,
  chain_per_call_us: Object.fromEntries(Object.entries(perCallUs).map(([k, v]) => [k, +v.toFixed(1)])),
  score_paths: {
    'examples/retail-click-and-collect.json (digital-first)': throughput(retail, retailPaths, 'digital-first'),
    'generated, 100 touchpoints': throughput(generatedMap, generatedPaths, undefined),
  },
  score_paths_stages_retail: (() => {
    const outcome = native.loadText(retailText)
    if (outcome.kind !== 'ok') throw new Error(outcome.error.message)
    return stages(outcome.map, retailPaths, 'digital-first')
  })(),
}, null, 2))
