import { describe, expect, it } from 'vitest'
import { NORMAL_CALL } from '../../support/callFixtures'
import { recordedTranscript } from '../../../src/main/recording/finalizeRecordedCall'
import type { CallInput } from '../../../src/shared/live-call/callEvents'
import { replayCall } from '../../../src/shared/live-call/callReducer'
import { transcriptItems } from '../../../src/shared/live-call/liveView'

const instruction = (t: number, text: string): CallInput => ({
  t,
  event: {
    type: 'conversation.item.create',
    item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] }
  }
})

describe("a supervisor's instruction on the call's transcript", () => {
  it('is listed where it was sent, apart from what was said aloud, and kept from the labels', () => {
    const middle = NORMAL_CALL[Math.floor(NORMAL_CALL.length / 2)]!.t
    const inputs = [...NORMAL_CALL, instruction(middle + 0.5, 'Offer the caller a callback.')].sort(
      (a, b) => a.t - b.t
    )
    const state = replayCall(inputs)
    expect(state.instructions).toEqual([{ t: middle + 0.5, text: 'Offer the caller a callback.' }])
    const items = transcriptItems(state)
    const at = items.findIndex((item) => item.who === 'supervisor')
    expect(items[at]).toMatchObject({ text: 'Offer the caller a callback.', final: true })
    // In time order among the spoken rows.
    expect(items.slice(0, at).every((item) => item.t <= middle + 0.5)).toBe(true)
    expect(items.slice(at + 1).every((item) => item.t >= middle + 0.5)).toBe(true)
    // The labelling model reads what the caller and the agent said, nothing else.
    expect(recordedTranscript(state).map((line) => line.text)).not.toContain(
      'Offer the caller a callback.'
    )
    expect(recordedTranscript(state).length).toBe(items.length - 1)
  })

  it('ignores items that are not instructions: tool outputs, empty or user messages', () => {
    const state = replayCall([
      ...NORMAL_CALL,
      instruction(1e9, '   '),
      {
        t: 1e9 + 1,
        event: {
          type: 'conversation.item.create',
          item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }
        }
      }
    ])
    expect(state.instructions).toEqual([])
  })
})
