import type { ReportAlerts, ReportFilter } from '../../../shared/analytics/reportSchemas'
import { numberAt, textAt } from '../rowValues'
import type { ReportReads, SessionColumnVisitor } from './asyncSeam'
import { queryAlertFigures } from './alertFiguresSql'
import type { Sql } from './sql'

const CHUNK = 'sessions (report columns)'

/** The Reports screen's reads on PostgreSQL. */
export class PostgresReportReads implements ReportReads {
  constructor(private readonly sql: Sql) {}

  /**
   * A keyset chunk as arrays (no object per row). The profile is built here with
   * JSON.stringify, so it is byte for byte SQLite's json_array (PostgreSQL's adds spaces).
   */
  async sessionColumns(
    afterId: string,
    limit: number,
    visit: SessionColumnVisitor
  ): Promise<{ rows: number; lastId: string }> {
    const rows = await this.sql.arrays(
      `SELECT session_id, scenario, sentiment, language, model, source,
         substr(started_at, 1, 10), rag_used, interruptions, latency_p50_ms, latency_p95_ms
       FROM sessions WHERE session_id > $1 ORDER BY session_id LIMIT $2`,
      [afterId, limit]
    )
    let lastId = afterId
    for (const row of rows) {
      lastId = textAt(row, 0, CHUNK)
      const day = row[6] ?? null
      visit(
        lastId,
        JSON.stringify([
          textAt(row, 1, CHUNK),
          textAt(row, 2, CHUNK),
          textAt(row, 3, CHUNK),
          textAt(row, 4, CHUNK),
          textAt(row, 5, CHUNK),
          day === null ? null : textAt(row, 6, CHUNK)
        ]),
        numberAt(row, 7, CHUNK),
        numberAt(row, 8, CHUNK),
        numberAt(row, 9, CHUNK),
        numberAt(row, 10, CHUNK)
      )
    }
    return { rows: rows.length, lastId }
  }

  alertFigures(filter: ReportFilter, sessionsInFilter: number): Promise<ReportAlerts> {
    return queryAlertFigures(this.sql, filter, sessionsInFilter)
  }
}
