import { normalizeWords } from '../language/normalizeWords'
import { isAcknowledgement, orderedWordOverlap } from './acknowledgements'
import type { CallMetricsConfig } from './callConfig'
import type { CallState } from './callState'
import type { AgentResponse, CallerUtterance, UtteranceKind } from './callRecords'

/**
 * The interruption rule, written once: a caller utterance counts as an interruption when it
 * started while agent audio was playing, the server cut that audio or response for it
 * (`output_audio_buffer.cleared` or `response.done` cancelled / `turn_detected`), and it is
 * neither a backchannel nor an echo suspect.
 */
export const INTERRUPTION_RULE =
  'An interruption is caller speech that started while agent audio played, made the server ' +
  'cut the agent (output_audio_buffer.cleared, or response.done cancelled with turn_detected), ' +
  'and is neither a backchannel nor an echo suspect.'

export function countsAsInterruption(u: Pick<CallerUtterance, 'kind'>): boolean {
  return u.kind === 'barge_in'
}

export function utteranceDurationMs(u: CallerUtterance): number | null {
  return u.stopT === null ? null : u.stopT - u.startT
}

/**
 * Backchannel speech: with a transcript, it is made only of acknowledgements ("mm-hmm",
 * "vale", "oui d'accord"); without one (transcription off or failed, or empty), it is shorter
 * than `backchannel.maxMs`. A short "No!" or "Stop" is therefore not a backchannel.
 */
export function isBackchannelSpeech(u: CallerUtterance, config: CallMetricsConfig): boolean {
  const words = normalizeWords(u.transcript ?? '')
  if (words.length > 0) return isAcknowledgement(u.transcript ?? '', config.backchannel.phrases)
  const duration = utteranceDurationMs(u)
  return duration !== null && duration < config.backchannel.maxMs
}

/** Echo suspicion for speech over agent audio: too soon after it started, or the same words. */
export function echoSuspicion(
  u: CallerUtterance,
  agent: AgentResponse | null,
  config: CallMetricsConfig
): { byTiming: boolean; byText: boolean } {
  const byTiming = u.overAgent !== null && u.overAgent.sinceAudioMs < config.echo.windowMs
  const transcript = u.transcript ?? ''
  const byText =
    agent !== null &&
    normalizeWords(transcript).length >= config.echo.minWords &&
    orderedWordOverlap(transcript, agent.text) >= config.echo.minSimilarity
  return { byTiming, byText }
}

/** The final kind of an utterance that started over agent audio. */
export function classifyOverlap(
  u: CallerUtterance,
  agent: AgentResponse | null,
  config: CallMetricsConfig
): { kind: UtteranceKind; echo: { byTiming: boolean; byText: boolean } } {
  const echo = echoSuspicion(u, agent, config)
  if (echo.byTiming || echo.byText) return { kind: 'echo_suspect', echo }
  const cutForbidden = config.backchannel.requireNoCut && u.cutAgent
  if (isBackchannelSpeech(u, config) && !cutForbidden) return { kind: 'backchannel', echo }
  return { kind: u.cutAgent ? 'barge_in' : 'overlap', echo }
}

/**
 * An overlapping utterance is decided once it ended and its transcript is in, failed, not
 * coming (transcription off) or overdue by `transcriptWaitMs`; at once on hang-up or reconnect.
 */
export function overlapIsDecidable(state: CallState, u: CallerUtterance, t: number): boolean {
  if (u.kind !== null) return false
  if (state.endedT !== null || u.sessionId !== state.connection.sessionId) return true
  if (u.stopT === null) return false
  return (
    u.transcript !== null ||
    u.transcriptionFailed ||
    state.connection.transcriptionEnabled === false ||
    t - u.stopT >= state.config.transcriptWaitMs
  )
}
