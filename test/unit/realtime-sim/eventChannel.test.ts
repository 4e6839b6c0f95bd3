import { describe, expect, it } from 'vitest'
import { EventChannel } from '../../../src/main/realtime-sim/call/EventChannel'
import { GroundTruthLog } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'

describe('EventChannel', () => {
  it('records as sent only what the transport delivered', () => {
    const log = new GroundTruthLog()
    let delivers = true
    const channel = new EventChannel(
      'rtc_1',
      { isOpen: true, send: () => delivers, close: () => {} },
      log
    )
    channel.send({ type: 'output_audio_buffer.started', response_id: 'resp_1' })
    // The channel closed under a timer's send (a hang-up racing it): not ground truth.
    delivers = false
    channel.send({ type: 'output_audio_buffer.stopped', response_id: 'resp_1' })
    const sent = log
      .list('rtc_1')
      .flatMap((entry) => (entry.kind === 'event' ? [(entry.event as { type: string }).type] : []))
    expect(sent).toEqual(['output_audio_buffer.started'])
  })
})
