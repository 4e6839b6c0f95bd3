import type { CallState } from './callState'
import type { AgentResponse } from './callRecords'
import { markCut } from './markCut'
import { agentAudioPlaying, emit, findUtterance } from './stateUpdates'

/** `cleared` may come just before the `speech_started` that caused it (order unverified). */
const CLEARED_BEFORE_SPEECH_MS = 300

function clearedJustBefore(s: CallState, t: number): AgentResponse | null {
  for (let i = s.responses.length - 1; i >= 0; i--) {
    const cut = s.responses[i]?.cut
    if (cut?.by === 'server' && t - cut.t <= CLEARED_BEFORE_SPEECH_MS) return s.responses[i] ?? null
  }
  return null
}

/**
 * Caller speech starts: over agent audio it is a possible barge-in (decided later, see
 * classifyOverlap); over silence it takes the floor at once.
 */
export function speechStarted(s: CallState, t: number, itemId: string): CallState {
  if (findUtterance(s, itemId)) return s
  const audible = agentAudioPlaying(s)
  const cleared = audible ? null : clearedJustBefore(s, t)
  const playing = audible ?? cleared
  const audioT = playing ? (playing.audioStartT ?? playing.firstAudibleT ?? t) : null
  const overAgent =
    playing && audioT !== null ? { responseId: playing.id, sinceAudioMs: t - audioT } : null
  const next: CallState = {
    ...s,
    callerSpeakingItemId: itemId,
    utterances: [
      ...s.utterances,
      {
        itemId,
        sessionId: s.connection.sessionId,
        startT: t,
        stopT: null,
        committedT: null,
        text: '',
        transcript: null,
        transcriptionFailed: false,
        language: null,
        overAgent,
        cutAgent: false,
        kind: overAgent ? null : 'turn',
        echo: null,
        turnCompletedT: null
      }
    ]
  }
  if (!overAgent) return next
  const detected = emit(next, {
    type: 'barge_in.detected',
    t,
    itemId,
    responseId: overAgent.responseId
  })
  const cut = cleared?.cut
  return cleared && cut
    ? markCut(detected, cleared.id, { ...cut, by: 'caller', callerItemId: itemId }, t)
    : detected
}
