import type { Synchronous } from './Synchronous'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { ReportChannels } from '../../../shared/analytics/channelFigures'
import type { ReportAlerts, ReportFilter } from '../../../shared/analytics/reportSchemas'
import { numberAt, textAt } from '../rowValues'
import type {
  ReportReads,
  ReportSelection,
  SessionColumnsPart,
  SessionColumnVisitor
} from '../SessionDatabase'
import { IdStrings } from '../../reports/sessionIds'
import { queryAlertFigures } from './alertFiguresSql'
import { queryChannelFigures } from './channelFiguresSql'
import { whereFor } from './sessionWhere'

const CHUNK = 'sessions (report columns)'

/**
 * Rows read per statement: node:sqlite reads on main's thread, and the Reports' read pauses
 * between chunks. Small enough that a live call's append waiting behind one chunk stays well
 * under 100 ms after a big import (npm run bench:import-live); keyset chunks cost the same per
 * row whatever their size.
 */
export const COLUMN_CHUNK_ROWS = 8_000

/** The Reports screen's reads on SQLite. */
export class SqliteReportReads implements Synchronous<ReportReads> {
  constructor(
    private readonly db: DatabaseSync,
    private readonly chunkRows = COLUMN_CHUNK_ROWS
  ) {}

  /** Keyset chunks by session_id: each `next()` reads one (asyncTable runs it in the queue). */
  *sessionColumns(visit: SessionColumnVisitor): Generator<SessionColumnsPart, void, undefined> {
    let lastId = ''
    for (;;) {
      const ids = this.visitChunk(this.chunk(this.chunkRows), lastId, visit)
      yield { ids: new IdStrings(ids), order: null }
      if (ids.length < this.chunkRows) return
      lastId = ids[ids.length - 1]!
    }
  }

  /** Unknown: counting would be a pass over the table on main's thread. */
  estimatedSessions(): number {
    return 0
  }

  /** The filter in SQL: one key lookup per alert, in-process (no server's memory to fault in). */
  alertFigures(filter: ReportFilter, selection: ReportSelection): ReportAlerts {
    return queryAlertFigures(this.db, whereFor(filter), selection.count)
  }

  channelFigures(filter: ReportFilter): ReportChannels {
    return queryChannelFigures(this.db, whereFor(filter))
  }

  /**
   * Rows as arrays, the text columns as one JSON array: a few thousand distinct combinations in
   * 100k sessions, where six strings a row took most of the read.
   */
  private visitChunk(
    statement: StatementSync,
    afterId: string,
    visit: SessionColumnVisitor
  ): string[] {
    const rows = statement.all(afterId) as unknown[]
    const ids: string[] = []
    for (const row of rows) {
      if (!Array.isArray(row)) throw new Error(`${CHUNK}: expected a row as an array`)
      ids.push(textAt(row, 0, CHUNK))
      visit(
        textAt(row, 1, CHUNK),
        numberAt(row, 2, CHUNK),
        numberAt(row, 3, CHUNK),
        numberAt(row, 4, CHUNK),
        numberAt(row, 5, CHUNK)
      )
    }
    return ids
  }

  /** Prepared per chunk (cheap next to the chunk's read), so there is nothing to invalidate. */
  private chunk(limit: number): StatementSync {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`${CHUNK}: bad chunk size`)
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
