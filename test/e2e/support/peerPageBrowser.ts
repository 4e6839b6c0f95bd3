import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { PagePeerHost } from '../../../src/main/realtime-sim/rtc/pagePeer/PagePeerHost'
import { serveStaticFile } from '../../../tools/harness/staticFiles'
import { launchChromium } from './browser'
import { type BridgeLag, bindingPageLink, webSocketPageLink } from './pagePeerLink'

const RENDERER_DIR = resolve(process.env['RENDERER_OUT_DIR'] ?? 'out/renderer')

export interface PeerPage {
  host: PagePeerHost
  page: Page
  lag: BridgeLag
  close(): Promise<void>
}

/** Serves the built renderer (npm run build:renderer) on 127.0.0.1: a secure context. */
async function serveRenderer(): Promise<Server> {
  const server = createServer((req, res) =>
    serveStaticFile(res, RENDERER_DIR, new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
  )
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return server
}

/**
 * The demo agent's peer page in Debian Chromium, as Electron's hidden window runs it: no user
 * gesture needed for audio, its MessagePort bridged to a PagePeerHost in this process, over a
 * Playwright binding (the page's own CSP applies) or a WebSocket (for audio on a busy machine).
 */
export async function openPeerPage(bridge: 'binding' | 'websocket'): Promise<PeerPage> {
  const server = await serveRenderer()
  const browser: Browser = await launchChromium(['--autoplay-policy=no-user-gesture-required'])
  const page = await browser.newPage({ bypassCSP: bridge === 'websocket' })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  const { port } = server.address() as AddressInfo
  await page.goto(`http://127.0.0.1:${port}/demo-peer.html`)
  const { link, lag, close } =
    bridge === 'websocket'
      ? await webSocketPageLink(page)
      : { ...(await bindingPageLink(page)), close: async () => undefined }
  const host = new PagePeerHost(link)
  return {
    host,
    page,
    lag,
    close: async () => {
      host.closeAll('test over')
      await close()
      await browser.close()
      await new Promise<void>((done) => server.close(() => done()))
      if (errors.length) throw new Error(`peer page errors: ${errors.join('; ')}`)
    }
  }
}
