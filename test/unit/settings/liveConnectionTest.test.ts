import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/main/realtime/testConnection'
import { keyInMemory } from '../../../src/main/secrets/keyForRequest'
import { ConnectionTestSchema } from '../../../src/shared/settings/connectionTest'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { API_KEY, useSimulator } from '../realtime-sim/support/simServer'

// Settings → Test connection when the provider runs GPT-Live, against the real simulator: the
// Live model is read with the key (GPT-Live has no client secret, and a session bills its start).

const live = (baseUrl: string, liveModel: string): AppSettings => ({
  ...defaultSettings(),
  provider: { kind: 'custom', baseUrl, engine: 'live' },
  liveModel
})

describe('Test connection on GPT-Live', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('checks the Live model, not the Realtime one, and never creates a session', async () => {
    const sim = await simulator.start()
    const base = `${sim.url}/v1`
    const asked: string[] = []
    const spy: typeof fetch = async (url, init) => {
      asked.push(`${init?.method ?? 'GET'} ${new URL(String(url)).pathname}`)
      return fetch(url, init)
    }
    const ok = await testConnection(live(base, 'gpt-live-1.1'), keyInMemory(API_KEY, base), spy)
    expect(ok).toMatchObject({ ok: true, model: 'gpt-live-1.1' })
    expect(asked).toEqual(['GET /v1/models/gpt-live-1.1'])

    const missing = await testConnection(live(base, 'gpt-live-9'), keyInMemory(API_KEY, base))
    expect(missing).toMatchObject({ ok: false, kind: 'refused', status: 404 })
    expect(missing.ok === false && missing.detail).toMatch(/gpt-live-9/)

    const badKey = await testConnection(live(base, 'gpt-live-1'), keyInMemory('sk-wrong', base))
    expect(badKey).toMatchObject({ ok: false, kind: 'bad_key', status: 401 })
    for (const outcome of [ok, missing, badKey])
      expect(ConnectionTestSchema.parse(outcome)).toEqual(outcome)
  })

  it('on Azure checks the key and endpoint only, and says the deployment is checked later', async () => {
    const sim = await simulator.start()
    const settings: AppSettings = {
      ...defaultSettings(),
      provider: { kind: 'azure', endpoint: sim.url, deployment: 'og-live', engine: 'live' }
    }
    const asked: string[] = []
    const spy: typeof fetch = async (url, init) => {
      asked.push(new URL(String(url)).pathname)
      return fetch(url, init)
    }
    const ok = await testConnection(settings, keyInMemory(API_KEY, sim.url), spy)
    expect(ok).toMatchObject({ ok: true, model: 'og-live', modelChecked: false })
    expect(asked).toEqual(['/openai/v1/models'])
  })

  it("the simulator's models route is what the openai SDK reads", async () => {
    const sim = await simulator.start()
    const client = new OpenAI({ apiKey: API_KEY, baseURL: `${sim.url}/v1`, maxRetries: 0 })
    const model = await client.models.retrieve('gpt-live-1')
    expect(model).toMatchObject({ id: 'gpt-live-1', object: 'model', owned_by: 'system' })
    const ids = []
    for await (const m of client.models.list()) ids.push(m.id)
    expect(ids).toContain('gpt-live-1.1')
    await expect(client.models.retrieve('gpt-nope')).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found'
    })
  })
})
