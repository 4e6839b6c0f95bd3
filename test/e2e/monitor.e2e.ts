import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlertStore } from '../../src/main/escalation/AlertStore'
import { alertsOfCall } from '../../src/shared/escalation/escalationEngine'
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../src/shared/escalation/thresholds'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 50 })

/** Shows the whole screen (it scrolls inside the window) for a screenshot. */
async function screenshotWhole(app: AppUnderTest, name: string): Promise<void> {
  const height = await app.page
    .getByTestId('monitor-screen')
    .evaluate((el) => el.scrollHeight + 120)
  await app.page.setViewportSize({ width: 1400, height: Math.max(900, height) })
  await app.screenshot(name)
  await app.page.setViewportSize({ width: 1400, height: 900 })
}

describe.runIf(canRun)('Monitor screen (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('backtests the default rule on the pilot and opens the sessions behind a cell', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Monitor' })
        .click()
      // Open alerts first: none on a fresh pilot database, and it says where they come from.
      await eventually(() => page.getByTestId('alerts-empty').textContent()).toContain(
        'Alerts come from live calls'
      )

      await page.getByRole('tab', { name: 'Rules' }).click()
      await eventually(() => page.getByTestId('precision-interruptions_total').textContent()).toBe(
        '1.00'
      )
      expect(await page.getByTestId('recall-interruptions_total').textContent()).toBe('0.75')
      expect(await page.getByRole('spinbutton', { name: 'In the call ≥' }).inputValue()).toBe('3')
      const matrix = page.getByTestId('confusion-matrix')
      expect(await matrix.getByTestId('matrix-cell-tp').locator('span').first().textContent()).toBe(
        '3'
      )
      expect(await matrix.getByTestId('matrix-cell-fn').locator('span').first().textContent()).toBe(
        '1'
      )
      await screenshotWhole(app, 'monitor-rules-pilot')

      // A looser threshold, re-run: S04 and S12 (2 interruptions, not negative) join → 3/5.
      const total = page.getByRole('spinbutton', { name: 'In the call ≥' })
      await total.fill('2')
      await page.getByRole('button', { name: 'Run backtest' }).click()
      await eventually(() => page.getByTestId('precision-interruptions_total').textContent()).toBe(
        '0.60'
      )
      await total.fill('3')
      await page.getByRole('button', { name: 'Run backtest' }).click()
      await eventually(() => page.getByTestId('precision-interruptions_total').textContent()).toBe(
        '1.00'
      )

      await matrix.getByTestId('matrix-cell-tp').click()
      await eventually(() => page.getByTestId('session-total').textContent()).toBe('3')
      const rows = page.getByTestId('session-row')
      await eventually(() =>
        rows.evaluateAll((all) => all.map((row) => row.querySelector('td')?.textContent))
      ).toEqual(['S03', 'S09', 'S14'])
      await app.screenshot('monitor-cell-opens-sessions')
    } finally {
      await app.close()
    }
  })

  it('lists an open alert with its evidence, and escalating it settles it', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      // As a live call would: the rules raise it from domain events, main stores it.
      const [alert] = alertsOfCall(
        [
          {
            type: 'caller.transcribed',
            t: 42_000,
            itemId: 'item_7',
            transcript: 'This is ridiculous, I want to speak to a human',
            language: 'en',
            kind: 'turn'
          }
        ],
        DEFAULT_ESCALATION_THRESHOLDS
      )
      await new AlertStore(app.harness.services.store.database).record('S09', alert!)
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Monitor' })
        .click()
      const card = page.getByTestId('alerts-list').locator('[data-testid^="alert-"]')
      await eventually(() => card.count()).toBe(1)
      expect(await card.textContent()).toContain('Caller asks for a human')
      expect(await card.textContent()).toContain('“This is ridiculous, I want to speak to a human”')
      await app.screenshot('monitor-open-alert')
      await card.getByRole('button', { name: 'Escalate' }).click()
      await eventually(() => page.getByTestId('alerts-empty').count()).toBe(1)
      const stored = await new AlertStore(app.harness.services.store.database).list('escalated', 5)
      expect(stored).toMatchObject([{ sessionId: 'S09', status: 'escalated' }])
      expect(stored[0]!.actionAt).not.toBeNull()
    } finally {
      await app.close()
    }
  })
})
