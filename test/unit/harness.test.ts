import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHarness } from '../../tools/harness/startHarness'
import { DIALOG_PATH, REQUEST_PATH } from '../../tools/harness/harnessPaths'
import { useTempDir } from '../support/tempDir'

describe('browser harness', () => {
  const tmp = useTempDir()

  async function start() {
    const rendererDir = join(tmp.path(), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><!-- connect-src is for the API --><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; connect-src https://api.openai.com" /></head><body><script type="module" src="./app.js"></script></body></html>'
    )
    return startHarness({
      port: 0,
      dataDir: join(tmp.path(), 'data'),
      rendererDir,
      vectorSearch: false
    })
  }

  it('injects the bridge and answers the app page through the real chokepoint', async () => {
    const harness = await start()
    try {
      const html = await (await fetch(harness.url)).text()
      expect(html).toContain('<script src="/__harness/bridge.js"></script>')
      expect(html).toContain("connect-src 'self' https://api.openai.com")
      const call = (referer: string) =>
        fetch(new URL(REQUEST_PATH, harness.url), {
          method: 'POST',
          headers: { referer, 'content-type': 'application/json' },
          body: JSON.stringify({ route: 'app.info', input: {} })
        }).then((r) => r.json())
      expect(await call(harness.url)).toMatchObject({ ok: true, data: { runtime: 'harness' } })
      expect(await call('http://evil.example/')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' }
      })
    } finally {
      await harness.close()
    }
  })

  it('takes dialog answers from test drivers, not from other web pages, and serves no files outside the renderer', async () => {
    const harness = await start()
    try {
      const queue = (origin?: string) =>
        fetch(new URL(DIALOG_PATH, harness.url), {
          method: 'POST',
          headers: origin ? { origin } : {},
          body: JSON.stringify({ open: '/tmp/x.csv' })
        })
      expect((await queue('http://evil.example')).status).toBe(403)
      expect((await queue()).status).toBe(204)
      expect(await harness.dialogs.pickCsvToOpen()).toBe('/tmp/x.csv')
      expect(await harness.dialogs.pickCsvToOpen()).toBeNull()
      expect((await fetch(new URL('/..%2f..%2fdata/sessions.sqlite', harness.url))).status).toBe(
        404
      )
    } finally {
      await harness.close()
    }
  })
})
