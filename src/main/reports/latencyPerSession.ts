import type { ReportSummary } from '../../shared/analytics/reportSchemas'
import { liveSources } from './reportCube'
import type { SessionColumns } from './sessionColumns'

type LatencyPoint = ReportSummary['latencyPerSession']['points'][number]

/**
 * P50/P95 per session in session_id order. Past `maxPoints` sessions, consecutive sessions are
 * grouped by row number into `maxPoints` runs (sizes differ by one at most), keeping each run's
 * means and its worst P95 so spikes above the threshold stay visible; the renderer never gets
 * 100k points. Sessions whose call counted no turn are in no mean: a point of only those has
 * no latency (a gap on the chart).
 */
export function latencyPerSession(
  columns: SessionColumns,
  rows: Uint32Array,
  maxPoints: number
): ReportSummary['latencyPerSession'] {
  const { sessionIds, p50Ms, p95Ms, latencyCounted, source } = columns
  const live = liveSources(columns)
  const n = rows.length
  const runs = Math.min(n, maxPoints)
  const points: LatencyPoint[] = []
  // Row j (0-based, in session_id order) belongs to run floor(j * maxPoints / n).
  let j = 0
  for (let run = 0; run < runs; run++) {
    const first = rows[j]!
    let sumP50 = 0
    let sumP95 = 0
    let maxP95 = -Infinity
    let timed = 0
    let liveSessions = 0
    let last = first
    const start = j
    for (; j < n && Math.floor((j * runs) / n) === run; j++) {
      last = rows[j]!
      liveSessions += live[source.codes[last]!]!
      if (latencyCounted[last] !== 1) continue
      timed++
      sumP50 += p50Ms[last]!
      sumP95 += p95Ms[last]!
      maxP95 = Math.max(maxP95, p95Ms[last]!)
    }
    const sessions = j - start
    points.push({
      firstSessionId: sessionIds.at(first),
      lastSessionId: sessionIds.at(last),
      sessions,
      untimedSessions: sessions - timed,
      liveSessions,
      p50Ms: timed ? sumP50 / timed : null,
      p95Ms: timed ? sumP95 / timed : null,
      maxP95Ms: timed ? maxP95 : null
    })
  }
  return { bucketed: n > maxPoints, points }
}
