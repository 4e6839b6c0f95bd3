import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { startHarness } from '../../tools/harness/startHarness'
import {
  BRIDGE_PATH,
  DIALOG_PATH,
  EVENT_PATH,
  REQUEST_PATH
} from '../../tools/harness/harnessPaths'
import { useTempDir } from '../support/tempDir'

/** A raw HTTP request (fetch will not send a Host header of our choosing). */
function send(
  url: URL,
  options: { method?: string; headers?: Record<string, string>; body?: string; noHost?: true } = {}
): Promise<{ status: number; body: string }> {
  return new Promise((done, failed) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, setHost: !options.noHost },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
          // An event stream never ends: its first line is enough.
          if (url.pathname === EVENT_PATH) res.destroy()
        })
        res.on('close', () => done({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', failed)
    req.end(options.body)
  })
}

describe('browser harness', () => {
  const tmp = useTempDir()

  async function start() {
    const rendererDir = join(tmp.path(), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; connect-src \'none\'" /></head><body><script type="module" src="./app.js"></script></body></html>'
    )
    writeFileSync(join(rendererDir, 'app.js'), 'export {}')
    return startHarness({
      port: 0,
      dataDir: join(tmp.path(), 'data'),
      rendererDir,
      vectorSearch: false
    })
  }

  const appInfo = JSON.stringify({ route: 'app.info', input: {} })

  it('injects the bridge with the run token and answers the page through the real chokepoint', async () => {
    const harness = await start()
    try {
      const page = await send(new URL(harness.url))
      expect(page.status).toBe(200)
      expect(page.body).toContain(`<script src="${BRIDGE_PATH}?token=${harness.token}"></script>`)
      expect(page.body).toContain("connect-src 'self'")
      const bridge = await send(new URL(`${BRIDGE_PATH}?token=${harness.token}`, harness.url))
      expect(bridge.body).toContain(`'x-harness-token': '${harness.token}'`)
      const call = await send(new URL(REQUEST_PATH, harness.url), {
        method: 'POST',
        headers: { 'x-harness-token': harness.token, 'content-type': 'application/json' },
        body: appInfo
      })
      expect(JSON.parse(call.body)).toMatchObject({ ok: true, data: { runtime: 'harness' } })
      const events = await send(new URL(`${EVENT_PATH}?token=${harness.token}`, harness.url))
      expect(events).toMatchObject({ status: 200, body: ': connected\n\n' })
      // The build output itself is public.
      expect((await send(new URL('/app.js', harness.url))).status).toBe(200)
    } finally {
      await harness.close()
    }
  })

  it('refuses requests without the token, with a wrong one, or with only a forged Referer', async () => {
    const harness = await start()
    const origin = new URL(harness.url).origin
    try {
      const post = (headers: Record<string, string>) =>
        send(new URL(REQUEST_PATH, harness.url), { method: 'POST', headers, body: appInfo })
      const forged: Record<string, string>[] = [
        {},
        { referer: harness.url },
        { referer: `${origin}/`, origin },
        { 'x-harness-token': 'x'.repeat(harness.token.length) },
        { 'x-harness-token': `${harness.token}x` }
      ]
      for (const headers of forged)
        expect((await post(headers)).status, JSON.stringify(headers)).toBe(403)
      // A page elsewhere that somehow has the token is refused too.
      expect(
        (await post({ 'x-harness-token': harness.token, origin: 'http://evil.example' })).status
      ).toBe(403)
      expect((await send(new URL(origin))).status).toBe(403)
      expect((await send(new URL(BRIDGE_PATH, origin))).status).toBe(403)
      expect((await send(new URL(EVENT_PATH, origin))).status).toBe(403)
      expect(
        (await send(new URL(DIALOG_PATH, origin), { method: 'POST', body: '{"open":"/x"}' })).status
      ).toBe(403)
      expect(await harness.dialogs.pickCsvToOpen()).toBeNull()
    } finally {
      await harness.close()
    }
  })

  it('refuses a request naming another host (DNS rebinding), token or not', async () => {
    const harness = await start()
    const port = new URL(harness.url).port
    try {
      for (const path of ['/app.js', `/?token=${harness.token}`]) {
        for (const host of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1:1']) {
          const answer = await send(new URL(path, harness.url), {
            headers: { host, 'x-harness-token': harness.token }
          })
          expect(answer.status, `${host} ${path}`).toBe(403)
        }
        const noHost = await send(new URL(path, harness.url), { noHost: true })
        // Node's server itself answers a request with no Host 400; refused either way.
        expect([400, 403], `no Host ${path}`).toContain(noHost.status)
      }
    } finally {
      await harness.close()
    }
  })

  it('takes dialog answers from test drivers with the token, and serves no files outside the renderer', async () => {
    const harness = await start()
    try {
      const queue = (headers: Record<string, string>) =>
        send(new URL(DIALOG_PATH, harness.url), {
          method: 'POST',
          headers,
          body: JSON.stringify({ open: '/tmp/x.csv' })
        })
      expect((await queue({})).status).toBe(403)
      expect((await queue({ 'x-harness-token': harness.token })).status).toBe(204)
      expect(await harness.dialogs.pickCsvToOpen()).toBe('/tmp/x.csv')
      expect(await harness.dialogs.pickCsvToOpen()).toBeNull()
      const bad = await send(new URL(DIALOG_PATH, harness.url), {
        method: 'POST',
        headers: { 'x-harness-token': harness.token },
        body: 'not json'
      })
      expect(bad.status).toBe(400)
      expect((await send(new URL('/..%2f..%2fdata/sessions.sqlite', harness.url))).status).toBe(404)
      expect((await send(new URL('/%E0%A4%A', harness.url))).status).toBe(404)
    } finally {
      await harness.close()
    }
  })

  it('answers a request that is not JSON, or not an object, without error text', async () => {
    const harness = await start()
    try {
      const post = (body: string) =>
        send(new URL(REQUEST_PATH, harness.url), {
          method: 'POST',
          headers: { 'x-harness-token': harness.token },
          body
        })
      expect((await post('{')).status).toBe(400)
      for (const body of ['null', '7', '{"route": {"toString": 1}}']) {
        const answer = await post(body)
        expect(JSON.parse(answer.body)).toMatchObject({
          ok: false,
          error: { code: 'unknown_route', message: 'The route name must be a string' }
        })
      }
    } finally {
      await harness.close()
    }
  })
})
