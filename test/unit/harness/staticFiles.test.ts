import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serveStaticFile } from '../../../tools/harness/staticFiles'
import { useTempDir } from '../../support/tempDir'

describe('serveStaticFile', () => {
  const tmp = useTempDir()
  let server: Server | undefined
  afterEach(() => server?.close())

  /** A folder `renderer` with a page, and a sibling `renderer-x` whose name starts the same. */
  async function serve(): Promise<(path: string) => Promise<Response>> {
    const root = join(tmp.path(), 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    mkdirSync(join(tmp.path(), 'renderer-x'))
    writeFileSync(join(root, 'page.html'), '<p>ok</p>')
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
    writeFileSync(join(tmp.path(), 'renderer-x', 'secret.txt'), 'secret')
    server = createServer((req, res) =>
      serveStaticFile(res, root, new URL(req.url ?? '/', 'http://x').pathname)
    )
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    // Raw paths: fetch would resolve the dot segments itself.
    return (path) => fetch(`http://127.0.0.1:${port}${path}`)
  }

  it('serves the folder’s files with their content type', async () => {
    const get = await serve()
    const page = await get('/page.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toBe('<p>ok</p>')
    expect((await get('/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('answers 404 outside the folder (encoded dot segments, a same-prefix sibling), for folders and missing files', async () => {
    const get = await serve()
    expect((await get('/%2e%2e/renderer-x/secret.txt')).status).toBe(404)
    expect((await get('/..%2frenderer-x%2fsecret.txt')).status).toBe(404)
    expect((await get('/assets')).status).toBe(404)
    expect((await get('/missing.js')).status).toBe(404)
  })
})
