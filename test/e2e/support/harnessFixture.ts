import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startHarness, type Harness } from '../../../tools/harness/startHarness'
import type { TeamFlags } from '../../../tools/harness/teamFlags'
import { SCREENSHOT_DIR } from './browser'

export interface AppUnderTest {
  harness: Harness
  page: Page
  dataDir: string
  /** `docsImage`: one of the README's pictures (see DOCS_IMAGE_DIR). */
  screenshot(name: string, options?: { docsImage?: boolean }): Promise<string>
  close(): Promise<void>
}

/**
 * The README's pictures are shot by the tests that reach those screens. They land in docs/images/
 * only when UPDATE_DOCS_IMAGES=1 (a deliberate refresh, then committed), so an ordinary run,
 * CI's included, leaves the tree clean and writes them to test-results like every other shot.
 */
export const DOCS_IMAGE_DIR = 'docs/images'
const updateDocsImages = process.env['UPDATE_DOCS_IMAGES'] === '1'

/** A harness with its own data directory and a fresh page on it (Mattermost-style fixture). */
export async function openApp(
  browser: Browser,
  prepare?: (dataDir: string) => Promise<void>,
  /** The catalog's vector side loads the offline model: only the tests about it turn it on. */
  options: { vectorSearch?: boolean; team?: TeamFlags } = {}
): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-e2e-'))
  await prepare?.(dataDir)
  const harness = await startHarness({
    port: 0,
    dataDir,
    vectorSearch: options.vectorSearch ?? false,
    team: options.team
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
    screenshot: async (name, options) => {
      const dir = options?.docsImage && updateDocsImages ? DOCS_IMAGE_DIR : SCREENSHOT_DIR
      mkdirSync(dir, { recursive: true })
      const path = join(dir, `${name}.png`)
      // Dialogs and menus fade in and out: shoot once every transition has finished (a looping
      // one, a live call's pulse, never does).
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getTiming().iterations === Infinity
          )
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
