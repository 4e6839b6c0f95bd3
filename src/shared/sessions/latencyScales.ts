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
 * choice, about twice a typical live call's P95 to first audio, so that only calls a caller
 * would notice stand out (200 ms made every live call slow).
 */
export const SLOW_P95_MS_BY_SCALE: Readonly<Record<LatencyScale, number>> = {
  live: 800,
  imported: SLOW_P95_MS
}
