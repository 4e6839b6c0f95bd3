import type { LabReport } from './labReport'
import { formatFixed } from './pythonFormat'

const fmt = (x: number | null, digits: number): string =>
  x === null ? 'n/a' : formatFixed(x, digits)

/** Right-aligned columns, like pandas prints a frame without its index. */
function table(rows: readonly object[], columns: readonly string[], maxRows: number): string[] {
  if (rows.length === 0) return ['(none)']
  const shown = rows.slice(0, maxRows)
  const cells = shown.map((r) => columns.map((c) => String((r as Record<string, unknown>)[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)))
  const line = (values: readonly string[]): string =>
    values.map((v, i) => v.padStart(widths[i]!)).join('  ')
  const out = [line(columns), ...cells.map(line)]
  if (rows.length > shown.length) out.push(`… ${rows.length - shown.length} more`)
  return out
}

/**
 * A pandas Series as the lab shows it. The lab's expected output rounds these by hand, half up
 * (positive 0.625 → 0.63), unlike its f-strings, which round half to even (formatFixed).
 */
const counts = (map: Record<string, number>, digits?: number): string[] => {
  const width = Math.max(0, ...Object.keys(map).map((k) => k.length)) + 4
  return Object.entries(map).map(
    ([k, v]) => k.padEnd(width) + (digits === undefined ? String(v) : v.toFixed(digits))
  )
}

/** The lab's printed report (Parts 3–7), rounded as the lab prints it. */
export function formatLabReport(r: LabReport, maxRows = Infinity): string {
  const s = r.sentiment.counts
  const lines = [
    `Total sessions: ${r.total_sessions}`,
    '',
    '## Latency',
    `Average P50 latency: ${fmt(r.latency.avg_p50_ms, 1)} ms`,
    `Average P95 latency: ${fmt(r.latency.avg_p95_ms, 1)} ms`,
    `Min P50: ${r.latency.min_p50_ms ?? 'n/a'} ms`,
    `Max P50: ${r.latency.max_p50_ms ?? 'n/a'} ms`,
    '',
    `Sessions with P95 > ${r.latency.threshold_ms}ms: ${r.latency.slow_sessions.length}`,
    ...table(r.latency.slow_sessions, ['session_id', 'scenario', 'latency_p95_ms'], maxRows),
    '',
    '## Sentiment',
    'Sentiment Distribution:',
    ...counts(s),
    '',
    `Positive: ${s['positive'] ?? 0} sessions`,
    `Neutral:  ${s['neutral'] ?? 0} sessions`,
    `Negative: ${s['negative'] ?? 0} sessions`,
    '',
    'Negative sessions:',
    ...table(
      r.sentiment.negative_sessions,
      ['session_id', 'scenario', 'duration_sec', 'interruptions'],
      maxRows
    ),
    '',
    '## RAG',
    `RAG used: ${r.rag.used}/${r.total_sessions} sessions (${fmt(r.rag.usage_rate_pct, 0)}%)`,
    `RAG not used: ${r.rag.not_used} sessions`,
    '',
    'Sessions without RAG:',
    ...table(r.rag.sessions_without_rag, ['session_id', 'scenario', 'sentiment'], maxRows),
    '',
    `Avg P50 with RAG:    ${fmt(r.rag.avg_p50_with_rag_ms, 1)} ms`,
    `Avg P50 without RAG: ${fmt(r.rag.avg_p50_without_rag_ms, 1)} ms`,
    '',
    '## Interruptions',
    'Avg interruptions by sentiment:',
    ...counts(r.interruptions.avg_by_sentiment, 2),
    '',
    'High-interruption sessions (≥3):',
    ...table(
      r.interruptions.high_interruption_sessions,
      ['session_id', 'scenario', 'interruptions', 'sentiment'],
      maxRows
    ),
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
  return lines.join('\n') + '\n'
}
