import { describe, expect, it } from 'vitest'
import { inboundEvent } from './inboundEvent'

describe('inboundEvent', () => {
  it('checks a known event, renames one that fails its schema, and passes others through', () => {
    const stopped = {
      type: 'input_audio_buffer.speech_stopped',
      event_id: 'event_1',
      item_id: 'item_1',
      audio_end_ms: 900
    }
    expect(inboundEvent(JSON.stringify(stopped))).toEqual({ event: stopped, parsed: stopped })
    const broken = { type: 'input_audio_buffer.speech_stopped', item_id: 7 }
    expect(inboundEvent(JSON.stringify(broken))).toEqual({
      event: { type: 'invalid:input_audio_buffer.speech_stopped', item_id: 7 },
      parsed: null
    })
    const other = { type: 'vendor.extension', x: 1 }
    expect(inboundEvent(JSON.stringify(other))).toEqual({ event: other, parsed: null })
  })

  it('drops what is not a JSON object with a type', () => {
    for (const text of ['not json', '[1]', 'null', '{"type":3}'])
      expect(inboundEvent(text)).toBeNull()
  })
})
