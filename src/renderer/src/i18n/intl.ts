import { i18next } from './i18n'

// Numbers, dates, durations and language names follow the UI language (not the OS locale), so
// a French screen reads "1 234,5 ms". Formatters are costly to build: one per language and options.

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames
const cache = new Map<string, Formatter>()

function cached<T extends Formatter>(
  kind: string,
  options: object,
  make: (locale: string) => T,
  locale = i18next.resolvedLanguage ?? 'en'
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) {
    format = make(locale)
    cache.set(key, format)
  }
  return format as T
}

export const numberFormat = (options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('n', options, (locale) => new Intl.NumberFormat(locale, options))

/**
 * A number in the UI language's digits and decimals, ungrouped: row numbers, status codes, byte
 * counts and limits read as the file, the service or zod wrote them ("12345", "<=100000").
 */
export const plainNumber = (value: number): string =>
  numberFormat({ useGrouping: false, maximumFractionDigits: 20 }).format(value)

export const dateTimeFormat = (options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  cached('d', options, (locale) => new Intl.DateTimeFormat(locale, options))

/** Languages' names ("es" → "Spanish", "español") in the UI language, or in `locale`. */
export const languageNames = (locale?: string): Intl.DisplayNames =>
  cached('l', {}, (l) => new Intl.DisplayNames([l], { type: 'language', fallback: 'none' }), locale)

/** "2 min 5 s" style durations from milliseconds, in the UI language. */
export function formatDurationMs(ms: number): string {
  const totalSeconds = Math.round(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  const unit = (value: number, u: 'minute' | 'second'): string =>
    numberFormat({ style: 'unit', unit: u, unitDisplay: 'short' }).format(value)
  return minutes > 0
    ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`
    : unit(seconds, 'second')
}
