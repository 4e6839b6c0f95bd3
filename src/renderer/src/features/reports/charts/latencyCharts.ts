import type { TooltipItem } from 'chart.js'
import { MAX_LATENCY_POINTS, type ReportSummary } from '@shared/ipc/routes/reportRoutes'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import { chartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMs } from './formatReportFigure'
import { thresholdLinePlugin } from './thresholdLinePlugin'

/** A point of the latency line: x is the ordinal of the run's last session. */
interface LatencyXY {
  x: number
  y: number
  first: string
  last: string
  sessions: number
}

const runLabel = (p: { first: string; last: string; sessions: number }): string =>
  p.sessions === 1 ? p.first : `${p.first} – ${p.last} (${formatCount(p.sessions)} sessions)`

const threshold = (s: ReportSummary, scale: 'x' | 'y'): ReturnType<typeof thresholdLinePlugin> =>
  thresholdLinePlugin({
    scale,
    value: s.kpis.slowThresholdMs,
    label: `${s.kpis.slowThresholdMs} ms`,
    color: chartPalette.threshold
  })

export function latencyPerSessionChart(s: ReportSummary): ChartSpec {
  const { bucketed, points } = s.latencyPerSession
  let ordinal = 0
  const runs = points.map((p) => {
    ordinal += p.sessions
    return { ...p, x: ordinal, first: p.firstSessionId, last: p.lastSessionId }
  })
  const series = (pick: (p: (typeof runs)[number]) => number): LatencyXY[] =>
    runs.map((p) => ({ x: p.x, y: pick(p), first: p.first, last: p.last, sessions: p.sessions }))
  const line = { borderWidth: 1.5, pointRadius: runs.length <= 60 ? 3 : 0, tension: 0 }
  const datasets = [
    {
      ...line,
      label: bucketed ? 'P50, run mean' : 'P50',
      data: series((p) => p.p50Ms),
      borderColor: chartPalette.p50,
      backgroundColor: chartPalette.p50
    },
    {
      ...line,
      label: bucketed ? 'P95, run mean' : 'P95',
      data: series((p) => p.p95Ms),
      borderColor: chartPalette.p95,
      backgroundColor: chartPalette.p95
    },
    ...(bucketed
      ? [
          {
            ...line,
            label: 'P95, worst in run',
            data: series((p) => p.maxP95Ms),
            borderColor: chartPalette.maxP95,
            backgroundColor: chartPalette.maxP95,
            borderDash: [2, 2]
          }
        ]
      : [])
  ]
  const options = baseOptions(
    {
      x: 'Session (in session ID order)',
      y: 'Latency (ms)',
      linearX: { min: runs.length ? 1 : 0, max: Math.max(ordinal, 1) }
    },
    (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
  )
  const tooltip = options.plugins?.tooltip
  if (tooltip?.callbacks) tooltip.callbacks.title = (items) => runLabel(items[0]?.raw as LatencyXY)
  return {
    id: 'latency-per-session',
    question: 'Which calls feel laggy (P95 over 200 ms)?',
    caption: bucketed
      ? `P50 and P95 latency (ms) of ${formatCount(s.kpis.sessions)} sessions in ${runs.length} runs of consecutive sessions: run means, and each run's worst P95. Filter down to ${formatCount(MAX_LATENCY_POINTS)} sessions or fewer to see and open single sessions.`
      : 'P50 and P95 latency (ms) of each session; dashed line: the 200 ms threshold. Click a point to open that session.',
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
    plugins: [threshold(s, 'y')],
    columns: bucketed
      ? [
          { label: 'Sessions' },
          { label: 'Count', numeric: true },
          { label: 'Mean P50', numeric: true },
          { label: 'Mean P95', numeric: true },
          { label: 'Worst P95', numeric: true }
        ]
      : [{ label: 'Session' }, { label: 'P50', numeric: true }, { label: 'P95', numeric: true }],
    rows: runs.map((p) =>
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
            cells: [p.first, formatMs(p.p50Ms), formatMs(p.p95Ms)],
            drill: { label: `session ${p.first}`, filter: { search: p.first } }
          }
    ),
    drill: bucketed
      ? undefined
      : ({ raw }) => {
          const point = raw as LatencyXY | undefined
          return point ? { label: `session ${point.first}`, filter: { search: point.first } } : null
        },
    empty: runs.length ? undefined : 'No sessions match these filters.'
  }
}

/** Sessions whose P50 (or P95) falls in a histogram bin: [from, to), as the bins count. */
function latencyDrill(bin: { fromMs: number; toMs: number }, measure: 'p50' | 'p95'): DrillTarget {
  const range = { min: bin.fromMs, max: bin.toMs }
  return {
    label: `sessions with ${measure.toUpperCase()} ${bin.fromMs}–${bin.toMs} ms`,
    filter: measure === 'p50' ? { latencyP50Ms: range } : { latencyP95Ms: range }
  }
}

export function latencyHistogramChart(s: ReportSummary): ChartSpec {
  const { bins, binWidthMs } = s.histogram
  const centre = (b: (typeof bins)[number]): number => (b.fromMs + b.toMs) / 2
  const range = (b: (typeof bins)[number]): string => `${b.fromMs}–${b.toMs} ms`
  const bar = { barPercentage: 1, categoryPercentage: 0.9 }
  const options = baseOptions(
    {
      x: 'Latency (ms)',
      y: 'Sessions',
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
    question: 'How fast are answers, session by session?',
    caption: `Sessions per ${binWidthMs} ms bin of their P50 and of their P95 latency; dashed line: the 200 ms threshold.`,
    type: 'bar',
    data: {
      datasets: [
        {
          ...bar,
          label: 'Sessions by P50',
          data: bins.map((b) => ({ x: centre(b), y: b.p50Sessions })),
          backgroundColor: chartPalette.p50
        },
        {
          ...bar,
          label: 'Sessions by P95',
          data: bins.map((b) => ({ x: centre(b), y: b.p95Sessions })),
          backgroundColor: chartPalette.p95
        }
      ]
    },
    options,
    plugins: [threshold(s, 'x')],
    columns: [
      { label: 'Latency' },
      { label: 'Sessions by P50', numeric: true },
      { label: 'Sessions by P95', numeric: true }
    ],
    rows: bins.map((b) => ({
      cells: [range(b), formatCount(b.p50Sessions), formatCount(b.p95Sessions)],
      drill: latencyDrill(b, 'p50')
    })),
    // A bar opens its own measure's bin; the column around it, the P50 bin.
    drill: ({ index, datasetIndex }) =>
      bins[index] ? latencyDrill(bins[index], datasetIndex === 1 ? 'p95' : 'p50') : null,
    empty: bins.length ? undefined : 'No sessions match these filters.'
  }
}

export function latencyByScenarioChart(s: ReportSummary): ChartSpec {
  const rows = s.byScenario
  const options = baseOptions(
    { x: 'Scenario', y: 'Mean latency (ms)' },
    (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
  )
  return {
    id: 'latency-by-scenario',
    question: 'Which scenarios are slowest?',
    caption:
      'Mean of the sessions’ P50 and P95 latency (ms) per scenario; dashed line: 200 ms. Click a scenario to open its sessions.',
    type: 'bar',
    data: {
      labels: rows.map((r) => r.scenario),
      datasets: [
        { label: 'Mean P50', data: rows.map((r) => r.avgP50Ms), backgroundColor: chartPalette.p50 },
        { label: 'Mean P95', data: rows.map((r) => r.avgP95Ms), backgroundColor: chartPalette.p95 }
      ]
    },
    options,
    plugins: [threshold(s, 'y')],
    columns: [
      { label: 'Scenario' },
      { label: 'Sessions', numeric: true },
      { label: 'Mean P50', numeric: true },
      { label: 'Mean P95', numeric: true },
      { label: 'Slow (P95 > 200 ms)', numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [
        r.scenario,
        formatCount(r.sessions),
        formatMs(r.avgP50Ms),
        formatMs(r.avgP95Ms),
        formatCount(r.slowSessions)
      ],
      drill: { label: `scenario ${r.scenario}`, filter: { scenario: [r.scenario] } }
    })),
    drill: ({ index }) => {
      const r = rows[index]
      return r ? { label: `scenario ${r.scenario}`, filter: { scenario: [r.scenario] } } : null
    },
    empty: rows.length ? undefined : 'No sessions match these filters.'
  }
}
