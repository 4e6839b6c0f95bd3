import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OsMicrophoneConsent } from '../../../src/main/windows/permissions.electron'

// The Electron binary cannot run here: the glue is tested against a mocked electron module.
const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>()
const openExternal = vi.fn<(url: string) => Promise<void>>(async () => undefined)
const windowOptions: unknown[] = []
const windows: { show: ReturnType<typeof vi.fn> }[] = []
let loadPage = async (): Promise<void> => undefined
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => ipcHandlers.delete(channel)
  },
  shell: { openExternal: (url: string) => openExternal(url) },
  BrowserWindow: class {
    static fromWebContents = (): { id: number } => ({ id: 7 })
    static getAllWindows = (): unknown[] => []
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    constructor(options: unknown) {
      windowOptions.push(options)
      windows.push(this)
    }
    once = vi.fn()
    show = vi.fn()
    isDestroyed = (): boolean => false
    loadFile = vi.fn(() => loadPage())
    loadURL = vi.fn(() => loadPage())
  }
}))

const { registerIpc } = await import('../../../src/main/ipc/register.electron')
const { allowAppPermissions } = await import('../../../src/main/windows/permissions.electron')
const { guardNavigation } = await import('../../../src/main/windows/navigationGuards.electron')
const { createMainWindow } = await import('../../../src/main/windows/mainWindow.electron')
const { REQUEST_CHANNEL } = await import('../../../src/shared/ipc/channels')
const { FIXED_FAILURES } = await import('../../../src/main/ipc/failureMessage')

const { createAppUrlCheck } = await import('../../../src/main/ipc/senderPolicy')

const APP = 'app://console/index.html'
const isAppUrl = createAppUrlCheck() // the real check, as index.ts builds it

afterEach(() => vi.restoreAllMocks())

describe('registerIpc', () => {
  it('hands the dispatcher the sender as Electron saw it', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 1 }))
    registerIpc(dispatch)
    const mainFrame = { url: APP }
    const handler = ipcHandlers.get(REQUEST_CHANNEL)!
    await handler({ sender: { mainFrame }, senderFrame: mainFrame }, 'app.info', {})
    expect(dispatch).toHaveBeenLastCalledWith(
      { windowId: 7, url: APP, isTopFrame: true },
      'app.info',
      {}
    )
    const iframe = { url: APP }
    await handler({ sender: { mainFrame }, senderFrame: iframe }, 'app.info', {})
    expect(dispatch).toHaveBeenLastCalledWith(
      { windowId: 7, url: APP, isTopFrame: false },
      'app.info',
      {}
    )
  })
})

describe('registerIpc when the dispatcher throws', () => {
  it('answers a fixed sentence and logs the error, so no raw text reaches the renderer', async () => {
    const log = vi.fn()
    registerIpc(async () => {
      throw new Error("EACCES: open '/home/ana/.config/x/sessions.sqlite'")
    }, log)
    const mainFrame = { url: APP }
    const answer = await ipcHandlers.get(REQUEST_CHANNEL)!(
      { sender: { mainFrame }, senderFrame: mainFrame },
      'app.info',
      {}
    )
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: FIXED_FAILURES.internal }
    })
    expect(JSON.stringify(answer)).not.toContain('/home/ana')
    expect(log).toHaveBeenCalledWith('IPC request failed outside its handler:', expect.any(Error))
  })
})

describe('allowAppPermissions', () => {
  const setup = (...rest: [osConsent?: OsMicrophoneConsent, log?: (...a: unknown[]) => void]) => {
    let request: (...a: unknown[]) => void = () => {}
    let check: (...a: unknown[]) => boolean = () => true
    allowAppPermissions(
      {
        setPermissionRequestHandler: (fn: typeof request) => (request = fn),
        setPermissionCheckHandler: (fn: typeof check) => (check = fn)
      } as never,
      isAppUrl,
      ...rest
    )
    const contents = { getURL: () => APP }
    const ask = (permission: string, details: object): boolean => {
      let granted = false
      request(contents, permission, (g: boolean) => (granted = g), details)
      return granted
    }
    /** The answer whenever it comes (the OS may be asked first). */
    const answer = (permission: string, details: object): Promise<boolean> =>
      new Promise((resolve) => request(contents, permission, resolve, details))
    return { ask, answer, check, app: contents }
  }

  it('grants audio to the app page only', () => {
    const { ask, check, app } = setup()
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: APP })).toBe(true)
    expect(ask('media', { mediaTypes: ['audio', 'video'], requestingUrl: APP })).toBe(false)
    expect(ask('media', { mediaTypes: [], requestingUrl: APP })).toBe(false)
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: 'https://evil.example' })).toBe(
      false
    )
    expect(ask('notifications', { requestingUrl: APP })).toBe(false)
    expect(ask('geolocation', { requestingUrl: APP })).toBe(false)
    // The page URL decides (the requesting frame's, else the window's).
    expect(
      check(app, 'media', 'app://console', { mediaType: 'audio', requestingUrl: `${APP}#/live` })
    ).toBe(true)
    expect(check(app, 'media', 'app://console', { mediaType: 'audio' })).toBe(true)
    const fileApp = { getURL: () => 'file:///app/out/renderer/index.html' }
    expect(check(fileApp, 'media', 'file:///', { mediaType: 'audio' })).toBe(false)
    expect(
      check(app, 'media', 'https://evil.example', { requestingUrl: 'https://evil.example/' })
    ).toBe(false)
    expect(check(app, 'clipboard-read', 'app://console', { requestingUrl: APP })).toBe(false)
    // Checks say the same as requests: the microphone, never the camera, nor an unnamed kind.
    expect(check(app, 'media', APP, { mediaType: 'audio', requestingUrl: APP })).toBe(true)
    expect(check(app, 'media', APP, { mediaType: 'video', requestingUrl: APP })).toBe(false)
    expect(check(app, 'media', APP, { mediaType: 'unknown', requestingUrl: APP })).toBe(false)
    expect(check(app, 'media', APP, { requestingUrl: APP })).toBe(false)
  })

  it('lets the app page write to the clipboard (the handoff note), nothing else', () => {
    const { ask, check, app } = setup()
    const write = 'clipboard-sanitized-write'
    expect(ask(write, { requestingUrl: `${APP}#/monitor` })).toBe(true)
    expect(check(app, write, 'app://console', { requestingUrl: `${APP}#/monitor` })).toBe(true)
    expect(check(app, write, 'app://console', {})).toBe(true)
    expect(ask(write, { requestingUrl: 'https://evil.example/' })).toBe(false)
    expect(ask(write, { requestingUrl: 'file:///tmp/evil.html' })).toBe(false)
    expect(check({ getURL: () => 'file:///tmp/evil.html' }, write, 'file:///', {})).toBe(false)
    expect(
      check(app, write, 'https://evil.example', { requestingUrl: 'https://evil.example/' })
    ).toBe(false)
    // Reading the clipboard stays refused, asked or checked.
    expect(ask('clipboard-read', { requestingUrl: APP })).toBe(false)
    expect(check(app, 'clipboard-read', 'app://console', {})).toBe(false)
  })

  it("waits for the OS's consent before granting the app page the microphone", async () => {
    const audio = { mediaTypes: ['audio'], requestingUrl: APP }
    const consent = vi.fn(async () => true)
    const granting = setup(consent)
    expect(await granting.answer('media', audio)).toBe(true)
    expect(consent).toHaveBeenCalledWith(granting.app)
    // Refused requests never reach the OS prompt.
    expect(await granting.answer('media', { ...audio, mediaTypes: ['video'] })).toBe(false)
    expect(
      await granting.answer('media', { ...audio, requestingUrl: 'https://evil.example' })
    ).toBe(false)
    expect(await granting.answer('clipboard-sanitized-write', { requestingUrl: APP })).toBe(true)
    expect(consent).toHaveBeenCalledTimes(1)

    expect(await setup(async () => false).answer('media', audio)).toBe(false)
    const log = vi.fn()
    const failing = setup(async () => {
      throw new Error('invalid media type')
    }, log)
    expect(await failing.answer('media', audio)).toBe(false)
    expect(log).toHaveBeenCalledWith('Asking the OS for the microphone failed:', expect.any(Error))
  })
})

describe('guardNavigation', () => {
  it('blocks navigation away, webviews and new windows; opens only allowed links outside', () => {
    const listeners = new Map<string, (...a: unknown[]) => void>()
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'allow' })
    guardNavigation(
      {
        on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn),
        setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn)
      } as never,
      isAppUrl
    )
    const navigate = (url: string): boolean => {
      const event = { url, preventDefault: vi.fn() }
      listeners.get('will-navigate')!(event)
      return event.preventDefault.mock.calls.length === 0
    }
    expect(navigate(`${APP}#/sessions`)).toBe(true)
    expect(navigate('https://evil.example')).toBe(false)
    const webview = { preventDefault: vi.fn() }
    listeners.get('will-attach-webview')!(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
    expect(navigate('file:///app/out/renderer/index.html')).toBe(false)
    for (const url of [
      'https://platform.openai.com/api-keys',
      'https://evil.example/help',
      'file:///etc/passwd',
      'javascript:alert(1)'
    ])
      expect(openHandler({ url })).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://platform.openai.com/api-keys']])
  })

  it('logs a link the system cannot open instead of leaving the rejection unhandled', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'allow' })
    guardNavigation(
      {
        on: vi.fn(),
        setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn)
      } as never,
      isAppUrl
    )
    openExternal.mockRejectedValueOnce(new Error('no handler for https'))
    expect(openHandler({ url: 'https://portal.azure.com/' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(log).toHaveBeenCalled())
    expect(String(log.mock.calls[0])).toContain('https://portal.azure.com/')
  })
})

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer with the CommonJS preload, loaded from app://', () => {
    createMainWindow('/app/out', isAppUrl)
    expect(windows.at(-1)).toMatchObject({ loadURL: expect.any(Function) })
    expect(
      (windows.at(-1) as unknown as { loadURL: ReturnType<typeof vi.fn> }).loadURL
    ).toHaveBeenCalledWith(APP)
    expect(windowOptions.at(-1)).toMatchObject({
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true
      }
    })
  })

  it('shows the window and logs when the page fails to load, rather than running invisible', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    loadPage = async () => {
      throw new Error('ERR_FILE_NOT_FOUND (-6) loading index.html')
    }
    try {
      createMainWindow('/app/out', isAppUrl)
      const window = windows.at(-1)!
      await vi.waitFor(() => expect(window.show).toHaveBeenCalled())
      expect(String(log.mock.calls[0])).toContain('ERR_FILE_NOT_FOUND')
    } finally {
      loadPage = async () => undefined
    }
  })
})
