import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import {
  hasSpeechTools,
  placeCall,
  spokenWav,
  untilEnded,
  usePhoneRig,
  WEBHOOK_SECRET
} from './support/phoneRig'
import { type EventInbox, openRealtimeSocket } from './support/realtimeSocket'
import { API_KEY } from './support/simServer'

if (!hasSpeechTools && process.env['CI'])
  throw new Error('CI: phone call tests need espeak-ng and sox')

const CALLS = 10

// Ten phone calls in real time at once: the whole webhook → accept → sideband path, with the
// openai SDK as the receiving server (signature check, accept) and a `ws` sideband per call that
// supervises it (session.update) and watches it. Generous timeout for a busy 2-vCPU VM.
describe.runIf(hasSpeechTools)('simultaneous phone calls', { timeout: 60_000 }, () => {
  const rig = usePhoneRig()
  const tmp = useTempDir()

  it('places 10 calls: each is announced, verified, accepted, supervised over a sideband, heard, answered and hung up', async () => {
    const wav = spokenWav(tmp.path(), 'tents', 'Do you sell tents?').toString('base64')
    const accepted: string[] = []
    const failures: unknown[] = []
    const sidebands = new Map<string, { inbox: EventInbox; closed: Promise<string> }>()
    const supervise = async (sim: { url: string }, callId: string): Promise<void> => {
      const { ws, inbox, send } = await openRealtimeSocket(
        `${sim.url.replace('http', 'ws')}/v1/realtime?call_id=${callId}`,
        { headers: { authorization: `Bearer ${API_KEY}` } }
      )
      const closed = new Promise<string>((resolve) =>
        ws.once('close', (code, reason) => resolve(`${code} ${String(reason)}`))
      )
      sidebands.set(callId, { inbox, closed })
      send({
        type: 'session.update',
        session: { type: 'realtime', instructions: `Supervised ${callId}.` }
      })
    }
    const { sim, client }: Awaited<ReturnType<typeof rig.start>> = await rig.start(
      async ({ body, headers }) => {
        try {
          // The SDK throws on a bad signature or stale timestamp: only verified events go on.
          const event = await client.webhooks.unwrap(body, headers, WEBHOOK_SECRET)
          if (event.type !== 'realtime.call.incoming') return 400
          const callId = event.data.call_id
          // Answer the webhook first, accept after, as a server should.
          setTimeout(() => {
            client.realtime.calls
              .accept(callId, {
                type: 'realtime',
                model: 'gpt-realtime',
                instructions: 'You answer the OutdoorGear phone line.',
                audio: {
                  input: { turn_detection: { type: 'server_vad', silence_duration_ms: 400 } }
                }
              })
              .then(() => {
                accepted.push(callId)
                return supervise(sim, callId)
              })
              .catch((error: unknown) => failures.push(error))
          }, 0)
          return 200
        } catch (error) {
          failures.push(error)
          return 400
        }
      }
    )

    const placed = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        placeCall(sim, {
          from: `+1415555${String(1000 + i)}`,
          to: '+18005550100',
          wav_base64: wav,
          trailing_silence_ms: 2500
        })
      )
    )
    expect(placed.map((p) => p.status)).toEqual(Array(CALLS).fill(201))
    const callIds = placed.map((p) => p.json['call_id'] as string)
    expect(new Set(callIds).size).toBe(CALLS)
    for (const id of callIds) expect(id).toMatch(/^rtc_[0-9a-f]+$/)

    const ends = await Promise.all(callIds.map((id) => untilEnded(sim, id)))
    expect(failures).toEqual([])
    expect(accepted.sort()).toEqual([...callIds].sort())
    const sidebandEnds = await Promise.all(callIds.map((id) => sidebands.get(id)!.closed))

    ends.forEach((end, i) => {
      const truth = sim.groundTruth.list(callIds[i])
      const sip = truth.filter((e) => e.kind === 'sip').map((e) => e.state)
      expect(sip).toEqual(['incoming', 'accepted', 'ended'])
      expect(truth.find((e) => e.kind === 'sip' && e.state === 'incoming')).toMatchObject({
        from: `+1415555${String(1000 + i)}`,
        to: '+18005550100'
      })
      expect(truth.filter((e) => e.kind === 'webhook')).toEqual([
        expect.objectContaining({
          webhook_id: placed[i]!.json['webhook_id'],
          event_type: 'realtime.call.incoming',
          attempt: 1,
          status: 200,
          delivered: true
        })
      ])
      const sent = truth.flatMap((e) =>
        e.kind === 'event' && e.direction === 'sent' ? [e.event as { type: string }] : []
      )
      expect(sent.filter((e) => e.type === 'session.created')).toHaveLength(1)
      expect(sent.find((e) => e.type === 'session.created')).toMatchObject({
        session: { instructions: 'You answer the OutdoorGear phone line.' }
      })
      expect(truth.filter((e) => e.kind === 'vad').map((e) => e.type)).toEqual([
        'speech_started',
        'speech_stopped'
      ])
      expect(sent.find((e) => e.type === 'response.done')).toMatchObject({
        response: { status: 'completed' }
      })
      expect(sent.map((e) => e.type)).toContain('output_audio_buffer.stopped')
      expect(sent.some((e) => e.type === 'error')).toBe(false)
      expect(end).toMatchObject({ ended_by: 'caller', reason: 'caller hung up' })
      // "Yes we do." in tones is 3 words of 250 ms: all of it reached the caller's ear.
      expect(end.agent_audio_ms).toBeGreaterThanOrEqual(700)
      expect(end.caller_audio_ms).toBeGreaterThan(2500)
      expect(truth.filter((e) => e.kind === 'call').at(-1)).toMatchObject({ state: 'closed' })

      // The sideband supervised the call and saw it through: its update applied, the answer,
      // and its socket closed when the caller hung up.
      const { inbox } = sidebands.get(callIds[i]!)!
      expect(inbox.ofType('session.updated').at(-1)).toMatchObject({
        session: { instructions: `Supervised ${callIds[i]!}.` }
      })
      expect(inbox.ofType('response.done').at(-1)).toMatchObject({
        response: { status: 'completed' }
      })
      expect(inbox.ofType('error')).toEqual([])
      expect(inbox.ofType('session.created')).toEqual([])
      expect(sidebandEnds[i]).toBe('1000 call ended')
      expect(truth.filter((e) => e.kind === 'sideband').map((e) => e.state)).toEqual([
        'attached',
        'detached'
      ])
      expect(
        truth.some(
          (e) =>
            e.kind === 'event' &&
            e.direction === 'received' &&
            e.via === 'sideband' &&
            (e.event as { type?: string }).type === 'session.update'
        )
      ).toBe(true)
    })
    expect(sim.hub.callIds).toEqual([])
  })
})
