import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import OpenAI from 'openai'
import { OpenAIRealtimeWS } from 'openai/realtime/ws'
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime'
import { afterEach, describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { encodeWav } from '../../../../src/main/realtime-sim/audio/wav'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { type Simulator, startSimulator } from '../../../../src/main/realtime-sim/startSimulator'
import { describeProblem, officialEventProblems } from '../../../support/officialRealtimeEvents'
import { WEBHOOK_SECRET } from '../support/phoneRig'
import { pcm24kChunks } from '../support/realtimeSocket'
import { hasOpenssl, type SelfSignedCert, selfSignedCert } from '../support/selfSignedCert'
import { API_KEY } from '../support/simServer'
import { SCENARIO_YAML } from '../support/virtualCall'
import { fetchTrusting } from './support/tlsFetch'

// Issue #16, contract tests: the openai SDK's own realtime WebSocket client (OpenAIRealtimeWS),
// which only ever connects with wss:, against the simulator serving TLS with a self-signed
// certificate made at test time: a model call, and a sideband ({ callID }) on a phone call.
// CI must have the openssl CLI; elsewhere the suite is skipped without it.

/** An SDK realtime connection with every event and SDK error it reported. */
interface Recorded {
  rt: OpenAIRealtimeWS
  events: RealtimeServerEvent[]
  errors: string[]
  next(type: string, from?: number, timeoutMs?: number): Promise<RealtimeServerEvent>
}

async function record(rt: OpenAIRealtimeWS): Promise<Recorded> {
  const events: RealtimeServerEvent[] = []
  const errors: string[] = []
  rt.on('event', (event) => events.push(event))
  rt.on('error', (error) => errors.push(error.message))
  await new Promise<void>((resolve, reject) => {
    rt.socket.once('open', () => resolve())
    rt.socket.once('error', reject)
  })
  const next = async (type: string, from = 0, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = events.slice(from).find((e) => e.type === type)
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no ${type} within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { rt, events, errors, next }
}

function useTlsSimulator() {
  let sim: Simulator | undefined
  let cert: SelfSignedCert | undefined
  let receiver: Server | undefined
  const connections: OpenAIRealtimeWS[] = []
  afterEach(async () => {
    connections.splice(0).forEach((rt) => rt.close())
    await sim?.close()
    receiver?.closeAllConnections()
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
    cert?.remove()
    sim = receiver = cert = undefined
  })
  return {
    connections,
    async start() {
      cert = selfSignedCert()
      // Phone calls announce themselves by webhook: a receiver that takes every delivery.
      receiver = createServer((_req, res) => res.writeHead(200).end())
      await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
      sim = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(SCENARIO_YAML, 'tls.yaml'),
        voice: new ToneVoice(),
        tls: { key: cert.key, cert: cert.cert },
        webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
        webhookSecret: WEBHOOK_SECRET
      })
      const client = new OpenAI({
        apiKey: API_KEY,
        baseURL: `${sim.url}/v1`,
        maxRetries: 0,
        fetch: fetchTrusting(cert.cert)
      })
      return { sim, client, ca: cert.cert }
    }
  }
}

const expectOfficial = (events: RealtimeServerEvent[]): void =>
  expect(officialEventProblems(events).map(describeProblem)).toEqual([])

describe.skipIf(!hasOpenssl && !process.env['CI'])(
  'openai SDK OpenAIRealtimeWS over wss: against the simulator',
  { timeout: 30_000 },
  () => {
    const tls = useTlsSimulator()

    it('serves https: the SDK trusts it only with the ca option passed through to ws', async () => {
      const { sim, client, ca } = await tls.start()
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const untrusted = new OpenAIRealtimeWS({ model: 'gpt-realtime' }, client)
      const refused = await new Promise<Error>((resolve) => untrusted.on('error', resolve))
      expect((refused.cause as { code?: string }).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
      const trusted = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca } }, client)
      tls.connections.push(trusted)
      expect(trusted.url.protocol).toBe('wss:')
      const { next } = await record(trusted)
      await next('session.created')
    })

    it('runs a model call: one session.created, appended audio answered with audio deltas', async () => {
      const { client, ca } = await tls.start()
      const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca } }, client)
      tls.connections.push(rt)
      const call = await record(rt)
      await call.next('session.created')
      for (const audio of pcm24kChunks(800, 800))
        rt.send({ type: 'input_audio_buffer.append', audio })
      const done = await call.next('response.done')
      expect(done).toMatchObject({ response: { status: 'completed' } })
      const deltas = call.events.filter((e) => e.type === 'response.output_audio.delta')
      expect(deltas.length).toBeGreaterThan(0)
      const transcript = call.events.find((e) => e.type === 'response.output_audio_transcript.done')
      expect(transcript).toMatchObject({ transcript: 'Let me check.' })
      expect(call.events.filter((e) => e.type === 'session.created')).toHaveLength(1)
      expect(call.events.filter((e) => e.type === 'error')).toEqual([])
      expect(call.errors).toEqual([])
      expectOfficial(call.events)
    })

    it('attaches a sideband with { callID } to an accepted phone call and acts on it', async () => {
      const { sim, client, ca } = await tls.start()
      // A caller who stays silent: every answer below comes from the sideband's events.
      const placed = sim.placePhoneCall({
        from: '+14155550123',
        to: '+18005550100',
        wav: encodeWav({ samples: new Int16Array(8_000), sampleRate: 16_000 }),
        trailingSilenceMs: 20_000
      })
      expect(await placed.webhookDelivered).toBe(true)
      // The SDK's fetch-based call control over https (the CA through a custom fetch).
      await client.realtime.calls.accept(placed.callId, { type: 'realtime', model: 'gpt-realtime' })
      const rt = new OpenAIRealtimeWS({ callID: placed.callId, options: { ca } }, client)
      tls.connections.push(rt)
      expect(rt.url.searchParams.get('call_id')).toBe(placed.callId)
      const sideband = await record(rt)

      rt.send({
        type: 'session.update',
        session: { type: 'realtime', instructions: 'You answer the night line.' }
      })
      const updated = await sideband.next('session.updated')
      expect(updated).toMatchObject({ session: { instructions: 'You answer the night line.' } })
      rt.send({ type: 'response.create' })
      const created = await sideband.next('response.created')
      const done = await sideband.next('response.done')
      expect(done).toMatchObject({
        response: { id: (created as { response: { id: string } }).response.id }
      })
      expect(sideband.events.some((e) => e.type === 'response.output_audio_transcript.done')).toBe(
        true
      )
      // A sideband joins a running session: it is never greeted with session.created.
      expect(sideband.events.filter((e) => e.type === 'session.created')).toEqual([])
      expect(sideband.events.filter((e) => e.type === 'error')).toEqual([])
      expect(sideband.errors).toEqual([])
      expectOfficial(sideband.events)
      // The call itself took both events, from the sideband, and sent its answer.
      const truth = sim.groundTruth.list(placed.callId)
      const received = truth.flatMap((e) =>
        e.kind === 'event' && e.direction === 'received' && typeof e.event === 'object'
          ? [{ type: (e.event as { type: string }).type, via: e.via }]
          : []
      )
      expect(received).toEqual(
        expect.arrayContaining([
          { type: 'session.update', via: 'sideband' },
          { type: 'response.create', via: 'sideband' }
        ])
      )
      expect(truth).toContainEqual(expect.objectContaining({ kind: 'sideband', state: 'attached' }))
    })
  }
)
