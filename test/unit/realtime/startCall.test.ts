import { describe, expect, it } from 'vitest'
import { hangupCall } from '../../../src/main/realtime/hangupCall'
import { startCall } from '../../../src/main/realtime/startCall'
import { keyInMemory } from '../../../src/main/secrets/keyForRequest'
import { agentToolDefinitions } from '../../../src/shared/catalog/agentTools'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { API_KEY, useSimulator } from '../realtime-sim/support/simServer'

// startCall against the real simulator on loopback (HTTP + a real WebRTC answer): what the
// renderer gets back for a good call and for each failure the live screen explains.

const settingsFor = (baseUrl: string): AppSettings => ({
  ...defaultSettings(),
  provider: { kind: 'custom', baseUrl },
  transcription: { model: 'gpt-4o-transcribe', language: 'en' },
  turnDetection: {
    type: 'server_vad',
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500
  }
})

describe('realtime.startCall in main (variant A: main posts the SDP)', { timeout: 60_000 }, () => {
  const simulator = useSimulator()

  it('mints a secret with the settings session, posts the offer and returns answer + call id', async () => {
    const sim = await simulator.start()
    const result = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer()
    })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    if (!result.ok) return
    expect(result.answerSdp).toMatch(/^v=0\r?\n/)
    expect(result.callId).toMatch(/^rtc_[0-9a-f]+$/)
    expect(sim.hub.callIds).toEqual([result.callId])
    expect(result).toMatchObject({ model: 'gpt-realtime', provider: 'custom' })
    await expect(
      hangupCall(settingsFor(`${sim.url}/v1`), keyInMemory(API_KEY, sim.url), result.callId)
    ).resolves.toEqual({ ended: true })
    // Hanging up twice is fine: the simulator answers 404 for a call that is over.
    await expect(
      hangupCall(settingsFor(`${sim.url}/v1`), keyInMemory(API_KEY, sim.url), result.callId)
    ).resolves.toEqual({ ended: true })
  })

  it('sends the four catalog tools, VAD that answers and interrupts, and the voice', async () => {
    const sim = await simulator.start()
    let sessionSent: Record<string, unknown> | null = null
    const spy: typeof fetch = async (url, init) => {
      if (String(url).endsWith('/client_secrets'))
        sessionSent = (JSON.parse(String(init?.body)) as { session: Record<string, unknown> })
          .session
      return fetch(url, init)
    }
    const result = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer(),
      fetchImpl: spy
    })
    expect(result.ok).toBe(true)
    expect(sessionSent).toMatchObject({
      type: 'realtime',
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      tool_choice: 'auto',
      audio: {
        input: {
          noise_reduction: { type: 'near_field' },
          transcription: { model: 'gpt-4o-transcribe', language: 'en' },
          turn_detection: { type: 'server_vad', create_response: true, interrupt_response: true }
        },
        output: { voice: 'marin' }
      }
    })
    const tools = (sessionSent as unknown as { tools: { name: string }[] }).tools
    expect(tools.map((t) => t.name)).toEqual(agentToolDefinitions.map((t) => t.name))
  })

  it('says no key is stored without calling anyone', async () => {
    const calls: string[] = []
    const result = await startCall({
      settings: settingsFor('http://127.0.0.1:9/v1'),
      key: undefined,
      offerSdp: 'v=0 offer',
      fetchImpl: async (url) => {
        calls.push(String(url))
        throw new Error('not called')
      }
    })
    expect(result).toMatchObject({ ok: false, kind: 'no_key' })
    expect(calls).toEqual([])
  })

  it('explains a refused key (401) with the API message', async () => {
    const sim = await simulator.start()
    const result = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory('sk-wrong-key-123', `${sim.url}/v1`),
      offerSdp: await simulator.offer()
    })
    expect(result).toMatchObject({ ok: false, kind: 'bad_key', status: 401 })
    if (!result.ok) expect(result.message).toMatch(/^The API key was refused \(401: .+\)/)
    expect(sim.hub.callIds).toEqual([])
  })

  it('explains an unreachable endpoint', async () => {
    const result = await startCall({
      settings: settingsFor('http://127.0.0.1:9/v1'),
      key: keyInMemory(API_KEY, 'http://127.0.0.1:9/v1'),
      offerSdp: await simulator.offer()
    })
    expect(result).toMatchObject({ ok: false, kind: 'unreachable' })
    if (!result.ok) expect(result.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9 /)
  })

  it('reports a refused SDP offer (non-2xx) instead of handing an error body on as SDP', async () => {
    const sim = await simulator.start('\nfaults: [{ type: sdp_http_500, attempts: [1] }]\n')
    const result = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer()
    })
    expect(result).toMatchObject({ ok: false, kind: 'sdp_refused', status: 500 })
    if (!result.ok) expect(result.message).toContain('The server had an error')
    // Retrying (a new attempt) works: the fault hit only the first attempt.
    const retry = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer()
    })
    expect(retry.ok).toBe(true)
  })

  it('mints a fresh secret once when the first expired before the SDP POST', async () => {
    const sim = await simulator.start()
    let mints = 0
    // The clock jumps past the secret's TTL right after the first mint, as on a stalled machine.
    const slow: typeof fetch = async (url, init) => {
      const res = await fetch(url, init)
      if (String(url).endsWith('/client_secrets') && ++mints === 1) simulator.clock.seconds += 3600
      return res
    }
    const result = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer(),
      fetchImpl: slow
    })
    expect(mints).toBe(2)
    expect(result.ok).toBe(true)
    // Every secret expiring (a clock that always jumps) ends as secret_expired, not a loop.
    const always: typeof fetch = async (url, init) => {
      const res = await fetch(url, init)
      if (String(url).endsWith('/client_secrets')) simulator.clock.seconds += 3600
      return res
    }
    const expired = await startCall({
      settings: settingsFor(`${sim.url}/v1`),
      key: keyInMemory(API_KEY, `${sim.url}/v1`),
      offerSdp: await simulator.offer(),
      fetchImpl: always
    })
    expect(expired).toMatchObject({ ok: false, kind: 'secret_expired', status: 401 })
  })
})
