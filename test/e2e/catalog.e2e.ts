import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable()

describe.runIf(canRun)('Catalog screen (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('browses the catalog and shows what the agent would find for a Spanish caller', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Catalog' }).click()
      await expect
        .poll(() => page.getByTestId('catalog-product-row').count(), { timeout: 10_000 })
        .toBe(25)
      await app.screenshot('catalog-browse')
      await page.getByLabel('Search as a caller would ask').fill('botas impermeables')
      await expect
        .poll(() => page.getByTestId('catalog-product-hit').first().textContent(), {
          timeout: 10_000
        })
        .toContain('TB-X200')
      await page.getByLabel('Search as a caller would ask').fill('¿cuánto cuesta el envío?')
      await expect
        .poll(() => page.getByTestId('catalog-passage-hit').first().textContent(), {
          timeout: 10_000
        })
        .toContain('shipping#')
      await app.screenshot('catalog-search')
    } finally {
      await app.close()
    }
  })
})
