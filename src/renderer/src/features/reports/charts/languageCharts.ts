import type { TooltipItem } from 'chart.js'
import type { ReportSummary } from '@shared/ipc/routes/reportRoutes'
import { baseOptions } from './baseOptions'
import { chartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMs, formatPct } from './formatReportFigure'

export function languageChart(s: ReportSummary): ChartSpec {
  const rows = s.languages
  const drill = (index: number): { label: string; filter: { language: string[] } } | null =>
    rows[index]
      ? { label: `language ${rows[index].language}`, filter: { language: [rows[index].language] } }
      : null
  const options = baseOptions(
    { x: 'Language', y: 'Sessions', y2: 'Mean P50 (ms)' },
    (item: TooltipItem<SpecType>) =>
      item.datasetIndex === 0
        ? `Sessions: ${formatCount(item.parsed.y ?? 0)} (${formatPct(rows[item.dataIndex]?.sharePct ?? null)})`
        : `Mean P50: ${formatMs(item.parsed.y)}`
  )
  if (options.plugins?.tooltip?.callbacks)
    options.plugins.tooltip.callbacks.footer = (items) =>
      `Dominant sentiment: ${rows[items[0]?.dataIndex ?? -1]?.dominantSentiment ?? '—'}`
  return {
    id: 'languages',
    question: 'Do Spanish and French callers get the same service?',
    caption:
      'Sessions per language (bars), their mean P50 latency (ms, line) and dominant sentiment (tooltip, table). Click a language to open its sessions.',
    type: 'bar',
    data: {
      labels: rows.map((r) => r.language),
      datasets: [
        {
          label: 'Sessions',
          data: rows.map((r) => r.sessions),
          backgroundColor: chartPalette.sessions,
          yAxisID: 'y',
          order: 2
        },
        {
          type: 'line' as const,
          label: 'Mean P50 (ms)',
          data: rows.map((r) => r.avgP50Ms),
          borderColor: chartPalette.p95,
          backgroundColor: chartPalette.p95,
          yAxisID: 'y2',
          order: 1
        }
      ]
    },
    options,
    columns: [
      { label: 'Language' },
      { label: 'Sessions', numeric: true },
      { label: 'Share', numeric: true },
      { label: 'Mean P50', numeric: true },
      { label: 'Dominant sentiment' }
    ],
    rows: rows.map((r, i) => ({
      cells: [
        r.language,
        formatCount(r.sessions),
        formatPct(r.sharePct),
        formatMs(r.avgP50Ms),
        r.dominantSentiment
      ],
      drill: drill(i) ?? undefined
    })),
    drill: ({ index }) => drill(index),
    empty: rows.length ? undefined : 'No sessions match these filters.'
  }
}
