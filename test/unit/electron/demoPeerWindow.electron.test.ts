import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

// The Electron binary cannot run here: the demo peer window's glue against a mocked electron.
const windows: FakeWindow[] = []
const app = new EventEmitter()
const posted: { channel: string; ports: unknown[] }[] = []

class FakePort extends EventEmitter {
  sent: unknown[] = []
  started = false
  closed = false
  postMessage(message: unknown): void {
    this.sent.push(message)
  }
  start(): void {
    this.started = true
  }
  close(): void {
    this.closed = true
  }
}

class FakeWindow extends EventEmitter {
  destroyed = false
  url = ''
  webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
    postMessage: (channel: string, _message: unknown, ports: unknown[]) =>
      posted.push({ channel, ports })
  })
  constructor(readonly options: Record<string, unknown>) {
    super()
    windows.push(this)
    app.emit('browser-window-created', {}, this)
  }
  static getAllWindows = (): FakeWindow[] => windows.filter((w) => !w.destroyed)
  isDestroyed = (): boolean => this.destroyed
  destroy(): void {
    this.destroyed = true
    this.emit('closed')
  }
  loadURL = vi.fn(async (url: string) => void (this.url = url))
}

vi.mock('electron', () => ({
  app,
  shell: { openExternal: vi.fn() },
  BrowserWindow: FakeWindow,
  MessageChannelMain: class {
    port1 = new FakePort()
    port2 = new FakePort()
  }
}))

const { demoPeerWindow, peerPageUrl } =
  await import('../../../src/main/realtime/demoAgent/demoPeerWindow.electron')
const { DEMO_PEER_PORT_MESSAGE } = await import('../../../src/shared/demo-peer/portChannel')

const noHandlers = {
  onChannelOpen: vi.fn(),
  onConnected: vi.fn(),
  onMessage: vi.fn(),
  onAudio: vi.fn(),
  pullFrame: () => null,
  onClosed: vi.fn()
}

describe('demoPeerWindow', () => {
  it('opens a hidden, sandboxed peer page on the first call and hands it a MessagePort', async () => {
    windows.length = 0
    const mainWindow = new FakeWindow({})
    const peers = demoPeerWindow('/app/out')
    expect(windows).toHaveLength(1) // nothing opens before a call

    void peers.answer('v=0 offer', noHandlers).catch(() => undefined)
    const peerWindow = windows[1]!
    expect(peerWindow.options).toMatchObject({ show: false, skipTaskbar: true, focusable: false })
    expect(peerWindow.options['webPreferences']).toEqual({
      preload: '/app/out/preload/demoPeer.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
      spellcheck: false
    })
    expect(peerWindow.url).toBe('app://console/demo-peer.html')

    // The offer waits for the page; the port goes to the page once it has loaded.
    peerWindow.webContents.emit('did-finish-load')
    expect(posted.at(-1)?.channel).toBe(DEMO_PEER_PORT_MESSAGE)
    const [port2] = posted.at(-1)!.ports as FakePort[]
    expect(port2).toBeInstanceOf(FakePort)

    // A second call reuses the page; closing the agent closes it.
    void peers.answer('v=0 offer 2', noHandlers).catch(() => undefined)
    expect(windows).toHaveLength(2)
    peers.close()
    expect(peerWindow.destroyed).toBe(true)
    expect(mainWindow.destroyed).toBe(false)
  })

  it('goes when it is the last window, so the app can still quit; a later call reopens it', () => {
    windows.length = 0
    const mainWindow = new FakeWindow({})
    const peers = demoPeerWindow('/app/out')
    void peers.answer('v=0 offer', noHandlers).catch(() => undefined)
    const first = windows[1]!
    mainWindow.destroy()
    expect(first.destroyed).toBe(true)

    new FakeWindow({}) // macOS: the dock reopens the app's window
    void peers.answer('v=0 offer', noHandlers).catch(() => undefined)
    expect(windows.filter((w) => !w.destroyed)).toHaveLength(2)
    peers.close()
  })

  it('loads from the dev server in dev', () => {
    expect(peerPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/demo-peer.html')
  })
})
