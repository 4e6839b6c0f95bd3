import { describe, expect, it } from 'vitest'
import {
  BACKCHANNELS,
  BARGE_IN_CLEARED,
  ECHO_CALL,
  NORMAL_CALL,
  sessionCreated
} from '../../../test/support/callFixtures'
import type { LanguageDetector } from '../classify/detectCallLanguage'
import type { CallInput, KnownCallInput } from '../live-call/callEvents'
import { callReducer } from '../live-call/callReducer'
import { initialCallState, type CallState } from '../live-call/callState'
import { sessionMetrics } from '../live-call/sessionMetrics'
import { callProgressOf, type CallProgressFacts } from './callProgress'
import { CallProgressEventSchema } from './teamEvents'

/** Folds inputs the way a desk does while the call runs. */
const fold = (inputs: readonly CallInput[]): CallState =>
  inputs.reduce(callReducer, initialCallState())

/** A detector that answers `language` and keeps every text it was asked about. */
function recordingDetector(language: string): LanguageDetector & { asked: string[] } {
  const asked: string[] = []
  return Object.assign(
    (text: string) => {
      asked.push(text)
      return { language, reliable: true }
    },
    { asked }
  )
}

const facts = (detect: LanguageDetector | null): CallProgressFacts => ({
  sessionId: 'LIVE-20261125-143012-ab12',
  seat: 'desk-a',
  startedAt: '2026-11-25T14:30:12.000Z',
  latestAlert: null,
  detect
})

describe('callProgressOf', () => {
  it('reports a normal call as the session row will: 7 speaker turns, no interruption, P50 430 ms', () => {
    const state = fold(NORMAL_CALL)
    const progress = callProgressOf(state, facts(recordingDetector('en')))
    expect(progress).toEqual({
      sessionId: 'LIVE-20261125-143012-ab12',
      seat: 'desk-a',
      startedAt: '2026-11-25T14:30:12.000Z',
      language: 'en',
      turns: 7,
      interruptions: 0,
      p50Ms: 430,
      latestAlert: null
    })
    // What a desk publishes must pass the wire's schema.
    expect(CallProgressEventSchema.parse({ type: 'call.progress', ...progress })).toBeTruthy()
  })

  it('counts a barge-in as an interruption, and its turn toward P50', () => {
    const progress = callProgressOf(fold(BARGE_IN_CLEARED), facts(null))
    expect(progress).toMatchObject({ turns: 4, interruptions: 1, p50Ms: 400 })
  })

  it('agrees with sessionMetrics after every input of every call, so board and Sessions match', () => {
    for (const call of [NORMAL_CALL, BARGE_IN_CLEARED, BACKCHANNELS, ECHO_CALL]) {
      let state = initialCallState()
      for (const input of call) {
        state = callReducer(state, input)
        const progress = callProgressOf(state, facts(null))
        const metrics = sessionMetrics(state)
        expect([progress.turns, progress.interruptions, progress.p50Ms], `t=${input.t}`).toEqual([
          metrics.turns,
          metrics.interruptions,
          metrics.latency.p50
        ])
      }
    }
  })

  it('has no P50 before the first answer, and grows turn by turn', () => {
    const upTo = (t: number): CallState => fold(NORMAL_CALL.filter((input) => input.t <= t))
    expect(callProgressOf(upTo(4900), facts(null))).toMatchObject({ turns: 2, p50Ms: null })
    // The first answer played out (its audio stopped at 9800): one counted turn, 430 ms.
    expect(callProgressOf(upTo(9900), facts(null))).toMatchObject({ turns: 3, p50Ms: 430 })
  })

  it('leaves backchannels and echo out of turns, interruptions and the language', () => {
    const backchannels = recordingDetector('en')
    const overTalk = callProgressOf(fold(BACKCHANNELS), facts(backchannels))
    expect(overTalk).toMatchObject({ turns: 2, interruptions: 0, language: 'en' })
    // "Mm-hmm." and "Sí, vale." would tip a short call toward Spanish: only the question counts.
    expect(backchannels.asked).toEqual(['What waterproof boots do you have?'])

    const echo = recordingDetector('en')
    expect(callProgressOf(fold(ECHO_CALL), facts(echo))).toMatchObject({ interruptions: 0 })
    expect(echo.asked).toEqual(['Do you have waterproof hiking boots?'])
  })

  it('reports no language until the detector has loaded', () => {
    expect(callProgressOf(fold(NORMAL_CALL), facts(null)).language).toBeNull()
  })

  it('reports no language while the caller has said nothing, rather than "und"', () => {
    const detect = recordingDetector('en')
    const greeted = fold(NORMAL_CALL.filter((input) => input.t < 3000))
    expect(callProgressOf(greeted, facts(detect)).language).toBeNull()
    expect(detect.asked).toEqual([])
    // A detector that cannot tell answers '': also not a language.
    expect(callProgressOf(fold(NORMAL_CALL), facts(recordingDetector(''))).language).toBeNull()
  })

  it("takes the transcription model's reported language over the detector's guess", () => {
    const reporting: KnownCallInput[] = NORMAL_CALL.map((input) =>
      input.event.type === 'conversation.item.input_audio_transcription.completed'
        ? { ...input, event: { ...input.event, languages: [{ code: 'es' }] } }
        : input
    )
    const detect = recordingDetector('en')
    expect(callProgressOf(fold(reporting), facts(detect)).language).toBe('es')
    expect(detect.asked).toEqual([])
  })

  it('passes the alert it is given through unchanged', () => {
    const latestAlert = {
      alertId: 7,
      rule: 'human_request' as const,
      severity: 'critical' as const,
      raisedAt: '2026-11-25T14:31:00.000Z',
      status: 'open' as const
    }
    const state = fold([sessionCreated(0, 'sess_1')])
    expect(callProgressOf(state, { ...facts(null), latestAlert })).toMatchObject({
      turns: 0,
      interruptions: 0,
      p50Ms: null,
      latestAlert
    })
  })
})
