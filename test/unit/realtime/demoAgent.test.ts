import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { DemoAgent } from '../../../src/main/realtime/demoAgent/DemoAgent'
import { demoCallSettings } from '../../../src/main/realtime/demoAgent/demoCallSettings'
import {
  DEMO_SCENARIO_NAME,
  demoScenarioFile
} from '../../../src/main/realtime/demoAgent/demoScenarioFile'
import { providerEndpoints } from '../../../src/main/realtime/providerEndpoints'
import { SettingsStore } from '../../../src/main/settings/SettingsStore'
import { SecretStore } from '../../../src/main/secrets/SecretStore'
import {
  AppSettingsSchema,
  DEMO_AGENT_MODEL,
  ProviderSchema,
  defaultSettings
} from '../../../src/shared/settings/settingsSchema'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'
import { useSimulator } from '../realtime-sim/support/simServer'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
/** The shape of the demo agent's per-run key: no IPC answer may contain one. */
const DEMO_KEY = /sk-demo-[0-9a-f]{48}/

const agents: DemoAgent[] = []
const demoAgent = (): DemoAgent => {
  const agent = new DemoAgent({
    scenarioFile: demoScenarioFile(RESOURCES_DIR),
    voice: () => new ToneVoice()
  })
  agents.push(agent)
  return agent
}
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()))
})

const mint = (baseUrl: string, key: string): Promise<Response> =>
  fetch(`${baseUrl}/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ session: { type: 'realtime', model: DEMO_AGENT_MODEL } })
  })

describe('the demo provider in settings', () => {
  it('is a provider kind of its own, with nothing to configure', () => {
    expect(ProviderSchema.parse({ kind: 'demo' })).toEqual({ kind: 'demo' })
    expect(
      ProviderSchema.safeParse({ kind: 'demo', baseUrl: 'http://127.0.0.1:1/v1' }).success
    ).toBe(false)
    expect(AppSettingsSchema.parse({ provider: { kind: 'demo' } }).provider).toEqual({
      kind: 'demo'
    })
  })

  it('has no fixed endpoint: a call resolves it to the running agent on loopback', () => {
    const settings = { ...defaultSettings(), provider: { kind: 'demo' as const } }
    expect(() => providerEndpoints(settings.provider, settings.model)).toThrow(/demoCallSettings/)
    const resolved = demoCallSettings(settings, {
      baseUrl: 'http://127.0.0.1:45678/v1',
      key: 'sk-demo-x'
    })
    expect(providerEndpoints(resolved.provider, resolved.model)).toMatchObject({
      clientSecretsUrl: 'http://127.0.0.1:45678/v1/realtime/client_secrets',
      callsUrl: 'http://127.0.0.1:45678/v1/realtime/calls',
      model: DEMO_AGENT_MODEL
    })
    // The user's voice, VAD and instructions still apply to a demo call.
    expect(resolved).toMatchObject({ voice: settings.voice, instructions: settings.instructions })
  })

  it('reads its script from resources/demo-agent, which the package ships as it is', () => {
    const file = demoScenarioFile(RESOURCES_DIR)
    expect(file).toBe(join(RESOURCES_DIR, 'demo-agent', DEMO_SCENARIO_NAME))
    expect(existsSync(file)).toBe(true)

    // The packaged app gets resources/ whole from electron-builder, and libwebrtc's .node file
    // outside the asar.
    const builder = parseYaml(readFileSync('electron-builder.yml', 'utf8')) as {
      extraResources: { from: string; to: string }[]
      asarUnpack: string[]
    }
    expect(builder.extraResources).toContainEqual({ from: 'resources', to: 'resources' })
    expect(builder.asarUnpack).toContain('node_modules/@roamhq/**')
  })
})

describe('DemoAgent: the bundled simulator, run by main', { timeout: 60_000 }, () => {
  const tmp = useTempDir()

  it('starts lazily on 127.0.0.1, is shared by concurrent and later calls, and closes', async () => {
    const agent = demoAgent()
    expect(agent.started).toBe(false)
    const [first, second] = await Promise.all([agent.target(), agent.target()])
    expect(second).toEqual(first)
    expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(first.key).toMatch(DEMO_KEY)
    expect(await agent.target()).toEqual(first)
    // It checks its key like the real API.
    expect((await mint(first.baseUrl, first.key)).status).toBe(200)
    expect((await mint(first.baseUrl, 'sk-demo-guess')).status).toBe(401)

    await agent.close()
    expect(agent.started).toBe(false)
    await expect(mint(first.baseUrl, first.key)).rejects.toThrow()
    // The next call starts a new agent, with a new key.
    const again = await agent.target()
    expect(again.key).not.toBe(first.key)
    expect((await mint(again.baseUrl, again.key)).status).toBe(200)
  })

  it('reports a script it cannot load, and tries again on the next call', async () => {
    const dir = join(tmp.path(), 'resources')
    mkdirSync(join(dir, 'demo-agent'), { recursive: true })
    const file = join(dir, 'demo-agent', DEMO_SCENARIO_NAME)
    writeFileSync(file, 'name: [broken')
    expect(demoScenarioFile(dir)).toBe(file)
    const agent = new DemoAgent({ scenarioFile: file, voice: () => new ToneVoice() })
    agents.push(agent)
    await expect(agent.target()).rejects.toThrow(/not valid JSON\/YAML/)
    expect(agent.started).toBe(false)
  })
})

describe('demo calls through the IPC routes', { timeout: 60_000 }, () => {
  const tmp = useTempDir()
  const simulator = useSimulator()

  it('a fresh install opens on the demo agent; one who stored a key keeps OpenAI', () => {
    expect(new SettingsStore(join(tmp.path())).get().provider).toEqual({ kind: 'demo' })
    const other = join(tmp.path(), 'with-key')
    mkdirSync(other)
    new SecretStore(other, ephemeralEncryptor()).set(
      'openai',
      'sk-proj-stored-0123456789',
      'https://api.openai.com'
    )
    expect(new SettingsStore(other).get().provider).toEqual({ kind: 'openai' })
  })

  it('tests the connection, starts and ends a call, and never returns the demo key', async () => {
    const services = await createTestServices(tmp.path(), { encryptor: ephemeralEncryptor() })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    const answers: string[] = []
    const call = async (route: string, payload: unknown): Promise<unknown> => {
      const result = await dispatch(app, route, payload)
      answers.push(JSON.stringify(result))
      expect(result.ok, JSON.stringify(result)).toBe(true)
      return result.ok ? result.data : null
    }
    try {
      expect(await call('settings.get', {})).toMatchObject({
        settings: { provider: { kind: 'demo' } }
      })
      expect(await call('settings.testConnection', {})).toMatchObject({
        ok: true,
        model: DEMO_AGENT_MODEL
      })
      const started = (await call('realtime.startCall', { offerSdp: await simulator.offer() })) as {
        ok: boolean
        callId: string
        answerSdp: string
        model: string
      }
      expect(started).toMatchObject({ ok: true, model: DEMO_AGENT_MODEL })
      expect(started.answerSdp).toMatch(/^v=0\r?\n/)
      // A second call goes to the same running agent.
      const next = (await call('realtime.startCall', { offerSdp: await simulator.offer() })) as {
        callId: string
      }
      expect(next.callId).not.toBe(started.callId)
      expect(await call('realtime.hangup', { callId: started.callId })).toEqual({ ended: true })
      expect(await call('realtime.hangup', { callId: next.callId })).toEqual({ ended: true })
      expect(await call('secrets.status', {})).toMatchObject({
        stored: { openai: false, azure: false, custom: false }
      })
      for (const answer of answers) expect(answer).not.toMatch(DEMO_KEY)
    } finally {
      services.close()
    }
  })

  it('leaves other providers to their own routes', async () => {
    const services = await createTestServices(tmp.path(), { encryptor: ephemeralEncryptor() })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    try {
      const saved = await dispatch(app, 'settings.save', defaultSettings())
      expect(saved.ok).toBe(true)
      expect(await dispatch(app, 'settings.testConnection', {})).toMatchObject({
        ok: true,
        data: { ok: false, kind: 'no_key' }
      })
    } finally {
      services.close()
    }
  })
})
