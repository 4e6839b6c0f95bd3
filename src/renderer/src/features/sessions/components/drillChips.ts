import type { TFunction } from 'i18next'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { dateTimeFormat, numberFormat } from '@renderer/i18n'

/** The filters only a Reports click-through sets (no control of their own in the filter bar). */
export const DRILL_KEYS = [
  'latencyP50Ms',
  'latencyP95Ms',
  'interruptions',
  'startedFrom',
  'sessionIds'
] as const
export type DrillKey = (typeof DRILL_KEYS)[number]

const n = (value: number): string => numberFormat({ maximumFractionDigits: 1 }).format(value)
const day = (iso: string): string =>
  dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))

function range(t: TFunction<'reports'>, bounds: { min?: number; max?: number }): string {
  if (bounds.min !== undefined && bounds.max !== undefined)
    return bounds.min === bounds.max
      ? n(bounds.min)
      : t('drillChips.between', { min: n(bounds.min), max: n(bounds.max) })
  if (bounds.min !== undefined) return t('drillChips.atLeast', { min: n(bounds.min) })
  return t('drillChips.below', { max: n(bounds.max ?? 0) })
}

/** One chip label per active drill filter, in the UI language; pure, for tests and screens. */
export function drillChipLabels(
  filter: SessionFilter,
  t: TFunction<'reports'>
): { key: DrillKey; label: string }[] {
  const chips: { key: DrillKey; label: string }[] = []
  if (filter.latencyP50Ms)
    chips.push({
      key: 'latencyP50Ms',
      label: t('drillChips.p50', { range: range(t, filter.latencyP50Ms) })
    })
  if (filter.latencyP95Ms)
    chips.push({
      key: 'latencyP95Ms',
      label: t('drillChips.p95', { range: range(t, filter.latencyP95Ms) })
    })
  if (filter.interruptions)
    chips.push({
      key: 'interruptions',
      label: t('drillChips.interruptions', { range: range(t, filter.interruptions) })
    })
  if (filter.startedFrom || filter.startedTo) {
    const { startedFrom: from, startedTo: to } = filter
    chips.push({
      key: 'startedFrom',
      label:
        from && to
          ? from === to
            ? t('drillChips.on', { day: day(from) })
            : t('drillChips.fromTo', { from: day(from), to: day(to) })
          : from
            ? t('drillChips.from', { day: day(from) })
            : t('drillChips.to', { day: day(to!) })
    })
  }
  if (filter.sessionIds)
    chips.push({
      key: 'sessionIds',
      label: t('drillChips.sessions', {
        count: filter.sessionIds.length,
        formatted: numberFormat().format(filter.sessionIds.length)
      })
    })
  return chips
}
