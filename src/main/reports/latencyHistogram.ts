import type { DatabaseSync } from 'node:sqlite'
import type { ReportSummary } from '../../shared/ipc/routes/reportRoutes'
import type { SqlWhere } from '../sessions/sessionRows'

/** Bin widths a reader can add up in their head. */
const NICE_WIDTHS_MS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000]
export const MAX_HISTOGRAM_BINS = 30

/** The narrowest nice width that covers [minMs, maxMs] in at most MAX_HISTOGRAM_BINS bins. */
export function histogramBinWidthMs(minMs: number, maxMs: number): number {
  const binsWith = (w: number): number => Math.floor(maxMs / w) - Math.floor(minMs / w) + 1
  const nice = NICE_WIDTHS_MS.find((w) => binsWith(w) <= MAX_HISTOGRAM_BINS)
  if (nice !== undefined) return nice
  let width = NICE_WIDTHS_MS[NICE_WIDTHS_MS.length - 1]!
  while (binsWith(width) > MAX_HISTOGRAM_BINS) width *= 10
  return width
}

/**
 * How many sessions have their P50 and their P95 in each bin, over one range so the two
 * distributions share an axis. One pass: grouped by the (P50 bin, P95 bin) pair in SQL, then
 * summed per bin here; empty bins between the extremes are kept so the bars sit on a true scale.
 */
export function queryLatencyHistogram(
  db: DatabaseSync,
  where: SqlWhere,
  minMs: number | null,
  maxMs: number | null
): ReportSummary['histogram'] {
  if (minMs === null || maxMs === null) return { binWidthMs: 0, bins: [] }
  const width = histogramBinWidthMs(minMs, maxMs)
  const first = Math.floor(minMs / width)
  const count = Math.floor(maxMs / width) - first + 1
  const bins = Array.from({ length: count }, (_, i) => ({
    fromMs: (first + i) * width,
    toMs: (first + i + 1) * width,
    p50Sessions: 0,
    p95Sessions: 0
  }))
  const rows = db
    .prepare(
      `SELECT CAST(latency_p50_ms / ? AS INTEGER) AS p50_bin,
         CAST(latency_p95_ms / ? AS INTEGER) AS p95_bin, COUNT(*) AS sessions
       FROM sessions${where.clause} GROUP BY p50_bin, p95_bin`
    )
    .all(width, width, ...where.params) as { p50_bin: number; p95_bin: number; sessions: number }[]
  for (const row of rows) {
    bins[row.p50_bin - first]!.p50Sessions += row.sessions
    bins[row.p95_bin - first]!.p95Sessions += row.sessions
  }
  return { binWidthMs: width, bins }
}
