import type { CallState } from './callState'
import type { LabSession, StoredSession } from '../sessions/labSchema'
import { sessionMetrics } from './sessionMetrics'

/** What the reducer cannot know: classification and naming come from the caller of this. */
export interface SessionMeta {
  sessionId: string
  scenario: string
  sentiment: string
  language: string
  /** Used when no session event reported the model. */
  model?: string
  /** End of the call on the page clock; default `call.ended`, else the last input. */
  endedT?: number
}

type LiveColumns = Pick<
  StoredSession,
  | 'at_ear_p50_ms'
  | 'at_ear_p95_ms'
  | 'backchannels'
  | 'echo_suspects'
  | 'tool_calls'
  | 'tool_ms_p50'
  | 'input_tokens'
  | 'output_tokens'
  | 'cost_usd'
>

/**
 * The lab's row plus the console's live columns and a few more figures. Latency P50/P95 are
 * null when no turn counted (a call hung up before any answer): the store decides how a lab
 * row shows that, a 0 would drag the lab's means down.
 */
export type FinalizedSession = Omit<LabSession, 'latency_p50_ms' | 'latency_p95_ms'> & {
  latency_p50_ms: number | null
  latency_p95_ms: number | null
} & LiveColumns & {
    heard_pct_mean: number | null
    tool_ms_total: number
    counted_turns: number
    caller_turns: number
    overlaps: number
    reconnects: number
    errors: number
    input_text_tokens: number
    input_audio_tokens: number
    cached_input_tokens: number
    output_text_tokens: number
    output_audio_tokens: number
    /** Some responses reported no usage: tokens and cost are lower bounds. */
    usage_partial: boolean
  }

/** The session row at hang-up, from the reducer's final state. */
export function finalizeSession(state: CallState, meta: SessionMeta): FinalizedSession {
  const m = sessionMetrics(state, meta.endedT)
  const tokens = m.tokens
  return {
    session_id: meta.sessionId,
    scenario: meta.scenario,
    duration_sec: m.durationMs === null ? 0 : round(m.durationMs / 1000, 1),
    latency_p50_ms: roundOrNull(m.latency.p50, 1),
    latency_p95_ms: roundOrNull(m.latency.p95, 1),
    interruptions: m.interruptions,
    turns: m.turns,
    sentiment: meta.sentiment,
    model: state.connection.model ?? meta.model ?? '',
    rag_used: m.ragUsed,
    language: meta.language,
    at_ear_p50_ms: roundOrNull(m.atEar.p50, 1),
    at_ear_p95_ms: roundOrNull(m.atEar.p95, 1),
    backchannels: m.backchannels,
    echo_suspects: m.echoSuspects,
    tool_calls: m.toolCalls,
    tool_ms_p50: roundOrNull(m.toolMsP50, 1),
    input_tokens: tokens.inputTokens,
    output_tokens: tokens.outputTokens,
    cost_usd: roundOrNull(m.costUsd, 6),
    heard_pct_mean: roundOrNull(m.heardPctMean, 1),
    tool_ms_total: round(m.toolMsTotal, 1),
    counted_turns: m.countedTurns,
    caller_turns: m.callerTurns,
    overlaps: m.overlaps,
    reconnects: m.reconnects,
    errors: m.errors,
    input_text_tokens: tokens.inputTextTokens,
    input_audio_tokens: tokens.inputAudioTokens,
    cached_input_tokens: tokens.cachedTextTokens + tokens.cachedAudioTokens,
    output_text_tokens: tokens.outputTextTokens,
    output_audio_tokens: tokens.outputAudioTokens,
    usage_partial: tokens.responsesWithoutUsage > 0
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

function roundOrNull(value: number | null, digits: number): number | null {
  return value === null ? null : round(value, digits)
}
