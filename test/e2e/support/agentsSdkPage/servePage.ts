import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'

const ENTRY = join(import.meta.dirname, 'agentsWebRtcPage.ts')
const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>Agents SDK call</title>' +
  '<script type="module" src="/page.js"></script></head><body>Agents SDK call</body></html>'

/** The page entry and the Agents SDK it imports, bundled for the browser (as an app would). */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent'
  })
  return result.outputFiles[0]!.text
}

export interface PageServer {
  /** The page's origin: another port than the simulator's, so another origin. */
  origin: string
  close(): Promise<void>
}

/** Serves the Agents SDK page on its own 127.0.0.1 port. */
export async function serveAgentsSdkPage(): Promise<PageServer> {
  const script = await bundle()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const [type, body] =
      path === '/page.js' ? ['text/javascript', script] : path === '/' ? ['text/html', HTML] : []
    if (!type) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
