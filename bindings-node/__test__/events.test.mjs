// Event logs in Node: the shared hand-built vectors (testdata/events) from CSV text, files and
// arrays of objects, mergeable aggregates through bytes, discovery, calibration, conformance.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const jm = require('../lib/index.cjs')
const { EventLog, Aggregate, JourneyMap, JourneyMapError, compare } = jm
const dir = new URL('../../testdata/events/', import.meta.url)
const read = (name) => readFileSync(new URL(name, dir), 'utf8')
const path = (name) => fileURLToPath(new URL(name, dir))
const basicOptions = { persona: 'persona', csat: 'csat' }
const expected = JSON.parse(read('basic.stats.json'))
const withoutRows = ({ rejected, warnings, ...rest }) => rest
const isError = (code) => (e) => e instanceof JourneyMapError && e.code === code

/** The basic log as objects, the rows with a wrong column count left out (as a frame would). */
function basicRecords() {
  const [header, ...lines] = read('basic.csv').trim().split('\n').map((l) => l.split(','))
  return lines.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])))
}

test('CSV text and files give the shared statistics', () => {
  for (const log of [EventLog.fromCsv(read('basic.csv'), basicOptions), EventLog.fromCsvFile(path('basic.csv'), basicOptions)]) {
    assert.deepEqual(log.stats({ outcomes: ['buy'] }), expected)
    assert.equal(log.cases, 5)
    assert.equal(log.events, 14)
  }
})

test('arrays of objects give the same statistics, rows numbered from 0', () => {
  const log = EventLog.fromRecords(basicRecords(), basicOptions)
  const stats = log.stats({ outcomes: ['buy'] })
  assert.deepEqual(withoutRows(stats), withoutRows(expected))
  assert.deepEqual(stats.rejected.map((r) => r.row), [6, 10, 15])
  const end = stats.transitions.find((t) => t.from === 'buy')
  assert.equal(end.to, null)
  // Dates and epoch numbers are timestamps too.
  const dated = EventLog.fromRecords([
    { case_id: 'a', activity: 'x', timestamp: new Date('2026-01-01T00:00:00Z') },
    { case_id: 'a', activity: 'y', timestamp: 1767225601 },
    { case_id: 'a', activity: 'z', timestamp: 1767225602000 },
  ])
  assert.deepEqual(dated.stats().variants[0].activities, ['x', 'y', 'z'])
})

test('bad input is reported with stable codes', () => {
  assert.throws(() => EventLog.fromCsv('id,activity,timestamp\n'), isError('JM302'))
  assert.throws(() => EventLog.fromCsvFile(path('missing.csv')), isError('JM304'))
  assert.throws(() => EventLog.fromRecords('nope'), TypeError)
  assert.throws(() => EventLog.fromCsv('case_id,activity,timestamp\n', { case: 3 }), TypeError)
})

test('aggregates merge, travel as bytes, and refuse a case in two partials', () => {
  const records = basicRecords()
  const whole = EventLog.fromRecords(records, basicOptions).aggregate()
  const a = EventLog.fromRecords(records.filter((r) => r.case_id !== 'c3'), basicOptions).aggregate()
  const b = EventLog.fromRecords(records.filter((r) => r.case_id === 'c3'), basicOptions).aggregate()
  const merged = Aggregate.fromBytes(a.toBytes()).merge(Aggregate.fromBytes(b.toBytes()))
  assert.equal(merged.cases, 5)
  assert.deepEqual(withoutRows(merged.stats({ outcomes: ['buy'] })), withoutRows(whole.stats({ outcomes: ['buy'] })))
  assert.throws(() => a.merge(a), isError('JM310'))
  assert.throws(() => Aggregate.fromBytes(Buffer.from('nope')), isError('JM312'))
})

test('discovery gives a map whose conversion is the observed one', () => {
  const log = EventLog.fromCsv(read('basic.csv'), { persona: 'persona' })
  const { map, report } = log.discoverWithReport({ success: ['buy'] })
  assert.ok(map instanceof JourneyMap)
  assert.equal(report.cases_in_map, 5)
  assert.ok(Math.abs(map.score().overall.success_probability - 0.6) < 1e-12)
  const byChannel = EventLog.fromCsv(read('basic.csv'), { channel: 'channel' }).discover({ success: ['buy'], byChannel: true })
  assert.ok(byChannel.toObject().touchpoints.some((t) => t.id === 'visit@web'))
})

test('calibration and conformance give the hand-computed answers', () => {
  const shop = JSON.parse(read('shop.expected.json'))
  const map = JourneyMap.fromJson(read('shop.map.json'))
  const log = EventLog.fromCsv(read('shop.csv'), { emotion: 'emotion' })
  const csv = { csv: read('shop.activities.csv') }
  const rows = read('shop.activities.csv').trim().split('\n').slice(1).map((l) => l.split(','))
  for (const activities of [csv, { path: path('shop.activities.csv') }, rows, Object.fromEntries(rows)]) {
    const { map: calibrated, report } = log.calibrateWithReport(map, activities)
    const object = calibrated.toObject()
    assert.deepEqual(object.transitions, shop.calibration.transitions)
    assert.deepEqual(object.entries, shop.calibration.entries)
    assert.deepEqual(report.unmapped, shop.calibration.unmapped)
    assert.ok(Math.abs(compare(map, calibrated).conversion.after - shop.calibration.conversion) < 1e-12)
  }
  const c = log.conformance(map, { activities: csv })
  assert.ok(Math.abs(c.fitness - shop.conformance.fitness) < 1e-15)
  assert.deepEqual(c.deviations, shop.conformance.deviations)
  for (const r of c.case_results) {
    const e = shop.conformance.case_results[r.case]
    assert.deepEqual([r.completed, r.missing, r.failing, r.ad_hoc, r.deviations.map((d) => d.kind)], [e.completed, e.missing, e.failing, e.ad_hoc, e.kinds], r.case)
  }
  assert.throws(() => log.calibrate(map, { visit_home: 'nowhere' }), isError('JM331'))
})

test('a non-finite scale is an EventLogError (JM305), not an internal error', () => {
  const rows = [{ case_id: 'a', activity: 'x', timestamp: 1, csat: 3 }]
  for (const bad of [NaN, Infinity, -Infinity]) {
    const checks = [
      () => EventLog.fromRecords(rows, { csat: 'csat', scales: { csat: [bad, 5] } }),
      () => EventLog.fromCsv(read('basic.csv'), { csat: 'csat', scales: { csat: [1, bad] } }),
    ]
    for (const read of checks) {
      assert.throws(read, (e) => e.constructor === jm.EventLogError && e.code === 'JM305' && e.diagnostics[0].code === 'JM305')
    }
  }
})

test('a mapping file that is missing is an EventLogError, as in Python', () => {
  const log = EventLog.fromCsv(read('basic.csv'), basicOptions)
  const map = JourneyMap.fromJson(read('shop.map.json'))
  assert.throws(() => log.conformance(map, { activities: { path: path('no-such-mapping.csv') } }), (e) => e.constructor === jm.EventLogError && e.code === 'JM304')
  assert.throws(() => log.calibrate(map, { path: path('no-such-mapping.csv') }), (e) => e.constructor === jm.EventLogError)
})

test('a row offset numbers the rows of a part of a log', () => {
  const rows = [
    { case_id: 'a', activity: 'x', timestamp: 1 },
    { case_id: null, activity: 'x', timestamp: 2 },
    { case_id: 'b', activity: null, timestamp: 3 },
    { case_id: 'b', activity: 'y', timestamp: 4 },
  ]
  const whole = EventLog.fromRecords(rows)
  const merged = EventLog.fromRecords(rows.slice(0, 2)).aggregate().merge(EventLog.fromRecords(rows.slice(2), { rowOffset: 2 }).aggregate())
  assert.deepEqual(merged.stats().rejected, whole.stats().rejected)
  assert.deepEqual(whole.stats().rejected.map((r) => r.row), [1, 2])
  const rejected = (options) => EventLog.fromCsv(read('basic.csv'), options).issues().filter((i) => i.code === 'JM300').map((i) => i.row)
  assert.ok(rejected().length > 0)
  assert.deepEqual(rejected({ rowOffset: 100 }), rejected().map((r) => r + 100))
  assert.throws(() => EventLog.fromRecords(rows, { rowOffset: -1 }), TypeError)
})
