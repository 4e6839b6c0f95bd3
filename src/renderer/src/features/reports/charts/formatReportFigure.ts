import { formatFixed, formatLabSeriesValue } from '@shared/analytics/pythonFormat'

// Figures print the way the lab's Python prints them: f-strings round half to even
// (formatFixed), group means as pandas shows them (formatLabSeriesValue).
export const NO_FIGURE = '—'
const counts = new Intl.NumberFormat()

export const formatCount = (n: number): string => counts.format(n)
export const formatMs = (ms: number | null): string =>
  ms === null ? NO_FIGURE : `${formatFixed(ms, 1)} ms`
export const formatPct = (pct: number | null, digits = 1): string =>
  pct === null ? NO_FIGURE : `${formatFixed(pct, digits)} %`
export const formatMean = (x: number | null): string =>
  x === null ? NO_FIGURE : formatLabSeriesValue(x, 2)
