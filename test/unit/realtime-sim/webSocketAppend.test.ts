import { describe, expect, it } from 'vitest'
import { openRealtimeSocket, pcm24kChunks } from './support/realtimeSocket'
import { API_KEY, useSimulator } from './support/simServer'

const bearer = { Authorization: `Bearer ${API_KEY}` }
const callUrl = (httpUrl: string): string =>
  `${httpUrl.replace('http:', 'ws:')}/v1/realtime?model=gpt-realtime`

// Real simulator, real WebSocket: what a caller's input_audio_buffer.append may carry.
describe('simulator WebSocket calls: appended audio', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('hears the pause inside one long append (4 s in one event) and answers the turn', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(callUrl(sim.url), { headers: bearer })
    await inbox.next('session.created')
    const [audio, ...rest] = pcm24kChunks(800, 3200, 4000)
    expect(rest).toEqual([])
    send({ type: 'input_audio_buffer.append', audio })
    const started = await inbox.next('input_audio_buffer.speech_started')
    const stopped = await inbox.next('input_audio_buffer.speech_stopped')
    expect(started['audio_start_ms']).toBeLessThan(100)
    // The tone ends at 800 ms; the turn ends after the session's silence_duration_ms.
    expect(stopped['audio_end_ms']).toBeGreaterThan(800)
    expect(stopped['audio_end_ms']).toBeLessThan(2000)
    expect(await inbox.next('response.done')).toMatchObject({ response: { status: 'completed' } })
    expect(inbox.ofType('error')).toEqual([])
    ws.close()
  })

  it('refuses audio that is not base64, or not whole PCM16 samples, as the API words it', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(callUrl(sim.url), { headers: bearer })
    await inbox.next('session.created')
    const refusal = (eventId: string) => ({
      type: 'invalid_request_error',
      code: 'invalid_value',
      message:
        "Invalid 'audio'. Expected base64-encoded audio bytes (mono PCM16 at 24kHz) but got an invalid value.",
      param: 'audio.audio',
      event_id: eventId
    })
    send({ type: 'input_audio_buffer.append', event_id: 'evt_text', audio: 'not audio!' })
    send({ type: 'input_audio_buffer.append', event_id: 'evt_unpadded', audio: 'AAAAAA' })
    // 50 ms of 24 kHz PCM16 is 2400 bytes; one byte more is half a sample.
    const bytes = (n: number): string => Buffer.alloc(n).toString('base64')
    send({ type: 'input_audio_buffer.append', event_id: 'evt_odd', audio: bytes(2401) })
    send({ type: 'input_audio_buffer.append', event_id: 'evt_even', audio: bytes(2400) })
    send({ type: 'input_audio_buffer.commit', event_id: 'evt_commit' })
    const commit = await inbox.next('error', (e) => errorOf(e).event_id === 'evt_commit')
    expect(inbox.ofType('error').map((e) => e['error'])).toEqual([
      refusal('evt_text'),
      refusal('evt_unpadded'),
      refusal('evt_odd'),
      errorOf(commit)
    ])
    // Only the valid append reached the buffer.
    expect(errorOf(commit).message).toContain('buffer only has 50.00ms of audio')
    ws.close()
  })

  it('takes any byte count of G.711 (one byte a sample) and names its format when refusing', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(callUrl(sim.url), { headers: bearer })
    await inbox.next('session.created')
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { format: { type: 'audio/pcmu' } } } }
    })
    await inbox.next('session.updated')
    // 120 ms at 8 kHz, an odd count of bytes: whole µ-law samples.
    send({ type: 'input_audio_buffer.append', audio: Buffer.alloc(961, 0xff).toString('base64') })
    send({ type: 'input_audio_buffer.append', event_id: 'evt_bad', audio: '%%%%' })
    send({ type: 'input_audio_buffer.commit' })
    await inbox.next('input_audio_buffer.committed')
    expect(inbox.ofType('error').map((e) => e['error'])).toEqual([
      expect.objectContaining({
        message:
          "Invalid 'audio'. Expected base64-encoded audio bytes (G.711 μ-law at 8kHz) but got an invalid value.",
        event_id: 'evt_bad'
      })
    ])
    ws.close()
  })

  it('answers output_audio_buffer.clear with an error: the client holds the audio', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(callUrl(sim.url), { headers: bearer })
    await inbox.next('session.created')
    send({ type: 'output_audio_buffer.clear', event_id: 'evt_clear' })
    const error = await inbox.next('error')
    expect(error['error']).toEqual({
      type: 'invalid_request_error',
      code: 'invalid_value',
      message:
        "The event 'output_audio_buffer.clear' is only supported on WebRTC and SIP connections.",
      param: 'type',
      event_id: 'evt_clear'
    })
    expect(inbox.events.filter((e) => e.type.startsWith('output_audio_buffer.'))).toEqual([])
    ws.close()
  })
})

function errorOf(event: Record<string, unknown>): { event_id: string | null; message: string } {
  return event['error'] as { event_id: string | null; message: string }
}
