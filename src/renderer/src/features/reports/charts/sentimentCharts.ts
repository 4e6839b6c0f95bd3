import type { TooltipItem } from 'chart.js'
import type { TFunction } from 'i18next'
import type { LabValueLabel } from '@renderer/i18n'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMean, formatPct } from './formatReportFigure'

type T = TFunction<'reports'>

const sentimentDrill = (
  t: T,
  label: LabValueLabel,
  sentiment: string
): { label: string; filter: { sentiment: string[] } } => ({
  label: t('charts.sentiment.drill', { sentiment: label('sentiment', sentiment) }),
  filter: { sentiment: [sentiment] }
})

export function sentimentDistributionChart(
  s: ReportSummary,
  t: T,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const rows = s.sentiments
  return {
    id: 'sentiment-distribution',
    question: t('charts.sentiment.distributionQuestion'),
    caption: t('charts.sentiment.distributionCaption'),
    type: 'bar',
    data: {
      labels: rows.map((r) => label('sentiment', r.sentiment)),
      datasets: [
        {
          label: t('charts.sentiment.sessions'),
          data: rows.map((r) => r.sessions),
          backgroundColor: rows.map((r) => palette.sentiment(r.sentiment))
        }
      ]
    },
    options: {
      ...baseOptions(
        palette,
        { x: t('charts.sentiment.sentiment'), y: t('charts.sentiment.sessions') },
        (item: TooltipItem<SpecType>) =>
          t('charts.sentiment.distributionTooltip', {
            count: item.parsed.y ?? 0,
            sessions: formatCount(item.parsed.y ?? 0),
            share: formatPct(rows[item.dataIndex]?.sharePct ?? null)
          })
      ),
      plugins: { legend: { display: false } }
    },
    columns: [
      { label: t('charts.sentiment.sentiment') },
      { label: t('charts.sentiment.sessions'), numeric: true },
      { label: t('charts.sentiment.share'), numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [label('sentiment', r.sentiment), formatCount(r.sessions), formatPct(r.sharePct)],
      drill: sentimentDrill(t, label, r.sentiment)
    })),
    drill: ({ index }) => (rows[index] ? sentimentDrill(t, label, rows[index].sentiment) : null),
    empty: rows.length ? undefined : t('charts.empty')
  }
}

export function interruptionsBySentimentChart(
  s: ReportSummary,
  t: T,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const rows = s.interruptionsBySentiment
  const options = baseOptions(
    palette,
    { x: t('charts.sentiment.sentiment'), y: t('charts.sentiment.meanPerSessionAxis') },
    (item: TooltipItem<SpecType>) =>
      t('charts.sentiment.meanTooltip', {
        count: rows[item.dataIndex]?.sessions ?? 0,
        mean: formatMean(item.parsed.y),
        sessions: formatCount(rows[item.dataIndex]?.sessions ?? 0)
      })
  )
  return {
    id: 'interruptions-by-sentiment',
    question: t('charts.sentiment.bySentimentQuestion'),
    caption: t('charts.sentiment.bySentimentCaption'),
    type: 'bar',
    data: {
      labels: rows.map((r) => label('sentiment', r.sentiment)),
      datasets: [
        {
          label: t('charts.sentiment.meanInterruptions'),
          data: rows.map((r) => r.avgInterruptions),
          backgroundColor: rows.map((r) => palette.sentiment(r.sentiment))
        }
      ]
    },
    options: { ...options, plugins: { ...options.plugins, legend: { display: false } } },
    columns: [
      { label: t('charts.sentiment.sentiment') },
      { label: t('charts.sentiment.sessions'), numeric: true },
      { label: t('charts.sentiment.meanInterruptions'), numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [
        label('sentiment', r.sentiment),
        formatCount(r.sessions),
        formatMean(r.avgInterruptions)
      ],
      drill: sentimentDrill(t, label, r.sentiment)
    })),
    drill: ({ index }) => (rows[index] ? sentimentDrill(t, label, rows[index].sentiment) : null),
    empty: rows.length ? undefined : t('charts.empty')
  }
}

export function interruptionsVsSentimentChart(
  s: ReportSummary,
  t: T,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const cells = s.interruptionsVsSentiment
  const sentiments = [...new Set(cells.map((c) => c.sentiment))].sort()
  const maxInterruptions = cells.reduce((max, c) => Math.max(max, c.interruptions), -1)
  const counts = Array.from({ length: maxInterruptions + 1 }, (_, i) => i)
  const count = (interruptions: number, sentiment: string): number =>
    cells.find((c) => c.interruptions === interruptions && c.sentiment === sentiment)?.sessions ?? 0
  return {
    id: 'interruptions-vs-sentiment',
    question: t('charts.sentiment.vsQuestion'),
    caption: t('charts.sentiment.vsCaption'),
    type: 'bar',
    data: {
      labels: counts.map(String),
      datasets: sentiments.map((sentiment) => ({
        label: label('sentiment', sentiment),
        data: counts.map((i) => count(i, sentiment)),
        backgroundColor: palette.sentiment(sentiment)
      }))
    },
    options: baseOptions(
      palette,
      {
        x: t('charts.sentiment.interruptionsAxis'),
        y: t('charts.sentiment.sessions'),
        stacked: true
      },
      (item: TooltipItem<SpecType>) =>
        t('charts.sentiment.vsTooltip', {
          sentiment: item.dataset.label,
          count: item.parsed.y ?? 0,
          sessions: formatCount(item.parsed.y ?? 0)
        })
    ),
    columns: [
      { label: t('charts.sentiment.interruptions'), numeric: true },
      ...sentiments.map((sentiment) => ({ label: label('sentiment', sentiment), numeric: true }))
    ],
    rows: counts.map((i) => ({
      cells: [String(i), ...sentiments.map((sentiment) => formatCount(count(i, sentiment)))],
      drill: interruptionsDrill(t, label, i)
    })),
    drill: ({ index, datasetIndex }) =>
      counts[index] === undefined
        ? null
        : interruptionsDrill(
            t,
            label,
            counts[index],
            datasetIndex === null ? undefined : sentiments[datasetIndex]
          ),
    empty: cells.length ? undefined : t('charts.empty')
  }
}

/** Sessions with exactly `n` interruptions, of one sentiment when a segment was hit. */
function interruptionsDrill(
  t: T,
  label: LabValueLabel,
  n: number,
  sentiment?: string
): DrillTarget {
  const text = t('charts.sentiment.drillInterruptions', { count: n })
  return {
    label: sentiment ? `${text} (${label('sentiment', sentiment)})` : text,
    filter: {
      interruptions: { min: n, max: n },
      ...(sentiment !== undefined && { sentiment: [sentiment] })
    }
  }
}
