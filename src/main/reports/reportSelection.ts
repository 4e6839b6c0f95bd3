import type { ReportSelection } from '../database/SessionDatabase'
import type { SessionColumns } from './sessionColumns'

/**
 * The sessions of `rows` (selectRows' answer over `columns`) as the alerts section asks for
 * them: a few thousand alerted ids looked up by key in the columns, where asking PostgreSQL to
 * look them up in `sessions` cost a fresh connection a page fault per page it touched.
 */
export function reportSelection(columns: SessionColumns, rows: Uint32Array): ReportSelection {
  return {
    count: rows.length,
    among(sessionIds) {
      if (sessionIds.length === 0 || rows.length === 0) return []
      const wanted = columns.sessionIds.among(sessionIds)
      const picked: string[] = []
      for (const row of rows) if (wanted[row] === 1) picked.push(columns.sessionIds.at(row))
      return picked
    }
  }
}
