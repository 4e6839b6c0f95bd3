import type { TFunction } from 'i18next'
import type { TooltipItem } from 'chart.js'
import type { LabValueLabel } from '@renderer/i18n'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import { MAX_LATENCY_POINTS } from '@shared/analytics/reportSchemas'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType, TableRow } from './chartSpec'
import { formatCount, formatMs } from './formatReportFigure'
import { latencyThresholds, thresholdCaption } from './latencyThresholds'

type T = TFunction<'reports'>

/**
 * A point of the latency line: x is the ordinal of the run's last session; y null where no
 * session of the run counted a turn (chart.js leaves a gap there, not a drop to 0).
 */
interface LatencyXY {
  x: number
  y: number | null
  first: string
  last: string
  sessions: number
}

const runLabel = (t: T, p: { first: string; last: string; sessions: number }): string =>
  p.sessions === 1
    ? p.first
    : t('charts.latency.runLabel', {
        first: p.first,
        last: p.last,
        count: p.sessions,
        formatted: formatCount(p.sessions)
      })

const sessionDrill = (t: T, id: string): string => t('charts.latency.drillSession', { id })
const scenarioDrill = (t: T, label: LabValueLabel, scenario: string): string =>
  t('charts.latency.drillScenario', { scenario: label('scenario', scenario) })

export function latencyPerSessionChart(s: ReportSummary, t: T, palette: ChartPalette): ChartSpec {
  const { bucketed, points } = s.latencyPerSession
  let ordinal = 0
  const runs = points.map((p) => {
    ordinal += p.sessions
    return { ...p, x: ordinal, first: p.firstSessionId, last: p.lastSessionId }
  })
  const series = (pick: (p: (typeof runs)[number]) => number | null): LatencyXY[] =>
    runs.map((p) => ({ x: p.x, y: pick(p), first: p.first, last: p.last, sessions: p.sessions }))
  const line = { borderWidth: 1.5, pointRadius: runs.length <= 60 ? 3 : 0, tension: 0 }
  let rows: TableRow[] | undefined
  const datasets = [
    {
      ...line,
      label: bucketed ? t('charts.latency.p50RunMean') : 'P50',
      data: series((p) => p.p50Ms),
      borderColor: palette.p50,
      backgroundColor: palette.p50
    },
    {
      ...line,
      label: bucketed ? t('charts.latency.p95RunMean') : 'P95',
      data: series((p) => p.p95Ms),
      borderColor: palette.p95,
      backgroundColor: palette.p95
    },
    ...(bucketed
      ? [
          {
            ...line,
            label: t('charts.latency.p95WorstInRun'),
            data: series((p) => p.maxP95Ms),
            borderColor: palette.maxP95,
            backgroundColor: palette.maxP95,
            borderDash: [2, 2]
          }
        ]
      : [])
  ]
  const options = baseOptions(
    palette,
    {
      x: t('charts.latency.sessionAxis'),
      y: t('charts.latency.latencyAxis'),
      linearX: { min: runs.length ? 1 : 0, max: Math.max(ordinal, 1) }
    },
    (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
  )
  const timedMs = (ms: number | null): string =>
    ms === null ? t('charts.latency.noTurn') : formatMs(ms)
  const tooltip = options.plugins?.tooltip
  if (tooltip?.callbacks)
    tooltip.callbacks.title = (items) => runLabel(t, items[0]?.raw as LatencyXY)
  // The axis names sessions by id (the run's first, when runs of sessions are drawn), not 1…N.
  const x = options.scales?.['x']
  if (x?.ticks) x.ticks.callback = (value) => sessionAt(runs, Number(value)) ?? ''
  return {
    id: 'latency-per-session',
    question: t('charts.latency.perSessionQuestion'),
    caption: bucketed
      ? t('charts.latency.perSessionCaptionBucketed', {
          sessions: formatCount(s.kpis.sessions),
          runs: runs.length,
          max: formatCount(MAX_LATENCY_POINTS)
        })
      : t('charts.latency.perSessionCaption', thresholdCaption),
    type: 'line',
    data: { datasets },
    options: {
      ...options,
      parsing: false,
      normalized: true,
      plugins: {
        ...options.plugins,
        // Past a point per pixel, chart.js keeps the points that shape the line (LTTB).
        decimation: { enabled: true, algorithm: 'lttb', samples: 400 }
      }
    },
    plugins: latencyThresholds(s, 'y', palette, t),
    columns: bucketed
      ? [
          { label: t('charts.latency.sessions') },
          { label: t('charts.latency.count'), numeric: true },
          { label: t('charts.latency.meanP50'), numeric: true },
          { label: t('charts.latency.meanP95'), numeric: true },
          { label: t('charts.latency.worstP95'), numeric: true }
        ]
      : [
          { label: t('charts.latency.session') },
          { label: 'P50', numeric: true },
          { label: 'P95', numeric: true }
        ],
    // Formatted when the table is first shown: up to 1,000 runs of five localized figures each,
    // which every filter change would otherwise format for a hidden table.
    get rows() {
      return (rows ??= runs.map((p) =>
        bucketed
          ? {
              cells: [
                `${p.first} – ${p.last}`,
                formatCount(p.sessions),
                formatMs(p.p50Ms),
                formatMs(p.p95Ms),
                formatMs(p.maxP95Ms)
              ]
            }
          : {
              cells: [p.first, timedMs(p.p50Ms), timedMs(p.p95Ms)],
              drill: { label: sessionDrill(t, p.first), filter: { search: p.first } }
            }
      ))
    },
    drill: bucketed
      ? undefined
      : ({ raw }) => {
          const point = raw as LatencyXY | undefined
          return point
            ? { label: sessionDrill(t, point.first), filter: { search: point.first } }
            : null
        },
    empty: runs.length ? undefined : t('charts.empty')
  }
}

/** Sessions whose P50 (or P95) falls in a histogram bin: [from, to), as the bins count. */
function latencyDrill(
  t: T,
  bin: { fromMs: number; toMs: number },
  measure: 'p50' | 'p95'
): DrillTarget {
  const range = { min: bin.fromMs, max: bin.toMs }
  return {
    label: t('charts.latency.drillBin', {
      measure: measure.toUpperCase(),
      from: bin.fromMs,
      to: bin.toMs
    }),
    filter: measure === 'p50' ? { latencyP50Ms: range } : { latencyP95Ms: range }
  }
}

export function latencyHistogramChart(s: ReportSummary, t: T, palette: ChartPalette): ChartSpec {
  const { bins, binWidthMs } = s.histogram
  const centre = (b: (typeof bins)[number]): number => (b.fromMs + b.toMs) / 2
  const range = (b: (typeof bins)[number]): string => `${b.fromMs}–${b.toMs} ms`
  const bar = { barPercentage: 1, categoryPercentage: 0.9 }
  const options = baseOptions(
    palette,
    {
      x: t('charts.latency.latencyAxis'),
      y: t('charts.latency.sessions'),
      linearX: { min: bins[0]?.fromMs, max: bins.at(-1)?.toMs, stepSize: binWidthMs * 2 }
    },
    (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatCount(item.parsed.y ?? 0)}`
  )
  if (options.plugins?.tooltip?.callbacks)
    options.plugins.tooltip.callbacks.title = (items) => {
      const bin = bins[items[0]?.dataIndex ?? -1]
      return bin ? range(bin) : ''
    }
  return {
    id: 'latency-histogram',
    question: t('charts.latency.histogramQuestion'),
    caption: t('charts.latency.histogramCaption', { width: binWidthMs, ...thresholdCaption }),
    type: 'bar',
    data: {
      datasets: [
        {
          ...bar,
          label: t('charts.latency.sessionsByP50'),
          data: bins.map((b) => ({ x: centre(b), y: b.p50Sessions })),
          backgroundColor: palette.p50
        },
        {
          ...bar,
          label: t('charts.latency.sessionsByP95'),
          data: bins.map((b) => ({ x: centre(b), y: b.p95Sessions })),
          backgroundColor: palette.p95
        }
      ]
    },
    options,
    plugins: latencyThresholds(s, 'x', palette, t),
    columns: [
      { label: t('charts.latency.latency') },
      { label: t('charts.latency.sessionsByP50'), numeric: true },
      { label: t('charts.latency.sessionsByP95'), numeric: true }
    ],
    rows: bins.map((b) => ({
      cells: [range(b), formatCount(b.p50Sessions), formatCount(b.p95Sessions)],
      drill: latencyDrill(t, b, 'p50')
    })),
    // A bar opens its own measure's bin; the column around it, the P50 bin.
    drill: ({ index, datasetIndex }) =>
      bins[index] ? latencyDrill(t, bins[index], datasetIndex === 1 ? 'p95' : 'p50') : null,
    empty: bins.length ? undefined : t('charts.empty')
  }
}

export function latencyByScenarioChart(
  s: ReportSummary,
  t: T,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const rows = s.byScenario
  const options = baseOptions(
    palette,
    { x: t('charts.latency.scenario'), y: t('charts.latency.meanLatencyAxis') },
    (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
  )
  return {
    id: 'latency-by-scenario',
    question: t('charts.latency.byScenarioQuestion'),
    caption: t('charts.latency.byScenarioCaption', thresholdCaption),
    type: 'bar',
    data: {
      labels: rows.map((r) => label('scenario', r.scenario)),
      datasets: [
        {
          label: t('charts.latency.meanP50'),
          data: rows.map((r) => r.avgP50Ms),
          backgroundColor: palette.p50
        },
        {
          label: t('charts.latency.meanP95'),
          data: rows.map((r) => r.avgP95Ms),
          backgroundColor: palette.p95
        }
      ]
    },
    options,
    plugins: latencyThresholds(s, 'y', palette, t),
    columns: [
      { label: t('charts.latency.scenario') },
      { label: t('charts.latency.sessions'), numeric: true },
      { label: t('charts.latency.meanP50'), numeric: true },
      { label: t('charts.latency.meanP95'), numeric: true },
      { label: t('charts.latency.slowColumn'), numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [
        label('scenario', r.scenario),
        formatCount(r.sessions),
        formatMs(r.avgP50Ms),
        formatMs(r.avgP95Ms),
        formatCount(r.slowSessions)
      ],
      drill: { label: scenarioDrill(t, label, r.scenario), filter: { scenario: [r.scenario] } }
    })),
    drill: ({ index }) => {
      const r = rows[index]
      return r
        ? { label: scenarioDrill(t, label, r.scenario), filter: { scenario: [r.scenario] } }
        : null
    },
    empty: rows.length ? undefined : t('charts.empty')
  }
}

/** The id of the session (or the run's first session) drawn at ordinal `x`; none between runs. */
export function sessionAt(
  runs: readonly { x: number; sessions: number; first: string }[],
  x: number
): string | undefined {
  // Runs are in x order; a run of n sessions covers the ordinals up to its x.
  let low = 0
  let high = runs.length - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if (runs[mid]!.x < x) low = mid + 1
    else high = mid
  }
  const run = runs[low]
  return run && x > run.x - run.sessions && x <= run.x ? run.first : undefined
}
