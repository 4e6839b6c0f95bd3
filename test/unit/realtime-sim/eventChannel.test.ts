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

  it('gives every event to its observers, also once the transport is gone, until they detach', () => {
    const log = new GroundTruthLog()
    const transport = { isOpen: true, send: () => true, close: () => {} }
    const channel = new EventChannel('rtc_1', transport, log)
    const seen: string[] = []
    const detach = channel.observe((text) => seen.push((JSON.parse(text) as { type: string }).type))
    channel.send({ type: 'output_audio_buffer.started', response_id: 'resp_1' })
    transport.isOpen = false
    // A sideband still hears the call after the caller's channel dropped: that is ground truth.
    channel.send({ type: 'output_audio_buffer.stopped', response_id: 'resp_1' })
    detach()
    channel.send({ type: 'output_audio_buffer.cleared', response_id: 'resp_1' })
    expect(seen).toEqual(['output_audio_buffer.started', 'output_audio_buffer.stopped'])
    expect(log.list('rtc_1').map((e) => (e.kind === 'event' ? e.event : null))).toEqual([
      expect.objectContaining({ type: 'output_audio_buffer.started' }),
      expect.objectContaining({ type: 'output_audio_buffer.stopped' })
    ])
  })
})
