// @ts-check
'use strict'
// Event logs: the JavaScript side of EventLog and Aggregate. Arrays of objects are turned into
// columns here (one pass over the rows), CSV text and files are read natively; every result comes
// back as JSON text from the core. Built by index.cjs, which hands over the map helpers.

const native = require('../index.js')

/** @typedef {import('../index').NativeMap} NativeMap */
/** @typedef {import('../index').NativeEventLog} NativeEventLog */
/** @typedef {import('../index').NativeAggregate} NativeAggregate */
/** @typedef {import('../index').Failure} Failure */
/** @typedef {import('./events').LogOptions} LogOptions */
/** @typedef {import('./events').StatsOptions} StatsOptions */
/** @typedef {import('./events').DiscoverOptions} DiscoverOptions */
/** @typedef {import('./events').ConformanceOptions} ConformanceOptions */
/** @typedef {import('./events').ActivityMapping} ActivityMapping */
/** @typedef {import('./events').EventStats} EventStats */
/** @typedef {import('./events').ConformanceReport} ConformanceReport */
/** @typedef {import('./events').RowIssue} RowIssue */

const METRICS = /** @type {const} */ (['emotion', 'ces', 'csat', 'nps'])

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

/** The column settings as the JSON the native side reads (what is not given is left out: the
 * core's defaults fill in), and the row offset.
 * @param {LogOptions | undefined} options
 * @param {string} what */
function settings(options, what) {
  const o = options ?? {}
  if (typeof o !== 'object' || Array.isArray(o)) throw new TypeError(`${what} expects options to be an object, got ${describe(o)}`)
  /** @param {unknown} v @param {string} key @returns {string | null} */
  const column = (v, key) => {
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') throw new TypeError(`${what}: option ${key} must be a column name (string), got ${describe(v)}`)
    return v
  }
  /** @type {{ kind: string, column: string, scale: { min?: unknown, max?: unknown, higher_is_easier: boolean } }[]} */
  const metrics = []
  for (const kind of METRICS) {
    const c = column(o[kind], kind)
    if (c === null) continue
    /** @type {{ min?: unknown, max?: unknown, higher_is_easier: boolean }} */
    const scale = { higher_is_easier: kind === 'ces' && o.cesHigherIsEasier === true }
    const given = o.scales?.[kind]
    if (given !== undefined && given !== null) {
      const [min, max] = given
      scale.min = bound(min)
      scale.max = bound(max)
    }
    metrics.push({ kind, column: c, scale })
  }
  /** @type {Record<string, unknown>} */
  const names = {}
  for (const key of /** @type {const} */ (['case', 'activity', 'timestamp', 'channel', 'persona'])) {
    const c = column(o[key], key)
    if (c !== null) names[key] = c
  }
  names.metrics = metrics
  const offset = o.rowOffset ?? 0
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new TypeError(`${what}: option rowOffset must be a non-negative integer, got ${describe(offset)}`)
  }
  return { json: JSON.stringify(names), offset }
}

/** A scale bound for the settings JSON: JSON has no NaN or infinities (JSON.stringify writes
 * null), so they travel as the texts `NaN`, `Infinity` and `-Infinity`, which the core reads and
 * refuses (EventLogError JM305).
 * @param {unknown} v */
function bound(v) {
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v
}

/** A cell as text: strings as they are, numbers and booleans written out, dates as ISO 8601.
 * @param {unknown} v
 * @returns {string | null} */
function cell(v) {
  if (v === undefined || v === null) return null
  if (typeof v === 'string') return v
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid date' : v.toISOString()
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v) ?? null
}

/** @param {(map: NativeMap) => import('./index').JourneyMap} wrapMap
 * @param {(map: import('./index').JourneyMap) => NativeMap} nativeOf
 * @param {(failure: Failure) => Error} failed
 * @param {<T>(fn: () => T) => T} call runs a native call, a panic thrown as an `InternalError` */
module.exports = function events(wrapMap, nativeOf, failed, call) {
  /** @template T @param {{ kind: 'ok', value: T } | { kind: 'error', error: Failure }} outcome @returns {T} */
  function ok(outcome) {
    if (outcome.kind === 'error') throw failed(outcome.error)
    return outcome.value
  }

  /** @param {import('../index').EventLogOutcome} outcome */
  function logOf(outcome) {
    if (outcome.kind === 'error') throw failed(outcome.error)
    return new EventLog(outcome.log)
  }

  /** @param {import('../index').AggregateOutcome} outcome */
  function aggregateOf(outcome) {
    if (outcome.kind === 'error') throw failed(outcome.error)
    return new Aggregate(outcome.aggregate)
  }

  /** @param {import('../index').MapReportOutcome} outcome */
  function mapReport(outcome) {
    if (outcome.kind === 'error') throw failed(outcome.error)
    return { map: wrapMap(outcome.map), report: /** @type {Record<string, unknown>} */ (JSON.parse(outcome.report)) }
  }

  /** The mapping as native arguments: rows as JSON text, CSV text, or the path of a CSV file
   * (read natively: a missing file is an EventLogError).
   * @param {ActivityMapping | undefined | null} m
   * @param {string} what
   * @returns {[string | undefined, string | undefined, string | undefined]} */
  function mappingArgs(m, what) {
    if (m === undefined || m === null) return [undefined, undefined, undefined]
    if (typeof m === 'object' && !Array.isArray(m) && 'csv' in m && typeof m.csv === 'string') return [undefined, m.csv, undefined]
    if (typeof m === 'object' && !Array.isArray(m) && 'path' in m && typeof m.path === 'string') return [undefined, undefined, m.path]
    /** @type {[string, string | null, string][]} */
    const rows = []
    if (Array.isArray(m)) {
      for (const r of m) {
        if (!Array.isArray(r) || !r.every((x) => typeof x === 'string' || x === null)) throw new TypeError(`${what}: mapping rows are [activity, touchpoint] or [activity, channel, touchpoint]`)
        if (r.length === 2) rows.push([String(r[0]), null, String(r[1])])
        else if (r.length === 3) rows.push([String(r[0]), r[1], String(r[2])])
        else throw new TypeError(`${what}: mapping rows are [activity, touchpoint] or [activity, channel, touchpoint]`)
      }
    } else if (typeof m === 'object') {
      for (const [a, t] of Object.entries(m)) {
        if (typeof t !== 'string') throw new TypeError(`${what}: mapping values are touchpoint ids (strings)`)
        rows.push([a, null, t])
      }
    } else {
      throw new TypeError(`${what} expects a mapping: an object, rows, { csv } or { path }; got ${describe(m)}`)
    }
    return [JSON.stringify(rows), undefined, undefined]
  }

  /** Statistics options as native arguments.
   * @param {StatsOptions | undefined} o
   * @returns {[string[], number | undefined]} */
  function statsArgs(o) {
    const outcomes = o?.outcomes ?? []
    const top = o?.top === undefined ? native.DEFAULT_TOP_VARIANTS : o.top
    return [outcomes, top === null ? undefined : top]
  }

  /** The native objects behind each instance, kept out of the instances (their members are
   * exactly those declared in lib/events.d.ts).
   * @type {WeakMap<object, NativeAggregate>} */
  const aggregates = new WeakMap()
  /** @type {WeakMap<object, NativeEventLog>} */
  const logs = new WeakMap()

  /** @param {Aggregate} a */
  function aggregateNative(a) {
    const inner = aggregates.get(a)
    if (inner === undefined) throw new TypeError('expected an Aggregate made by EventLog#aggregate() or Aggregate.fromBytes()')
    return inner
  }

  /** @param {EventLog} l */
  function logNative(l) {
    const inner = logs.get(l)
    if (inner === undefined) throw new TypeError('expected an EventLog made by EventLog.fromRecords(), fromCsv() or fromCsvFile()')
    return inner
  }

  /** A mergeable, serializable partial aggregate of an event log. */
  class Aggregate {
    /** Not for callers: use `EventLog#aggregate()` or `Aggregate.fromBytes()`.
     * @param {NativeAggregate} inner */
    constructor(inner) {
      if (!(inner instanceof native.NativeAggregate)) throw new TypeError('use EventLog#aggregate() or Aggregate.fromBytes()')
      aggregates.set(this, inner)
    }

    /** A partial from `toBytes()` (JM312 for anything else).
     * @param {Uint8Array} bytes */
    static fromBytes(bytes) {
      if (!(bytes instanceof Uint8Array)) throw new TypeError(`fromBytes() expects a Buffer or Uint8Array, got ${describe(bytes)}`)
      return aggregateOf(call(() => native.aggregateFromBytes(bytes)))
    }

    /** @returns {Buffer} */
    toBytes() {
      return call(() => aggregateNative(this).toBytes())
    }

    /** The merge with `other`, which must hold other cases (JM310 otherwise).
     * @param {Aggregate} other */
    merge(other) {
      if (!(other instanceof Aggregate)) throw new TypeError('merge() expects an Aggregate')
      return aggregateOf(call(() => aggregateNative(this).merge(aggregateNative(other))))
    }

    /** @returns {number} */
    get cases() {
      return aggregateNative(this).cases
    }

    /** @returns {number} */
    get events() {
      return aggregateNative(this).events
    }

    /** @param {StatsOptions} [options]
     * @returns {EventStats} */
    stats(options) {
      const [outcomes, top] = statsArgs(options)
      return JSON.parse(ok({ ...textOutcome(call(() => aggregateNative(this).statsJson(outcomes, top))) }))
    }

    /** The observed map and discovery report.
     * @param {DiscoverOptions} [options] */
    discoverWithReport(options) {
      const o = options ?? {}
      return mapReport(call(() => aggregateNative(this).discover(o.success ?? [], o.failure ?? [], o.byChannel ?? false, o.id ?? undefined, o.title ?? undefined)))
    }

    /** The observed map.
     * @param {DiscoverOptions} [options] */
    discover(options) {
      return this.discoverWithReport(options).map
    }

    /** `map` calibrated from this aggregate, and the report.
     * @param {import('./index').JourneyMap} map
     * @param {ActivityMapping} activities */
    calibrateWithReport(map, activities) {
      const [rows, csv, path] = mappingArgs(activities, 'calibrate()')
      return mapReport(call(() => aggregateNative(this).calibrate(nativeOf(map), rows, csv, path)))
    }

    /** `map` calibrated from this aggregate.
     * @param {import('./index').JourneyMap} map
     * @param {ActivityMapping} activities */
    calibrate(map, activities) {
      return this.calibrateWithReport(map, activities).map
    }
  }

  /** @param {import('../index').TextOutcome} outcome
   * @returns {{ kind: 'ok', value: string } | { kind: 'error', error: Failure }} */
  function textOutcome(outcome) {
    return outcome
  }

  /** An event log: one row per customer interaction. */
  class EventLog {
    /** Not for callers: use `EventLog.fromRecords`, `fromCsv` or `fromCsvFile`.
     * @param {NativeEventLog} inner */
    constructor(inner) {
      if (!(inner instanceof native.NativeEventLog)) throw new TypeError('use EventLog.fromRecords(), EventLog.fromCsv() or EventLog.fromCsvFile()')
      logs.set(this, inner)
    }

    /** Reads an array of objects (rows numbered from `options.rowOffset`, 0 by default). Timestamps may be ISO 8601 text, epoch
     * seconds or milliseconds (numbers) or Date objects.
     * @param {Record<string, unknown>[]} records
     * @param {LogOptions} [options] */
    static fromRecords(records, options) {
      if (!Array.isArray(records)) throw new TypeError(`fromRecords() expects an array of objects, got ${describe(records)}`)
      const { json, offset } = settings(options, 'fromRecords()')
      /** @type {{ case: string, activity: string, timestamp: string, channel: string | null, persona: string | null, metrics: { column: string }[] }} */
      const names = JSON.parse(ok(textOutcome(call(() => native.eventLogColumns(json)))))
      const n = records.length
      /** @param {string | null} key */
      const col = (key) => {
        if (key === null) return undefined
        /** @type {(string | null)[]} */
        const out = new Array(n)
        for (let i = 0; i < n; i++) {
          const r = records[i]
          out[i] = r !== null && typeof r === 'object' ? cell(r[key]) : null
        }
        return out
      }
      return logOf(call(() => native.eventLogFromColumns(
        json,
        col(names.case) ?? [],
        col(names.activity) ?? [],
        col(names.timestamp) ?? [],
        col(names.channel),
        col(names.persona),
        names.metrics.map((m) => col(m.column) ?? []),
        offset,
      )))
    }

    /** Reads CSV text with a header row (rows numbered by line, the header is line 1).
     * @param {string} text
     * @param {LogOptions} [options] */
    static fromCsv(text, options) {
      if (typeof text !== 'string') throw new TypeError(`fromCsv() expects CSV text, got ${describe(text)}`)
      const { json, offset } = settings(options, 'fromCsv()')
      return logOf(call(() => native.eventLogFromCsv(json, text, offset)))
    }

    /** Reads a CSV file with a header row (rows numbered by line).
     * @param {string} path
     * @param {LogOptions} [options] */
    static fromCsvFile(path, options) {
      if (typeof path !== 'string') throw new TypeError(`fromCsvFile() expects a path, got ${describe(path)}`)
      const { json, offset } = settings(options, 'fromCsvFile()')
      return logOf(call(() => native.eventLogFromCsvFile(json, path, offset)))
    }

    /** @returns {number} */
    get cases() {
      return logNative(this).cases
    }

    /** @returns {number} */
    get events() {
      return logNative(this).events
    }

    /** Rejected rows (JM300), ignored survey values (JM301) and persona conflicts (JM303).
     * @returns {RowIssue[]} */
    issues() {
      return JSON.parse(ok(textOutcome(call(() => logNative(this).issuesJson()))))
    }

    /** The mergeable, serializable partial aggregate. */
    aggregate() {
      return new Aggregate(call(() => logNative(this).aggregate()))
    }

    /** @param {StatsOptions} [options]
     * @returns {EventStats} */
    stats(options) {
      return this.aggregate().stats(options)
    }

    /** @param {DiscoverOptions} [options] */
    discover(options) {
      return this.aggregate().discover(options)
    }

    /** @param {DiscoverOptions} [options] */
    discoverWithReport(options) {
      return this.aggregate().discoverWithReport(options)
    }

    /** @param {import('./index').JourneyMap} map
     * @param {ActivityMapping} activities */
    calibrate(map, activities) {
      return this.aggregate().calibrate(map, activities)
    }

    /** @param {import('./index').JourneyMap} map
     * @param {ActivityMapping} activities */
    calibrateWithReport(map, activities) {
      return this.aggregate().calibrateWithReport(map, activities)
    }

    /** Each case against `map` (planned versus actual).
     * @param {import('./index').JourneyMap} map
     * @param {ConformanceOptions} [options]
     * @returns {ConformanceReport} */
    conformance(map, options) {
      const o = options ?? {}
      const [rows, csv, path] = mappingArgs(o.activities, 'conformance()')
      return JSON.parse(ok(textOutcome(call(() => logNative(this).conformanceJson(nativeOf(map), rows, csv, path, o.top ?? undefined, o.cases ?? undefined)))))
    }
  }

  return { EventLog, Aggregate }
}
