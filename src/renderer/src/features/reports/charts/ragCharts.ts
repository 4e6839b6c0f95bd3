import type { TooltipItem } from 'chart.js'
import type { TFunction } from 'i18next'
import type { LabValueLabel } from '@renderer/i18n'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMs, formatPct } from './formatReportFigure'
import { latencyThresholds, thresholdCaption } from './latencyThresholds'

type T = TFunction<'reports'>

const ragName = (t: T, used: boolean): string =>
  used ? t('charts.rag.withRag') : t('charts.rag.withoutRag')
const ragDrill = (t: T, used: boolean): DrillTarget => ({
  label: used ? t('charts.rag.drillWith') : t('charts.rag.drillWithout'),
  filter: { ragUsed: used }
})

export function ragLatencyChart(s: ReportSummary, t: T, palette: ChartPalette): ChartSpec {
  const rows = s.rag
  return {
    id: 'rag-latency',
    question: t('charts.rag.latencyQuestion'),
    caption: t('charts.rag.latencyCaption', thresholdCaption),
    type: 'bar',
    data: {
      labels: rows.map((r) => ragName(t, r.ragUsed)),
      datasets: [
        {
          label: t('charts.rag.meanP50'),
          data: rows.map((r) => r.avgP50Ms),
          backgroundColor: palette.p50
        },
        {
          label: t('charts.rag.meanP95'),
          data: rows.map((r) => r.avgP95Ms),
          backgroundColor: palette.p95
        }
      ]
    },
    options: baseOptions(
      palette,
      { x: t('charts.rag.retrieval'), y: t('charts.rag.meanLatencyAxis') },
      (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
    ),
    plugins: latencyThresholds(s, 'y', palette, t),
    columns: [
      { label: t('charts.rag.retrieval') },
      { label: t('charts.rag.sessions'), numeric: true },
      { label: t('charts.rag.meanP50'), numeric: true },
      { label: t('charts.rag.meanP95'), numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [
        ragName(t, r.ragUsed),
        formatCount(r.sessions),
        formatMs(r.avgP50Ms),
        formatMs(r.avgP95Ms)
      ],
      drill: ragDrill(t, r.ragUsed)
    })),
    drill: ({ index }) => (rows[index] ? ragDrill(t, rows[index].ragUsed) : null),
    empty: rows.length ? undefined : t('charts.empty')
  }
}

export function ragByScenarioChart(
  s: ReportSummary,
  t: T,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec {
  const rows = s.byScenario
  const scenarioDrill = (index: number, used?: boolean): DrillTarget | null => {
    const r = rows[index]
    if (!r) return null
    const scenario = label('scenario', r.scenario)
    if (used === undefined)
      return {
        label: t('charts.rag.drillScenario', { scenario }),
        filter: { scenario: [r.scenario] }
      }
    return {
      label: used
        ? t('charts.rag.drillScenarioWith', { scenario })
        : t('charts.rag.drillScenarioWithout', { scenario }),
      filter: { scenario: [r.scenario], ragUsed: used }
    }
  }
  return {
    id: 'rag-by-scenario',
    question: t('charts.rag.byScenarioQuestion'),
    caption: t('charts.rag.byScenarioCaption'),
    type: 'bar',
    data: {
      labels: rows.map((r) => label('scenario', r.scenario)),
      datasets: [
        {
          label: t('charts.rag.withRag'),
          data: rows.map((r) => r.ragSessions),
          backgroundColor: palette.ragUsed
        },
        {
          label: t('charts.rag.withoutRag'),
          data: rows.map((r) => r.sessions - r.ragSessions),
          backgroundColor: palette.ragNotUsed
        }
      ]
    },
    options: baseOptions(
      palette,
      { x: t('charts.rag.scenario'), y: t('charts.rag.sessions'), stacked: true },
      (item: TooltipItem<SpecType>) =>
        t('charts.rag.byScenarioTooltip', {
          series: item.dataset.label,
          sessions: formatCount(item.parsed.y ?? 0),
          share: formatPct(rows[item.dataIndex]?.ragUsagePct ?? null, 0)
        })
    ),
    columns: [
      { label: t('charts.rag.scenario') },
      { label: t('charts.rag.sessions'), numeric: true },
      { label: t('charts.rag.withRag'), numeric: true },
      { label: t('charts.rag.withoutRag'), numeric: true },
      { label: t('charts.rag.usage'), numeric: true }
    ],
    rows: rows.map((r, i) => ({
      cells: [
        label('scenario', r.scenario),
        formatCount(r.sessions),
        formatCount(r.ragSessions),
        formatCount(r.sessions - r.ragSessions),
        formatPct(r.ragUsagePct, 0)
      ],
      drill: scenarioDrill(i) ?? undefined
    })),
    drill: ({ index, datasetIndex }) =>
      scenarioDrill(index, datasetIndex === null ? undefined : datasetIndex === 0),
    empty: rows.length ? undefined : t('charts.empty')
  }
}
