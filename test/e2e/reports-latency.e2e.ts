import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../src/main/database/SessionDatabase'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'
import type { StoredSession } from '../../src/shared/sessions/labSchema'
import { session } from '../unit/database/contractFixtures'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'
import { showSessionColumns } from './support/liveCallPage'

// Live calls beside the pilot's lab rows: Reports keeps their latency apart (each with its own
// threshold), and a call hung up before any answer was timed is in no latency figure — in
// Reports' cards, in Sessions (—, "no counted turn") and in the session's detail.

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 50 })

/** A live call as the recorder writes it: its settled call row and its session row. */
async function recordLive(db: SessionDatabase, row: StoredSession, countedTurns: number) {
  await db.calls.insertIfNew({
    sessionId: row.session_id,
    callId: null,
    provider: 'openai',
    model: 'gpt-realtime',
    startedAtMs: Date.parse(row.started_at ?? '2026-12-06T10:00:00Z'),
    pricing: null,
    sentimentReader: 'lexicon'
  })
  await db.transaction(async (tx) => {
    await tx.sessions.insertRecorded(row, row.ended_at ?? 'now')
    await tx.calls.settle(row.session_id, {
      status: 'finished',
      endedAtMs: Date.parse(row.ended_at ?? '2026-12-06T10:01:00Z'),
      countedTurns,
      finalizedAt: row.ended_at ?? 'now',
      labelledBy: 'lexicon',
      labelsReason: 'no_key',
      labelsError: null
    })
  })
}

async function prepare(dataDir: string): Promise<void> {
  const db = openSqliteSessionDatabase(join(dataDir, 'sessions.sqlite'))
  const live = (id: string, hour: number, p50: number, p95: number, more = {}) =>
    session(id, {
      latency_p50_ms: p50,
      latency_p95_ms: p95,
      started_at: `2026-12-06T${hour}:00:00.000Z`,
      ended_at: `2026-12-06T${hour}:01:00.000Z`,
      ...more
    })
  await recordLive(db, live('LIVE-20261206-100000-a1b2', 10, 405, 620), 5)
  await recordLive(db, live('LIVE-20261206-110000-c3d4', 11, 415, 940), 4)
  await recordLive(
    db,
    live('LIVE-20261206-120000-e5f6', 12, 0, 0, { scenario: 'faq', language: 'und', turns: 1 }),
    0
  )
  await db.close()
}

const kpi = (page: Page, id: string) => page.getByTestId(`report-kpi-${id}`).textContent()
const screens = (page: Page) => page.getByRole('navigation', { name: 'Screens' })

describe.runIf(canRun)('Latency, live and imported apart (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('shows live and lab latency apart, and leaves out the call with no counted turn', async () => {
    const app = await openApp(browser, prepare)
    try {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      await screens(page).getByRole('button', { name: 'Reports' }).click()
      await eventually(() => kpi(page, 'sessions')).toBe('18')
      // The pilot's figures as the lab computes them, untouched by the live calls.
      expect(await kpi(page, 'lab-p50')).toBe('89.3 ms')
      expect(await kpi(page, 'lab-p95')).toBe('187.5 ms')
      expect(await kpi(page, 'lab-slow')).toBe('4 (26.7 %)')
      // Two timed live calls: (405 + 415) / 2 and (620 + 940) / 2; one above 800 ms.
      expect(await kpi(page, 'live-p50')).toBe('410.0 ms')
      expect(await kpi(page, 'live-p95')).toBe('780.0 ms')
      expect(await kpi(page, 'live-slow')).toBe('1 (50.0 %)')
      expect(await kpi(page, 'no-turn')).toBe('1')
      const liveCard = page.getByTestId('report-kpi-live-p50').locator('..')
      expect(await liveCard.getAttribute('title')).toMatch(
        /^Live calls: from the end of the caller's speech to the agent's first audio/
      )
      await page.getByTestId('chart-latency-per-session').scrollIntoViewIfNeeded()
      await app.screenshot('reports-latency-live-and-lab-1024')

      await showSessionColumns(page, ['session_id', 'latency_p50_ms', 'latency_p95_ms'])
      await screens(page).getByRole('button', { name: 'Sessions' }).click()
      const row = page.getByRole('row').filter({ hasText: 'LIVE-20261206-120000-e5f6' })
      await row.waitFor()
      const noTurn = row.getByTestId('no-turn')
      await expect.poll(() => noTurn.allTextContents()).toEqual(['—', '—'])
      expect(await noTurn.first().getAttribute('title')).toMatch(/^No counted turn: /)
      // 940 ms is slow for a live call; 620 ms is not (the lab's 200 ms would flag both).
      const slowLive = page.getByRole('row').filter({ hasText: 'LIVE-20261206-110000-c3d4' })
      expect(await slowLive.getByTestId('slow-p95').textContent()).toBe('940')
      const fastLive = page.getByRole('row').filter({ hasText: 'LIVE-20261206-100000-a1b2' })
      expect(await fastLive.getByTestId('slow-p95').count()).toBe(0)
      await app.screenshot('sessions-latency-no-turn-1024')

      await row.click()
      const detail = page.getByTestId('session-detail')
      await eventually(() => detail.getByTestId('detail-latency_p95_ms').textContent()).toBe(
        '— · no counted turn'
      )
      await detail.getByRole('button', { name: 'Close session detail' }).click()
      await detail.waitFor({ state: 'detached' })

      // The same cards in French, their longer labels wrapped rather than cut at 1024 px.
      await page.getByTestId('ui-language').getByRole('combobox').click()
      await page.getByRole('option', { name: 'Français' }).click()
      await page
        .getByRole('navigation', { name: 'Écrans' })
        .getByRole('button', { name: 'Rapports' })
        .click()
      await eventually(() =>
        page.getByTestId('report-kpi-live-slow').locator('..').innerText()
      ).toMatch(/^Lents en direct \(P95 > 800 ms\)\n1 \(50,0\s%\)$/)
      await app.screenshot('reports-latency-live-and-lab-1024-fr')
    } finally {
      await app.close()
    }
  })
})
