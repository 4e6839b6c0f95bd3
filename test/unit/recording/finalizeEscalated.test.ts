import { describe, expect, it } from 'vitest'
import { finalizeRecordedCall } from '../../../src/main/recording/finalizeRecordedCall'
import { NORMAL_CALL } from '../../../src/shared/live-call/callFixtures'

const facts = {
  sessionId: 'LIVE-20261125-090000-ab12',
  model: 'gpt-realtime',
  startedAtMs: Date.UTC(2026, 10, 25, 9),
  endedAtMs: Date.UTC(2026, 10, 25, 9, 1),
  pricing: null
}
const detect = () => ({ language: 'en', reliable: true })

describe('finalizeRecordedCall: escalated flag', () => {
  it('marks the session escalated when a supervisor escalated one of its alerts', () => {
    const { session } = finalizeRecordedCall(NORMAL_CALL, { ...facts, escalated: true }, detect)
    expect(session.escalated).toBe(true)
  })

  it('leaves it unknown otherwise, as for any call nobody escalated', () => {
    expect(finalizeRecordedCall(NORMAL_CALL, facts, detect).session.escalated).toBeNull()
    expect(
      finalizeRecordedCall(NORMAL_CALL, { ...facts, escalated: false }, detect).session.escalated
    ).toBeNull()
  })
})
