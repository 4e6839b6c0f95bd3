import type { LabReportView } from './labReport'
import type { Listed } from './listedSessions'
import { formatFixed, formatLabSeriesValue } from './pythonFormat'

const fmt = (x: number | null, digits: number): string =>
  x === null ? 'n/a' : formatFixed(x, digits)

/**
 * Right-aligned columns, like pandas prints a frame without its index. Two passes over the
 * list (widths, then lines), so a million rows are never held as lines at once.
 */
function* table<T extends object>(
  rows: Listed<T>,
  columns: readonly (keyof T & string)[],
  maxRows: number
): Generator<string> {
  if (rows.length === 0) {
    yield '(none)'
    return
  }
  const shown = Math.min(rows.length, maxRows)
  const widths = columns.map((c) => c.length)
  let n = 0
  for (const row of rows) {
    if (n++ >= shown) break
    columns.forEach((c, i) => (widths[i] = Math.max(widths[i]!, String(row[c]).length)))
  }
  const line = (values: readonly string[]): string =>
    values.map((v, i) => v.padStart(widths[i]!)).join('  ')
  yield line(columns)
  n = 0
  for (const row of rows) {
    if (n++ >= shown) break
    yield line(columns.map((c) => String(row[c])))
  }
  if (rows.length > shown) yield `… ${rows.length - shown} more`
}

/** A pandas Series as the lab shows it: value counts, or group means rounded half up. */
const counts = (map: Record<string, number>, digits?: number): string[] => {
  const width = Math.max(0, ...Object.keys(map).map((k) => k.length)) + 4
  return Object.entries(map).map(
    ([k, v]) =>
      k.padEnd(width) + (digits === undefined ? String(v) : formatLabSeriesValue(v, digits))
  )
}

/** The lab's printed report (Parts 3–7), rounded as the lab prints it, line by line. */
export function* labReportLines(r: LabReportView, maxRows = Infinity): Generator<string> {
  const s = r.sentiment.counts
  yield* [
    `Total sessions: ${r.total_sessions}`,
    '',
    '## Latency',
    `Average P50 latency: ${fmt(r.latency.avg_p50_ms, 1)} ms`,
    `Average P95 latency: ${fmt(r.latency.avg_p95_ms, 1)} ms`,
    `Min P50: ${r.latency.min_p50_ms ?? 'n/a'} ms`,
    `Max P50: ${r.latency.max_p50_ms ?? 'n/a'} ms`,
    '',
    `Sessions with P95 > ${r.latency.threshold_ms}ms: ${r.latency.slow_sessions.length}`
  ]
  yield* table(r.latency.slow_sessions, ['session_id', 'scenario', 'latency_p95_ms'], maxRows)
  yield* [
    '',
    '## Sentiment',
    'Sentiment Distribution:',
    ...counts(s),
    '',
    `Positive: ${s['positive'] ?? 0} sessions`,
    `Neutral:  ${s['neutral'] ?? 0} sessions`,
    `Negative: ${s['negative'] ?? 0} sessions`,
    '',
    'Negative sessions:'
  ]
  yield* table(
    r.sentiment.negative_sessions,
    ['session_id', 'scenario', 'duration_sec', 'interruptions'],
    maxRows
  )
  yield* [
    '',
    '## RAG',
    `RAG used: ${r.rag.used}/${r.total_sessions} sessions (${fmt(r.rag.usage_rate_pct, 0)}%)`,
    `RAG not used: ${r.rag.not_used} sessions`,
    '',
    'Sessions without RAG:'
  ]
  yield* table(r.rag.sessions_without_rag, ['session_id', 'scenario', 'sentiment'], maxRows)
  yield* [
    '',
    `Avg P50 with RAG:    ${fmt(r.rag.avg_p50_with_rag_ms, 1)} ms`,
    `Avg P50 without RAG: ${fmt(r.rag.avg_p50_without_rag_ms, 1)} ms`,
    '',
    '## Interruptions',
    'Avg interruptions by sentiment:',
    ...counts(r.interruptions.avg_by_sentiment, 2),
    '',
    'High-interruption sessions (≥3):'
  ]
  yield* table(
    r.interruptions.high_interruption_sessions,
    ['session_id', 'scenario', 'interruptions', 'sentiment'],
    maxRows
  )
  yield* [
    '',
    '## Language',
    'Language Distribution:',
    ...counts(r.language.counts),
    ...Object.entries(r.language.by_language).flatMap(([lang, l]) => [
      '',
      `${lang.toUpperCase()}: ${l.sessions} sessions, avg P50=${formatFixed(l.avg_p50_ms, 1)}ms, ` +
        `avg sentiment: ${l.mode_sentiment}`
    ])
  ]
}

export const formatLabReport = (r: LabReportView, maxRows = Infinity): string =>
  [...labReportLines(r, maxRows)].join('\n') + '\n'
