import { detectCallLanguage, UNDETERMINED_LANGUAGE } from '../classify/detectCallLanguage'
import type { LanguageDetector } from '../classify/detectCallLanguage'
import { countsAsInterruption } from '../live-call/classifyUtterance'
import type { CallState } from '../live-call/callState'
import { countedLatencies, speakerTurns } from '../live-call/sessionMetrics'
import { percentile } from '../live-call/percentile'
import { turnRecords } from '../live-call/turnRecords'
import type { CallProgressEvent, ProgressAlert } from './teamEvents'

export interface CallProgressFacts {
  sessionId: string
  seat: string
  /** ISO time the call started. */
  startedAt: string
  latestAlert: ProgressAlert | null
  /** Absent until the detector has loaded: the language is then not reported yet. */
  detect: LanguageDetector | null
}

/**
 * A running call's figures for the wallboard, from the call reducer's state: the same counts the
 * session row gets at hang-up (speaker turns, interruptions, P50 over the counted turns), so the
 * board and Sessions never disagree about a call. The language is the caller's as far as heard.
 */
export function callProgressOf(
  state: CallState,
  facts: CallProgressFacts
): Omit<CallProgressEvent, 'type'> {
  return {
    sessionId: facts.sessionId,
    seat: facts.seat,
    startedAt: facts.startedAt,
    language: facts.detect ? languageSoFar(state, facts.detect) : null,
    turns: speakerTurns(state),
    interruptions: state.utterances.filter(countsAsInterruption).length,
    p50Ms: percentile(countedLatencies(turnRecords(state)), 0.5),
    latestAlert: facts.latestAlert
  }
}

function languageSoFar(state: CallState, detect: LanguageDetector): string | null {
  const spoken = state.utterances.filter(
    (u) => u.kind !== 'echo_suspect' && u.kind !== 'backchannel'
  )
  const language = detectCallLanguage(
    {
      callerTexts: spoken.map((u) => (u.transcript ?? u.text).trim()).filter(Boolean),
      reportedLanguages: spoken.map((u) => u.language)
    },
    detect
  )
  return language === UNDETERMINED_LANGUAGE ? null : language
}
