import type { DatabaseSync } from 'node:sqlite'
import type { ReportSummary } from '../../shared/ipc/routes/reportRoutes'
import type { SqlWhere } from '../sessions/sessionRows'

type LatencyPoint = ReportSummary['latencyPerSession']['points'][number]

/**
 * P50/P95 per session in session_id order. Past `maxPoints` sessions, consecutive sessions are
 * grouped by row number into `maxPoints` runs (sizes differ by one at most), keeping each run's
 * means and its worst P95 so spikes above the threshold stay visible; the renderer never gets
 * 100k points.
 */
export function queryLatencyPerSession(
  db: DatabaseSync,
  where: SqlWhere,
  sessions: number,
  maxPoints: number
): ReportSummary['latencyPerSession'] {
  if (sessions <= maxPoints) {
    const rows = db
      .prepare(
        `SELECT session_id, latency_p50_ms, latency_p95_ms FROM sessions${where.clause}
         ORDER BY session_id`
      )
      .all(...where.params) as {
      session_id: string
      latency_p50_ms: number
      latency_p95_ms: number
    }[]
    const points = rows.map((r): LatencyPoint => ({
      firstSessionId: r.session_id,
      lastSessionId: r.session_id,
      sessions: 1,
      p50Ms: r.latency_p50_ms,
      p95Ms: r.latency_p95_ms,
      maxP95Ms: r.latency_p95_ms
    }))
    return { bucketed: false, points }
  }
  // One statement: the planner may read a filtered set through the report index, then sorts it
  // once. (Per-run keyset queries were faster unfiltered but re-sorted the filtered set per run.)
  const points = db
    .prepare(
      `SELECT MIN(session_id) AS firstSessionId, MAX(session_id) AS lastSessionId,
         COUNT(*) AS sessions, AVG(latency_p50_ms) AS p50Ms, AVG(latency_p95_ms) AS p95Ms,
         MAX(latency_p95_ms) AS maxP95Ms
       FROM (SELECT session_id, latency_p50_ms, latency_p95_ms,
               CAST((ROW_NUMBER() OVER (ORDER BY session_id) - 1) * ? / ? AS INTEGER) AS run
             FROM sessions${where.clause})
       GROUP BY run ORDER BY run`
    )
    .all(maxPoints, sessions, ...where.params) as unknown as LatencyPoint[]
  return { bucketed: true, points: points.map((p) => ({ ...p })) }
}
