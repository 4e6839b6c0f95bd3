import type { ClientCallEvent, LocalObservation, ToolResultObservation } from './callEvents'
import type { CallState, ClientRequest } from './callState'
import type { ToolCallRecord } from './callRecords'
import { parseJson } from './responseLifecycle'
import { dropSessionState } from './sessionLifecycle'
import { emit, recordError, updateResponse } from './stateUpdates'

/** What the console sent: needed to tell its own stops and requests from the caller's doing. */
export function applyClientEvent(s: CallState, t: number, e: ClientCallEvent): CallState {
  switch (e.type) {
    case 'response.cancel':
      return { ...s, clientCancelT: t }
    case 'output_audio_buffer.clear':
      return { ...s, clientClearT: t }
    case 'conversation.item.create': {
      if (e.item.type === 'message' && e.item.role === 'system') {
        const text = (e.item.content ?? [])
          .map((part) => part.text ?? '')
          .join(' ')
          .trim()
        return text ? { ...s, instructions: [...s.instructions, { t, text }] } : s
      }
      const callId = e.item.call_id
      if (e.item.type !== 'function_call_output' || callId === undefined) return s
      return {
        ...s,
        toolCalls: s.toolCalls.map((c) =>
          c.callId === callId ? { ...c, outputSentT: c.outputSentT ?? t } : c
        ),
        pendingToolOutputs: [...s.pendingToolOutputs, callId]
      }
    }
    case 'response.create': {
      // A filler (conversation "none") does not answer the tool outputs waiting to be answered.
      if (e.response?.conversation === 'none')
        return { ...s, clientRequests: [...s.clientRequests, request(t, 'out_of_band', null, [])] }
      const callIds = s.pendingToolOutputs
      const firstCall = s.toolCalls.find((c) => c.callId === callIds[0])
      const origin = callIds.length > 0 ? 'tool_followup' : 'client'
      return {
        ...s,
        clientRequests: [
          ...s.clientRequests,
          request(t, origin, firstCall?.callerItemId ?? null, callIds)
        ],
        pendingToolOutputs: []
      }
    }
  }
}

function request(
  t: number,
  origin: ClientRequest['origin'],
  callerItemId: string | null,
  callIds: string[]
): ClientRequest {
  return { t, origin, callerItemId, callIds }
}

export function applyLocalObservation(s: CallState, t: number, e: LocalObservation): CallState {
  switch (e.type) {
    case 'remote_audio.audible':
      return earOnset({ ...s, earAudible: true }, t)
    case 'remote_audio.silent':
      return { ...s, earAudible: false }
    case 'tool.result':
      return toolResult(s, t, e)
    case 'connection.state': {
      const next = {
        ...s,
        connection: { ...s.connection, status: e.state, message: e.message ?? null }
      }
      if (e.state !== 'failed') return next
      return recordError(next, {
        t,
        source: 'connection',
        type: 'connection_failed',
        code: null,
        message: e.message ?? 'Connection failed'
      })
    }
    // A gateway's record of a supervisor's command (its effects arrive as events of their own)
    // and of a gap in its sideband (what the sideband missed cannot be replayed). The page's
    // microphone VAD is read by the GPT-Live adapter (liveAdapter.ts), which turns it into
    // caller speech.
    case 'mic.speech_started':
    case 'mic.speech_stopped':
    case 'sideband.joined':
    case 'supervisor.command':
    case 'gateway.reattached':
    case 'gateway.handed_over':
    case 'clock.tick':
      return s
    case 'sentiment.read':
      return emit(s, {
        type: 'caller.sentiment',
        t,
        itemId: e.item_id,
        negative: e.negative,
        cue: e.cue
      })
    case 'call.ended': {
      if (s.endedT !== null) return s
      const dropped = dropSessionState(s, t)
      return { ...dropped, endedT: t, connection: { ...dropped.connection, status: 'closed' } }
    }
  }
}

/**
 * First audible energy of an answer: the playing response, or the newest one that may still
 * produce audio (the ear can hear it before `output_audio_buffer.started` arrives). Later
 * onsets (pauses inside an answer) change nothing.
 */
function earOnset(s: CallState, t: number): CallState {
  const playing = s.responses.find((r) => r.id === s.playingResponseId)
  if (playing && playing.firstAudibleT !== null) return s
  const target =
    playing ??
    [...s.responses]
      .reverse()
      .find(
        (r) =>
          r.sessionId === s.connection.sessionId &&
          r.firstAudibleT === null &&
          r.audioEnd === null &&
          (r.status === 'in_progress' || r.hasAudio)
      )
  if (!target || target.firstAudibleT !== null) return s
  return updateResponse(s, target.id, (r) => ({ ...r, firstAudibleT: t }))
}

function toolResult(s: CallState, t: number, e: ToolResultObservation): CallState {
  const result = {
    t,
    ok: e.ok,
    ms: e.ms,
    resultBytes: e.result_bytes,
    resultCount: e.result_count ?? null,
    error: e.ok ? null : (e.error ?? 'Tool failed')
  }
  const known = s.toolCalls.find((c) => c.callId === e.call_id)
  const call: ToolCallRecord = known
    ? { ...known, result }
    : {
        callId: e.call_id,
        name: e.name,
        arguments: e.arguments ?? '',
        args: parseJson(e.arguments ?? ''),
        responseId: null,
        callerItemId: null,
        requestedT: t - e.ms,
        result,
        outputSentT: null,
        followUpResponseId: null
      }
  const toolCalls = known
    ? s.toolCalls.map((c) => (c.callId === e.call_id ? call : c))
    : [...s.toolCalls, call]
  const outcome = !e.ok ? 'failed' : result.resultCount === 0 ? 'zero_results' : 'ok'
  const next = emit({ ...s, toolCalls }, { type: 'tool.finished', t, outcome, call })
  if (e.ok) return next
  return recordError(next, {
    t,
    source: 'tool',
    type: 'tool_failed',
    code: e.name,
    message: result.error ?? 'Tool failed'
  })
}
