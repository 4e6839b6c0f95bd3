import type { DatabaseSync } from 'node:sqlite'
import type { SqlWhere } from '../sessions/sessionRows'

/**
 * Sessions grouped by every dimension the report charts (scenario × sentiment × language × RAG ×
 * interruptions), with sums rather than means so groups add up exactly. A few hundred rows at
 * most for real data, from one pass over the covering index of migration 2.
 */
export interface CubeRow {
  scenario: string
  sentiment: string
  language: string
  ragUsed: boolean
  interruptions: number
  sessions: number
  sumP50Ms: number
  sumP95Ms: number
  slowSessions: number
  minP50Ms: number
  maxP95Ms: number
  datedSessions: number
}

export function queryReportCube(db: DatabaseSync, where: SqlWhere, slowP95Ms: number): CubeRow[] {
  const rows = db
    .prepare(
      `SELECT scenario, sentiment, language, rag_used, interruptions,
         COUNT(*) AS sessions, SUM(latency_p50_ms) AS sum_p50, SUM(latency_p95_ms) AS sum_p95,
         SUM(latency_p95_ms > ?) AS slow, MIN(latency_p50_ms) AS min_p50,
         MAX(latency_p95_ms) AS max_p95, COUNT(started_at) AS dated
       FROM sessions${where.clause}
       GROUP BY scenario, sentiment, language, rag_used, interruptions`
    )
    .all(slowP95Ms, ...where.params) as Record<string, string | number>[]
  return rows.map((r) => ({
    scenario: String(r['scenario']),
    sentiment: String(r['sentiment']),
    language: String(r['language']),
    ragUsed: r['rag_used'] === 1,
    interruptions: Number(r['interruptions']),
    sessions: Number(r['sessions']),
    sumP50Ms: Number(r['sum_p50']),
    sumP95Ms: Number(r['sum_p95']),
    slowSessions: Number(r['slow']),
    minP50Ms: Number(r['min_p50']),
    maxP95Ms: Number(r['max_p95']),
    datedSessions: Number(r['dated'])
  }))
}
