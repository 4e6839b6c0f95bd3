import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import { selectRows } from '../reports/selectRows'
import type { SessionColumns } from '../reports/sessionColumns'
import { searchPattern } from '../reports/sessionIds'

/** A page of the Sessions table: which sessions, in order, and how many the filter keeps. */
export interface ColumnPage {
  total: number
  sessionIds: string[]
}

type NumericColumn = 'latency_p50_ms' | 'latency_p95_ms' | 'interruptions'

const NUMERIC: Record<NumericColumn, (columns: SessionColumns) => Float64Array> = {
  latency_p50_ms: (c) => c.p50Ms,
  latency_p95_ms: (c) => c.p95Ms,
  interruptions: (c) => c.interruptions
}

const isNumeric = (column: string): column is NumericColumn => Object.hasOwn(NUMERIC, column)

/** Sorted row orders per columns object (the columns are replaced, never changed, on a write). */
const orders = new WeakMap<SessionColumns, Map<string, Uint32Array>>()

/**
 * A page of sessions answered from the columns Reports keeps in memory, the same sessions in
 * the same order as the database's `page` and `count` (sessionWhere.ts: filters, search as ILIKE
 * on id, scenario and model, ties by session_id ascending). At a million sessions a count, a
 * filtered deep page or a sort by a latency is a scan of the table in SQL (130 ms to 1 s); here
 * it is a pass over typed arrays, and the rows are then read by id. Null: a sort these columns
 * do not hold (text columns, durations, times), for the database to answer.
 */
export function pageFromColumns(
  columns: SessionColumns,
  filter: SessionFilter,
  sort: SessionSort,
  offset: number,
  limit: number
): ColumnPage | null {
  if (sort.column !== 'session_id' && !isNumeric(sort.column)) return null
  const rows = selectedRows(columns, filter)
  const total = rows.length
  if (offset >= total || limit <= 0) return { total, sessionIds: [] }
  const end = Math.min(total, offset + limit)
  const picked: number[] = []
  if (sort.column === 'session_id') {
    // The columns are in session_id order (the database's collation), as `rows` is.
    for (let i = offset; i < end; i++)
      picked.push(rows[sort.direction === 'asc' ? i : total - 1 - i]!)
  } else {
    const order = sortedOrder(columns, sort.column, sort.direction)
    const keep = total === columns.size ? null : membership(columns.size, rows)
    let seen = 0
    for (let i = 0; i < order.length && picked.length < end - offset; i++) {
      const row = order[i]!
      if (keep && keep[row] !== 1) continue
      if (seen++ >= offset) picked.push(row)
    }
  }
  return { total, sessionIds: picked.map((row) => columns.sessionIds.at(row)) }
}

/** The rows the whole Sessions filter keeps, in session_id order. */
function selectedRows(columns: SessionColumns, filter: SessionFilter): Uint32Array {
  let rows = selectRows(columns, filter)
  const tests: ((row: number) => boolean)[] = []
  if (filter.sessionIds) {
    const among = columns.sessionIds.among(filter.sessionIds)
    tests.push((row) => among[row] === 1)
  }
  const range = (
    values: Float64Array,
    bounds: SessionFilter['latencyP50Ms'],
    maxIn: boolean
  ): void => {
    if (!bounds) return
    const { min, max } = bounds
    if (min !== undefined) tests.push((row) => values[row]! >= min)
    if (max !== undefined) tests.push((row) => (maxIn ? values[row]! <= max : values[row]! < max))
  }
  range(columns.p50Ms, filter.latencyP50Ms, false)
  range(columns.p95Ms, filter.latencyP95Ms, false)
  range(columns.interruptions, filter.interruptions, true)
  const search = filter.search?.trim()
  if (search) tests.push(searchTest(columns, search))
  if (tests.length === 0) return rows
  let count = 0
  const kept = new Uint32Array(rows.length)
  for (const row of rows) if (tests.every((test) => test(row))) kept[count++] = row
  rows = kept.subarray(0, count)
  return rows
}

/** ILIKE '%search%' on session_id, scenario or model. */
function searchTest(columns: SessionColumns, search: string): (row: number) => boolean {
  const pattern = searchPattern(search)
  const inValues = (values: readonly string[]): Uint8Array =>
    Uint8Array.from(values, (value) => (pattern.test(value) ? 1 : 0))
  const scenario = inValues(columns.scenario.values)
  const model = inValues(columns.model.values)
  const id = columns.sessionIds.containing(search)
  return (row) =>
    scenario[columns.scenario.codes[row]!] === 1 ||
    model[columns.model.codes[row]!] === 1 ||
    id[row] === 1
}

function membership(size: number, rows: Uint32Array): Uint8Array {
  const keep = new Uint8Array(size)
  for (const row of rows) keep[row] = 1
  return keep
}

/**
 * Every row by the column's value, ties in session_id order (ascending either way, as the
 * SQL's `ORDER BY column dir, session_id ASC`). The rows are already in session_id order and an
 * LSD radix sort is stable, so ties keep it: four 16-bit passes over the values' IEEE-754 bits
 * (the values are never negative, so their bits order as they do), a pass skipped when every
 * row has the same digit (whole numbers leave the low half zero). A million rows: tens of
 * milliseconds, where a comparator sort took 240. Kept per columns object, so it costs once per
 * change of the sessions.
 */
function sortedOrder(
  columns: SessionColumns,
  column: NumericColumn,
  direction: 'asc' | 'desc'
): Uint32Array {
  let byColumn = orders.get(columns)
  if (!byColumn) orders.set(columns, (byColumn = new Map()))
  const key = `${column} ${direction}`
  const known = byColumn.get(key)
  if (known) return known
  const values = NUMERIC[column](columns).subarray(0, columns.size)
  const order = radixOrder(values, direction === 'desc')
  byColumn.set(key, order)
  return order
}

const DIGIT_BUCKETS = 1 << 16

/** Row indices by value (stable), from the least significant 16 bits of each value up. */
export function radixOrder(values: Float64Array, descending: boolean): Uint32Array {
  const n = values.length
  const copy = new Float64Array(values)
  // +0 for -0: equal values must have equal bits.
  for (let i = 0; i < n; i++) if (copy[i] === 0) copy[i] = 0
  const bits = new Uint32Array(copy.buffer)
  const flip = descending ? 0xffff : 0
  // Each row's two halves travel with it, so every pass reads its keys in order.
  let order = new Uint32Array(n)
  let low = new Uint32Array(n)
  let high = new Uint32Array(n)
  // Little-endian word order: bits[2r] is the low half of row r's value, bits[2r + 1] the high.
  for (let i = 0; i < n; i++) {
    order[i] = i
    low[i] = bits[2 * i]!
    high[i] = bits[2 * i + 1]!
  }
  let nextOrder = new Uint32Array(n)
  let nextLow = new Uint32Array(n)
  let nextHigh = new Uint32Array(n)
  const counts = new Uint32Array(DIGIT_BUCKETS)
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? low : high
    const shift = (pass & 1) * 16
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & 0xffff) ^ flip]!++
    // One digit for every row: this pass would leave the order as it is.
    if (n > 0 && counts[((keys[0]! >>> shift) & 0xffff) ^ flip] === n) continue
    let start = 0
    for (let b = 0; b < DIGIT_BUCKETS; b++) {
      const count = counts[b]!
      counts[b] = start
      start += count
    }
    for (let i = 0; i < n; i++) {
      const to = counts[((keys[i]! >>> shift) & 0xffff) ^ flip]!++
      nextOrder[to] = order[i]!
      nextLow[to] = low[i]!
      nextHigh[to] = high[i]!
    }
    ;[order, nextOrder] = [nextOrder, order]
    ;[low, nextLow] = [nextLow, low]
    ;[high, nextHigh] = [nextHigh, high]
  }
  return order
}
