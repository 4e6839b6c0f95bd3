import { classifyCall } from '../../shared/classify/classifyCall'
import type { CallLabels, TranscriptLine } from '../../shared/classify/modelLabels'
import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { TurnRow } from '../../shared/live-call/recordedCall'
import type { PriceTable } from '../../shared/live-call/callConfig'
import { callMetricsConfig } from '../../shared/live-call/callConfig'
import type { CallInput } from '../../shared/live-call/callEvents'
import { replayCall } from '../../shared/live-call/callReducer'
import type { CallState } from '../../shared/live-call/callState'
import { finalizeSession } from '../../shared/live-call/finalizeSession'
import { transcriptItems } from '../../shared/live-call/liveView'
import type { StoredSession } from '../../shared/sessions/labSchema'
import { turnRows } from './turnRows'

export interface CallFacts {
  sessionId: string
  /** The model named at begin, used when no session event reported one. */
  model: string
  startedAtMs: number
  /** Hang-up time; null after a crash (then: start + the recorded span). */
  endedAtMs: number | null
  pricing: PriceTable | null
  /** A supervisor escalated one of the call's alerts while it ran (sessionEscalation.ts). */
  escalated?: boolean
}

export interface FinalizedCall {
  session: StoredSession
  turns: TurnRow[]
  countedTurns: number
  endedAtMs: number
}

/**
 * The session row and turn rows of a recorded call, from its stored inputs replayed through the
 * same reducer the live screen ran (replayRecorded), then finalizeSession and the offline
 * classifiers.
 *
 * No counted turn (hung up before any answer): latency P50/P95 are written as 0, the v1
 * schema requires numbers, and calls.counted_turns = 0 says that 0 means "none".
 */
export function finalizeReplayedCall(
  state: CallState,
  facts: CallFacts,
  detect: LanguageDetector,
  /** The labelling model's sentiment and scenario; null: the offline lexicons decide. */
  modelLabels: CallLabels | null
): FinalizedCall {
  const labels = { ...classifyCall(callerText(state), detect), ...modelLabels }
  const row = finalizeSession(state, {
    sessionId: facts.sessionId,
    ...labels,
    model: facts.model
  })
  // The page clock's span from the first input to the hang-up (or last input).
  const spanMs =
    state.startedT === null ? 0 : (state.endedT ?? state.lastT ?? state.startedT) - state.startedT
  const endedAtMs = facts.endedAtMs ?? Math.round(facts.startedAtMs + spanMs)
  const session: StoredSession = {
    session_id: row.session_id,
    scenario: row.scenario,
    duration_sec: Math.max(0, row.duration_sec),
    latency_p50_ms: row.latency_p50_ms ?? 0,
    latency_p95_ms: row.latency_p95_ms ?? 0,
    interruptions: row.interruptions,
    turns: row.turns,
    sentiment: row.sentiment,
    model: row.model || facts.model,
    rag_used: row.rag_used,
    language: row.language,
    started_at: new Date(facts.startedAtMs).toISOString(),
    ended_at: new Date(Math.max(endedAtMs, facts.startedAtMs)).toISOString(),
    source: 'live',
    at_ear_p50_ms: row.at_ear_p50_ms,
    at_ear_p95_ms: row.at_ear_p95_ms,
    backchannels: row.backchannels,
    echo_suspects: row.echo_suspects,
    tool_calls: row.tool_calls,
    tool_ms_p50: row.tool_ms_p50,
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    cost_usd: row.cost_usd,
    // Only a supervisor's escalation sets it; otherwise unknown, as for imported rows.
    escalated: facts.escalated ? true : null
  }
  return { session, turns: turnRows(state), countedTurns: row.counted_turns, endedAtMs }
}

/**
 * The recorded inputs through the live reducer. A call recorded without `call.ended` (crash,
 * closed window) gets one at its last input, so open utterances settle as at hang-up.
 */
export function replayRecorded(inputs: readonly CallInput[], facts: CallFacts): CallState {
  const config = callMetricsConfig(facts.pricing ? { prices: facts.pricing } : {})
  return replayCall(withHangUp(inputs), config)
}

/**
 * The call's final transcript for the labelling model: what was said aloud, without echoes of
 * the agent's voice (nor a supervisor's instructions, which the caller never heard).
 */
export function recordedTranscript(state: CallState): TranscriptLine[] {
  return transcriptItems(state).flatMap((item) =>
    item.who === 'agent' || (item.who === 'caller' && item.kind !== 'echo_suspect')
      ? [{ speaker: item.who, text: item.text }]
      : []
  )
}

function withHangUp(inputs: readonly CallInput[]): readonly CallInput[] {
  if (inputs.length === 0 || inputs.some((i) => i.event.type === 'call.ended')) return inputs
  // A loop, not Math.max(...): a long call has more inputs than a call's argument limit.
  let lastT = 0
  for (const input of inputs) lastT = Math.max(lastT, input.t)
  return [...inputs, { t: lastT, event: { type: 'call.ended' } }]
}

/** What the caller said, without the agent's own voice picked up as caller speech. */
function callerText(state: CallState): {
  callerTexts: string[]
  reportedLanguages: (string | null)[]
  toolNames: string[]
} {
  const spoken = state.utterances.filter((u) => u.kind !== 'echo_suspect')
  const texts = spoken.map((u) => (u.transcript ?? u.text).trim())
  return {
    callerTexts: texts.filter((t) => t.length > 0),
    reportedLanguages: spoken.map((u) => u.language),
    toolNames: state.toolCalls.map((c) => c.name)
  }
}
