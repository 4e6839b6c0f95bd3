import { describe, expect, it } from 'vitest'
import { ClientSecretResponse } from '../../../src/shared/realtime/sessionConfig'
import { API_KEY, post, useSimulator } from './support/simServer'

const json = { 'Content-Type': 'application/json' }
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` })
const SECRET_BODY = JSON.stringify({
  expires_after: { anchor: 'created_at', seconds: 120 },
  session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Help callers.' }
})
const OPENAI_ERROR = {
  error: {
    message: expect.any(String),
    type: 'invalid_request_error',
    param: null,
    code: expect.toBeOneOf(['invalid_api_key', null])
  }
}

// Real servers and WebRTC offers: generous timeouts for a busy 2-vCPU VM.
describe('simulator HTTP endpoints (GA shapes)', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  async function mint(url: string): Promise<string> {
    const res = await post(
      `${url}/v1/realtime/client_secrets`,
      { ...bearer(API_KEY), ...json },
      SECRET_BODY
    )
    return ClientSecretResponse.parse(res.json()).value
  }

  it('mints a client secret with the OpenAI shape and TTL', async () => {
    const sim = await simulator.start()
    const res = await post(
      `${sim.url}/v1/realtime/client_secrets`,
      { ...bearer(API_KEY), ...json },
      SECRET_BODY
    )
    expect(res.status).toBe(200)
    const body = ClientSecretResponse.parse(res.json())
    expect(body.value).toMatch(/^ek_[0-9a-f]{48}$/)
    expect(body.expires_at).toBe(simulator.clock.seconds + 120)
    expect(body.session).toMatchObject({
      id: expect.stringMatching(/^sess_/),
      object: 'realtime.session',
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: 'Help callers.',
      audio: {
        input: { turn_detection: { type: 'server_vad', threshold: 0.5 } },
        output: { voice: 'marin' }
      }
    })
  })

  it('mints on the Azure path with api-key, and requires the deployment as session.model', async () => {
    const sim = await simulator.start()
    const url = `${sim.url}/openai/v1/realtime/client_secrets`
    const ok = await post(url, { 'api-key': API_KEY, ...json }, SECRET_BODY)
    expect(ok.status).toBe(200)
    expect(ClientSecretResponse.safeParse(ok.json()).success).toBe(true)
    const noModel = await post(
      url,
      { 'api-key': API_KEY, ...json },
      JSON.stringify({ session: { type: 'realtime' } })
    )
    expect(noModel.status).toBe(400)
    expect(noModel.json()).toMatchObject({
      error: { code: 'missing_required_parameter', param: 'session.model' }
    })
  })

  it.each([
    ['no key', {}],
    ['a wrong key', bearer('sk-wrong-0123456789')],
    ["Azure's api-key header on the OpenAI path", { 'api-key': API_KEY }]
  ])('refuses %s with 401 and an OpenAI-style error body', async (_, headers) => {
    const sim = await simulator.start()
    const res = await post(
      `${sim.url}/v1/realtime/client_secrets`,
      { ...headers, ...json },
      SECRET_BODY
    )
    expect(res.status).toBe(401)
    expect(res.json()).toEqual(OPENAI_ERROR)
    expect(res.text).not.toContain('0123456789')
  })

  it("refuses a wrong key on the Azure path with Azure's 401 body", async () => {
    const sim = await simulator.start()
    const res = await post(
      `${sim.url}/openai/v1/realtime/client_secrets`,
      { 'api-key': 'nope', ...json },
      SECRET_BODY
    )
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({
      error: { code: '401', message: expect.stringContaining('Access denied') }
    })
  })

  it.each([
    [
      { session: { type: 'realtime', modalities: ['audio'] } },
      'unknown_parameter',
      'session.modalities'
    ],
    [{ session: { model: 'gpt-realtime' } }, 'missing_required_parameter', 'session.type'],
    [
      { expires_after: { anchor: 'created_at', seconds: 5 }, session: { type: 'realtime' } },
      'integer_below_min_value',
      'expires_after.seconds'
    ]
  ])(
    'answers a bad session config with 400 naming the parameter (%j)',
    async (body, code, param) => {
      const sim = await simulator.start()
      const res = await post(
        `${sim.url}/v1/realtime/client_secrets`,
        { ...bearer(API_KEY), ...json },
        JSON.stringify(body)
      )
      expect(res.status).toBe(400)
      expect(res.json()).toMatchObject({ error: { type: 'invalid_request_error', code, param } })
    }
  )

  it('answers an SDP offer with the ephemeral key: 201, answer SDP and Location', async () => {
    const sim = await simulator.start()
    const ek = await mint(sim.url)
    const res = await post(
      `${sim.url}/v1/realtime/calls`,
      { ...bearer(ek), 'Content-Type': 'application/sdp' },
      await simulator.offer()
    )
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/sdp')
    const callId = res.headers
      .get('location')
      ?.match(/^\/v1\/realtime\/calls\/(rtc_[0-9a-f]+)$/)?.[1]
    expect(callId).toBeDefined()
    expect(res.text).toMatch(/^v=0\r\n/)
    expect(res.text).toContain('m=audio')
    expect(res.text).toContain('m=application')
    expect(res.text).toContain('a=candidate')
    expect(sim.hub.callIds).toEqual([callId])

    const hangup = await post(`${sim.url}/v1/realtime/calls/${callId}/hangup`, bearer(API_KEY), '')
    expect(hangup.status).toBe(200)
    expect(sim.hub.callIds).toEqual([])
    const again = await post(`${sim.url}/v1/realtime/calls/${callId}/hangup`, bearer(API_KEY), '')
    expect(again.status).toBe(404)
  })

  it('accepts the unified multipart form (sdp + session) with the standard key', async () => {
    const sim = await simulator.start()
    const form = new FormData()
    form.set('sdp', await simulator.offer())
    form.set(
      'session',
      JSON.stringify({
        type: 'realtime',
        model: 'gpt-realtime',
        audio: { output: { voice: 'cedar' } }
      })
    )
    const res = await post(`${sim.url}/v1/realtime/calls`, bearer(API_KEY), form)
    expect(res.status).toBe(201)
    expect(res.text).toMatch(/^v=0/)

    const bad = new FormData()
    bad.set('sdp', await simulator.offer())
    bad.set('session', JSON.stringify({ type: 'realtime', voice: 'cedar' }))
    const refused = await post(`${sim.url}/v1/realtime/calls`, bearer(API_KEY), bad)
    expect(refused.status).toBe(400)
    expect(refused.json()).toMatchObject({
      error: { code: 'unknown_parameter', param: 'session.voice' }
    })
  })

  it('refuses expired and unknown client secrets, and the SDP POST with a bad content type', async () => {
    const sim = await simulator.start()
    const ek = await mint(sim.url)
    const sdp = { 'Content-Type': 'application/sdp' }
    const offer = await simulator.offer()
    const unknown = await post(
      `${sim.url}/v1/realtime/calls`,
      { ...bearer('ek_0000'), ...sdp },
      offer
    )
    expect(unknown.status).toBe(401)
    expect(unknown.json()).toEqual(OPENAI_ERROR)
    simulator.clock.seconds += 121
    const expired = await post(`${sim.url}/v1/realtime/calls`, { ...bearer(ek), ...sdp }, offer)
    expect(expired.status).toBe(401)
    expect(expired.json()).toMatchObject({
      error: { code: 'invalid_api_key', message: expect.stringContaining('expired') }
    })
    const text = await post(
      `${sim.url}/v1/realtime/calls`,
      { ...bearer(API_KEY), 'Content-Type': 'text/plain' },
      offer
    )
    expect(text.status).toBe(400)
    expect(sim.hub.callIds).toEqual([])
  })

  it('answers unknown paths with the API 404 body', async () => {
    const sim = await simulator.start()
    const res = await post(`${sim.url}/v1/realtime/sessions`, bearer(API_KEY), '{}')
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({
      error: {
        message: 'Invalid URL (POST /v1/realtime/sessions)',
        type: 'invalid_request_error',
        param: null,
        code: null
      }
    })
  })
})

describe('simulator faults on the SDP exchange', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('answers the chosen attempts with 500 and a server_error body, then recovers', async () => {
    const sim = await simulator.start('\nfaults: [{ type: sdp_http_500, attempts: [1] }]\n')
    const headers = { ...bearer(API_KEY), 'Content-Type': 'application/sdp' }
    const first = await post(`${sim.url}/v1/realtime/calls`, headers, await simulator.offer())
    expect(first.status).toBe(500)
    expect(first.json()).toMatchObject({ error: { type: 'server_error', code: null } })
    const second = await post(`${sim.url}/v1/realtime/calls`, headers, await simulator.offer())
    expect(second.status).toBe(201)
    expect(
      sim.groundTruth
        .list()
        .filter((e) => e.kind === 'fault')
        .map((e) => e.kind === 'fault' && e.fault)
    ).toEqual(['sdp_http_500'])
  })

  it('delays the SDP answer and records it', async () => {
    const sim = await simulator.start('\nfaults: [{ type: slow_sdp, delay_ms: 300 }]\n')
    const res = await post(
      `${sim.url}/v1/realtime/calls`,
      { ...bearer(API_KEY), 'Content-Type': 'application/sdp' },
      await simulator.offer()
    )
    expect(res.status).toBe(201)
    expect(sim.groundTruth.list()).toContainEqual(
      expect.objectContaining({ kind: 'fault', fault: 'slow_sdp' })
    )
  })
})
