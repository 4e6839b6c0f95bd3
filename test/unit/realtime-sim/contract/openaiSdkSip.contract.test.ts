import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import OpenAI from 'openai'
import type { UnwrapWebhookEvent } from 'openai/resources/webhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { encodeWav } from '../../../../src/main/realtime-sim/audio/wav'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../../../src/main/realtime-sim/startSimulator'
import { describeProblem, officialEventProblems } from '../../../support/officialRealtimeEvents'
import { API_KEY } from '../support/simServer'
import { SCENARIO_YAML } from '../support/virtualCall'
import {
  type AgentsSdkCall,
  connectAgentsSdk,
  TOOL_OUTPUT,
  wsUrl
} from '../../../support/agentsSdkSession'
import { openaiFor } from './support/openaiClient'

// Issue #16, contract tests: a simulated phone call driven only by official client code: the
// openai SDK verifies the simulator's signed webhook (webhooks.unwrap) and answers the call
// (calls.accept / reject / refer / hangup); the Agents SDK runs the call's tools on the
// sideband. Needs the SIP calls and webhooks (engineer "sip") and the sideband (engineer "ws")
// of issue #16; the interface is the README's: POST /sim/sip/calls, webhookUrl/webhookSecret.

const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`
const FROM = '+14155550123'
const TO = '+18005550100'

/** 16 kHz mono: silence, a loud tone the VAD takes for a caller's turn, silence. */
function callerWavBase64(): string {
  const rate = 16_000
  const at = (ms: number): number => (rate * ms) / 1000
  const samples = new Int16Array(at(1500 + 800 + 2000))
  for (let i = at(1500); i < at(2300); i++)
    samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate))
  return Buffer.from(encodeWav({ samples, sampleRate: rate })).toString('base64')
}

interface Delivery {
  body: string
  headers: IncomingHttpHeaders
}

/** A webhook receiver that verifies each delivery with the openai SDK, as a server would. */
function useSipRig() {
  let sim: Simulator | undefined
  let receiver: Server | undefined
  const sockets: AgentsSdkCall[] = []
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close())
    await sim?.close()
    receiver?.closeAllConnections()
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
    sim = receiver = undefined
  })
  return {
    sockets,
    async start() {
      const client = new OpenAI({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET })
      const deliveries: Delivery[] = []
      const verified: UnwrapWebhookEvent[] = []
      let arrived: () => void = () => undefined
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
          const delivery = { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers }
          deliveries.push(delivery)
          client.webhooks
            .unwrap(delivery.body, delivery.headers as Record<string, string>)
            .then((event) => {
              verified.push(event)
              res.writeHead(200).end()
              arrived()
            })
            .catch(() => res.writeHead(400).end())
        })
      })
      await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
      const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
      // The SIP options of startSimulator (issue #16): not typed on a branch without them.
      const options = {
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(SCENARIO_YAML, 'sip-contract.yaml'),
        voice: new ToneVoice(),
        debugRoutes: true,
        webhookUrl,
        webhookSecret: WEBHOOK_SECRET
      }
      sim = await startSimulator(options as SimulatorOptions)
      const started = sim
      return {
        sim: started,
        client: openaiFor(started, API_KEY),
        deliveries,
        verified,
        /** POST /sim/sip/calls; resolves with the call id once its webhook was verified. */
        async ring(): Promise<string> {
          const webhook = new Promise<void>((resolve) => (arrived = resolve))
          const res = await fetch(`${started.url}/sim/sip/calls`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              from: FROM,
              to: TO,
              wav_base64: callerWavBase64(),
              trailing_silence_ms: 8000
            })
          })
          const placed = (await res.json()) as { call_id: string }
          expect(res.status).toBe(201)
          await webhook
          return placed.call_id
        }
      }
    }
  }
}

describe('openai SDK: a phone call through webhook and call control', { timeout: 30_000 }, () => {
  const rig = useSipRig()

  it('signs realtime.call.incoming so that webhooks.unwrap verifies it, and only it', async () => {
    const { client, deliveries, verified, ring } = await rig.start()
    const callId = await ring()
    expect(verified[0]).toMatchObject({
      object: 'event',
      type: 'realtime.call.incoming',
      data: {
        call_id: callId,
        sip_headers: expect.arrayContaining([
          { name: 'From', value: expect.stringContaining(FROM) },
          { name: 'To', value: expect.stringContaining(TO) }
        ])
      }
    })
    const { body, headers } = deliveries[0]!
    const plain = headers as Record<string, string>
    const tampered = body.replace(callId, 'rtc_00000000000000000000')
    await expect(client.webhooks.unwrap(tampered, plain)).rejects.toThrow()
    await expect(
      client.webhooks.unwrap(body, plain, `whsec_${randomBytes(32).toString('base64')}`)
    ).rejects.toThrow()
    await client.realtime.calls.reject(callId, { status_code: 486 })
  })

  it('accepts with a session; the Agents SDK on the sideband runs the tool; hangup ends it', async () => {
    const { sim, client, ring } = await rig.start()
    const callId = await ring()
    await client.realtime.calls.accept(callId, {
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: "You are OutdoorGear's phone agent."
    })
    const sideband = await connectAgentsSdk(
      wsUrl(sim.url, `/v1/realtime?call_id=${callId}`),
      API_KEY
    )
    rig.sockets.push(sideband)
    // The caller's tone is turn 1: an answer and search_products, run by the sideband's SDK.
    await sideband.log.waitFor('response.done', 2, 15_000)
    expect(sideband.toolCalls).toEqual([{ query: 'waterproof boots', max_price: 200 }])
    expect(
      sideband.log.ofType('response.output_audio_transcript.done').map((e) => e['transcript'])
    ).toContain('The TrailBlazer X200 costs 189.99 dollars.')
    expect(sideband.errors).toEqual([])
    expect(sideband.log.ofType('error')).toEqual([])
    expect(officialEventProblems(sideband.log.events).map(describeProblem)).toEqual([])
    // The ground truth of this call holds the function call and the output the sideband sent.
    const tools = sim.groundTruth.list(callId).filter((e) => e.kind === 'tool_call')
    expect(tools).toEqual([
      expect.objectContaining({ name: 'search_products' }),
      expect.objectContaining({ function_call_id: tools[0]?.function_call_id, output: TOOL_OUTPUT })
    ])
    await client.realtime.calls.hangup(callId)
    await expect(client.realtime.calls.hangup(callId)).rejects.toBeInstanceOf(OpenAI.NotFoundError)
  })

  it('refuses a sideband with an ek_ (the standard key attaches), and transfers with refer', async () => {
    const { sim, client, ring } = await rig.start()
    const callId = await ring()
    await client.realtime.calls.accept(callId, { type: 'realtime', model: 'gpt-realtime' })
    const sidebandUrl = wsUrl(sim.url, `/v1/realtime?call_id=${callId}`)
    rig.sockets.push(await connectAgentsSdk(sidebandUrl, API_KEY))
    const { value: ek } = await client.realtime.clientSecrets.create({
      session: { type: 'realtime', model: 'gpt-realtime' }
    })
    await expect(connectAgentsSdk(sidebandUrl, ek)).rejects.toThrow()
    await client.realtime.calls.refer(callId, { target_uri: 'tel:+14155550199' })
    expect(JSON.stringify(sim.groundTruth.list(callId))).toContain('tel:+14155550199')
    await expect(
      client.realtime.calls.refer(callId, { target_uri: 'tel:+14155550199' })
    ).rejects.toBeInstanceOf(OpenAI.APIError)
  })
})
