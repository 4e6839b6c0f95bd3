import type { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import type { ReportFilter } from '../../../src/shared/analytics/reportSchemas'
import type { SessionFilter, SessionSort } from '../../../src/shared/sessions/sessionQuery'
import type { Ask } from './consoleRoutes'
import { timed } from './consoleRoutes'

/** The Sessions screen's page (sessionPageCache). */
export const PAGE_ROWS = 200

/** Filter changes on Reports (generatedSessionBatches: languages en, en, es, fr in turn). */
export const REPORT_FILTERS: [string, ReportFilter][] = [
  ['language = es, fr', { language: ['es', 'fr'] }],
  ['source = import', { source: ['import'] }],
  ['started 2025-01-01…2025-03-31', { startedFrom: '2025-01-01', startedTo: '2025-03-31' }],
  ['scenario = complaint, RAG = no', { scenario: ['complaint'], ragUsed: false }]
]

const BY_ID: SessionSort = { column: 'session_id', direction: 'asc' }
const BY_P95: SessionSort = { column: 'latency_p95_ms', direction: 'desc' }
const SPANISH: SessionFilter = { language: ['es'] }

export type PageCase = [name: string, filter: SessionFilter, sort: SessionSort, offset: number]

/**
 * The Sessions screen's requests over `rows` sessions, each one page: a query's first page
 * (which counts its rows), then deeper pages of the same query (the count is kept). A quarter
 * of the generated sessions are Spanish.
 */
export const pageCases = (rows: number): PageCase[] => [
  ['by id, first page', {}, BY_ID, 0],
  ['by id, middle page', {}, BY_ID, Math.floor(rows / 2)],
  ['by id, last page', {}, BY_ID, rows - PAGE_ROWS],
  ['language = es, first page', SPANISH, BY_ID, 0],
  ['language = es, middle page', SPANISH, BY_ID, Math.floor(rows / 8)],
  ['by P95 ↓, first page', {}, BY_P95, 0],
  ['by P95 ↓, middle page', {}, BY_P95, Math.floor(rows / 2)],
  ['search "T0000", first page', { search: 'T0000' }, BY_ID, 0]
]

/** Opening Reports: the screen's three requests at once (the first reads the columns). */
export const openReports = (ask: Ask): Promise<number> =>
  timed(() =>
    Promise.all([
      ask('reports.summary', { filter: {} }),
      ask('reports.alerts', { filter: {} }),
      ask('sessions.facets', {})
    ])
  )

/** A filter change on Reports: the summary and the alerts section ask again. */
export const changeReportFilter = (ask: Ask, filter: ReportFilter): Promise<number> =>
  timed(() => Promise.all([ask('reports.summary', { filter }), ask('reports.alerts', { filter })]))

export const listPage = (ask: Ask, [, filter, sort, offset]: PageCase): Promise<number> =>
  timed(() => ask('sessions.list', { filter, sort, offset, limit: PAGE_ROWS }))

/**
 * Four alerts per thousand sessions (ids ending 000, 251, 502, 753: every language), a quarter
 * of them escalated by a supervisor two minutes after they were raised, so the Reports' alert
 * figures (totals, per day, escalations, first action) have rows to aggregate.
 */
export async function seedAlerts(db: PostgresSessionDatabase): Promise<number> {
  const result = await db.pool.query(
    `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence, status, action_by,
       action_at)
     SELECT session_id, 'interruptions_total', 'warning', '2025-02-01T10:00:00.000Z', '{}',
       CASE WHEN right(session_id, 3) = '753' THEN 'escalated' ELSE 'open' END,
       CASE WHEN right(session_id, 3) = '753' THEN 'lead' END,
       CASE WHEN right(session_id, 3) = '753' THEN '2025-02-01T10:02:00.000Z' END
     FROM sessions WHERE right(session_id, 3) IN ('000', '251', '502', '753')`
  )
  await db.pool.query('ANALYZE alerts')
  return result.rowCount ?? 0
}
