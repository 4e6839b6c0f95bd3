import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import { selectRows } from '../reports/selectRows'
import type { SessionColumns } from '../reports/sessionColumns'
import { searchPattern } from '../reports/sessionIds'
import { rankedRows } from './rankedRows'

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

/**
 * A page of sessions answered from the columns Reports keeps in memory, the same sessions in
 * the same order as the database's `page` and `count` (sessionWhere.ts: filters, search as ILIKE
 * on id, scenario and model, ties by session_id ascending). At a million sessions a count, a
 * filtered deep page or a sort by a latency is a scan of the table in SQL (130 ms to 1 s); here
 * it is a pass over typed arrays, and the rows are then read by id. Null: a sort or a filter
 * these columns do not hold (text columns, durations, times; transcripts, alerts, escalation),
 * for the database to answer (with its indexes for those filters: migrations v10 / v6).
 */
export function pageFromColumns(
  columns: SessionColumns,
  filter: SessionFilter,
  sort: SessionSort,
  offset: number,
  limit: number
): ColumnPage | null {
  if (sort.column !== 'session_id' && !isNumeric(sort.column)) return null
  if (needsDatabase(filter)) return null
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
    // Only the page's ranks are found: no order of every row is built or kept (rankedRows.ts).
    const values = NUMERIC[sort.column](columns)
    picked.push(...rankedRows(values, rows, sort.direction === 'desc', offset, end - offset))
  }
  return { total, sessionIds: picked.map((row) => columns.sessionIds.at(row)) }
}

/** Filters on what the columns do not hold: transcripts, alerts, the escalated flag. */
const needsDatabase = (filter: SessionFilter): boolean =>
  filter.said !== undefined ||
  filter.escalated !== undefined ||
  filter.hasAlerts !== undefined ||
  (filter.alertRules !== undefined && filter.alertRules.length > 0)

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
  if (search) tests.push(searchTest(columns, search, filter.searchScenarios ?? []))
  if (tests.length === 0) return rows
  let count = 0
  const kept = new Uint32Array(rows.length)
  for (const row of rows) if (tests.every((test) => test(row))) kept[count++] = row
  rows = kept.subarray(0, count)
  return rows
}

/** ILIKE '%search%' on session_id, scenario or model, or one of the scenarios named. */
function searchTest(
  columns: SessionColumns,
  search: string,
  named: readonly string[]
): (row: number) => boolean {
  const pattern = searchPattern(search)
  const inValues = (values: readonly string[], also: readonly string[] = []): Uint8Array =>
    Uint8Array.from(values, (value) => (pattern.test(value) || also.includes(value) ? 1 : 0))
  const scenario = inValues(columns.scenario.values, named)
  const model = inValues(columns.model.values)
  const id = columns.sessionIds.containing(search)
  return (row) =>
    scenario[columns.scenario.codes[row]!] === 1 ||
    model[columns.model.codes[row]!] === 1 ||
    id[row] === 1
}
