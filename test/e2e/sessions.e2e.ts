import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'
import { writeSyntheticCsv } from '../../tools/generate/writeSyntheticCsv'
import { generatedCsv, HEADER, PILOT_CSV } from '../support/tempDir'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'

const canRun = browserAvailable()
// The page, its first IPC round trips and React need a moment, more on a busy CI machine.
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

describe.runIf(canRun)('Sessions screen (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  const total = (app: AppUnderTest) => app.page.getByTestId('session-total')
  const withApp = async (
    test: (app: AppUnderTest) => Promise<void>,
    prepare?: (dataDir: string) => Promise<void>
  ) => {
    const app = await openApp(browser, prepare)
    try {
      await test(app)
    } finally {
      await app.close()
    }
  }

  it('shows the 15 pilot sessions and the lab figures on first run', () =>
    withApp(async (app) => {
      const { page } = app
      await eventually(() => total(app).textContent()).toBe('15')
      const rows = page.getByTestId('session-row')
      await eventually(() => rows.count()).toBe(15)
      expect(await rows.first().locator('td').first().textContent()).toBe('S01')
      await eventually(() => page.getByTestId('kpi-avg-p50').textContent()).toContain('89.3')
      expect(await page.getByTestId('kpi-avg-p95').textContent()).toContain('187.5')
      expect(await page.getByTestId('kpi-slow').textContent()).toContain('4')
      expect(await page.getByTestId('kpi-negative').textContent()).toContain('4')
      expect(await page.getByTestId('kpi-rag').textContent()).toContain('80')
      await app.screenshot('sessions-pilot')
    }))

  it('welcomes a newcomer: says the rows are a sample, leads to a demo call, removes the sample', () =>
    withApp(async (app) => {
      const { page } = app
      const welcome = page.getByTestId('welcome')
      await eventually(() => welcome.textContent()).toContain(
        'The 15 sessions below are sample data'
      )
      await welcome.getByRole('button', { name: 'Place a demo call' }).click()
      await eventually(() => page.getByTestId('call-phase').isVisible()).toBe(true)
      await page.getByRole('button', { name: 'Sessions' }).click()
      await welcome.getByRole('button', { name: 'Remove sample data' }).click()
      const dialog = page.getByRole('dialog')
      // Enter on the dialog as it opens keeps the sample: the safe choice has the focus.
      await page.keyboard.press('Enter')
      await eventually(() => dialog.count()).toBe(0)
      expect(await total(app).textContent()).toBe('15')
      await welcome.getByRole('button', { name: 'Remove sample data' }).click()
      await dialog.getByRole('button', { name: 'Remove' }).click()
      await eventually(() => total(app).textContent()).toBe('0')
      await eventually(() => welcome.count()).toBe(0)
      expect(await page.getByText('Removed 15 sample sessions.').count()).toBe(1)
      await app.screenshot('sessions-sample-removed')
    }))

  it('opens a session to show all its columns', () =>
    withApp(async (app) => {
      const { page } = app
      await eventually(() => page.getByTestId('session-row').count()).toBe(15)
      await page.getByTestId('session-row').nth(2).click()
      const detail = page.getByTestId('session-detail')
      await eventually(() => detail.locator('h2').textContent()).toBe('S03')
      const text = (await detail.textContent()) ?? ''
      expect(text).toContain('Interruptions3')
      expect(text).toContain('Sentimentnegative')
      expect(text).toContain('A pilot session')
      await app.screenshot('session-detail-pilot')
      await page.getByRole('button', { name: 'Close session detail' }).click()
      await eventually(() => detail.count()).toBe(0)
    }))

  it('filters the table and the lab figures together', () =>
    withApp(async (app) => {
      const { page } = app
      await eventually(() => total(app).textContent()).toBe('15')
      await page.getByRole('combobox', { name: 'Sentiment' }).click()
      await page.getByRole('option', { name: 'negative' }).click()
      await page.keyboard.press('Escape')
      await eventually(() => total(app).textContent()).toBe('4')
      await eventually(() => page.getByTestId('kpi-avg-p95').textContent()).toContain('225.0')
      const ids = await page
        .getByTestId('session-row')
        .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent))
      expect(ids).toEqual(['S03', 'S06', 'S09', 'S14'])
      await page.getByPlaceholder('ID, scenario or model').fill('complaint')
      await eventually(() => total(app).textContent()).toBe('3')
      await app.screenshot('sessions-filtered')
    }))

  it('imports a 100-row file', () =>
    withApp(async (app) => {
      const file = join(app.dataDir, 'hundred.csv')
      writeFileSync(file, generatedCsv(100))
      app.harness.dialogs.queueOpen(file)
      await eventually(() => total(app).textContent()).toBe('15')
      await app.page.getByRole('button', { name: 'Import CSV' }).click()
      await app.page.getByText('Imported 100 sessions from hundred.csv').waitFor()
      await eventually(() => total(app).textContent()).toBe('115')
      expect(await app.harness.services.store.count({ source: ['import'] })).toBe(100)
      await app.screenshot('sessions-after-import')
    }))

  it('shows every problem of a bad file and changes nothing', () =>
    withApp(async (app) => {
      const file = join(app.dataDir, 'bad.csv')
      writeFileSync(
        file,
        `${HEADER}\nN1,faq,abc,85,170,1,8,positive,m,true,en\nN2,faq,45,185,170,1,8,positive,m,maybe,en\nS01,faq,1,1,2,0,1,neutral,m,true,en\n`
      )
      app.harness.dialogs.queueOpen(file)
      await eventually(() => total(app).textContent()).toBe('15')
      await app.page.getByRole('button', { name: 'Import CSV' }).click()
      const list = app.page.getByTestId('import-issues')
      await list.waitFor()
      const text = await list.textContent()
      expect(text).toContain('row 2, column duration_sec: not a number: "abc"')
      expect(text).toContain('row 3, column latency_p95_ms: P95 (170) is below P50 (185)')
      expect(text).toContain('row 3, column rag_used: not a boolean: "maybe"')
      expect(text).toContain(
        'row 4, column session_id: session_id "S01" is already in the database'
      )
      await eventually(() => app.page.getByRole('dialog').textContent()).toContain(
        'nothing was changed'
      )
      await app.screenshot('sessions-import-rejected')
      expect(await app.harness.services.store.count()).toBe(15)
      expect(await app.harness.services.store.count({ search: 'N1' })).toBe(0)
    }))

  it('offers skip or replace when the only problem is ids already in the database', () =>
    withApp(async (app) => {
      const file = join(app.dataDir, 'again.csv')
      writeFileSync(
        file,
        `${HEADER}\nS01,faq,1,1,2,0,1,neutral,m2,true,en\nNEW,faq,1,1,2,0,1,neutral,m2,true,en\n`
      )
      app.harness.dialogs.queueOpen(file)
      await eventually(() => total(app).textContent()).toBe('15')
      await app.page.getByRole('button', { name: 'Import CSV' }).click()
      await app.page.getByRole('button', { name: 'Replace existing' }).click()
      await eventually(() => total(app).textContent()).toBe('16')
      const s01 = await app.harness.services.store.list(
        { search: 'S01' },
        { column: 'session_id', direction: 'asc' },
        0,
        1
      )
      expect(s01.rows[0]?.model).toBe('m2')
    }))

  it('exports the pilot back exactly as the pilot file', () =>
    withApp(async (app) => {
      const out = join(app.dataDir, 'export.csv')
      app.harness.dialogs.queueSave(out)
      await eventually(() => total(app).textContent()).toBe('15')
      await app.page.getByRole('button', { name: 'Export CSV' }).click()
      await app.page.getByRole('menuitem', { name: /lab schema/i }).click()
      await app.page.getByText(`Exported 15 sessions to ${out}`).waitFor()
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(PILOT_CSV, 'utf8'))
    }))

  it('stays usable with 100k sessions: pages from main as the table scrolls', () =>
    withApp(
      async (app) => {
        const { page } = app
        await eventually(() => total(app).textContent(), 20_000).toMatch(/^100[,.\s\u202f]?015$/)
        const rows = page.getByTestId('session-row')
        expect(await rows.count()).toBeLessThan(200) // virtualised: only what is visible
        const scroller = page.locator('[data-testid="virtuoso-scroller"]')
        await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
        await eventually(async () => rows.last().locator('td').first().textContent(), 15_000).toBe(
          'SYN0100000'
        )
        await app.screenshot('sessions-100k-bottom')
      },
      async (dataDir) => {
        const csv = join(dataDir, 'synthetic-100k.csv')
        await writeSyntheticCsv(csv, 100_000)
        const path = join(dataDir, 'sessions.sqlite')
        await new SessionStore(openSqliteSessionDatabase(path)).close()
        const outcome = await new SessionImporter(path).importFile(csv, 'fail')
        if (outcome.status !== 'imported') throw new Error('could not prepare 100k sessions')
      }
    ))
})
