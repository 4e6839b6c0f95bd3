import { describe, expect, it } from 'vitest'
import { startLiveCall } from '../../../src/main/realtime/startLiveCall'
import { keyInMemory } from '../../../src/main/secrets/keyForRequest'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { API_KEY, useSimulator } from '../realtime-sim/support/simServer'

// startLiveCall against the real simulator on loopback: GPT-Live's create (POST /live/sessions
// with the SDP offer and the standard key), what the page gets back, and the failures it explains.

const settingsFor = (baseUrl: string, liveModel = 'gpt-live-1'): AppSettings => ({
  ...defaultSettings(),
  provider: { kind: 'custom', baseUrl, engine: 'live' },
  liveModel
})

describe(
  'realtime.startCall on GPT-Live (main posts the offer with the key)',
  { timeout: 60_000 },
  () => {
    const simulator = useSimulator()

    it('creates a Live session: the SDP answer and the live_… session id, as the SDK types them', async () => {
      const sim = await simulator.start()
      let sent: Record<string, unknown> | null = null
      const spy: typeof fetch = async (url, init) => {
        sent = JSON.parse(String(init?.body)) as Record<string, unknown>
        return fetch(url, init)
      }
      const result = await startLiveCall({
        settings: settingsFor(`${sim.url}/v1`),
        key: keyInMemory(API_KEY, `${sim.url}/v1`),
        offerSdp: await simulator.offer(),
        fetchImpl: spy
      })
      expect(result.ok, JSON.stringify(result)).toBe(true)
      if (!result.ok) return
      expect(result).toMatchObject({ engine: 'live', model: 'gpt-live-1', provider: 'custom' })
      expect(result.answerSdp).toMatch(/^v=0\r?\n/)
      expect(result.callId).toMatch(/^live_/)
      expect(sent).toMatchObject({
        session: {
          model: 'gpt-live-1',
          audio: { output: { voice: 'marin' } },
          delegation: { type: 'client' }
        },
        transport: { type: 'webrtc' }
      })
    })

    it('explains a refused key (401) and a refused session (a strict config field)', async () => {
      const sim = await simulator.start()
      const bad = await startLiveCall({
        settings: settingsFor(`${sim.url}/v1`),
        key: keyInMemory('sk-wrong-key-000000', `${sim.url}/v1`),
        offerSdp: await simulator.offer()
      })
      expect(bad).toMatchObject({ ok: false, kind: 'bad_key', status: 401 })
      const refused = await startLiveCall({
        settings: { ...settingsFor(`${sim.url}/v1`), voice: 'marin' },
        key: keyInMemory(API_KEY, `${sim.url}/v1`),
        offerSdp: 'not an SDP offer'
      })
      expect(refused).toMatchObject({ ok: false })
      if (!refused.ok) expect(refused.message).toMatch(/GPT-Live|audio offer|SDP/)
    })

    it('says no key is stored without calling anyone, and that the demo agent is Realtime only', async () => {
      let called = false
      const none = await startLiveCall({
        settings: settingsFor('https://api.example.com/v1'),
        key: undefined,
        offerSdp: 'v=0',
        fetchImpl: async () => {
          called = true
          return new Response('')
        }
      })
      expect(none).toMatchObject({ ok: false, kind: 'no_key' })
      expect(called).toBe(false)
      const demo = await startLiveCall({
        settings: { ...defaultSettings(), provider: { kind: 'demo' } },
        key: undefined,
        offerSdp: 'v=0'
      })
      expect(demo).toMatchObject({ ok: false, kind: 'refused' })
    })
  }
)
