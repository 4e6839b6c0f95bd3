import { describe, expect, it } from 'vitest'
import { virtualCall } from './support/virtualCall'

const truncate = (item_id: string, audio_end_ms: number, content_index = 0) => ({
  type: 'conversation.item.truncate',
  event_id: `evt_${audio_end_ms}_${content_index}`,
  item_id,
  content_index,
  audio_end_ms
})

describe('CallSession: conversation.item.truncate', () => {
  it("trims an answer's audio to what was played and refuses what cannot be truncated", async () => {
    const v = virtualCall()
    v.call.open()
    v.send({ type: 'response.create' })
    await v.run(200)
    // "Hello from OutdoorGear.": three tone words, 750 ms.
    const answer = v.ofType('response.output_item.done')[0]!['item'] as { id: string }
    v.send({
      type: 'conversation.item.create',
      item: { id: 'item_user', type: 'message', role: 'user', content: [] }
    })

    v.send(truncate(answer.id, 751))
    v.send(truncate(answer.id, 300))
    v.send(truncate(answer.id, 400))
    v.send(truncate(answer.id, 0, 1))
    v.send(truncate('item_user', 0))

    expect(v.ofType('conversation.item.truncated')).toEqual([
      expect.objectContaining({ item_id: answer.id, content_index: 0, audio_end_ms: 300 })
    ])
    const errors = v.ofType('error').map((e) => e['error'])
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        message: 'Audio content of 750ms is already shorter than 751ms',
        event_id: null
      }),
      // Truncated to 300 ms, the audio is now that long.
      expect.objectContaining({ message: 'Audio content of 300ms is already shorter than 400ms' }),
      expect.objectContaining({
        code: 'unsupported_content_type',
        message: 'Only model output audio messages can be truncated',
        param: 'content_index',
        event_id: 'evt_0_1'
      }),
      expect.objectContaining({ code: 'unsupported_content_type', param: 'item_id' })
    ])
    expect(v.log.list('rtc_test')).toContainEqual(
      expect.objectContaining({
        kind: 'truncate',
        item_id: answer.id,
        audio_end_ms: 300,
        audio_ms: 750,
        via: 'webrtc'
      })
    )
    v.expectConformance()
  })
})
