import type { ReportSummary } from '../../shared/analytics/reportSchemas'
import type { SessionColumns } from './sessionColumns'

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
 * distributions share an axis; empty bins between the extremes are kept so the bars sit on a
 * true scale. `minMs`/`maxMs`: the extremes of the sessions whose latency counted.
 */
export function latencyHistogram(
  columns: SessionColumns,
  rows: Uint32Array,
  minMs: number | null,
  maxMs: number | null
): ReportSummary['histogram'] {
  if (minMs === null || maxMs === null) return { binWidthMs: 0, bins: [] }
  const width = histogramBinWidthMs(minMs, maxMs)
  const first = Math.floor(minMs / width)
  const count = Math.floor(maxMs / width) - first + 1
  const p50 = new Float64Array(count)
  const p95 = new Float64Array(count)
  for (const i of rows) {
    // A call with no counted turn has no latency to place (its stored 0 is not one).
    if (columns.latencyCounted[i] !== 1) continue
    p50[Math.floor(columns.p50Ms[i]! / width) - first]! += 1
    p95[Math.floor(columns.p95Ms[i]! / width) - first]! += 1
  }
  const bins = Array.from({ length: count }, (_, i) => ({
    fromMs: (first + i) * width,
    toMs: (first + i + 1) * width,
    p50Sessions: p50[i]!,
    p95Sessions: p95[i]!
  }))
  return { binWidthMs: width, bins }
}
