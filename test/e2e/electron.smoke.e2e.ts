import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { WAIT, allText, hangUp, placeCall, waitForPhase } from './support/liveCallPage'
import { fakeMicArgs, makeCallerWav, voiceToolsAvailable } from './support/voiceRig'

// Runs wherever the Electron binary exists (users' machines, CI images that have it). Here the
// binary cannot be downloaded, so the suite reports itself skipped.
function electronBinary(): string | undefined {
  const pathFile = resolve('node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}
const binary = electronBinary()

describe.runIf(binary)('Electron smoke test', () => {
  it('opens the sandboxed window on the pilot data', async () => {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
    const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-electron-'))
    const app = await electron.launch({
      executablePath: binary,
      args: ['out/main/index.js', '--data-dir', dataDir, '--no-sandbox']
    })
    try {
      const page = await app.firstWindow()
      expect(await page.title()).toBe('OutdoorGear Voice Console')
      await expect
        .poll(() => page.getByTestId('session-total').textContent(), { timeout: 15_000 })
        .toBe('15')
      // Isolated and sandboxed: no Node in the page, only the closed window.api.
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((globalThis as unknown as { api: object }).api).sort()
      }))
      expect(globals).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: ['on', 'request']
      })
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  // The demo agent inside Electron: its WebRTC side is a hidden Chromium page (wrtc in main
  // cannot hand audio to JavaScript under Electron's memory cage). The caller speaks through
  // Chromium's fake microphone, which Electron takes as command-line switches.
  it.runIf(voiceToolsAvailable())(
    'places a demo call: the agent hears the caller and answers from the catalog',
    async () => {
      execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
      const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-electron-'))
      const caller = "Hi, I'm looking for waterproof hiking boots under two hundred dollars."
      const wav = makeCallerWav(
        dataDir,
        'caller',
        'en',
        [{ pauseMs: 12_000, text: caller }],
        30_000
      )
      const app = await electron.launch({
        executablePath: binary,
        args: ['out/main/index.js', '--data-dir', dataDir, '--no-sandbox', ...fakeMicArgs(wav.path)]
      })
      try {
        const page = await app.firstWindow()
        // A fresh install calls the demo agent; no key anywhere.
        await placeCall(page)
        await waitForPhase(page, 'in_call')
        await expect
          .poll(() => allText(page, 'transcript-agent'), WAIT)
          .toContain('Thanks for calling OutdoorGear')
        // The agent heard the caller (VAD, transcript) and answered with a catalog search.
        await expect.poll(() => allText(page, 'transcript-caller'), WAIT).toContain(caller)
        await expect.poll(() => allText(page, 'transcript-agent'), WAIT).toContain('I found the')
        // The peer is a second, hidden window; the app's window is still the only visible one.
        const windows = await app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((w) => ({
            visible: w.isVisible(),
            url: w.webContents.getURL()
          }))
        )
        expect(windows.filter((w) => w.visible)).toHaveLength(1)
        expect(windows.find((w) => w.url.endsWith('/demo-peer.html'))?.visible).toBe(false)
        await hangUp(page)
      } finally {
        await app.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    240_000
  )
})
