import { formatFixed, formatLabSeriesValue } from '@shared/analytics/pythonFormat'
import { numberFormat } from '@renderer/i18n'

// Figures print the way the lab's Python prints them: f-strings round half to even
// (formatFixed), group means as pandas shows them (formatLabSeriesValue); then only the decimal
// mark follows the UI language, so the digits stay the lab's in every language.
export const NO_FIGURE = '—'

/** Each language's decimal mark, found once per formatter (charts print thousands of figures). */
const marks = new WeakMap<Intl.NumberFormat, string>()
function decimalMark(): string {
  const format = numberFormat()
  let mark = marks.get(format)
  if (mark === undefined) {
    mark = format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
    marks.set(format, mark)
  }
  return mark
}

/** The lab's digits with the UI language's decimal mark. */
const localDecimal = (digits: string): string => {
  const mark = decimalMark()
  return mark === '.' ? digits : digits.replace('.', mark)
}

export const formatCount = (n: number): string => numberFormat().format(n)
export const formatMs = (ms: number | null): string =>
  ms === null ? NO_FIGURE : `${localDecimal(formatFixed(ms, 1))} ms`
export const formatPct = (pct: number | null, digits = 1): string =>
  pct === null ? NO_FIGURE : `${localDecimal(formatFixed(pct, digits))} %`
export const formatMean = (x: number | null): string =>
  x === null ? NO_FIGURE : localDecimal(formatLabSeriesValue(x, 2))
