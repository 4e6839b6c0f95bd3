import type { SessionEvent } from './callEvents'
import type { CallState } from './callState'
import { emit } from './stateUpdates'

export function applySession(s: CallState, t: number, e: SessionEvent): CallState {
  const input = e.session.audio?.input
  const transcription =
    input && 'transcription' in input
      ? input.transcription != null
      : s.connection.transcriptionEnabled
  const connection = {
    ...s.connection,
    model: e.session.model ?? s.connection.model,
    transcriptionEnabled: transcription
  }
  if (e.type === 'session.updated') return { ...s, connection }
  const known = e.session.id !== undefined && s.connection.sessionIds.includes(e.session.id)
  if (known) return { ...s, connection }
  // A session without an id still gets one, so its utterances and answers stay apart.
  const id = e.session.id ?? `session-${s.connection.sessionIds.length + 1}`
  const reconnect = s.connection.sessionIds.length > 0
  const next: CallState = {
    ...(reconnect ? dropSessionState(s, t) : s),
    connection: {
      ...connection,
      status: 'connected',
      message: null,
      sessionId: id,
      sessionIds: [...s.connection.sessionIds, id]
    }
  }
  if (!reconnect) return next
  return emit(next, {
    type: 'session.reconnected',
    t,
    sessionId: id,
    reconnects: next.connection.sessionIds.length - 1
  })
}

/**
 * A new session replaces the connection: what was in flight is lost (answers never finish,
 * audio stops), speaking states reset. Utterances and turns stay.
 */
export function dropSessionState(s: CallState, t: number): CallState {
  return {
    ...s,
    responses: s.responses.map((r) => ({
      ...r,
      status: r.status === 'in_progress' ? 'lost' : r.status,
      audioEnd: r.audioStartT !== null && r.audioEnd === null ? 'lost' : r.audioEnd,
      audioEndT: r.audioStartT !== null && r.audioEndT === null ? t : r.audioEndT
    })),
    callerSpeakingItemId: null,
    playingResponseId: null,
    activeResponseId: null,
    earAudible: false,
    pendingCommitItemId: null,
    clientRequests: [],
    pendingToolOutputs: [],
    clientClearT: null,
    clientCancelT: null
  }
}
