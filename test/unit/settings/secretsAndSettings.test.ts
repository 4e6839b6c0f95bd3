import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/main/realtime/testConnection'
import { noEncryption } from '../../../src/main/secrets/Encryptor'
import { SecretStore } from '../../../src/main/secrets/SecretStore'
import { keyForRequest, keyInMemory, type BoundKey } from '../../../src/main/secrets/keyForRequest'
import { SettingsStore } from '../../../src/main/settings/SettingsStore'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'

const KEY = 'sk-proj-TESTKEY1234567890'

describe('SecretStore', () => {
  const tmp = useTempDir()

  it('keeps keys sealed at rest and gives them back only in main', () => {
    const secrets = new SecretStore(tmp.path(), ephemeralEncryptor())
    expect(secrets.status().stored).toEqual({ openai: false, azure: false, custom: false })
    secrets.set('openai', KEY, 'https://api.openai.com')
    expect(readFileSync(join(tmp.path(), 'secrets.json'), 'utf8')).not.toContain('TESTKEY')
    expect(keyForRequest(secrets.get('openai'), 'https://api.openai.com/v1/x')).toBe(KEY)
    expect(secrets.status()).toMatchObject({
      available: true,
      stored: { openai: true, azure: false }
    })
    secrets.delete('openai')
    expect(secrets.get('openai')).toBeUndefined()
  })

  it('refuses to store a key in plain text, saying why', () => {
    const secrets = new SecretStore(tmp.path(), noEncryption('no secret service is running'))
    expect(() => secrets.set('openai', KEY, 'https://api.openai.com')).toThrow(
      /not saved: no secret service is running/
    )
    expect(readdirSync(tmp.path())).toEqual([])
    expect(secrets.status()).toMatchObject({
      available: false,
      reason: 'no secret service is running'
    })
  })
})

describe('SettingsStore', () => {
  const tmp = useTempDir()

  it('starts from defaults, saves the whole, and reloads it', () => {
    const store = new SettingsStore(tmp.path())
    // A first start with no key stored opens on the demo agent (Call works without a key).
    expect(store.get()).toEqual({ ...defaultSettings(), provider: { kind: 'demo' } })
    expect(store.get()).toMatchObject({ model: 'gpt-realtime', voice: 'marin' })
    const next: AppSettings = {
      ...store.get(),
      provider: { kind: 'azure', endpoint: 'https://contoso.openai.azure.com', deployment: 'rt' },
      turnDetection: {
        type: 'server_vad',
        threshold: 0.6,
        prefix_padding_ms: 300,
        silence_duration_ms: 400
      }
    }
    store.save(next)
    expect(new SettingsStore(tmp.path()).get()).toEqual(next)
    expect(() => store.save({ ...next, voice: 'robot' as AppSettings['voice'] })).toThrow()
  })

  it('starts when secrets.json is unreadable, leaving it as it was', () => {
    writeFileSync(join(tmp.path(), 'secrets.json'), '{"openai": ')
    writeFileSync(join(tmp.path(), 'settings.json'), '{}')
    expect(new SettingsStore(tmp.path()).get()).toEqual(defaultSettings())
    expect(readFileSync(join(tmp.path(), 'secrets.json'), 'utf8')).toBe('{"openai": ')
  })

  it('sets a broken file aside and says so, instead of failing to start', () => {
    writeFileSync(join(tmp.path(), 'settings.json'), '{"model": ')
    const store = new SettingsStore(tmp.path(), () => 42)
    expect(store.get()).toEqual(defaultSettings())
    expect(store.problem).toMatch(/defaults are in use .*settings\.json\.broken-42/)
  })

  it('accepts a custom endpoint only over https, or http on loopback', () => {
    const store = new SettingsStore(tmp.path())
    const custom = (baseUrl: string) => ({
      ...store.get(),
      provider: { kind: 'custom' as const, baseUrl }
    })
    expect(() => store.save(custom('http://127.0.0.1:8787/v1'))).not.toThrow()
    expect(() => store.save(custom('https://llm.example.com/v1'))).not.toThrow()
    expect(() => store.save(custom('http://llm.example.com/v1'))).toThrow(/https/)
  })
})

describe('testConnection (mints a 10-second client secret)', () => {
  let url = ''
  const seen: {
    path: string
    auth: string | undefined
    apiKey: string | undefined
    body: unknown
  }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({
        path: req.url ?? '',
        auth: req.headers.authorization,
        apiKey: req.headers['api-key'] as string | undefined,
        body: JSON.parse(body)
      })
      const ok = req.headers.authorization === `Bearer ${KEY}` || req.headers['api-key'] === KEY
      if (!ok) {
        res.writeHead(401, { 'content-type': 'application/json' })
        return void res.end(
          JSON.stringify({
            error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' }
          })
        )
      }
      const model = (JSON.parse(body) as { session: { model: string } }).session.model
      if (model !== 'gpt-realtime' && model !== 'my-deployment') {
        res.writeHead(400, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify({ error: { message: `Invalid model: ${model}` } }))
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ value: 'ek_test', expires_at: 1, session: { id: 'sess_1' } }))
    })
  })
  beforeAll(async () => {
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))
  const local = (key: string): BoundKey => keyInMemory(key, url)
  const settings = (over: Partial<AppSettings> = {}): AppSettings => ({
    ...defaultSettings(),
    provider: { kind: 'custom', baseUrl: `${url}/v1` },
    ...over
  })

  it('reports success, a refused key, a wrong model, a missing key and an unreachable endpoint', async () => {
    expect(await testConnection(settings(), local(KEY))).toMatchObject({
      ok: true,
      model: 'gpt-realtime'
    })
    expect(seen.at(-1)).toMatchObject({
      path: '/v1/realtime/client_secrets',
      auth: `Bearer ${KEY}`,
      body: {
        expires_after: { anchor: 'created_at', seconds: 10 },
        session: { type: 'realtime', model: 'gpt-realtime' }
      }
    })
    expect(await testConnection(settings(), local('sk-wrong-key'))).toMatchObject({
      ok: false,
      kind: 'bad_key',
      status: 401,
      message: 'The key was refused (401: Incorrect API key provided.).'
    })
    expect(await testConnection(settings({ model: 'gpt-nope' }), local(KEY))).toMatchObject({
      ok: false,
      kind: 'refused',
      message: expect.stringContaining('Invalid model: gpt-nope')
    })
    expect(await testConnection(settings(), undefined)).toMatchObject({ ok: false, kind: 'no_key' })
    const closed = {
      ...defaultSettings(),
      provider: { kind: 'custom' as const, baseUrl: 'http://127.0.0.1:9/v1' }
    }
    expect(await testConnection(closed, keyInMemory(KEY, 'http://127.0.0.1:9'))).toMatchObject({
      ok: false,
      kind: 'unreachable'
    })
  })

  it('speaks Azure: api-key header, the deployment as the model, /openai/v1 paths', async () => {
    const fetchToLocal: typeof fetch = (input, init) =>
      fetch(String(input).replace('https://contoso.openai.azure.com', url), init)
    const azure = settings({
      provider: {
        kind: 'azure',
        endpoint: 'https://contoso.openai.azure.com/',
        deployment: 'my-deployment'
      }
    })
    expect(
      await testConnection(
        azure,
        keyInMemory(KEY, 'https://contoso.openai.azure.com'),
        fetchToLocal
      )
    ).toMatchObject({
      ok: true,
      model: 'my-deployment'
    })
    expect(seen.at(-1)).toMatchObject({
      path: '/openai/v1/realtime/client_secrets',
      apiKey: KEY,
      auth: undefined
    })
  })
})
