import type { TooltipItem } from 'chart.js'
import type { TFunction } from 'i18next'
import type { LabValueLabel } from '@renderer/i18n'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMs, formatPct } from './formatReportFigure'

export function languageChart(
  s: ReportSummary,
  t: TFunction<'reports'>,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const rows = s.languages
  const dominant = (sentiment: string | undefined): string =>
    sentiment ? label('sentiment', sentiment) : '—'
  const drill = (index: number): { label: string; filter: { language: string[] } } | null =>
    rows[index]
      ? {
          label: t('charts.language.drill', { language: label('language', rows[index].language) }),
          filter: { language: [rows[index].language] }
        }
      : null
  const options = baseOptions(
    palette,
    {
      x: t('charts.language.language'),
      y: t('charts.language.sessions'),
      y2: t('charts.language.meanP50Ms')
    },
    (item: TooltipItem<SpecType>) =>
      item.datasetIndex === 0
        ? t('charts.language.sessionsTooltip', {
            sessions: formatCount(item.parsed.y ?? 0),
            share: formatPct(rows[item.dataIndex]?.sharePct ?? null)
          })
        : t('charts.language.p50Tooltip', { ms: formatMs(item.parsed.y) })
  )
  if (options.plugins?.tooltip?.callbacks)
    options.plugins.tooltip.callbacks.footer = (items) =>
      t('charts.language.dominantTooltip', {
        sentiment: dominant(rows[items[0]?.dataIndex ?? -1]?.dominantSentiment)
      })
  return {
    id: 'languages',
    question: t('charts.language.question'),
    caption: t('charts.language.caption'),
    type: 'bar',
    data: {
      labels: rows.map((r) => label('language', r.language)),
      datasets: [
        {
          label: t('charts.language.sessions'),
          data: rows.map((r) => r.sessions),
          backgroundColor: palette.sessions,
          yAxisID: 'y',
          order: 2
        },
        {
          type: 'line' as const,
          label: t('charts.language.meanP50Ms'),
          data: rows.map((r) => r.avgP50Ms),
          borderColor: palette.p95,
          backgroundColor: palette.p95,
          yAxisID: 'y2',
          order: 1
        }
      ]
    },
    options,
    columns: [
      { label: t('charts.language.language') },
      { label: t('charts.language.sessions'), numeric: true },
      { label: t('charts.language.share'), numeric: true },
      { label: t('charts.language.meanP50'), numeric: true },
      { label: t('charts.language.dominant') }
    ],
    rows: rows.map((r, i) => ({
      cells: [
        label('language', r.language),
        formatCount(r.sessions),
        formatPct(r.sharePct),
        formatMs(r.avgP50Ms),
        dominant(r.dominantSentiment)
      ],
      drill: drill(i) ?? undefined
    })),
    drill: ({ index }) => drill(index),
    empty: rows.length ? undefined : t('charts.empty')
  }
}
