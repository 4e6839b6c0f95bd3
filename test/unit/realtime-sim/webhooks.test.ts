import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator } from '../../../src/main/realtime-sim/startSimulator'
import { API_KEY } from './support/simServer'
import {
  type Delivery,
  humWav,
  PHONE_SCENARIO_YAML,
  placeCall,
  usePhoneRig,
  WEBHOOK_SECRET
} from './support/phoneRig'

const sdk = new OpenAI({ apiKey: 'unused' })
const CALLER = { from: '+14155550199', to: '+18005550100' }
const wavBase64 = (): string => Buffer.from(humWav([1, 200])).toString('base64')

// Real HTTP both ways; generous timeouts for a busy 2-vCPU VM.
describe('realtime.call.incoming webhooks', { timeout: 30_000 }, () => {
  const rig = usePhoneRig()

  it('signs Standard Webhooks that the openai SDK verifies, and only with the right secret', async () => {
    const deliveries: Delivery[] = []
    const { sim } = await rig.start((d) => (deliveries.push(d), 200))
    const res = await placeCall(sim, { ...CALLER, wav_base64: wavBase64() })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      call_id: expect.stringMatching(/^rtc_/),
      sip_call_id: expect.any(String),
      webhook_id: expect.stringMatching(/^wh_[0-9a-f]{32}$/),
      caller_audio_ms: 500
    })
    await expect.poll(() => deliveries.length).toBe(1)
    const [{ body, headers }] = deliveries as [Delivery]
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': res.json['webhook_id'],
      'webhook-timestamp': expect.stringMatching(/^\d+$/),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]+=*$/)
    })
    const event = await sdk.webhooks.unwrap(body, headers, WEBHOOK_SECRET)
    expect(event).toEqual({
      object: 'event',
      id: expect.stringMatching(/^evt_/),
      type: 'realtime.call.incoming',
      created_at: expect.any(Number),
      data: {
        call_id: res.json['call_id'],
        sip_headers: [
          { name: 'From', value: expect.stringContaining('sip:+14155550199@') },
          { name: 'To', value: expect.stringContaining('sip:+18005550100@') },
          { name: 'Call-ID', value: res.json['sip_call_id'] }
        ]
      }
    })
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`
    await expect(sdk.webhooks.unwrap(body, headers, otherSecret)).rejects.toThrow(
      OpenAI.InvalidWebhookSignatureError
    )
    await expect(
      sdk.webhooks.unwrap(body.replace('+14155550199', '+14155550100'), headers, WEBHOOK_SECRET)
    ).rejects.toThrow(OpenAI.InvalidWebhookSignatureError)
  })

  it('retries a 500 with backoff and the same webhook-id, each attempt re-signed and recorded', async () => {
    const deliveries: (Delivery & { atMs: number })[] = []
    const { sim } = await rig.start(
      (d) => {
        deliveries.push({ ...d, atMs: performance.now() })
        return deliveries.length < 3 ? 500 : 204
      },
      { retry: { attempts: 5, firstDelayMs: 100 } }
    )
    const placed = sim.placePhoneCall({ ...CALLER, wav: humWav([1, 200]) })
    expect(await placed.webhookDelivered).toBe(true)
    expect(deliveries).toHaveLength(3)
    expect(new Set(deliveries.map((d) => d.headers['webhook-id']))).toEqual(
      new Set([placed.webhookId])
    )
    for (const d of deliveries) await sdk.webhooks.unwrap(d.body, d.headers, WEBHOOK_SECRET)
    // Backoff: 100 ms, then 200 ms.
    expect(deliveries[1]!.atMs - deliveries[0]!.atMs).toBeGreaterThanOrEqual(95)
    expect(deliveries[2]!.atMs - deliveries[1]!.atMs).toBeGreaterThanOrEqual(195)
    const attempts = sim.groundTruth.list(placed.callId).filter((e) => e.kind === 'webhook')
    expect(attempts.map((a) => [a.attempt, a.status, a.delivered, a.webhook_id])).toEqual([
      [1, 500, false, placed.webhookId],
      [2, 500, false, placed.webhookId],
      [3, 204, true, placed.webhookId]
    ])
  })

  it('gives up after the last attempt, and records network errors as status null', async () => {
    const { sim } = await rig.start(() => 503, { retry: { attempts: 3, firstDelayMs: 20 } })
    const placed = sim.placePhoneCall({ ...CALLER, wav: humWav([1, 200]) })
    expect(await placed.webhookDelivered).toBe(false)
    const statuses = sim.groundTruth
      .list(placed.callId)
      .flatMap((e) => (e.kind === 'webhook' ? [e.status] : []))
    expect(statuses).toEqual([503, 503, 503])

    const unreachable = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      scenario: parseScenario(PHONE_SCENARIO_YAML, 'phone.yaml'),
      voice: new ToneVoice(),
      webhookUrl: 'http://127.0.0.1:9/hooks',
      webhookSecret: WEBHOOK_SECRET,
      webhookRetry: { attempts: 2, firstDelayMs: 20 }
    })
    try {
      const lost = unreachable.placePhoneCall({ ...CALLER, wav: humWav([1, 200]) })
      expect(await lost.webhookDelivered).toBe(false)
      expect(unreachable.groundTruth.list(lost.callId).filter((e) => e.kind === 'webhook')).toEqual(
        [1, 2].map((attempt) =>
          expect.objectContaining({
            attempt,
            status: null,
            delivered: false,
            error: expect.any(String)
          })
        )
      )
    } finally {
      await unreachable.close()
    }
  })

  it('stops retrying once the call is answered', async () => {
    let deliveries = 0
    const { sim, client } = await rig.start(() => (++deliveries, 500), {
      retry: { attempts: 5, firstDelayMs: 150 }
    })
    const placed = sim.placePhoneCall({ ...CALLER, wav: humWav([1, 200]) })
    await expect.poll(() => deliveries).toBe(1)
    await client.realtime.calls.accept(placed.callId, { type: 'realtime' })
    expect(await placed.webhookDelivered).toBe(false)
    expect(deliveries).toBe(1)
  })

  it('refuses a malformed webhook secret, or a URL without one, at start-up', async () => {
    const start = (webhookSecret: string | undefined) =>
      startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(PHONE_SCENARIO_YAML, 'phone.yaml'),
        voice: new ToneVoice(),
        webhookUrl: 'http://127.0.0.1:1/hooks',
        webhookSecret
      })
    await expect(start('not-a-whsec-secret')).rejects.toThrow("'whsec_' followed by base64")
    await expect(start('whsec_%%%%')).rejects.toThrow("'whsec_' followed by base64")
    await expect(start('whsec_c2hvcnQ=')).rejects.toThrow('at least 24 bytes')
    await expect(start(undefined)).rejects.toThrow('webhookUrl and webhookSecret go together')
  })

  it('serves POST /sim/sip/calls only with debug routes, the standard key, a webhook URL and a WAV', async () => {
    const { sim } = await rig.start(() => 200)
    expect(
      (await placeCall(sim, { ...CALLER, wav_base64: wavBase64() }, 'sk-wrong-0123')).status
    ).toBe(401)
    const notWav = await placeCall(sim, {
      ...CALLER,
      wav_base64: Buffer.from('hello').toString('base64')
    })
    expect(notWav).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid_value', param: 'wav_base64', message: 'Not a WAV file' } }
    })
    expect(await placeCall(sim, { ...CALLER, wav_path: '/etc/passwd' })).toMatchObject({
      status: 400,
      json: { error: { code: 'unknown_parameter', param: 'wav_path' } }
    })
    expect(await placeCall(sim, CALLER)).toMatchObject({
      status: 400,
      json: { error: { code: 'missing_required_parameter', param: 'wav_base64' } }
    })
    expect(
      await placeCall(sim, { ...CALLER, wav_base64: wavBase64(), caller_says: ['Hi'] })
    ).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid_value', param: 'caller_says' } }
    })
    expect(await placeCall(sim, { from: CALLER.from, wav_base64: wavBase64() })).toMatchObject({
      status: 400,
      json: { error: { code: 'missing_required_parameter', param: 'to' } }
    })

    for (const [debugRoutes, webhookUrl, status] of [
      [false, 'http://127.0.0.1:1/hooks', 404],
      [true, undefined, 409]
    ] as const) {
      const other = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(PHONE_SCENARIO_YAML, 'phone.yaml'),
        voice: new ToneVoice(),
        debugRoutes,
        webhookUrl,
        webhookSecret: webhookUrl && WEBHOOK_SECRET
      })
      try {
        expect((await placeCall(other, { ...CALLER, wav_base64: wavBase64() })).status).toBe(status)
      } finally {
        await other.close()
      }
    }
  })
})
