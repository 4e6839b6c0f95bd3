import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { useTempDir } from '../../support/tempDir'

// The Electron binary cannot run here: protocol is mocked; net.fetch reads the file it is given,
// which is all Electron's does for a file: URL.
let handler: ((request: Request) => Promise<Response>) | undefined
const privileged: unknown[] = []
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    handle: (_scheme: string, fn: typeof handler) => (handler = fn)
  },
  net: { fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url))) }
}))

const { registerAppScheme, serveAppProtocol } =
  await import('../../../src/main/windows/appProtocol.electron')

describe('the app:// protocol', () => {
  const tmp = useTempDir()

  it('is standard and secure (a real origin, getUserMedia allowed)', () => {
    registerAppScheme()
    expect(privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true })
      })
    ])
  })

  it('serves out/renderer and nothing beside it', async () => {
    const root = join(tmp.path(), 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<p>console</p>')
    writeFileSync(join(tmp.path(), 'sessions.sqlite'), 'transcripts')
    const log = vi.fn()
    serveAppProtocol(root, log)
    const get = async (url: string, method = 'GET') => {
      const response = await handler!(new Request(url, { method }))
      return { status: response.status, body: await response.text() }
    }
    expect(await get('app://console/index.html')).toEqual({ status: 200, body: '<p>console</p>' })
    expect(await get('app://console/x%2f..%2f..%2fsessions.sqlite')).toEqual({
      status: 404,
      body: ''
    })
    expect(await get('app://evil/index.html')).toEqual({ status: 404, body: '' })
    expect(await get('app://console/index.html', 'POST')).toEqual({ status: 404, body: '' })
    expect(await get('app://console/missing.js')).toEqual({ status: 404, body: '' })
    expect(log).toHaveBeenCalledTimes(1) // the missing file, with its error
  })
})
