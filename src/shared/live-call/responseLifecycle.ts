import type {
  FunctionCallArgumentsDoneEvent,
  OutputAudioBufferEvent,
  ResponseLike
} from './callEvents'
import type { CallState } from './callState'
import type { ResponseCut } from './callRecords'
import { markCut } from './markCut'
import {
  ensureResponse,
  findResponse,
  newResponse,
  recordError,
  updateResponse
} from './stateUpdates'
import { addResponseUsage } from './usageCost'

/** How long a console `output_audio_buffer.clear` explains a following `cleared`. */
const CLIENT_CLEAR_WINDOW_MS = 3000

/**
 * Links a new response to what asked for it. Console requests are matched in order; when a
 * caller turn is also waiting, only a request tagged `metadata.origin = "console"` (echoed by
 * the server), or an out-of-band one, takes precedence over the server's automatic answer.
 */
export function responseCreated(s: CallState, t: number, response: ResponseLike): CallState {
  if (findResponse(s, response.id)) return { ...s, activeResponseId: response.id }
  const outOfBand = response.conversation_id === null
  const [request, ...rest] = s.clientRequests
  const takeRequest =
    request !== undefined &&
    (s.pendingCommitItemId === null || outOfBand || response.metadata?.['origin'] === 'console')
  const origin = takeRequest ? request.origin : outOfBand ? 'out_of_band' : 'vad'
  const callerItemId = takeRequest
    ? request.callerItemId
    : origin === 'vad'
      ? s.pendingCommitItemId
      : null
  const created = newResponse(s, response.id, t, origin, callerItemId)
  const toolCalls =
    takeRequest && request.origin === 'tool_followup'
      ? s.toolCalls.map((c) =>
          request.callIds.includes(c.callId) && c.followUpResponseId === null
            ? { ...c, followUpResponseId: response.id }
            : c
        )
      : s.toolCalls
  return {
    ...s,
    responses: [...s.responses, created],
    toolCalls,
    activeResponseId: response.id,
    clientRequests: takeRequest ? rest : s.clientRequests,
    pendingCommitItemId: origin === 'vad' ? null : s.pendingCommitItemId
  }
}

export function functionCallRequested(
  s: CallState,
  t: number,
  e: FunctionCallArgumentsDoneEvent
): CallState {
  if (s.toolCalls.some((c) => c.callId === e.call_id)) return s
  const withResponse = ensureResponse(s, e.response_id, t)
  const response = findResponse(withResponse, e.response_id)
  const next = updateResponse(withResponse, e.response_id, (r) => ({
    ...r,
    functionCallIds: [...r.functionCallIds, e.call_id]
  }))
  return {
    ...next,
    toolCalls: [
      ...next.toolCalls,
      {
        callId: e.call_id,
        name: e.name,
        arguments: e.arguments,
        args: parseJson(e.arguments),
        responseId: e.response_id,
        callerItemId: response?.callerItemId ?? null,
        requestedT: t,
        result: null,
        outputSentT: null,
        followUpResponseId: null
      }
    ]
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

export function responseDone(s: CallState, t: number, response: ResponseLike): CallState {
  const base = ensureResponse(s, response.id, t)
  const status = response.status ?? 'completed'
  const reason = response.status_details?.reason ?? null
  const audioTokens = response.usage?.output_token_details?.audio_tokens ?? null
  let next = updateResponse(base, response.id, (r) => ({
    ...r,
    status,
    statusReason: reason,
    doneT: t,
    outputAudioTokens: audioTokens,
    hasAudio: r.hasAudio || (audioTokens ?? 0) > 0
  }))
  next = {
    ...next,
    tokens: addResponseUsage(next.tokens, response.usage),
    activeResponseId: next.activeResponseId === response.id ? null : next.activeResponseId
  }
  const r = findResponse(next, response.id)
  const played = r !== null && (r.audioStartT ?? r.firstAudibleT) !== null
  if (status === 'cancelled' && r && played && !r.cut && r.audioEnd !== 'stopped') {
    const cut: ResponseCut =
      reason === 'client_cancelled'
        ? { t: s.clientCancelT ?? t, by: 'console', callerItemId: null, confirmedBy: 'cancelled' }
        : cutByCaller(next, response.id, t, 'cancelled')
    next = markCut(next, response.id, cut, t)
  }
  if (status === 'failed') {
    const error = response.status_details?.error
    next = recordError(next, {
      t,
      source: 'response',
      type: error?.type ?? 'response_failed',
      code: error?.code ?? null,
      message: `Response ${response.id} failed`
    })
  }
  return next
}

/** The caller speech that started over this response's audio, latest first. */
function cutByCaller(
  s: CallState,
  responseId: string,
  t: number,
  confirmedBy: ResponseCut['confirmedBy']
): ResponseCut {
  const speech = [...s.utterances].reverse().find((u) => u.overAgent?.responseId === responseId)
  if (!speech) return { t, by: 'server', callerItemId: null, confirmedBy }
  // Without `cleared`, the server cut the audio when it heard the caller.
  const cutT = confirmedBy === 'cleared' ? t : speech.startT
  return { t: cutT, by: 'caller', callerItemId: speech.itemId, confirmedBy }
}

export function outputAudioBuffer(s: CallState, t: number, e: OutputAudioBufferEvent): CallState {
  const base = { ...ensureResponse(s, e.response_id, t), audioBufferEvents: true }
  if (e.type === 'output_audio_buffer.started')
    return {
      ...updateResponse(base, e.response_id, (r) => ({
        ...r,
        hasAudio: true,
        audioStartT: r.audioStartT ?? t
      })),
      playingResponseId: e.response_id
    }
  const ended = updateResponse(base, e.response_id, (r) => ({
    ...r,
    audioEnd: r.audioEnd ?? (e.type === 'output_audio_buffer.stopped' ? 'stopped' : 'cleared'),
    audioEndT: r.audioEndT ?? t
  }))
  const next = {
    ...ended,
    playingResponseId: s.playingResponseId === e.response_id ? null : s.playingResponseId
  }
  const r = findResponse(next, e.response_id)
  if (e.type !== 'output_audio_buffer.cleared' || !r || r.cut) return next
  const consoleAsked = s.clientClearT !== null && t - s.clientClearT <= CLIENT_CLEAR_WINDOW_MS
  const cut: ResponseCut = consoleAsked
    ? { t, by: 'console', callerItemId: null, confirmedBy: 'cleared' }
    : cutByCaller(next, e.response_id, t, 'cleared')
  return markCut(
    { ...next, clientClearT: consoleAsked ? null : next.clientClearT },
    e.response_id,
    cut,
    t
  )
}
