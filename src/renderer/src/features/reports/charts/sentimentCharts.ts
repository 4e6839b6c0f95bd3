import type { TooltipItem } from 'chart.js'
import type { ReportSummary } from '@shared/ipc/routes/reportRoutes'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import { sentimentColor } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMean, formatPct } from './formatReportFigure'

const sentimentDrill = (sentiment: string): { label: string; filter: { sentiment: string[] } } => ({
  label: `${sentiment} sessions`,
  filter: { sentiment: [sentiment] }
})
const NONE = 'No sessions match these filters.'

export function sentimentDistributionChart(s: ReportSummary): ChartSpec {
  const rows = s.sentiments
  return {
    id: 'sentiment-distribution',
    question: 'How do callers feel at the end of their calls?',
    caption: 'Sessions per sentiment, most frequent first. Click a bar to open those sessions.',
    type: 'bar',
    data: {
      labels: rows.map((r) => r.sentiment),
      datasets: [
        {
          label: 'Sessions',
          data: rows.map((r) => r.sessions),
          backgroundColor: rows.map((r) => sentimentColor(r.sentiment))
        }
      ]
    },
    options: {
      ...baseOptions(
        { x: 'Sentiment', y: 'Sessions' },
        (item: TooltipItem<SpecType>) =>
          `${formatCount(item.parsed.y ?? 0)} sessions (${formatPct(rows[item.dataIndex]?.sharePct ?? null)})`
      ),
      plugins: { legend: { display: false } }
    },
    columns: [
      { label: 'Sentiment' },
      { label: 'Sessions', numeric: true },
      { label: 'Share', numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [r.sentiment, formatCount(r.sessions), formatPct(r.sharePct)],
      drill: sentimentDrill(r.sentiment)
    })),
    drill: ({ index }) => (rows[index] ? sentimentDrill(rows[index].sentiment) : null),
    empty: rows.length ? undefined : NONE
  }
}

export function interruptionsBySentimentChart(s: ReportSummary): ChartSpec {
  const rows = s.interruptionsBySentiment
  const options = baseOptions(
    { x: 'Sentiment', y: 'Mean interruptions per session' },
    (item: TooltipItem<SpecType>) =>
      `${formatMean(item.parsed.y)} interruptions on average over ${formatCount(rows[item.dataIndex]?.sessions ?? 0)} sessions`
  )
  return {
    id: 'interruptions-by-sentiment',
    question: 'Do unhappy callers interrupt the agent more?',
    caption:
      'Mean number of interruptions per session, by sentiment. Click a bar to open those sessions.',
    type: 'bar',
    data: {
      labels: rows.map((r) => r.sentiment),
      datasets: [
        {
          label: 'Mean interruptions',
          data: rows.map((r) => r.avgInterruptions),
          backgroundColor: rows.map((r) => sentimentColor(r.sentiment))
        }
      ]
    },
    options: { ...options, plugins: { ...options.plugins, legend: { display: false } } },
    columns: [
      { label: 'Sentiment' },
      { label: 'Sessions', numeric: true },
      { label: 'Mean interruptions', numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [r.sentiment, formatCount(r.sessions), formatMean(r.avgInterruptions)],
      drill: sentimentDrill(r.sentiment)
    })),
    drill: ({ index }) => (rows[index] ? sentimentDrill(rows[index].sentiment) : null),
    empty: rows.length ? undefined : NONE
  }
}

export function interruptionsVsSentimentChart(s: ReportSummary): ChartSpec {
  const cells = s.interruptionsVsSentiment
  const sentiments = [...new Set(cells.map((c) => c.sentiment))].sort()
  const maxInterruptions = cells.reduce((max, c) => Math.max(max, c.interruptions), -1)
  const counts = Array.from({ length: maxInterruptions + 1 }, (_, i) => i)
  const count = (interruptions: number, sentiment: string): number =>
    cells.find((c) => c.interruptions === interruptions && c.sentiment === sentiment)?.sessions ?? 0
  return {
    id: 'interruptions-vs-sentiment',
    question: 'Does sentiment sour as interruptions pile up?',
    caption:
      'Sessions by number of interruptions, split by sentiment. Click a segment to open those sessions.',
    type: 'bar',
    data: {
      labels: counts.map(String),
      datasets: sentiments.map((sentiment) => ({
        label: sentiment,
        data: counts.map((i) => count(i, sentiment)),
        backgroundColor: sentimentColor(sentiment)
      }))
    },
    options: baseOptions(
      { x: 'Interruptions in the session', y: 'Sessions', stacked: true },
      (item: TooltipItem<SpecType>) =>
        `${item.dataset.label}: ${formatCount(item.parsed.y ?? 0)} sessions`
    ),
    columns: [
      { label: 'Interruptions', numeric: true },
      ...sentiments.map((label) => ({ label, numeric: true }))
    ],
    rows: counts.map((i) => ({
      cells: [String(i), ...sentiments.map((sentiment) => formatCount(count(i, sentiment)))],
      drill: interruptionsDrill(i)
    })),
    drill: ({ index, datasetIndex }) =>
      counts[index] === undefined
        ? null
        : interruptionsDrill(
            counts[index],
            datasetIndex === null ? undefined : sentiments[datasetIndex]
          ),
    empty: cells.length ? undefined : NONE
  }
}

/** Sessions with exactly `n` interruptions, of one sentiment when a segment was hit. */
function interruptionsDrill(n: number, sentiment?: string): DrillTarget {
  return {
    label: `sessions with ${n} interruption${n === 1 ? '' : 's'}${sentiment ? ` (${sentiment})` : ''}`,
    filter: {
      interruptions: { min: n, max: n },
      ...(sentiment !== undefined && { sentiment: [sentiment] })
    }
  }
}
