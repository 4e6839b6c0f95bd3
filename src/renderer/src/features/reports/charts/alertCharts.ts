import type { TFunction } from 'i18next'
import type { TooltipItem } from 'chart.js'
import type { ReportAlerts } from '@shared/analytics/reportSchemas'
import { RULE_IDS, RULES } from '@shared/escalation/rules'
import { numberFormat } from '@renderer/i18n'
import type { DrillTarget } from '../drillDown'
import { baseOptions } from './baseOptions'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec, SpecType } from './chartSpec'

type T = TFunction<'reports'>

const count = (n: number): string => numberFormat().format(n)
export const ruleLabel = (t: T, rule: string): string =>
  t(`alerts.rules.${rule}`, { defaultValue: RULES[rule as keyof typeof RULES]?.label ?? rule })

/** A bar's calls as a Sessions id filter; null when there are too many to list. */
const idsDrill = (label: string, ids: string[] | null): DrillTarget | undefined =>
  ids && ids.length > 0 ? { label, filter: { sessionIds: ids } } : undefined

/** Alerts per UTC day, one stacked bar segment per rule. */
export function alertsPerDayChart(a: ReportAlerts, t: T, palette: ChartPalette): ChartSpec {
  const days = [...new Set(a.perDay.map((d) => d.day))]
  const known = RULE_IDS.filter((rule) => a.perDay.some((d) => d.rule === rule))
  const rules = [
    ...known,
    ...new Set(a.perDay.map((d) => d.rule).filter((r) => !(known as string[]).includes(r)))
  ]
  const cell = (day: string, rule: string): ReportAlerts['perDay'][number] | undefined =>
    a.perDay.find((d) => d.day === day && d.rule === rule)
  return {
    id: 'alerts-per-day',
    question: t('alerts.perDay.question'),
    caption: t('alerts.perDay.caption'),
    type: 'bar',
    data: {
      labels: days,
      datasets: rules.map((rule) => ({
        label: ruleLabel(t, rule),
        data: days.map((day) => cell(day, rule)?.alerts ?? 0),
        backgroundColor: palette.rule(rule)
      }))
    },
    options: baseOptions(
      palette,
      { x: t('alerts.perDay.x'), y: t('alerts.perDay.y'), stacked: true, integerY: true },
      (item: TooltipItem<SpecType>) =>
        t('alerts.perDay.tooltip', {
          rule: item.dataset.label ?? '',
          count: item.parsed.y ?? 0,
          formatted: count(item.parsed.y ?? 0)
        })
    ),
    columns: [
      { label: t('alerts.perDay.day') },
      { label: t('alerts.perDay.rule') },
      { label: t('alerts.perDay.alerts'), numeric: true },
      { label: t('alerts.perDay.sessions'), numeric: true }
    ],
    rows: a.perDay.map((d) => ({
      cells: [d.day, ruleLabel(t, d.rule), count(d.alerts), count(d.sessions)],
      drill: idsDrill(`${ruleLabel(t, d.rule)} · ${d.day}`, d.sessionIds)
    })),
    drill: ({ index, datasetIndex }) => {
      const day = days[index]
      const rule = datasetIndex === null ? undefined : rules[datasetIndex]
      if (day === undefined) return null
      // A click on the column but off a segment opens that day's alerted calls of every rule.
      const ids = rule
        ? (cell(day, rule)?.sessionIds ?? null)
        : a.perDay
            .filter((d) => d.day === day)
            .reduce<string[] | null>(
              (all, d) => (all && d.sessionIds ? [...new Set([...all, ...d.sessionIds])] : null),
              []
            )
      return idsDrill(rule ? `${ruleLabel(t, rule)} · ${day}` : day, ids) ?? null
    },
    empty: a.perDay.length ? undefined : t('alerts.empty')
  }
}

/** A bin bound in its natural unit: "30 sec", "2 min" (formatDurationMs would say "2 min 0 sec"). */
const bound = (ms: number): string =>
  numberFormat({
    style: 'unit',
    unit: ms >= 60_000 && ms % 60_000 === 0 ? 'minute' : 'second',
    unitDisplay: 'short'
  }).format(ms >= 60_000 && ms % 60_000 === 0 ? ms / 60_000 : ms / 1000)

/** How long supervisors took to act on a call's first alert, in bins. */
export function firstActionChart(a: ReportAlerts, t: T, palette: ChartPalette): ChartSpec {
  const { bins } = a.firstAction
  const binLabel = (b: (typeof bins)[number]): string =>
    b.toMs === null
      ? t('alerts.firstAction.atLeast', { from: bound(b.fromMs) })
      : t('alerts.firstAction.range', { from: bound(b.fromMs), to: bound(b.toMs) })
  return {
    id: 'alerts-first-action',
    question: t('alerts.firstAction.question'),
    caption: t('alerts.firstAction.caption', { count: a.firstAction.unactedSessions }),
    type: 'bar',
    data: {
      labels: bins.map(binLabel),
      datasets: [
        {
          label: t('alerts.firstAction.y'),
          data: bins.map((b) => b.sessions),
          backgroundColor: palette.sessions
        }
      ]
    },
    options: baseOptions(palette, {
      x: t('alerts.firstAction.x'),
      y: t('alerts.firstAction.y'),
      integerY: true
    }),
    columns: [
      { label: t('alerts.firstAction.x') },
      { label: t('alerts.firstAction.y'), numeric: true }
    ],
    rows: bins.map((b) => ({
      cells: [binLabel(b), count(b.sessions)],
      drill: idsDrill(binLabel(b), b.sessionIds)
    })),
    drill: ({ index }) => {
      const bin = bins[index]
      return bin ? (idsDrill(binLabel(bin), bin.sessionIds) ?? null) : null
    },
    empty: a.firstAction.actedSessions ? undefined : t('alerts.firstAction.empty')
  }
}
