import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

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
})
