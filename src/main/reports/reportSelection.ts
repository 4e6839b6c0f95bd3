import type { ReportSelection } from '../database/SessionDatabase'
import type { SessionColumns } from './sessionColumns'

/** Whether the ascending `rows` hold `row`: a binary search. */
function holds(rows: Uint32Array, row: number): boolean {
  let low = 0
  let high = rows.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    const at = rows[mid]!
    if (at === row) return true
    if (at < row) low = mid + 1
    else high = mid - 1
  }
  return false
}

/**
 * The sessions of `rows` (selectRows' answer over `columns`, ascending) as the alerts section
 * asks for them: each of a few thousand alerted ids looked up by key in the columns, then in the
 * rows. Asking PostgreSQL to look them up in `sessions` cost a fresh connection a page fault per
 * page it touched; a pass over the selected rows here cost 10–20 ms at 1M.
 */
export function reportSelection(columns: SessionColumns, rows: Uint32Array): ReportSelection {
  const everyRow = rows.length === columns.size
  return {
    count: rows.length,
    among(sessionIds) {
      const picked: number[] = []
      for (const id of new Set(sessionIds)) {
        const row = columns.sessionIds.rowOf(id)
        if (row >= 0 && (everyRow || holds(rows, row))) picked.push(row)
      }
      return picked.sort((a, b) => a - b).map((row) => columns.sessionIds.at(row))
    }
  }
}
