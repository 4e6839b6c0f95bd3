import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'
import { eventDirection } from '../../src/main/recording/eventDirection'
import { BARGE_IN_CLEARED } from '../support/callFixtures'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

const POISONED = 'LIVE-20261125-143012-ab12'

/**
 * A call cut off mid-way whose session id an imported row already holds (issue #15): the data
 * folder as the console finds it at start-up.
 */
async function poisonedCall(dataDir: string): Promise<void> {
  const db = openSqliteSessionDatabase(join(dataDir, 'sessions.sqlite'))
  await db.calls.insertIfNew({
    sessionId: POISONED,
    callId: null,
    provider: 'openai',
    model: 'gpt-realtime',
    startedAtMs: Date.UTC(2026, 10, 25, 14, 30, 12),
    pricing: null,
    sentimentReader: 'lexicon'
  })
  const events = BARGE_IN_CLEARED.map(({ t, event }) => ({
    atMs: t,
    direction: eventDirection(event.type),
    type: event.type,
    payload: JSON.stringify(event)
  }))
  await db.transaction((tx) => tx.events.append(POISONED, events))
  db.connection
    .prepare(
      `INSERT INTO sessions (session_id, scenario, duration_sec, latency_p50_ms, latency_p95_ms,
         interruptions, turns, sentiment, model, rag_used, language, source, recorded_at)
       VALUES (?, 'order_status', 30, 400, 700, 0, 3, 'neutral', 'm', 0, 'en', 'import', 'then')`
    )
    .run(POISONED)
  await db.close()
}

describe.runIf(canRun)('a recorded call that could not be finalized (harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('the console starts, Sessions names the call, and its detail shows the error and transcript', async () => {
    const app = await openApp(browser, poisonedCall)
    try {
      const { page } = app
      const notice = page.getByTestId('unfinalized-calls')
      await eventually(() => notice.textContent()).toContain(
        '1 recorded call could not be finalized'
      )
      await app.screenshot('unfinalized-calls-notice')
      await notice.getByRole('button', { name: POISONED }).click()
      const detail = page.getByTestId('unfinalized-call-detail')
      const failure = detail.getByTestId('call-failure')
      await eventually(() => failure.textContent()).toContain(
        'is already taken by another session row (source: import)'
      )
      await eventually(() => detail.textContent()).toContain('What waterproof boots do you have?')
      await app.screenshot('unfinalized-call-detail')
    } finally {
      await app.close()
    }
  })
})
