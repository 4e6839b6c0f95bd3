import type { Synchronous } from './Synchronous'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { ReportAlerts, ReportFilter } from '../../../shared/analytics/reportSchemas'
import { numberAt, textAt } from '../rowValues'
import type { ReportReads, SessionColumnVisitor } from '../SessionDatabase'
import { queryAlertFigures } from './alertFiguresSql'
import { whereFor } from './sessionWhere'

const CHUNK = 'sessions (report columns)'

/** The Reports screen's reads on SQLite. */
export class SqliteReportReads implements Synchronous<ReportReads> {
  constructor(private readonly db: DatabaseSync) {}

  sessionColumns(
    afterId: string,
    limit: number,
    visit: SessionColumnVisitor
  ): { rows: number; lastId: string } {
    // Rows as arrays, the text columns as one JSON array: a few thousand distinct combinations
    // in 100k sessions, where six strings a row took most of the read.
    const rows = this.chunk(limit).all(afterId) as unknown[]
    let lastId = afterId
    for (const row of rows) {
      if (!Array.isArray(row)) throw new Error(`${CHUNK}: expected a row as an array`)
      lastId = textAt(row, 0, CHUNK)
      visit(
        lastId,
        textAt(row, 1, CHUNK),
        numberAt(row, 2, CHUNK),
        numberAt(row, 3, CHUNK),
        numberAt(row, 4, CHUNK),
        numberAt(row, 5, CHUNK)
      )
    }
    return { rows: rows.length, lastId }
  }

  alertFigures(filter: ReportFilter, sessionsInFilter: number): ReportAlerts {
    return queryAlertFigures(this.db, whereFor(filter), sessionsInFilter)
  }

  /** Prepared per chunk (cheap next to the chunk's read), so there is nothing to invalidate. */
  private chunk(limit: number): StatementSync {
    const statement = this.db.prepare(
      `SELECT session_id,
         json_array(scenario, sentiment, language, model, source, substr(started_at, 1, 10)),
         rag_used, interruptions, latency_p50_ms, latency_p95_ms
       FROM sessions WHERE session_id > ? ORDER BY session_id LIMIT ${limit}`
    )
    statement.setReturnArrays(true)
    return statement
  }
}
