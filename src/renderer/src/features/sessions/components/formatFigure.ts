import { formatFixed, formatLabSeriesValue } from '@shared/analytics/pythonFormat'
import { numberFormat } from '@renderer/i18n'

/** Placeholder for a figure that does not exist (no sessions, or not loaded yet). */
export const NO_FIGURE = '—'

/**
 * Re-prints an already rounded figure with the UI language's decimal mark (89.3 → "89,3" in
 * French). Rounding stays the lab's; no grouping, so English reads exactly as the lab prints.
 */
function localised(rounded: string, digits: number): string {
  const value = Number(rounded)
  if (!Number.isFinite(value)) return rounded
  return numberFormat({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false
  }).format(value)
}

/** A figure rounded as the lab's Python prints it (`f"{x:.Nf}"`), or "—". */
export const formatFigure = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined ? NO_FIGURE : localised(formatFixed(value, digits), digits)

/** Group means (interruptions by sentiment) as the lab's output shows them: 0.625 → 0.63. */
export const formatSeriesFigure = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined
    ? NO_FIGURE
    : localised(formatLabSeriesValue(value, digits), digits)

/** A count with the UI language's digit grouping (100,015; 100 015 in French). */
export const formatCount = (count: number): string => numberFormat().format(count)

/** A whole percentage rounded as the lab does (80 → "80%", "80 %" in French), or "—". */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return NO_FIGURE
  const rounded = Number(formatFixed(pct, 0))
  if (!Number.isFinite(rounded)) return formatFixed(pct, 0)
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(rounded / 100)
}
