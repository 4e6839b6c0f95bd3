import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { transform } from 'esbuild'
import type { SimRoute } from '../../../src/main/realtime-sim/startSimulator'

const PAGE_DIR = import.meta.dirname
const PAGE_HTML = '/sim/test-page/'
const PAGE_SCRIPT = '/sim/test-page/callPage.js'

/** The page script is TypeScript (typed and linted with the rest); esbuild strips the types. */
async function pageScript(): Promise<string> {
  const source = readFileSync(join(PAGE_DIR, 'callPage.ts'), 'utf8')
  return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code
}

function send(res: ServerResponse, type: string, body: string | Buffer): true {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
  res.end(body)
  return true
}

/**
 * The simulator's browser test page (`/sim/test-page/#ek=ek_…`), a dev tool: the CLI and the
 * e2e tests plug it in; the app's Demo agent never serves it (nor bundles esbuild).
 */
export const testPageRoute: SimRoute = async (req: IncomingMessage, res, url) => {
  if (req.method !== 'GET') return false
  if (url.pathname === PAGE_HTML)
    return send(res, 'text/html', readFileSync(join(PAGE_DIR, 'index.html')))
  if (url.pathname === PAGE_SCRIPT) return send(res, 'text/javascript', await pageScript())
  return false
}
