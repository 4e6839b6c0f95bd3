import type { AgentResponse, CallerUtterance, LatencyExclusion, TurnRecord } from './callRecords'
import type { CallState } from './callState'
import { heardOf, speechRates, type SpeechRates } from './heardEstimate'

/** Which turns count toward latency: the one definition, shown in the README. */
export const LATENCY_RULE =
  'A turn counts toward latency P50/P95 when the caller took the floor (a turn or a barge-in, ' +
  'not a backchannel or echo suspect), VAD ended it (speech_stopped), the server answered it ' +
  'automatically in the default conversation, that answer produced audio, did not end failed ' +
  'or incomplete, and the caller did not speak again before the audio started. Latency = ' +
  'speech_stopped → output_audio_buffer.started (when that event is missing: → the first ' +
  'audible remote energy, flagged). Tool answers after function_call_output are reported ' +
  'apart (answer latency), so a turn with a spoken preamble counts the preamble.'

export interface LatencyFacts {
  callerStopT: number | null
  reply: Pick<AgentResponse, 'status' | 'doneT'> | null
  /** Reply audio start: buffer started, else the first audible energy. */
  audioT: number | null
  /** The caller's next speech start after this turn, if any. */
  nextSpeechT: number | null
}

/** The latency rule (LATENCY_RULE) on one turn's facts; null = counts. */
export function latencyExclusion(facts: LatencyFacts): LatencyExclusion | null {
  const { callerStopT, reply, audioT, nextSpeechT } = facts
  if (callerStopT === null) return 'not_vad_ended'
  if (!reply) return 'no_reply'
  const replyOverT = audioT ?? reply.doneT
  if (nextSpeechT !== null && (replyOverT === null || nextSpeechT < replyOverT))
    return 'caller_resumed'
  if (reply.status === 'failed' || reply.status === 'incomplete') return 'reply_failed'
  if (audioT === null) return 'no_audio'
  return null
}

export function countsTowardLatency(turn: Pick<TurnRecord, 'exclusion'>): boolean {
  return turn.exclusion === null
}

export function isFloorTaking(
  u: CallerUtterance
): u is CallerUtterance & { kind: 'turn' | 'barge_in' } {
  return u.kind === 'turn' || u.kind === 'barge_in'
}

/** Lookups built once per derivation, so a long call stays linear. */
export interface TurnContext {
  rates: SpeechRates
  responsesById: ReadonlyMap<string, AgentResponse>
  replyByItem: ReadonlyMap<string, AgentResponse>
  answerByItem: ReadonlyMap<string, AgentResponse>
  toolCallIdsByItem: ReadonlyMap<string, string[]>
  nextSpeechByItem: ReadonlyMap<string, number>
}

export function turnContext(state: CallState): TurnContext {
  const responsesById = new Map<string, AgentResponse>()
  const replyByItem = new Map<string, AgentResponse>()
  const answerByItem = new Map<string, AgentResponse>()
  for (const r of state.responses) {
    responsesById.set(r.id, r)
    if (r.callerItemId === null) continue
    if (r.origin === 'vad' && !replyByItem.has(r.callerItemId)) replyByItem.set(r.callerItemId, r)
    if (r.origin === 'tool_followup' && r.hasAudio && !answerByItem.has(r.callerItemId))
      answerByItem.set(r.callerItemId, r)
  }
  const toolCallIdsByItem = new Map<string, string[]>()
  for (const c of state.toolCalls)
    if (c.callerItemId !== null)
      toolCallIdsByItem.set(c.callerItemId, [
        ...(toolCallIdsByItem.get(c.callerItemId) ?? []),
        c.callId
      ])
  const nextSpeechByItem = new Map<string, number>()
  state.utterances.forEach((u, i) => {
    const next = state.utterances[i + 1]
    if (next) nextSpeechByItem.set(u.itemId, next.startT)
  })
  return {
    rates: speechRates(state.responses, state.config),
    responsesById,
    replyByItem,
    answerByItem,
    toolCallIdsByItem,
    nextSpeechByItem
  }
}

/** Per-turn records of the call so far, in order. */
export function turnRecords(state: CallState): TurnRecord[] {
  const ctx = turnContext(state)
  let index = 0
  const turns: TurnRecord[] = []
  for (const u of state.utterances) if (isFloorTaking(u)) turns.push(buildTurn(u, ++index, ctx))
  return turns
}

/** One turn's record; `index` is its rank among floor-taking utterances. */
export function buildTurn(
  u: CallerUtterance & { kind: 'turn' | 'barge_in' },
  index: number,
  ctx: TurnContext
): TurnRecord {
  const reply = ctx.replyByItem.get(u.itemId) ?? null
  const audioT = reply ? (reply.audioStartT ?? reply.firstAudibleT) : null
  const earT = reply?.firstAudibleT ?? null
  const stop = u.stopT
  const since = (t: number | null): number | null => (t !== null && stop !== null ? t - stop : null)
  const interrupted =
    u.kind === 'barge_in' && u.overAgent
      ? (ctx.responsesById.get(u.overAgent.responseId) ?? null)
      : null
  const answer = ctx.answerByItem.get(u.itemId)
  return {
    index,
    callerItemId: u.itemId,
    sessionId: u.sessionId,
    kind: u.kind,
    transcript: u.transcript,
    language: u.language,
    callerStartT: u.startT,
    callerStopT: stop,
    replyId: reply?.id ?? null,
    agentAudioStartT: reply?.audioStartT ?? null,
    agentAudioEndT: reply?.audioEndT ?? null,
    agentAudioEnd: reply?.audioEnd ?? null,
    firstAudibleT: earT,
    latencyMs: since(audioT),
    latencySource: reply && reply.audioStartT !== null ? 'event' : earT !== null ? 'ear' : null,
    atEarLatencyMs: earT !== null && stop !== null && earT >= stop ? earT - stop : null,
    exclusion: latencyExclusion({
      callerStopT: stop,
      reply,
      audioT,
      nextSpeechT: ctx.nextSpeechByItem.get(u.itemId) ?? null
    }),
    replyCut: reply?.cut ?? null,
    replyHeard: reply ? heardOf(reply, ctx.rates) : null,
    interrupted: interrupted
      ? { responseId: interrupted.id, heard: heardOf(interrupted, ctx.rates) }
      : null,
    toolCallIds: ctx.toolCallIdsByItem.get(u.itemId) ?? [],
    answer: answer
      ? {
          responseId: answer.id,
          audioStartT: answer.audioStartT,
          latencyMs: since(answer.audioStartT)
        }
      : null
  }
}

/**
 * A turn is over when the call ended, a later caller turn took the floor, or every response
 * made for it has finished generating and playing and no tool call still awaits its answer.
 */
export function turnIsOver(state: CallState, u: CallerUtterance): boolean {
  if (state.endedT !== null) return true
  if (state.utterances.some((v) => v.startT > u.startT && isFloorTaking(v))) return true
  if (u.stopT === null) return false
  const mine = state.responses.filter((r) => r.callerItemId === u.itemId && r.origin !== 'client')
  if (mine.length === 0) return false
  const awaiting = state.toolCalls.some(
    (c) => c.callerItemId === u.itemId && c.followUpResponseId === null
  )
  return !awaiting && mine.every((r) => !responsePending(state, r))
}

/**
 * Still generating, playing, or generated with audio that has not started playing yet (a tool
 * answer queued behind its preamble). The last needs buffer events to tell.
 */
function responsePending(state: CallState, r: AgentResponse): boolean {
  if (r.status === 'in_progress') return true
  if (r.audioEnd !== null) return false
  if (r.audioStartT !== null) return true
  return state.audioBufferEvents && r.status === 'completed' && r.hasAudio
}
