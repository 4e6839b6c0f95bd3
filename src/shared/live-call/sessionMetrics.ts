import type { CallState } from './callState'
import { countsAsInterruption } from './classifyUtterance'
import { heardOf, speechRates } from './heardEstimate'
import { percentile } from './percentile'
import type { TurnRecord } from './callRecords'
import { countsTowardLatency, isFloorTaking, turnRecords } from './turnRecords'
import type { TokenTotals } from './usageCost'
import { estimateCallCostUsd } from './usageCost'

export interface Percentiles {
  p50: number | null
  p95: number | null
}

/** The call's figures so far (live: running P50/P95; at hang-up: the session row). */
export interface CallMetrics {
  durationMs: number | null
  /** Speaker turns, both parties (see speakerTurns). */
  turns: number
  /** Caller utterances that took the floor (turns and barge-ins). */
  callerTurns: number
  countedTurns: number
  latency: Percentiles
  atEar: Percentiles
  interruptions: number
  backchannels: number
  echoSuspects: number
  overlaps: number
  toolCalls: number
  toolFailures: number
  toolZeroResults: number
  toolMsTotal: number
  toolMsP50: number | null
  ragUsed: boolean
  /** Mean share heard of the answers that played (100 for one played out); null if none. */
  heardPctMean: number | null
  tokens: TokenTotals
  costUsd: number | null
  errors: number
  reconnects: number
}

/** Latencies of the turns that count (LATENCY_RULE), in turn order. */
export function countedLatencies(turns: readonly TurnRecord[]): number[] {
  return turns.flatMap((turn) =>
    countsTowardLatency(turn) && turn.latencyMs !== null ? [turn.latencyMs] : []
  )
}

/** At-ear latencies of the same counted turns, where the ear meter heard the answer. */
export function countedAtEarLatencies(turns: readonly TurnRecord[]): number[] {
  return turns.flatMap((turn) =>
    countsTowardLatency(turn) && turn.atEarLatencyMs !== null ? [turn.atEarLatencyMs] : []
  )
}

/**
 * Speaker turns, the lab's `turns`: each time the floor passes from one party to the other,
 * counted over caller utterances that took the floor and agent answers that played audio.
 * Backchannels and echo do not take the floor; a spoken preamble and its tool answer are one
 * agent turn.
 */
export function speakerTurns(state: CallState): number {
  const floor: { t: number; who: 'caller' | 'agent' }[] = []
  for (const u of state.utterances) if (isFloorTaking(u)) floor.push({ t: u.startT, who: 'caller' })
  for (const r of state.responses) {
    const t = r.audioStartT ?? r.firstAudibleT
    if (t !== null) floor.push({ t, who: 'agent' })
  }
  floor.sort((a, b) => a.t - b.t)
  return floor.filter((f, i) => i === 0 || floor[i - 1]?.who !== f.who).length
}

export function sessionMetrics(state: CallState, endT?: number): CallMetrics {
  const turns = turnRecords(state)
  const latencies = countedLatencies(turns)
  const atEar = countedAtEarLatencies(turns)
  const finishedTools = state.toolCalls.flatMap((c) => (c.result ? [c.result] : []))
  const toolMs = finishedTools.map((r) => r.ms)
  const catalog = new Set(state.config.catalogTools)
  const rates = speechRates(state.responses, state.config)
  const heardPcts = state.responses.flatMap((r) => {
    const pct = heardOf(r, rates)?.heardPct ?? null
    return pct === null ? [] : [pct]
  })
  const end = endT ?? state.endedT ?? state.lastT
  const kinds = (kind: string): number => state.utterances.filter((u) => u.kind === kind).length
  return {
    durationMs: state.startedT !== null && end !== null ? end - state.startedT : null,
    turns: speakerTurns(state),
    callerTurns: turns.length,
    countedTurns: latencies.length,
    latency: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    atEar: { p50: percentile(atEar, 0.5), p95: percentile(atEar, 0.95) },
    interruptions: state.utterances.filter(countsAsInterruption).length,
    backchannels: kinds('backchannel'),
    echoSuspects: kinds('echo_suspect'),
    overlaps: kinds('overlap'),
    toolCalls: state.toolCalls.length,
    toolFailures: finishedTools.filter((r) => !r.ok).length,
    toolZeroResults: finishedTools.filter((r) => r.ok && r.resultCount === 0).length,
    toolMsTotal: toolMs.reduce((a, b) => a + b, 0),
    toolMsP50: percentile(toolMs, 0.5),
    ragUsed: state.toolCalls.some((c) => c.result?.ok === true && catalog.has(c.name)),
    heardPctMean:
      heardPcts.length === 0 ? null : heardPcts.reduce((a, b) => a + b, 0) / heardPcts.length,
    tokens: state.tokens,
    costUsd: estimateCallCostUsd(
      state.tokens,
      state.live?.audioSeconds ?? null,
      state.config.prices
    ),
    errors: state.errors.length,
    reconnects: Math.max(0, state.connection.sessionIds.length - 1)
  }
}
