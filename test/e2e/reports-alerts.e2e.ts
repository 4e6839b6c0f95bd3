import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import { AlertStore } from '../../src/main/escalation/AlertStore'
import { overAgentCall, type CallerLine } from '../unit/escalation/scriptedCalls'
import { batches, openConsole } from '../unit/recording/support'

interface SeededCall {
  sessionId: string
  /** Alerts the rules raised on it, by rule. */
  rules: string[]
}

interface CallPlan {
  startedAt: number
  lines: CallerLine[]
  /** After how many ms a supervisor acts on the call's first alert, and how. */
  action?: { afterMs: number; action: 'acknowledge' | 'escalate' }
}

const day = (d: number, h: number, m = 0): number => Date.UTC(2026, 10, d, h, m)

/**
 * Three live calls recorded through the real services (the escalation rules raise their alerts
 * as the events are appended), on two days, with a supervisor escalating one call's first alert
 * after 40 s, acknowledging another's after 2 min and leaving the third alone.
 */
const ALERTED_CALLS: CallPlan[] = [
  {
    startedAt: day(24, 9),
    lines: [
      { text: 'No, that is not what I asked.' },
      { text: 'Stop, I want to talk to a real person.' },
      { text: 'You are not listening at all.' }
    ],
    action: { afterMs: 40_000, action: 'escalate' }
  },
  {
    startedAt: day(25, 10),
    lines: [
      { text: 'Wait, that is the wrong tent.' },
      { text: 'No, the other one.' },
      { text: 'Please stop talking.' }
    ],
    action: { afterMs: 120_000, action: 'acknowledge' }
  },
  {
    startedAt: day(25, 15),
    lines: [{ text: 'Hold on.' }, { text: 'No, listen.' }, { text: 'That is wrong again.' }]
  }
]

async function seedAlertedCalls(dataDir: string): Promise<SeededCall[]> {
  let clock = ALERTED_CALLS[0]!.startedAt
  const { services, call } = await openConsole(dataDir, () => clock)
  const seeded: SeededCall[] = []
  try {
    for (const plan of ALERTED_CALLS) {
      clock = plan.startedAt
      const begun = (await call('recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: plan.startedAt
      })) as { ok: true; data: { sessionId: string } }
      const { sessionId } = begun.data
      const inputs = overAgentCall(plan.lines)
      // The alert store stamps alerts with the clock: keep it at the call's own time.
      for (const batch of batches(inputs, 7)) {
        clock = plan.startedAt + (batch[batch.length - 1]?.t ?? 0)
        await call('recording.append', { sessionId, events: batch })
      }
      const end = plan.startedAt + inputs[inputs.length - 1]!.t
      await call('recording.finish', { sessionId, endedAt: end })
      const alerts = (await new AlertStore(services.store.database).list(undefined, 500))
        .filter((a) => a.sessionId === sessionId)
        .sort((a, b) => a.alertId - b.alertId)
      const first = alerts[0]
      if (plan.action && first) {
        clock = Date.parse(first.raisedAt) + plan.action.afterMs
        await call('alerts.act', { alertId: first.alertId, action: plan.action.action })
      }
      seeded.push({ sessionId, rules: alerts.map((a) => a.rule) })
    }
  } finally {
    services.close()
  }
  return seeded
}

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 50 })

/** Shows the whole screen (it scrolls inside the window) for a screenshot. */
async function screenshotWhole(app: AppUnderTest, testId: string, name: string): Promise<void> {
  const height = await app.page.getByTestId(testId).evaluate((el) => el.scrollHeight + 120)
  await app.page.setViewportSize({ width: 1400, height: Math.max(900, height) })
  await app.screenshot(name)
  await app.page.setViewportSize({ width: 1400, height: 900 })
}

describe.runIf(canRun)('Alerts in Reports and on the session timeline (harness + Chromium)', () => {
  let browser: Browser
  let app: AppUnderTest
  let calls: SeededCall[] = []
  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp(browser, async (dataDir) => {
      calls = await seedAlertedCalls(dataDir)
    })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  const go = (screen: string) =>
    app.page.getByRole('navigation').getByRole('button', { name: screen }).click()

  it('shows alerts per day by rule, the escalation rate and the time to first action', async () => {
    const { page } = app
    const alertCount = calls.reduce((n, c) => n + c.rules.length, 0)
    expect(calls.every((c) => c.rules.includes('interruptions_total'))).toBe(true)
    await go('Reports')
    const kpi = (id: string) => page.getByTestId(`report-alert-kpi-${id}`).textContent()
    await eventually(() => kpi('alerts')).toBe(String(alertCount))
    // 1 escalated call of 18 sessions (the pilot's 15 and 3 live calls).
    expect(await kpi('escalation-rate')).toBe('5.6%')
    // Acted on after 40 s and 2 min: median 80 s, P90 40 + 0.9 × 80 = 112 s.
    expect(await kpi('first-action-median')).toBe('1 min 20 sec')
    expect(await kpi('first-action-p90')).toBe('1 min 52 sec')
    await page.getByTestId('chart-canvas-alerts-per-day').waitFor()
    await page.getByTestId('report-alerts').scrollIntoViewIfNeeded()
    await screenshotWhole(app, 'reports-screen', 'reports-alerts')

    // The table view's rows open exactly the calls behind them.
    const card = page.getByTestId('chart-alerts-per-day')
    await card.getByRole('switch', { name: 'Show as table' }).check()
    const rows = await page
      .getByTestId('chart-table-alerts-per-day')
      .locator('tbody tr')
      .allTextContents()
    expect(rows.some((r) => r.startsWith('2026-11-24'))).toBe(true)
    expect(rows.some((r) => r.startsWith('2026-11-25'))).toBe(true)
    await page
      .getByRole('button', { name: 'Open Interruptions in the call · 2026-11-25 in Sessions' })
      .click()
    await eventually(() => page.getByTestId('session-total').textContent()).toBe('2')
    const ids = await page
      .getByTestId('session-row')
      .evaluateAll((trs) => trs.map((r) => r.querySelector('td')?.textContent ?? ''))
    expect(ids.sort()).toEqual([calls[1]!.sessionId, calls[2]!.sessionId].sort())

    // Sessions over time opens a day's calls now that Sessions filters by date.
    await go('Reports')
    await eventually(() => kpi('alerts')).toBe(String(alertCount))
    await page.getByTestId('chart-over-time').getByRole('switch', { name: 'Show as table' }).check()
    await page.getByRole('button', { name: 'Open sessions of 2026-11-25 in Sessions' }).click()
    await eventually(() => page.getByTestId('session-total').textContent()).toBe('2')
  })

  it('flags each alert on the call timeline with what the supervisor did', async () => {
    const { page } = app
    await go('Reports')
    await eventually(() => page.getByTestId('report-alert-kpi-escalation-rate').textContent()).toBe(
      '5.6%'
    )
    await page.getByRole('button', { name: 'Open the sessions behind “Escalation rate”' }).click()
    await eventually(() => page.getByTestId('session-total').textContent()).toBe('1')
    await page.getByTestId('session-row').first().click()
    const detail = page.getByTestId('session-detail')
    await eventually(() => detail.locator('h2').textContent()).toBe(calls[0]!.sessionId)
    const markers = detail.getByTestId('timeline-alert')
    await eventually(() => markers.count()).toBe(calls[0]!.rules.length)
    const list = detail.getByTestId('call-alerts')
    await expect.poll(() => list.textContent()).toMatch(/Escalated by \S+ · /)
    await markers.first().locator('path').hover()
    await page.getByRole('tooltip').waitFor()
    await app.screenshot('session-detail-alerts')

    // Replay at 8× until the end (about 4 s of wall time), then scrub to the middle: the
    // transcript and flags as they stood then.
    const total = await detail.locator('li').count()
    await detail.getByRole('button', { name: '8×' }).click()
    await detail.getByRole('button', { name: 'Play replay' }).click()
    const clock = () => detail.getByTestId('replay-clock').textContent()
    const seconds = async () => Number((await clock())?.match(/^(\d+) sec/)?.[1])
    await eventually(seconds, 60_000).toBeGreaterThanOrEqual(1)
    await detail.getByRole('button', { name: 'Play replay' }).waitFor({ timeout: 60_000 })
    const [at, end] = ((await clock()) ?? '').split(' / ')
    expect(at).toBe(end)
    // A click half-way along the scrubber's track seeks there.
    const track = (await detail.locator('.MuiSlider-root').boundingBox())!
    await page.mouse.click(track.x + track.width / 2, track.y + track.height / 2)
    await eventually(async () => {
      const now = await seconds()
      return now >= 10 && now <= 20
    }).toBe(true)
    await detail.getByTestId('replay-cursor').waitFor({ state: 'attached' })
    expect(await detail.locator('li').count()).toBeLessThan(total)
    expect(await detail.getByTestId('timeline-alert').count()).toBeLessThan(calls[0]!.rules.length)
    await app.screenshot('session-detail-replay')
    await page.getByRole('button', { name: 'Close session detail' }).click()
    await eventually(() => detail.count()).toBe(0)
  })

  it('reads in French: strings, numbers and durations', async () => {
    const { page } = app
    await page.getByTestId('ui-language').click()
    await page.getByRole('option', { name: 'Français' }).click()
    await go('Rapports')
    await page.getByRole('heading', { name: 'Alertes' }).waitFor()
    await eventually(() => page.getByTestId('report-alert-kpi-escalation-rate').textContent()).toBe(
      '5,6\u00a0%'
    )
    expect(await page.getByTestId('report-alerts').textContent()).toContain('Taux d’escalade')
    await screenshotWhole(app, 'reports-screen', 'reports-fr')
  })
})
