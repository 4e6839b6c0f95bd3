import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable()

describe.runIf(canRun)('Reports charts in Spanish (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('titles the latency charts and their tables in Spanish on the pilot', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByTestId('ui-language').click()
      await page.getByRole('option', { name: 'Español' }).click()
      await page.getByRole('navigation').first().getByRole('button', { name: 'Informes' }).click()
      const card = page.getByTestId('chart-latency-by-scenario')
      await card.getByText('¿Qué escenarios son más lentos?').waitFor()
      await page.getByTestId('chart-canvas-latency-by-scenario').waitFor()
      const height = await page
        .getByTestId('reports-screen')
        .evaluate((el) => el.scrollHeight + 120)
      await page.setViewportSize({ width: 1400, height })
      await app.screenshot('reports-charts-es')
      await page.setViewportSize({ width: 1400, height: 900 })
      await card.getByRole('switch').check()
      const headers = await page
        .getByTestId('chart-table-latency-by-scenario')
        .locator('thead th')
        .allTextContents()
      expect(headers).toEqual([
        'Escenario',
        'Sesiones',
        'P50 medio',
        'P95 medio',
        'Lentas (P95 sobre su umbral)',
        // The table's own column of links to the sessions.
        'Sesiones'
      ])
    } finally {
      await app.close()
    }
  })
})
