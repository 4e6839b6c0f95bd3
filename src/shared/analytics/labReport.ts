import { HIGH_INTERRUPTIONS, LabSession, SLOW_P95_MS } from '../sessions/labSchema'
import type { LabReport } from './labReportSchema'
import { Listed, ListedSessions } from './listedSessions'
import { pandasMode } from './pandasMode'

export type Lists = {
  slow: LabReport['latency']['slow_sessions'][number]
  negative: LabReport['sentiment']['negative_sessions'][number]
  withoutRag: LabReport['rag']['sessions_without_rag'][number]
  high: LabReport['interruptions']['high_interruption_sessions'][number]
}

/** The report with its session lists as iterables: what the streaming CLI writers read. */
export interface LabReportView {
  total_sessions: number
  latency: Omit<LabReport['latency'], 'slow_sessions'> & { slow_sessions: Listed<Lists['slow']> }
  sentiment: Omit<LabReport['sentiment'], 'negative_sessions'> & {
    negative_sessions: Listed<Lists['negative']>
  }
  rag: Omit<LabReport['rag'], 'sessions_without_rag'> & {
    sessions_without_rag: Listed<Lists['withoutRag']>
  }
  interruptions: Omit<LabReport['interruptions'], 'high_interruption_sessions'> & {
    high_interruption_sessions: Listed<Lists['high']>
  }
  language: LabReport['language']
}

export interface LabListedTotals {
  slow_sessions: number
  negative_sessions: number
  sessions_without_rag: number
  high_interruption_sessions: number
}

export interface Sum {
  n: number
  total: number
}
const mean = (s: Sum | undefined): number | null => (s && s.n > 0 ? s.total / s.n : null)
const addTo = <K>(map: Map<K, Sum>, key: K, value: number): void => {
  const s = map.get(key) ?? { n: 0, total: 0 }
  s.n++
  s.total += value
  map.set(key, s)
}
/** value_counts order: most frequent first, ties by value. */
const valueCounts = (counts: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)))

/** The fields each listed table carries, in the order the report writes them. */
export const LISTED_FIELDS = {
  slow: ['session_id', 'scenario', 'latency_p95_ms'],
  negative: ['session_id', 'scenario', 'duration_sec', 'interruptions'],
  withoutRag: ['session_id', 'scenario', 'sentiment'],
  high: ['session_id', 'scenario', 'interruptions', 'sentiment']
} as const satisfies { [K in keyof Lists]: readonly (keyof Lists[K] & keyof LabSession)[] }

/**
 * The lab's Parts 3–7 over any stream of sessions, in one pass and bounded memory (only the
 * listed sessions are kept). Semantics follow the lab's pandas code: figures are means of the
 * per-session columns, P95 > 200 ms is slow, ≥ 3 interruptions is high.
 */
export class LabReportAccumulator {
  private total = 0
  private readonly p50: Sum = { n: 0, total: 0 }
  private readonly p95: Sum = { n: 0, total: 0 }
  private minP50 = Infinity
  private maxP50 = -Infinity
  private readonly slow = new ListedSessions(LISTED_FIELDS.slow)
  private readonly sentiments = new Map<string, number>()
  private readonly negative = new ListedSessions(LISTED_FIELDS.negative)
  private readonly ragP50 = new Map<boolean, Sum>()
  private readonly withoutRag = new ListedSessions(LISTED_FIELDS.withoutRag)
  private readonly interruptionsBySentiment = new Map<string, Sum>()
  private readonly high = new ListedSessions(LISTED_FIELDS.high)
  private readonly languageP50 = new Map<string, Sum>() // insertion order = pandas unique()
  private readonly languageSentiments = new Map<string, Map<string, number>>()

  add(s: LabSession): void {
    this.total++
    this.p50.n++
    this.p50.total += s.latency_p50_ms
    this.p95.n++
    this.p95.total += s.latency_p95_ms
    this.minP50 = Math.min(this.minP50, s.latency_p50_ms)
    this.maxP50 = Math.max(this.maxP50, s.latency_p50_ms)
    if (s.latency_p95_ms > SLOW_P95_MS) this.slow.push(s)
    this.sentiments.set(s.sentiment, (this.sentiments.get(s.sentiment) ?? 0) + 1)
    if (s.sentiment === 'negative') this.negative.push(s)
    addTo(this.ragP50, s.rag_used, s.latency_p50_ms)
    if (!s.rag_used) this.withoutRag.push(s)
    addTo(this.interruptionsBySentiment, s.sentiment, s.interruptions)
    if (s.interruptions >= HIGH_INTERRUPTIONS) this.high.push(s)
    addTo(this.languageP50, s.language, s.latency_p50_ms)
    const perLanguage = this.languageSentiments.get(s.language) ?? new Map<string, number>()
    perLanguage.set(s.sentiment, (perLanguage.get(s.sentiment) ?? 0) + 1)
    this.languageSentiments.set(s.language, perLanguage)
  }

  /**
   * The report with its lists materialised, each cut to its first `maxListed` sessions (by id)
   * so a screen can show a 100k-session subset without receiving every listed session.
   */
  result(maxListed = Infinity): LabReport {
    const view = this.view()
    const first = <T>(list: Iterable<T>): T[] => {
      const out: T[] = []
      for (const item of list) {
        if (out.length >= maxListed) break
        out.push(item)
      }
      return out
    }
    return {
      ...view,
      latency: { ...view.latency, slow_sessions: first(view.latency.slow_sessions) },
      sentiment: { ...view.sentiment, negative_sessions: first(view.sentiment.negative_sessions) },
      rag: { ...view.rag, sessions_without_rag: first(view.rag.sessions_without_rag) },
      interruptions: {
        ...view.interruptions,
        high_interruption_sessions: first(view.interruptions.high_interruption_sessions)
      }
    }
  }

  /** result(maxListed) with how long each list really is. */
  page(maxListed: number): LabReportPage {
    return { ...this.result(maxListed), listed_totals: this.listedTotals() }
  }

  /** How many sessions each list holds, whatever result() cut. */
  listedTotals(): LabListedTotals {
    return {
      slow_sessions: this.slow.length,
      negative_sessions: this.negative.length,
      sessions_without_rag: this.withoutRag.length,
      high_interruption_sessions: this.high.length
    }
  }

  /** The report with lists left as iterables, for writers that stream millions of rows. */
  view(): LabReportView {
    return labReportView({
      total: this.total,
      p50: this.p50,
      p95: this.p95,
      minP50: this.minP50,
      maxP50: this.maxP50,
      slow: this.slow,
      sentiments: this.sentiments,
      negative: this.negative,
      ragP50: this.ragP50,
      withoutRag: this.withoutRag,
      interruptionsBySentiment: this.interruptionsBySentiment,
      high: this.high,
      languageP50: this.languageP50,
      languageSentiments: this.languageSentiments
    })
  }
}

/**
 * What a report is made of; LabReportAccumulator keeps exactly this, and other accumulators
 * (the CLI's columnar one) hand it over so that both build the report in this one place.
 */
export interface LabReportParts {
  total: number
  p50: Sum
  p95: Sum
  minP50: number
  maxP50: number
  slow: Listed<Lists['slow']>
  sentiments: ReadonlyMap<string, number>
  negative: Listed<Lists['negative']>
  ragP50: ReadonlyMap<boolean, Sum>
  withoutRag: Listed<Lists['withoutRag']>
  interruptionsBySentiment: ReadonlyMap<string, Sum>
  high: Listed<Lists['high']>
  /** In the order the languages first appear (pandas unique()). */
  languageP50: ReadonlyMap<string, Sum>
  languageSentiments: ReadonlyMap<string, ReadonlyMap<string, number>>
}

export function labReportView(parts: LabReportParts): LabReportView {
  const used = parts.ragP50.get(true)?.n ?? 0
  const total = parts.total
  const sortedKeys = [...parts.interruptionsBySentiment.keys()].sort()
  return {
    total_sessions: total,
    latency: {
      avg_p50_ms: mean(parts.p50),
      avg_p95_ms: mean(parts.p95),
      min_p50_ms: total ? parts.minP50 : null,
      max_p50_ms: total ? parts.maxP50 : null,
      threshold_ms: SLOW_P95_MS,
      slow_sessions: parts.slow
    },
    sentiment: {
      counts: valueCounts(parts.sentiments),
      negative_sessions: parts.negative
    },
    rag: {
      used,
      not_used: total - used,
      usage_rate_pct: total ? (used / total) * 100 : null,
      avg_p50_with_rag_ms: mean(parts.ragP50.get(true)),
      avg_p50_without_rag_ms: mean(parts.ragP50.get(false)),
      sessions_without_rag: parts.withoutRag
    },
    interruptions: {
      // groupby() sorts its keys
      avg_by_sentiment: Object.fromEntries(
        sortedKeys.map((k) => [k, mean(parts.interruptionsBySentiment.get(k)) ?? 0])
      ),
      high_interruption_sessions: parts.high
    },
    language: {
      counts: valueCounts(new Map([...parts.languageP50].map(([k, s]) => [k, s.n]))),
      by_language: Object.fromEntries(
        [...parts.languageP50].map(([lang, s]) => [
          lang,
          {
            sessions: s.n,
            avg_p50_ms: s.total / s.n,
            mode_sentiment: pandasMode(parts.languageSentiments.get(lang) ?? new Map()) ?? ''
          }
        ])
      )
    }
  }
}

export function computeLabReport(sessions: Iterable<LabSession>): LabReport {
  const acc = new LabReportAccumulator()
  for (const s of sessions) acc.add(s)
  return acc.result()
}

/** What a screen gets: lists cut to `maxListed` sessions, and how long they really are. */
export function computeLabReportPage(
  sessions: Iterable<LabSession>,
  maxListed: number
): LabReportPage {
  const acc = new LabReportAccumulator()
  for (const s of sessions) acc.add(s)
  return acc.page(maxListed)
}

export type LabReportPage = LabReport & { listed_totals: LabListedTotals }

// The lab's three bug-fix exercises (broken_voice.py), answered by the same implementation.
type Sample = Iterable<LabSession>
export const averageP95Latency = (s: Sample): number | null =>
  computeLabReport(s).latency.avg_p95_ms
export const countNegativeSessions = (s: Sample): number =>
  computeLabReport(s).sentiment.counts['negative'] ?? 0
export const ragUsageRatePct = (s: Sample): number | null => computeLabReport(s).rag.usage_rate_pct

export type { LabReport } from './labReportSchema'
