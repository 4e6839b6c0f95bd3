import { SLOW_P95_MS } from './labSchema'
import type { SessionSource } from './sessionSources'

/**
 * Two latencies that share a column but not a definition, so never one scale or threshold:
 * - live: a live call's turns, from the end of the caller's speech to the agent's first audio
 *   (typically ~400 ms);
 * - imported: the lab's latency_p50_ms / latency_p95_ms as its CSV gives them (the pilot's
 *   sample and imports; typically ~90 ms), measured as the lab measures it.
 */
export const LATENCY_SCALES = ['live', 'imported'] as const
export type LatencyScale = (typeof LATENCY_SCALES)[number]

export const latencyScaleOf = (source: SessionSource | string): LatencyScale =>
  source === 'live' ? 'live' : 'imported'

/**
 * P95 above this is "slow", per scale. Imported: the lab's 200 ms. Live: the console's own
 * choice, about twice the ~410 ms a live call typically takes to first audio, so that only
 * calls a caller would notice stand out (200 ms made every live call slow).
 */
export const SLOW_P95_MS_BY_SCALE: Readonly<Record<LatencyScale, number>> = {
  live: 800,
  imported: SLOW_P95_MS
}

/**
 * A row of the Sessions table: the stored session, whether its call counted no turn (its
 * stored latency of 0 then stands for "none": shown as "—", in no latency figure), its alerts
 * and, while searching what was said, the matching words.
 */
export type ListedSession = import('./storedSessionSchema').StoredSession & {
  noCountedTurn?: true
  /** The session's alerts summed up (none: no alert was raised in the call). */
  alerts?: import('./alertSummary').AlertSummary
  /** Where the search's words were said in the call (only while searching what was said). */
  said?: import('./saidSearch').SaidMatch
}

/** P95 above the session's own scale's threshold. */
export const isSlowP95 = (source: string, p95Ms: number): boolean =>
  p95Ms > SLOW_P95_MS_BY_SCALE[latencyScaleOf(source)]
