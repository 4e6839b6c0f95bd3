import { pandasMode } from '../../shared/analytics/pandasMode'
import type { LatencyScaleKpis, ReportSummary } from '../../shared/analytics/reportSchemas'
import type { LatencyScale } from '../../shared/sessions/latencyScales'
import { byName } from './byName'
import type { CubeRow } from './reportCube'

type CubeFigures = Pick<
  ReportSummary,
  | 'kpis'
  | 'byScenario'
  | 'sentiments'
  | 'interruptionsBySentiment'
  | 'interruptionsVsSentiment'
  | 'rag'
  | 'languages'
> & { minP50Ms: number | null; maxP95Ms: number | null; datedSessions: number }

interface Totals {
  sessions: number
  /** Sessions whose latency counted: the latency means' denominator. */
  timed: number
  p50: number
  p95: number
  slow: number
  rag: number
  negative: number
  interruptions: number
}
const emptyTotals = (): Totals => ({
  sessions: 0,
  timed: 0,
  p50: 0,
  p95: 0,
  slow: 0,
  rag: 0,
  negative: 0,
  interruptions: 0
})
function add(totals: Totals, row: CubeRow): void {
  totals.sessions += row.sessions
  totals.timed += row.latencySessions
  totals.p50 += row.sumP50Ms
  totals.p95 += row.sumP95Ms
  totals.slow += row.slowSessions
  if (row.ragUsed) totals.rag += row.sessions
  if (row.sentiment === 'negative') totals.negative += row.sessions
  totals.interruptions += row.interruptions * row.sessions
}
function totalsBy<K>(rows: readonly CubeRow[], key: (row: CubeRow) => K): Map<K, Totals> {
  const map = new Map<K, Totals>()
  for (const row of rows) {
    const k = key(row)
    const totals = map.get(k) ?? emptyTotals()
    add(totals, row)
    map.set(k, totals)
  }
  return map
}

/** pandas value_counts order, as the lab report sorts counts: most first, ties by value. */
const valueCounts = (map: Map<string, Totals>): [string, Totals][] =>
  [...map].sort(([a, x], [b, y]) => y.sessions - x.sessions || byName(a, b))
const pct = (part: number, whole: number): number | null => (whole ? (part / whole) * 100 : null)
const mean = (sum: number, count: number): number | null => (count ? sum / count : null)

/** One latency scale's figures: over its sessions whose latency counted. */
function scaleKpis(t: Totals | undefined, slowThresholdMs: number): LatencyScaleKpis {
  const totals = t ?? emptyTotals()
  return {
    sessions: totals.sessions,
    timedSessions: totals.timed,
    avgP50Ms: mean(totals.p50, totals.timed),
    avgP95Ms: mean(totals.p95, totals.timed),
    slowThresholdMs,
    slowSessions: totals.slow,
    slowSharePct: pct(totals.slow, totals.timed)
  }
}

/**
 * Everything the report derives from the cube. Definitions follow the lab's (labReport.ts):
 * figures are means of the per-session columns, P95 above the threshold is slow, RAG usage is a
 * share of all sessions, the dominant sentiment is pandas' mode. Latency means are over the
 * sessions whose latency counted (a call with no counted turn is in none); slow is judged on
 * each session's own scale (live or imported), and each scale has its figures apart.
 */
export function rollUpCube(
  rows: readonly CubeRow[],
  slowThresholdMs: Readonly<Record<LatencyScale, number>>
): CubeFigures {
  const all = emptyTotals()
  let minP50Ms: number | null = null
  let maxP95Ms: number | null = null
  let datedSessions = 0
  for (const row of rows) {
    add(all, row)
    if (row.latencySessions > 0) {
      minP50Ms = minP50Ms === null ? row.minP50Ms : Math.min(minP50Ms, row.minP50Ms)
      maxP95Ms = maxP95Ms === null ? row.maxP95Ms : Math.max(maxP95Ms, row.maxP95Ms)
    }
    datedSessions += row.datedSessions
  }
  const scales = totalsBy(rows, (r) => r.scale)
  const n = all.sessions
  const sentiments = totalsBy(rows, (r) => r.sentiment)
  const rag = totalsBy(rows, (r) => r.ragUsed)
  const languageSentiments = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const counts = languageSentiments.get(row.language) ?? new Map<string, number>()
    counts.set(row.sentiment, (counts.get(row.sentiment) ?? 0) + row.sessions)
    languageSentiments.set(row.language, counts)
  }
  const pairs = new Map<string, { interruptions: number; sentiment: string; sessions: number }>()
  for (const { interruptions, sentiment, sessions } of rows) {
    const key = `${interruptions}\u0000${sentiment}`
    const pair = pairs.get(key)
    if (pair) pair.sessions += sessions
    else pairs.set(key, { interruptions, sentiment, sessions })
  }

  return {
    kpis: {
      sessions: n,
      timedSessions: all.timed,
      avgP50Ms: mean(all.p50, all.timed),
      avgP95Ms: mean(all.p95, all.timed),
      slowThresholdMs: slowThresholdMs.imported,
      slowSessions: all.slow,
      slowSharePct: pct(all.slow, all.timed),
      latency: {
        live: scaleKpis(scales.get('live'), slowThresholdMs.live),
        imported: scaleKpis(scales.get('imported'), slowThresholdMs.imported)
      },
      negativeSessions: all.negative,
      negativeSharePct: pct(all.negative, n),
      ragSessions: all.rag,
      ragUsagePct: pct(all.rag, n),
      avgInterruptions: mean(all.interruptions, n)
    },
    byScenario: valueCounts(totalsBy(rows, (r) => r.scenario)).map(([scenario, t]) => ({
      scenario,
      sessions: t.sessions,
      avgP50Ms: mean(t.p50, t.timed),
      avgP95Ms: mean(t.p95, t.timed),
      slowSessions: t.slow,
      ragSessions: t.rag,
      ragUsagePct: (t.rag / t.sessions) * 100
    })),
    sentiments: valueCounts(sentiments).map(([sentiment, t]) => ({
      sentiment,
      sessions: t.sessions,
      sharePct: (t.sessions / n) * 100
    })),
    // groupby() sorts its keys
    interruptionsBySentiment: [...sentiments]
      .sort(([a], [b]) => byName(a, b))
      .map(([sentiment, t]) => ({
        sentiment,
        sessions: t.sessions,
        avgInterruptions: t.interruptions / t.sessions
      })),
    interruptionsVsSentiment: [...pairs.values()].sort(
      (a, b) => a.interruptions - b.interruptions || byName(a.sentiment, b.sentiment)
    ),
    rag: [true, false].flatMap((ragUsed) => {
      const t = rag.get(ragUsed)
      return t
        ? [
            {
              ragUsed,
              sessions: t.sessions,
              avgP50Ms: mean(t.p50, t.timed),
              avgP95Ms: mean(t.p95, t.timed)
            }
          ]
        : []
    }),
    languages: valueCounts(totalsBy(rows, (r) => r.language)).map(([language, t]) => ({
      language,
      sessions: t.sessions,
      sharePct: (t.sessions / n) * 100,
      avgP50Ms: mean(t.p50, t.timed),
      dominantSentiment: pandasMode(languageSentiments.get(language) ?? new Map()) ?? ''
    })),
    minP50Ms,
    maxP95Ms,
    datedSessions
  }
}
