import type { DatabaseSync } from 'node:sqlite'
import type { ReportSummary } from '../../shared/ipc/routes/reportRoutes'
import { andWhere } from './reportWhere'
import type { SqlWhere } from '../sessions/sessionRows'

/** Sessions and negative sessions per UTC day of `started_at`; undated sessions are left out. */
export function querySessionsPerDay(
  db: DatabaseSync,
  where: SqlWhere,
  undatedSessions: number
): ReportSummary['overTime'] {
  const dated = andWhere(where, 'started_at IS NOT NULL')
  const rows = db
    .prepare(
      `SELECT substr(started_at, 1, 10) AS day, COUNT(*) AS sessions,
         SUM(sentiment = 'negative') AS negative
       FROM sessions${dated.clause} GROUP BY day ORDER BY day`
    )
    .all(...dated.params) as { day: string; sessions: number; negative: number }[]
  const days = rows.map((r) => ({
    day: r.day,
    sessions: r.sessions,
    negativeSessions: r.negative,
    negativeSharePct: (r.negative / r.sessions) * 100
  }))
  return { undatedSessions, days }
}
