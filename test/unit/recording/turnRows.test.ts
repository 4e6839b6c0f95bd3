import { describe, expect, it } from 'vitest'
import { eventDirection } from '../../../src/main/recording/eventDirection'
import { liveSessionId } from '../../../src/main/recording/liveSessionId'
import { turnRows } from '../../../src/main/recording/turnRows'
import { BACKCHANNELS, BARGE_IN_CLEARED } from '../../support/callFixtures'
import { replayCall } from '../../../src/shared/live-call/callReducer'

describe('turnRows', () => {
  it('keeps every caller utterance, flagged, with replies only on floor-taking ones', () => {
    const rows = turnRows(replayCall(BACKCHANNELS))
    expect(rows.map((r) => r.kind)).toEqual(['turn', 'backchannel', 'backchannel', 'backchannel'])
    expect(rows.map((r) => r.backchannel)).toEqual([false, true, true, true])
    expect(rows[1]).toMatchObject({ caller_text: 'Mm-hmm.', latency_ms: null, agent_text: null })
    expect(rows[0]).toMatchObject({ turn_index: 1, caller_start_ms: 200, caller_stop_ms: 1500 })
  })

  it('records a barge-in and how much of the cut answer was heard', () => {
    const rows = turnRows(replayCall(BARGE_IN_CLEARED))
    expect(rows.map((r) => r.kind)).toEqual(['turn', 'barge_in'])
    expect(rows[1]?.barge_in).toBe(true)
    // The first turn's reply was cut 3005 ms into its audio.
    expect(rows[0]?.heard_ms).toBe(3005)
    expect(rows[0]?.heard_pct).toBeLessThan(100)
    expect(rows[0]?.agent_text?.startsWith(rows[0]?.agent_heard_text ?? '-')).toBe(true)
  })
})

describe('liveSessionId and eventDirection', () => {
  it('names sessions by their UTC start and a random suffix', () => {
    const at = Date.UTC(2026, 10, 25, 14, 30, 12)
    expect(liveSessionId(at, () => 0.66827392578125)).toBe('LIVE-20261125-143012-ab14')
    expect(liveSessionId(at, () => 0)).toBe('LIVE-20261125-143012-0000')
    // The long form, for an id the team database could not be asked about.
    expect(liveSessionId(at, () => 0.66827392578125, 8)).toBe('LIVE-20261125-143012-ab140000')
    expect(liveSessionId(at, () => 0.999999999, 8)).toBe('LIVE-20261125-143012-fffffffb')
  })

  it('tells who produced an input', () => {
    expect(eventDirection('response.cancel')).toBe('client')
    expect(eventDirection('tool.result')).toBe('local')
    expect(eventDirection('rate_limits.updated')).toBe('server')
  })
})
