import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startHarness, type Harness } from '../../../tools/harness/startHarness'
import { SCREENSHOT_DIR } from './browser'

export interface AppUnderTest {
  harness: Harness
  page: Page
  dataDir: string
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/** A harness with its own data directory and a fresh page on it (Mattermost-style fixture). */
export async function openApp(
  browser: Browser,
  prepare?: (dataDir: string) => Promise<void>,
  /** The catalog's vector side loads the offline model: only the tests about it turn it on. */
  options: { vectorSearch?: boolean } = {}
): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-e2e-'))
  await prepare?.(dataDir)
  const harness = await startHarness({
    port: 0,
    dataDir,
    vectorSearch: options.vectorSearch ?? false
  })
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(harness.url)
  return {
    harness,
    page,
    dataDir,
    screenshot: async (name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      // Dialogs and menus fade in and out: shoot once every transition has finished.
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running')
      )
      await page.screenshot({ path, fullPage: true })
      return path
    },
    close: async () => {
      await context.close()
      await harness.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (errors.length) throw new Error(`Browser errors during the test:\n${errors.join('\n')}`)
    }
  }
}
