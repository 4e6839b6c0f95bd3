import type { ServerCallEvent } from './callEvents'
import type { CallState } from './callState'
import {
  functionCallRequested,
  outputAudioBuffer,
  responseCreated,
  responseDone
} from './responseLifecycle'
import { applySession } from './sessionLifecycle'
import { speechStarted } from './speechStart'
import {
  emit,
  ensureResponse,
  findUtterance,
  recordError,
  updateResponse,
  updateUtterance
} from './stateUpdates'
import { addTranscriptionUsage } from './usageCost'

/** Server events (GA names): caller speech, transcripts, responses, audio buffer, errors. */
export function applyServerEvent(s: CallState, t: number, e: ServerCallEvent): CallState {
  switch (e.type) {
    case 'session.created':
    case 'session.updated':
      return applySession(s, t, e)
    case 'input_audio_buffer.speech_started':
      return speechStarted(s, t, e.item_id)
    case 'input_audio_buffer.speech_stopped': {
      const known = findUtterance(s, e.item_id) ? s : speechStarted(s, t, e.item_id)
      const stopped = updateUtterance(known, e.item_id, (u) => ({ ...u, stopT: u.stopT ?? t }))
      const speaking = s.callerSpeakingItemId === e.item_id ? null : s.callerSpeakingItemId
      return { ...stopped, callerSpeakingItemId: speaking }
    }
    case 'input_audio_buffer.committed':
      return {
        ...updateUtterance(s, e.item_id, (u) => ({ ...u, committedT: u.committedT ?? t })),
        pendingCommitItemId: e.item_id
      }
    case 'conversation.item.input_audio_transcription.delta':
      return updateUtterance(s, e.item_id, (u) =>
        u.transcript === null ? { ...u, text: u.text + e.delta } : u
      )
    case 'conversation.item.input_audio_transcription.completed': {
      const withUsage = { ...s, tokens: addTranscriptionUsage(s.tokens, e.usage) }
      const u = findUtterance(s, e.item_id)
      if (!u) return withUsage
      const language = e.languages?.[0]?.code ?? null
      const next = updateUtterance(withUsage, e.item_id, (v) => ({
        ...v,
        transcript: e.transcript,
        text: e.transcript,
        language
      }))
      return emit(next, {
        type: 'caller.transcribed',
        t,
        itemId: e.item_id,
        transcript: e.transcript,
        language,
        kind: u.kind
      })
    }
    case 'conversation.item.input_audio_transcription.failed': {
      const next = updateUtterance(s, e.item_id, (u) => ({ ...u, transcriptionFailed: true }))
      return recordError(next, {
        t,
        source: 'transcription',
        type: e.error?.type ?? 'transcription_failed',
        code: e.error?.code ?? null,
        message: e.error?.message ?? 'Transcription failed'
      })
    }
    case 'response.created':
      return responseCreated(s, t, e.response)
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta': {
      const audio = e.type === 'response.output_audio_transcript.delta'
      return updateResponse(ensureResponse(s, e.response_id, t), e.response_id, (r) => ({
        ...r,
        text: r.text + e.delta,
        hasAudio: r.hasAudio || audio
      }))
    }
    case 'response.output_audio_transcript.done':
    case 'response.output_text.done': {
      const text = e.transcript ?? e.text
      return updateResponse(ensureResponse(s, e.response_id, t), e.response_id, (r) => ({
        ...r,
        text: text ?? r.text
      }))
    }
    case 'response.output_audio.done':
      return updateResponse(ensureResponse(s, e.response_id, t), e.response_id, (r) => ({
        ...r,
        hasAudio: true
      }))
    case 'response.function_call_arguments.done':
      return functionCallRequested(s, t, e)
    case 'response.done':
      return responseDone(s, t, e.response)
    case 'output_audio_buffer.started':
    case 'output_audio_buffer.stopped':
    case 'output_audio_buffer.cleared':
      return outputAudioBuffer(s, t, e)
    case 'error':
      return recordError(s, {
        t,
        source: 'server',
        type: e.error.type,
        code: e.error.code ?? null,
        message: e.error.message
      })
  }
}
