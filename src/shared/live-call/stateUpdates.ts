import type { CallState } from './callState'
import type { AgentResponse, CallerUtterance, CallError } from './callRecords'
import type { CallDomainEvent } from './domainEvents'

// Small immutable updates the reducer is built from.

export function emit(s: CallState, event: CallDomainEvent): CallState {
  return { ...s, events: [...s.events, event] }
}

export function findResponse(s: CallState, id: string | null | undefined): AgentResponse | null {
  return id == null ? null : (s.responses.find((r) => r.id === id) ?? null)
}

export function findUtterance(s: CallState, itemId: string): CallerUtterance | null {
  return s.utterances.find((u) => u.itemId === itemId) ?? null
}

export function updateResponse(
  s: CallState,
  id: string,
  change: (r: AgentResponse) => AgentResponse
): CallState {
  return { ...s, responses: s.responses.map((r) => (r.id === id ? change(r) : r)) }
}

export function updateUtterance(
  s: CallState,
  itemId: string,
  change: (u: CallerUtterance) => CallerUtterance
): CallState {
  return { ...s, utterances: s.utterances.map((u) => (u.itemId === itemId ? change(u) : u)) }
}

export function recordError(s: CallState, error: CallError): CallState {
  return emit({ ...s, errors: [...s.errors, error] }, { type: 'error', t: error.t, error })
}

/** A response the reducer had not seen created (missed or filtered `response.created`). */
export function newResponse(
  s: CallState,
  id: string,
  t: number,
  origin: AgentResponse['origin'] = 'vad',
  callerItemId: string | null = null
): AgentResponse {
  return {
    id,
    sessionId: s.connection.sessionId,
    origin,
    callerItemId,
    createdT: t,
    text: '',
    hasAudio: false,
    audioStartT: null,
    firstAudibleT: null,
    audioEndT: null,
    audioEnd: null,
    status: 'in_progress',
    statusReason: null,
    doneT: null,
    outputAudioTokens: null,
    cut: null,
    functionCallIds: []
  }
}

/** The response `id`, created on the fly if unknown. */
export function ensureResponse(s: CallState, id: string, t: number): CallState {
  return findResponse(s, id) ? s : { ...s, responses: [...s.responses, newResponse(s, id, t)] }
}

/**
 * The response whose audio the caller hears now: the one between `output_audio_buffer.started`
 * and `stopped`/`cleared`; in sessions without those events, the last one heard by the ear
 * meter while it is above the noise floor (protocol doc §5 fallback).
 */
export function agentAudioPlaying(s: CallState): AgentResponse | null {
  if (s.playingResponseId !== null) return findResponse(s, s.playingResponseId)
  if (s.audioBufferEvents || !s.earAudible) return null
  for (let i = s.responses.length - 1; i >= 0; i--) {
    const r = s.responses[i]
    if (r && r.firstAudibleT !== null && r.audioEnd === null) return r
  }
  return null
}
