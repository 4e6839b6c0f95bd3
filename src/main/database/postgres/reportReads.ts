import type { ReportChannels } from '../../../shared/analytics/channelFigures'
import type { ReportAlerts, ReportFilter } from '../../../shared/analytics/reportSchemas'
import type {
  ReportReads,
  ReportSelection,
  SessionColumnsPart,
  SessionColumnVisitor
} from './asyncSeam'
import { queryAlertFigures } from './alertFiguresSql'
import { queryChannelFigures } from './channelFiguresSql'
import { copySessionColumns } from './sessionColumnsCopy'
import type { Sql } from './sql'

/** The Reports screen's reads on PostgreSQL. */
export class PostgresReportReads implements ReportReads {
  constructor(private readonly sql: Sql) {}

  /** In one binary COPY (sessionColumnsCopy.ts). */
  sessionColumns(
    visit: SessionColumnVisitor,
    expectedRows = 0
  ): AsyncGenerator<SessionColumnsPart, void, undefined> {
    return copySessionColumns(this.sql, visit, expectedRows)
  }

  /**
   * The planner's row count (set by VACUUM and ANALYZE) or the statistics' live rows (moved by
   * every commit, reported within a second or so), whichever is higher: one catalog row.
   */
  async estimatedSessions(): Promise<number> {
    const rows = await this.sql.rows(
      `SELECT GREATEST(reltuples, pg_stat_get_live_tuples(oid))::float8 AS rows
       FROM pg_class WHERE oid = to_regclass('sessions')`
    )
    const estimate = Number(rows[0]?.['rows'] ?? 0)
    return Number.isFinite(estimate) && estimate > 0 ? Math.round(estimate) : 0
  }

  /** The filter is the selection's, from the columns in memory (alertFiguresSql.ts). */
  alertFigures(_filter: ReportFilter, selection: ReportSelection): Promise<ReportAlerts> {
    return queryAlertFigures(this.sql, selection)
  }

  channelFigures(filter: ReportFilter): Promise<ReportChannels> {
    return queryChannelFigures(this.sql, filter)
  }
}
