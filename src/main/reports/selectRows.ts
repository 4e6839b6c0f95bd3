import type { ReportFilter } from '../../shared/analytics/reportSchemas'
import { NO_CODE, type CodedColumn, type SessionColumns } from './sessionColumns'

/** Which codes of a column the filter keeps, or null when it keeps every row. */
function allowedCodes(
  column: CodedColumn,
  wanted: readonly string[] | undefined
): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null
  const allowed = new Uint8Array(column.values.length)
  column.values.forEach((value, code) => {
    if (wanted.includes(value)) allowed[code] = 1
  })
  return allowed
}

/**
 * Days a date range keeps. `started_at` is an ISO instant, so the SQL filter's (whereFor in
 * database/sqlite/sessionWhere.ts) `started_at >= from`
 * and `started_at < day after to` keep exactly the sessions whose UTC day is in [from, to].
 */
function allowedDays(days: CodedColumn, from?: string, to?: string): Uint8Array | null {
  if (!from && !to) return null
  return Uint8Array.from(days.values, (day) =>
    (!from || day >= from) && (!to || day <= to) ? 1 : 0
  )
}

/**
 * The rows (in session_id order) the report's filter keeps: the same sessions whereFor's SQL
 * selects (a unit test holds the two together).
 */
export function selectRows(columns: SessionColumns, filter: ReportFilter): Uint32Array {
  const tests: [Uint32Array, Uint8Array][] = []
  const add = (column: CodedColumn, allowed: Uint8Array | null): void => {
    if (allowed) tests.push([column.codes, allowed])
  }
  add(columns.scenario, allowedCodes(columns.scenario, filter.scenario))
  add(columns.sentiment, allowedCodes(columns.sentiment, filter.sentiment))
  add(columns.language, allowedCodes(columns.language, filter.language))
  add(columns.model, allowedCodes(columns.model, filter.model))
  add(columns.source, allowedCodes(columns.source, filter.source))
  add(columns.day, allowedDays(columns.day, filter.startedFrom, filter.startedTo))
  const rag = filter.ragUsed === undefined ? -1 : filter.ragUsed ? 1 : 0
  const live = filter.engine === undefined ? -1 : filter.engine === 'live' ? 1 : 0

  const rows = new Uint32Array(columns.size)
  let count = 0
  for (let i = 0; i < columns.size; i++) {
    if (rag !== -1 && columns.ragUsed[i] !== rag) continue
    if (live !== -1 && columns.liveEngine[i] !== live) continue
    let keep = true
    for (const [codes, allowed] of tests) {
      const code = codes[i]!
      // NULL (an undated session) never matches a condition, as in SQL.
      if (code === NO_CODE || allowed[code] !== 1) {
        keep = false
        break
      }
    }
    if (keep) rows[count++] = i
  }
  return rows.subarray(0, count)
}
