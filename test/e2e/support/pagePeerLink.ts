import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { WebSocketServer, type WebSocket as NodeSocket } from 'ws'
import type { ToPage } from '../../../src/shared/demo-peer/pagePeerProtocol'
import { DEMO_PEER_PORT_MESSAGE } from '../../../src/shared/demo-peer/portChannel'
import type { PageLink } from '../../../src/main/realtime-sim/rtc/pagePeer/PageLink'

interface BridgeWindow {
  demoPeerToHost(sentAt: number, messages: unknown[]): Promise<void>
  demoPeerHostPort: MessagePort
}

export interface BridgeLag {
  /** Page → Node delays of the bridge itself (page clock vs Node clock, same machine), ms. */
  samplesMs: number[]
}

/**
 * The test's stand-in for Electron's MessageChannelMain: a MessageChannel made in the peer page,
 * one port handed to the page exactly as the preload does, the other bridged to Node (page → Node
 * by a Playwright binding; Node → page by evaluate, batched per tick).
 */
export async function bindingPageLink(page: Page): Promise<{ link: PageLink; lag: BridgeLag }> {
  const listeners: ((raw: unknown) => void)[] = []
  const lag: BridgeLag = { samplesMs: [] }
  await page.exposeBinding('demoPeerToHost', (_source, sentAt: number, messages: unknown[]) => {
    lag.samplesMs.push(Date.now() - sentAt)
    for (const message of messages) for (const listener of listeners) listener(message)
  })
  await page.evaluate((portMessage) => {
    const bridge = window as unknown as BridgeWindow
    const { port1, port2 } = new MessageChannel()
    bridge.demoPeerHostPort = port1
    // One binding call per task, whatever the page sent meanwhile (CDP calls are the cost).
    let pending: unknown[] = []
    port1.onmessage = (event) => {
      if (pending.push(event.data) > 1) return
      setTimeout(() => {
        const messages = pending
        pending = []
        void bridge.demoPeerToHost(performance.timeOrigin + performance.now(), messages)
      })
    }
    window.postMessage(portMessage, '*', [port2])
  }, DEMO_PEER_PORT_MESSAGE)
  let batch: ToPage[] = []
  const flush = (): void => {
    const messages = batch
    batch = []
    page
      .evaluate((all) => {
        const { demoPeerHostPort } = window as unknown as BridgeWindow
        for (const message of all) demoPeerHostPort.postMessage(message)
      }, messages)
      .catch(() => undefined) // the page closed under a last frame
  }
  const link: PageLink = {
    send: (message) => {
      if (batch.push(message) === 1) setImmediate(flush)
    },
    onMessage: (listener) => void listeners.push(listener)
  }
  return { link, lag }
}

/**
 * The same stand-in over a WebSocket from the page to Node: far cheaper than a CDP call per
 * message when audio flows both ways on a loaded machine. The page's CSP allows no WebSocket,
 * so the page's context must bypass CSP (Electron's MessagePort needs no such thing).
 */
export async function webSocketPageLink(
  page: Page
): Promise<{ link: PageLink; lag: BridgeLag; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const connected = once(server, 'connection') as Promise<[NodeSocket]>
  await page.evaluate(
    ({ portMessage, url }) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(url)
        const { port1, port2 } = new MessageChannel()
        port1.onmessage = (event) =>
          socket.send(JSON.stringify([performance.timeOrigin + performance.now(), event.data]))
        socket.onmessage = (event) => port1.postMessage(JSON.parse(String(event.data)))
        socket.onerror = () => reject(new Error('test bridge: no WebSocket'))
        socket.onopen = () => {
          window.postMessage(portMessage, '*', [port2])
          resolve()
        }
      }),
    { portMessage: DEMO_PEER_PORT_MESSAGE, url: `ws://127.0.0.1:${port}` }
  )
  const [socket] = await connected
  const listeners: ((raw: unknown) => void)[] = []
  const lag: BridgeLag = { samplesMs: [] }
  socket.on('message', (data) => {
    const [sentAt, message] = JSON.parse(String(data)) as [number, unknown]
    lag.samplesMs.push(Date.now() - sentAt)
    for (const listener of listeners) listener(message)
  })
  return {
    link: {
      send: (message) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
      },
      onMessage: (listener) => void listeners.push(listener)
    },
    lag,
    close: async () => {
      socket.terminate()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
