import { describe, expect, it } from 'vitest'
import { mulawEncode } from '../../../src/main/realtime-sim/audio/g711'
import { ServerEvent } from '../../../src/shared/realtime/serverEvents'
import { ClientSecretResponse } from '../../../src/shared/realtime/sessionConfig'
import {
  openRealtimeSocket,
  pcm24kChunks,
  type ReceivedEvent,
  refusedHandshake
} from './support/realtimeSocket'
import { API_KEY, post, useSimulator } from './support/simServer'

const wsUrl = (httpUrl: string, query: string, path = '/v1/realtime'): string =>
  `${httpUrl.replace('http:', 'ws:')}${path}?${query}`
const bearer = { Authorization: `Bearer ${API_KEY}` }

/** Bytes of PCM16 in a run of audio deltas. */
const deltaBytes = (events: ReceivedEvent[]): number =>
  events.reduce((sum, e) => sum + Buffer.from(String(e['delta']), 'base64').length, 0)

function expectValidEvents(events: ReceivedEvent[]): void {
  for (const event of events) {
    const parsed = ServerEvent.safeParse(event)
    expect(parsed.success, `${event.type}: ${parsed.error?.message}`).toBe(true)
  }
}

// Real simulator, real sockets; the answers run on real timers.
describe('simulator WebSocket calls (/v1/realtime?model=…)', { timeout: 40_000 }, () => {
  const simulator = useSimulator()

  it('streams appended caller audio through VAD and answers with audio deltas, greeting once', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: bearer
    })
    const created = await inbox.next('session.created')
    expect(created['session']).toMatchObject({ model: 'gpt-realtime' })
    // Faster than real time, as a client with a file may send it: VAD counts samples.
    for (const audio of pcm24kChunks(800, 800)) send({ type: 'input_audio_buffer.append', audio })
    const stopped = await inbox.next('input_audio_buffer.speech_stopped')
    expect(stopped['audio_end_ms']).toBeGreaterThanOrEqual(800)
    expect(stopped['audio_end_ms']).toBeLessThan(1400)
    const done = await inbox.next('response.done')
    const deltas = inbox.ofType('response.output_audio.delta')
    // "Let me check.": three tone words of 250 ms → 750 ms at 24 kHz, 2 bytes a sample.
    expect(deltaBytes(deltas)).toBe(36_000)
    const audioDone = await inbox.next('response.output_audio.done')
    expect(inbox.events.indexOf(audioDone)).toBeGreaterThan(inbox.events.indexOf(deltas.at(-1)!))
    expect(done['response']).toMatchObject({ status: 'completed' })
    // The caller plays the audio on a WebSocket: the buffer events are WebRTC's only.
    expect(inbox.events.filter((e) => e.type.startsWith('output_audio_buffer.'))).toEqual([])
    expect(inbox.ofType('session.created')).toHaveLength(1)
    expectValidEvents(inbox.events)
    const callId = (created['session'] as { id: string }).id
    const truth = sim.groundTruth.list(callId)
    expect(truth).toContainEqual(expect.objectContaining({ kind: 'call', state: 'connected' }))
    expect(truth).toContainEqual(
      expect.objectContaining({ kind: 'response_delay', trigger: 'speech_stopped' })
    )
    ws.close()
  })

  it('cancels the answer on barge-in and honours conversation.item.truncate', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: bearer
    })
    const speak = (): void => {
      for (const audio of pcm24kChunks(600, 700)) send({ type: 'input_audio_buffer.append', audio })
    }
    speak()
    // Turn 1 ends in a tool call; turn 2 is the scenario's 40-word answer.
    await inbox.next('response.done')
    const mark = inbox.events.length
    speak()
    const firstDelta = await inbox.next('response.output_audio.delta', () => true, mark)
    const itemId = String(firstDelta['item_id'])
    speak()
    const done = await inbox.next('response.done', () => true, mark)
    expect(done['response']).toMatchObject({
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'turn_detected' }
    })
    const generated = deltaBytes(
      inbox.ofType('response.output_audio.delta').filter((e) => e['item_id'] === itemId)
    )
    const generatedMs = Math.round(generated / 48)
    expect(generatedMs).toBeGreaterThan(0)

    send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 5 })
    const truncated = await inbox.next('conversation.item.truncated')
    expect(truncated).toMatchObject({ item_id: itemId, content_index: 0, audio_end_ms: 5 })
    send({
      type: 'conversation.item.truncate',
      event_id: 'evt_far',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: 60_000
    })
    const tooFar = await inbox.next('error')
    expect(tooFar['error']).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: 'audio_end_ms',
      message: 'Audio content of 5ms is already shorter than 60000ms',
      event_id: null
    })
    send({
      type: 'conversation.item.truncate',
      event_id: 'evt_unknown',
      item_id: 'item_nope',
      content_index: 0,
      audio_end_ms: 0
    })
    const unknown = await inbox.next('error', (e) => e !== tooFar)
    expect(unknown['error']).toMatchObject({ param: 'item_id', event_id: 'evt_unknown' })
    expectValidEvents(inbox.events)
    const callId = (inbox.ofType('session.created')[0]!['session'] as { id: string }).id
    expect(sim.groundTruth.list(callId)).toContainEqual(
      expect.objectContaining({
        kind: 'truncate',
        item_id: itemId,
        audio_end_ms: 5,
        audio_ms: generatedMs,
        via: 'websocket'
      })
    )
    ws.close()
  })

  it('hears and speaks G.711 µ-law at 8 kHz when the session says audio/pcmu', async () => {
    const sim = await simulator.start()
    const { ws, inbox, send } = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: bearer
    })
    const pcmu = { type: 'audio/pcmu' }
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { format: pcmu }, output: { format: pcmu } } }
    })
    await inbox.next('session.updated')
    const tone = Uint8Array.from({ length: 8 * 1400 }, (_, i) =>
      mulawEncode(i < 8 * 700 ? Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / 8000)) : 0)
    )
    for (let at = 0; at < tone.length; at += 160)
      send({
        type: 'input_audio_buffer.append',
        audio: Buffer.from(tone.subarray(at, at + 160)).toString('base64')
      })
    const stopped = await inbox.next('input_audio_buffer.speech_stopped')
    expect(stopped['audio_end_ms']).toBeGreaterThanOrEqual(700)
    await inbox.next('response.done')
    // 750 ms of answer at 8 kHz, one byte a sample.
    expect(deltaBytes(inbox.ofType('response.output_audio.delta'))).toBe(6000)
    ws.close()
  })

  it('survives a broken frame: the call ends, the simulator goes on', async () => {
    const sim = await simulator.start()
    const { ws, inbox } = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: bearer
    })
    const callId = ((await inbox.next('session.created'))['session'] as { id: string }).id
    const closed = new Promise<number>((resolve) => ws.once('close', resolve))
    ws.on('error', () => {})
    // An unmasked client frame breaks the protocol (RFC 6455 §5.1).
    ;(ws as unknown as { _socket: import('node:net').Socket })._socket.write(
      Buffer.from([0x81, 0x01, 0x61])
    )
    expect(await closed).toBe(1002)
    await expect
      .poll(() => sim.groundTruth.list(callId).filter((e) => e.kind === 'call'))
      .toContainEqual(expect.objectContaining({ state: 'closed' }))
    expect(sim.hub.callIds).not.toContain(callId)
    const again = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: bearer
    })
    await again.inbox.next('session.created')
    again.ws.close()
  })

  it("takes a browser's subprotocols, with an ek_ and the secret's session", async () => {
    const sim = await simulator.start()
    const minted = await post(
      `${sim.url}/v1/realtime/client_secrets`,
      { ...bearer, 'Content-Type': 'application/json' },
      JSON.stringify({ session: { type: 'realtime', instructions: 'Be brief.' } })
    )
    const secret = ClientSecretResponse.parse(minted.json()).value
    const protocols = ['realtime', `openai-insecure-api-key.${secret}`, 'openai-agents-sdk.0.20.0']
    const { ws, inbox } = await openRealtimeSocket(wsUrl(sim.url, 'model=gpt-realtime'), {
      protocols
    })
    expect(ws.protocol).toBe('realtime')
    const created = await inbox.next('session.created')
    expect(created['session']).toMatchObject({ instructions: 'Be brief.' })
    ws.close()
  })

  it('refuses a wrong key with 401 on the handshake, as the HTTP routes do', async () => {
    const sim = await simulator.start()
    const refused = await refusedHandshake(wsUrl(sim.url, 'model=gpt-realtime'), {
      headers: { Authorization: 'Bearer sk-wrong-0123456789' }
    })
    expect(refused).toEqual({
      status: 401,
      body: {
        error: expect.objectContaining({
          code: 'invalid_api_key',
          message: expect.stringMatching(/^Incorrect API key provided: sk-\**6789\./)
        })
      }
    })
    const azure = await refusedHandshake(wsUrl(sim.url, 'model=dep', '/openai/v1/realtime'), {
      headers: { 'api-key': 'wrong' }
    })
    expect(azure.status).toBe(401)
  })
})
