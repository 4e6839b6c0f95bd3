import type { ReportSummary } from '../../shared/analytics/reportSchemas'
import { byName } from './byName'
import { NO_CODE, type SessionColumns } from './sessionColumns'

/** Sessions and negative sessions per UTC day of `started_at`; undated sessions are left out. */
export function sessionsPerDay(
  columns: SessionColumns,
  rows: Uint32Array,
  undatedSessions: number
): ReportSummary['overTime'] {
  const { day, sentiment } = columns
  const negative = sentiment.values.indexOf('negative')
  const sessions = new Float64Array(day.values.length)
  const negatives = new Float64Array(day.values.length)
  for (const i of rows) {
    const code = day.codes[i]!
    if (code === NO_CODE) continue
    sessions[code]! += 1
    if (sentiment.codes[i] === negative) negatives[code]! += 1
  }
  const days = day.values
    .map((d, code) => ({
      day: d,
      sessions: sessions[code]!,
      negativeSessions: negatives[code]!,
      negativeSharePct: (negatives[code]! / sessions[code]!) * 100
    }))
    .filter((d) => d.sessions > 0)
    .sort((a, b) => byName(a.day, b.day))
  return { undatedSessions, days }
}
