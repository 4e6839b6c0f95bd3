import type { TooltipItem } from 'chart.js'
import type { TFunction } from 'i18next'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'
import { formatCount, formatPct } from './formatReportFigure'

type T = TFunction<'reports'>

const dayDrill = (t: T, day: string): DrillTarget => ({
  label: t('charts.overTime.drill', { day }),
  filter: { startedFrom: day, startedTo: day }
})

export function overTimeChart(s: ReportSummary, t: T, palette: ChartPalette): ChartSpec {
  const { days, undatedSessions } = s.overTime
  const undated = undatedSessions
    ? ` ${t('charts.overTime.undatedLeftOut', { count: undatedSessions, sessions: formatCount(undatedSessions) })}`
    : ''
  return {
    id: 'over-time',
    question: t('charts.overTime.question'),
    caption: t('charts.overTime.caption', { undated }),
    type: 'bar',
    data: {
      labels: days.map((d) => d.day),
      datasets: [
        {
          label: t('charts.overTime.sessions'),
          data: days.map((d) => d.sessions),
          backgroundColor: palette.sessions,
          yAxisID: 'y',
          order: 2
        },
        {
          type: 'line' as const,
          label: t('charts.overTime.negativeSharePct'),
          data: days.map((d) => d.negativeSharePct),
          borderColor: palette.share,
          backgroundColor: palette.share,
          yAxisID: 'y2',
          order: 1
        }
      ]
    },
    options: baseOptions(
      palette,
      {
        x: t('charts.overTime.day'),
        y: t('charts.overTime.sessions'),
        y2: t('charts.overTime.negativeSharePct')
      },
      (item: TooltipItem<SpecType>) =>
        item.datasetIndex === 0
          ? t('charts.overTime.sessionsTooltip', { sessions: formatCount(item.parsed.y ?? 0) })
          : t('charts.overTime.negativeTooltip', {
              share: formatPct(item.parsed.y),
              sessions: formatCount(days[item.dataIndex]?.negativeSessions ?? 0)
            })
    ),
    columns: [
      { label: t('charts.overTime.day') },
      { label: t('charts.overTime.sessions'), numeric: true },
      { label: t('charts.overTime.negative'), numeric: true },
      { label: t('charts.overTime.negativeShare'), numeric: true }
    ],
    rows: days.map((d) => ({
      drill: dayDrill(t, d.day),
      cells: [
        d.day,
        formatCount(d.sessions),
        formatCount(d.negativeSessions),
        formatPct(d.negativeSharePct)
      ]
    })),
    drill: ({ index }) => (days[index] ? dayDrill(t, days[index].day) : null),
    empty: days.length
      ? undefined
      : t('charts.overTime.empty') +
        (undatedSessions
          ? ` ${t('charts.overTime.undated', { count: undatedSessions, sessions: formatCount(undatedSessions) })}`
          : '')
  }
}
