import type { TooltipItem } from 'chart.js'
import type { ReportSummary } from '@shared/ipc/routes/reportRoutes'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import { chartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatPct } from './formatReportFigure'

const dayDrill = (day: string): DrillTarget => ({
  label: `sessions of ${day}`,
  filter: { startedFrom: day, startedTo: day }
})

export function overTimeChart(s: ReportSummary): ChartSpec {
  const { days, undatedSessions } = s.overTime
  const undated = undatedSessions
    ? ` ${formatCount(undatedSessions)} sessions without a date (CSV imports and the pilot carry none) are left out.`
    : ''
  return {
    id: 'over-time',
    question: 'Are calls and unhappy callers rising or falling?',
    caption: `Sessions per day (UTC, bars) and the share of them with negative sentiment (%, line).${undated} Click a day to open its sessions.`,
    type: 'bar',
    data: {
      labels: days.map((d) => d.day),
      datasets: [
        {
          label: 'Sessions',
          data: days.map((d) => d.sessions),
          backgroundColor: chartPalette.sessions,
          yAxisID: 'y',
          order: 2
        },
        {
          type: 'line' as const,
          label: 'Negative share (%)',
          data: days.map((d) => d.negativeSharePct),
          borderColor: chartPalette.share,
          backgroundColor: chartPalette.share,
          yAxisID: 'y2',
          order: 1
        }
      ]
    },
    options: baseOptions(
      { x: 'Day (UTC)', y: 'Sessions', y2: 'Negative share (%)' },
      (item: TooltipItem<SpecType>) =>
        item.datasetIndex === 0
          ? `Sessions: ${formatCount(item.parsed.y ?? 0)}`
          : `Negative: ${formatPct(item.parsed.y)} (${formatCount(days[item.dataIndex]?.negativeSessions ?? 0)})`
    ),
    columns: [
      { label: 'Day (UTC)' },
      { label: 'Sessions', numeric: true },
      { label: 'Negative', numeric: true },
      { label: 'Negative share', numeric: true }
    ],
    rows: days.map((d) => ({
      drill: dayDrill(d.day),
      cells: [
        d.day,
        formatCount(d.sessions),
        formatCount(d.negativeSessions),
        formatPct(d.negativeSharePct)
      ]
    })),
    drill: ({ index }) => (days[index] ? dayDrill(days[index].day) : null),
    empty: days.length
      ? undefined
      : `No dated sessions here: dates come with live calls; CSV imports and the pilot carry none.${undatedSessions ? ` ${formatCount(undatedSessions)} sessions are undated.` : ''}`
  }
}
