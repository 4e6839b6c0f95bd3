import { describe, expect, it } from 'vitest'
import {
  finalizeReplayedCall,
  replayRecorded,
  type CallFacts
} from '../../../src/main/recording/finalizeRecordedCall'
import { NORMAL_CALL } from '../../support/callFixtures'

const facts = {
  sessionId: 'LIVE-20261125-090000-ab12',
  model: 'gpt-realtime',
  startedAtMs: Date.UTC(2026, 10, 25, 9),
  endedAtMs: Date.UTC(2026, 10, 25, 9, 1),
  pricing: null
}
const detect = () => ({ language: 'en', reliable: true })
const finalizeCall = (callFacts: CallFacts) =>
  finalizeReplayedCall(replayRecorded(NORMAL_CALL, callFacts), callFacts, detect, null)

describe('finalizeReplayedCall: escalated flag', () => {
  it('marks the session escalated when a supervisor escalated one of its alerts', () => {
    const { session } = finalizeCall({ ...facts, escalated: true })
    expect(session.escalated).toBe(true)
  })

  it('leaves it unknown otherwise, as for any call nobody escalated', () => {
    expect(finalizeCall(facts).session.escalated).toBeNull()
    expect(finalizeCall({ ...facts, escalated: false }).session.escalated).toBeNull()
  })
})
