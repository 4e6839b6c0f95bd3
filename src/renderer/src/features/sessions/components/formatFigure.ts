import { formatFixed, formatLabSeriesValue } from '@shared/analytics/pythonFormat'

/** Placeholder for a figure that does not exist (no sessions, or not loaded yet). */
export const NO_FIGURE = '—'

/** A figure rounded as the lab's Python prints it (`f"{x:.Nf}"`), or "—". */
export const formatFigure = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined ? NO_FIGURE : formatFixed(value, digits)

export const pluralize = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`

/** Group means (interruptions by sentiment) as the lab's output shows them: 0.625 → 0.63. */
export const formatSeriesFigure = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined ? NO_FIGURE : formatLabSeriesValue(value, digits)

const counts = new Intl.NumberFormat()

/** A count with the user's digit grouping (100,015). */
export const formatCount = (count: number): string => counts.format(count)
