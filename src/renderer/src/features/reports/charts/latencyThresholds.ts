import type { TFunction } from 'i18next'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import { LATENCY_SCALES, SLOW_P95_MS_BY_SCALE } from '@shared/sessions/latencyScales'
import type { ChartPalette } from './chartPalette'
import { thresholdLinePlugin } from './thresholdLinePlugin'

type T = TFunction<'reports'>

/** The thresholds the captions name: lab and live, whichever the filter holds. */
export const thresholdCaption = {
  lab: SLOW_P95_MS_BY_SCALE.imported,
  live: SLOW_P95_MS_BY_SCALE.live
}

/**
 * A dashed line per latency scale with timed sessions in the filter, each named by its scale
 * ("lab 200 ms", "live 800 ms"); the lab's alone when there are none (an empty chart's axis).
 */
export function latencyThresholds(
  s: ReportSummary,
  axis: 'x' | 'y',
  palette: ChartPalette,
  t: T
): ReturnType<typeof thresholdLinePlugin>[] {
  const timed = LATENCY_SCALES.filter((scale) => s.kpis.latency[scale].timedSessions > 0)
  return (timed.length ? timed : (['imported'] as const)).map((scale) =>
    thresholdLinePlugin({
      scale: axis,
      value: s.kpis.latency[scale].slowThresholdMs,
      label: t(
        scale === 'live' ? 'charts.latency.thresholdLive' : 'charts.latency.thresholdImported',
        {
          ms: s.kpis.latency[scale].slowThresholdMs
        }
      ),
      color: palette.threshold,
      plate: palette.surface
    })
  )
}
