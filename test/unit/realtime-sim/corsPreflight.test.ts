import { afterEach, describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../../src/main/realtime-sim/startSimulator'
import { SCENARIO_YAML } from './support/virtualCall'

// Issue #16: the Agents SDK's WebRTC transport sends `X-OpenAI-Agents-SDK` with its SDP POST, so a
// cross-origin page's preflight must allow it (for the one allowed origin only).

const PAGE_ORIGIN = 'http://127.0.0.1:5173'
/** What Chromium asks before the Agents SDK's SDP POST (lower-cased, sorted, as browsers send). */
const SDK_REQUEST_HEADERS = 'authorization,content-type,x-openai-agents-sdk'

describe('CORS preflight for the Agents SDK', () => {
  const sims: Simulator[] = []
  afterEach(async () => {
    for (const sim of sims.splice(0)) await sim.close()
  })

  const start = async (allowOrigin?: string): Promise<Simulator> => {
    const sim = await startSimulator({
      port: 0,
      apiKey: 'sk-cors-test',
      scenario: parseScenario(SCENARIO_YAML, 'cors.yaml'),
      voice: new ToneVoice(),
      ...(allowOrigin && { allowOrigin })
    })
    sims.push(sim)
    return sim
  }
  const preflight = (url: string, origin: string): Promise<Response> =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': SDK_REQUEST_HEADERS
      }
    })

  it('allows every header the SDK sends, for the allowed origin, and exposes Location', async () => {
    const { url } = await start(PAGE_ORIGIN)
    for (const path of ['/v1/realtime/calls', '/v1/realtime/client_secrets']) {
      const answer = await preflight(`${url}${path}`, PAGE_ORIGIN)
      expect(answer.status).toBe(204)
      expect(answer.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN)
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '')
        .split(',')
        .map((h) => h.trim())
      expect(allowed).toEqual(expect.arrayContaining(SDK_REQUEST_HEADERS.split(',')))
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST')
      expect(answer.headers.get('access-control-expose-headers')).toContain('location')
    }
  })

  it('answers no other origin, and never with a wildcard', async () => {
    const { url } = await start(PAGE_ORIGIN)
    for (const origin of ['http://127.0.0.1:5174', 'https://evil.example', 'null']) {
      const answer = await preflight(`${url}/v1/realtime/calls`, origin)
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
      expect(answer.headers.get('access-control-allow-headers')).toBeNull()
    }
    const none = await start()
    const answer = await preflight(`${none.url}/v1/realtime/calls`, PAGE_ORIGIN)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })
})
