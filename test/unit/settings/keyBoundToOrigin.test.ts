import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import type { Services } from '../../../src/main/services'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'

// Issue #15, point 3: a stored key goes only to the origin it was entered for. Two real HTTP
// servers on loopback are two origins; the second must never see the key.

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const KEY = 'sk-proj-BOUND-TO-ITS-ORIGIN-0123456789'
const NEW_KEY = 'sk-proj-TYPED-AGAIN-FOR-B-0123456789'

interface Seen {
  path: string
  headers: IncomingHttpHeaders
}

/** A Realtime-looking endpoint that records every request it receives. */
function endpoint(): { seen: Seen[]; origin: () => string; server: Server } {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ value: 'ek_test', expires_at: 1 }))
    })
  })
  const origin = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { seen, origin, server }
}

const carriesKey = (seen: Seen[], key: string): boolean =>
  seen.some((s) => JSON.stringify(s.headers).includes(key))

describe('a stored key is bound to the origin it was entered for', () => {
  const tmp = useTempDir()
  const a = endpoint()
  const b = endpoint()
  beforeAll(async () => {
    for (const { server } of [a, b])
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  })
  afterAll(async () => {
    for (const { server } of [a, b]) await new Promise((done) => server.close(done))
  })

  const custom = (origin: string): AppSettings => ({
    ...defaultSettings(),
    provider: { kind: 'custom', baseUrl: `${origin}/v1` }
  })

  async function open(): Promise<{
    services: Services
    call: (route: string, input: unknown) => ReturnType<ReturnType<typeof createDispatch>>
  }> {
    const services = await createTestServices(tmp.path(), { encryptor: ephemeralEncryptor() })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    return { services, call: (route, input) => dispatch(app, route, input) }
  }

  it('the audit scenario: only the endpoint changed, then Test connection; B receives no key', async () => {
    a.seen.length = 0
    b.seen.length = 0
    const { services, call } = await open()
    try {
      expect(await call('settings.save', custom(a.origin()))).toMatchObject({ ok: true })
      expect(
        await call('secrets.setApiKey', { name: 'custom', key: KEY, endpoint: `${a.origin()}/v1` })
      ).toEqual({ ok: true, data: { stored: true } })
      expect(await call('secrets.status', {})).toMatchObject({
        data: { origins: { custom: a.origin(), openai: null, azure: null } }
      })
      expect(await call('settings.testConnection', {})).toMatchObject({
        ok: true,
        data: { ok: true }
      })
      expect(carriesKey(a.seen, KEY)).toBe(true)

      // Saving with only the endpoint changed is refused, naming both origins; nothing changes.
      const refused = await call('settings.save', custom(b.origin()))
      expect(refused).toMatchObject({ ok: false, error: { code: 'failed' } })
      if (!refused.ok) {
        expect(refused.error.message).toContain(`entered for ${a.origin()}`)
        expect(refused.error.message).toContain(b.origin())
      }
      expect(await call('settings.get', {})).toMatchObject({
        data: { settings: { provider: { baseUrl: `${a.origin()}/v1` } } }
      })
      // A confirmation naming another host than the endpoint's is refused too.
      const wrongHost = await call('settings.save', {
        ...custom(b.origin()),
        keyForNewOrigin: { confirmOrigin: a.origin() }
      })
      expect(wrongHost).toMatchObject({ ok: false, error: { code: 'failed' } })
      expect(await call('settings.testConnection', {})).toMatchObject({ data: { ok: true } })
    } finally {
      services.close()
    }

    // Settings edited behind the app's back (the file) still cannot move the key: the check at
    // the point of sending refuses, and B receives nothing at all.
    writeFileSync(join(tmp.path(), 'settings.json'), JSON.stringify(custom(b.origin())))
    const reopened = await open()
    try {
      expect(await reopened.call('settings.testConnection', {})).toMatchObject({
        ok: true,
        data: { ok: false, kind: 'key_origin', origin: b.origin(), keyOrigin: a.origin() }
      })
      const started = await reopened.call('realtime.startCall', {
        offerSdp: 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n'
      })
      expect(started).toMatchObject({
        ok: true,
        data: {
          ok: false,
          kind: 'no_key',
          message: expect.stringContaining(`entered for ${a.origin()}`)
        }
      })
      expect(await reopened.call('realtime.hangup', { callId: 'rtc_0123' })).toMatchObject({
        ok: false
      })
      expect(b.seen).toEqual([])
    } finally {
      reopened.services.close()
    }
  })

  it('moves the key after a confirmation naming the new origin, or takes the key typed again', async () => {
    a.seen.length = 0
    b.seen.length = 0
    const { services, call } = await open()
    try {
      await call('settings.save', custom(a.origin()))
      await call('secrets.setApiKey', { name: 'custom', key: KEY })
      expect(await call('secrets.status', {})).toMatchObject({
        data: { origins: { custom: a.origin() } }
      })
      expect(
        await call('settings.save', {
          ...custom(b.origin()),
          keyForNewOrigin: { confirmOrigin: b.origin() }
        })
      ).toMatchObject({ ok: true, data: { provider: { baseUrl: `${b.origin()}/v1` } } })
      expect(await call('secrets.status', {})).toMatchObject({
        data: { origins: { custom: b.origin() } }
      })
      expect(await call('settings.testConnection', {})).toMatchObject({ data: { ok: true } })
      expect(carriesKey(b.seen, KEY)).toBe(true)

      // Back to A with the key typed again: A gets the new key, B's binding is gone.
      expect(
        await call('settings.save', { ...custom(a.origin()), keyForNewOrigin: { apiKey: NEW_KEY } })
      ).toMatchObject({ ok: true })
      expect(await call('settings.testConnection', {})).toMatchObject({ data: { ok: true } })
      expect(carriesKey(a.seen, NEW_KEY)).toBe(true)
      expect(carriesKey(b.seen, NEW_KEY)).toBe(false)
      // Unchanged origin: no confirmation needed for any other setting.
      expect(await call('settings.save', { ...custom(a.origin()), voice: 'cedar' })).toMatchObject({
        ok: true
      })
    } finally {
      services.close()
    }
  })

  it('binds keys stored before origins existed to the current endpoint; others are sent nowhere', async () => {
    a.seen.length = 0
    b.seen.length = 0
    // A version-1 secrets.json (bare sealed strings) sealed by the same encryptor the app uses.
    const encryptor = ephemeralEncryptor()
    const sealed = (key: string): string => encryptor.encrypt(key).toString('base64')
    writeFileSync(
      join(tmp.path(), 'secrets.json'),
      JSON.stringify({ openai: sealed(KEY), azure: sealed(KEY), custom: sealed(KEY) })
    )
    writeFileSync(join(tmp.path(), 'settings.json'), JSON.stringify(custom(a.origin())))
    const services = await createTestServices(tmp.path(), { encryptor })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    const call = (route: string, input: unknown): ReturnType<typeof dispatch> =>
      dispatch(app, route, input)
    try {
      expect(await call('secrets.status', {})).toMatchObject({
        data: {
          stored: { openai: true, azure: true, custom: true },
          origins: { openai: 'https://api.openai.com', azure: null, custom: a.origin() }
        }
      })
      expect(await call('settings.testConnection', {})).toMatchObject({ data: { ok: true } })
      expect(carriesKey(a.seen, KEY)).toBe(true)
      // The unbound Azure key: choosing Azure needs the key again or a confirmation.
      const azure = {
        ...defaultSettings(),
        provider: { kind: 'azure', endpoint: 'https://contoso.openai.azure.com', deployment: 'rt' }
      }
      const refused = await call('settings.save', azure)
      expect(refused).toMatchObject({ ok: false, error: { code: 'failed' } })
      if (!refused.ok) expect(refused.error.message).toContain('not bound to an endpoint yet')
      expect(
        await call('settings.save', {
          ...azure,
          keyForNewOrigin: { confirmOrigin: 'https://contoso.openai.azure.com' }
        })
      ).toMatchObject({ ok: true })
      expect(await call('secrets.status', {})).toMatchObject({
        data: { origins: { azure: 'https://contoso.openai.azure.com' } }
      })
    } finally {
      services.close()
    }
  })

  it("does not follow a redirect to another origin with the key's header", async () => {
    b.seen.length = 0
    // An endpoint on its own origin that sends every request on to B (a 307 keeps the headers).
    const redirecting = createServer((req, res) => {
      res.writeHead(307, { location: `${b.origin()}${req.url ?? '/'}` })
      res.end()
    })
    await new Promise<void>((ready) => redirecting.listen(0, '127.0.0.1', ready))
    const origin = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`
    const { services, call } = await open()
    try {
      await call('settings.save', custom(origin))
      await call('secrets.setApiKey', { name: 'custom', key: KEY })
      expect(await call('settings.testConnection', {})).toMatchObject({
        data: { ok: false, kind: 'unreachable', origin }
      })
      const started = await call('realtime.startCall', {
        offerSdp: 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n'
      })
      expect(started).toMatchObject({ data: { ok: false, kind: 'unreachable' } })
      expect(b.seen).toEqual([])
    } finally {
      services.close()
      await new Promise((done) => redirecting.close(done))
    }
  })

  it('refuses a key for an endpoint it cannot name, and an OpenAI key for another host', async () => {
    const { services, call } = await open()
    try {
      // The first start is on the demo agent: an Azure key needs its endpoint said.
      const unnamed = await call('secrets.setApiKey', { name: 'azure', key: KEY })
      expect(unnamed).toMatchObject({ ok: false, error: { code: 'failed' } })
      const elsewhere = await call('secrets.setApiKey', {
        name: 'openai',
        key: KEY,
        endpoint: `${b.origin()}/v1`
      })
      expect(elsewhere).toMatchObject({ ok: false, error: { code: 'failed' } })
      expect(await call('secrets.status', {})).toMatchObject({
        data: { stored: { openai: false, azure: false, custom: false } }
      })
      expect(JSON.stringify([unnamed, elsewhere])).not.toContain(KEY)
    } finally {
      services.close()
    }
  })
})
