import type { TooltipItem } from 'chart.js'
import type { ReportSummary } from '@shared/ipc/routes/reportRoutes'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import { chartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatMs, formatPct } from './formatReportFigure'
import { thresholdLinePlugin } from './thresholdLinePlugin'

const ragName = (used: boolean): string => (used ? 'With RAG' : 'Without RAG')
const ragDrill = (used: boolean): DrillTarget => ({
  label: `sessions ${used ? 'with' : 'without'} RAG`,
  filter: { ragUsed: used }
})
const NONE = 'No sessions match these filters.'

export function ragLatencyChart(s: ReportSummary): ChartSpec {
  const rows = s.rag
  return {
    id: 'rag-latency',
    question: 'Does retrieval (RAG) slow answers down?',
    caption:
      'Mean P50 and P95 latency (ms) of sessions with and without RAG; dashed line: 200 ms. Click a group to open its sessions.',
    type: 'bar',
    data: {
      labels: rows.map((r) => ragName(r.ragUsed)),
      datasets: [
        { label: 'Mean P50', data: rows.map((r) => r.avgP50Ms), backgroundColor: chartPalette.p50 },
        { label: 'Mean P95', data: rows.map((r) => r.avgP95Ms), backgroundColor: chartPalette.p95 }
      ]
    },
    options: baseOptions(
      { x: 'Retrieval', y: 'Mean latency (ms)' },
      (item: TooltipItem<SpecType>) => `${item.dataset.label}: ${formatMs(item.parsed.y)}`
    ),
    plugins: [
      thresholdLinePlugin({
        scale: 'y',
        value: s.kpis.slowThresholdMs,
        label: `${s.kpis.slowThresholdMs} ms`,
        color: chartPalette.threshold
      })
    ],
    columns: [
      { label: 'Retrieval' },
      { label: 'Sessions', numeric: true },
      { label: 'Mean P50', numeric: true },
      { label: 'Mean P95', numeric: true }
    ],
    rows: rows.map((r) => ({
      cells: [
        ragName(r.ragUsed),
        formatCount(r.sessions),
        formatMs(r.avgP50Ms),
        formatMs(r.avgP95Ms)
      ],
      drill: ragDrill(r.ragUsed)
    })),
    drill: ({ index }) => (rows[index] ? ragDrill(rows[index].ragUsed) : null),
    empty: rows.length ? undefined : NONE
  }
}

export function ragByScenarioChart(s: ReportSummary): ChartSpec {
  const rows = s.byScenario
  const scenarioDrill = (index: number, used?: boolean): DrillTarget | null => {
    const r = rows[index]
    if (!r) return null
    if (used === undefined)
      return { label: `scenario ${r.scenario}`, filter: { scenario: [r.scenario] } }
    return {
      label: `scenario ${r.scenario} ${used ? 'with' : 'without'} RAG`,
      filter: { scenario: [r.scenario], ragUsed: used }
    }
  }
  return {
    id: 'rag-by-scenario',
    question: 'Which scenarios use retrieval (RAG)?',
    caption:
      'Sessions per scenario with and without RAG. Click a bar segment to open those sessions, or elsewhere in the column for the whole scenario.',
    type: 'bar',
    data: {
      labels: rows.map((r) => r.scenario),
      datasets: [
        {
          label: 'With RAG',
          data: rows.map((r) => r.ragSessions),
          backgroundColor: chartPalette.ragUsed
        },
        {
          label: 'Without RAG',
          data: rows.map((r) => r.sessions - r.ragSessions),
          backgroundColor: chartPalette.ragNotUsed
        }
      ]
    },
    options: baseOptions(
      { x: 'Scenario', y: 'Sessions', stacked: true },
      (item: TooltipItem<SpecType>) =>
        `${item.dataset.label}: ${formatCount(item.parsed.y ?? 0)} (${formatPct(rows[item.dataIndex]?.ragUsagePct ?? null, 0)} use RAG)`
    ),
    columns: [
      { label: 'Scenario' },
      { label: 'Sessions', numeric: true },
      { label: 'With RAG', numeric: true },
      { label: 'Without RAG', numeric: true },
      { label: 'RAG usage', numeric: true }
    ],
    rows: rows.map((r, i) => ({
      cells: [
        r.scenario,
        formatCount(r.sessions),
        formatCount(r.ragSessions),
        formatCount(r.sessions - r.ragSessions),
        formatPct(r.ragUsagePct, 0)
      ],
      drill: scenarioDrill(i) ?? undefined
    })),
    drill: ({ index, datasetIndex }) =>
      scenarioDrill(index, datasetIndex === null ? undefined : datasetIndex === 0),
    empty: rows.length ? undefined : NONE
  }
}
