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
import type { Page } from 'playwright-core'
import { session as storedSession, turn } from '../unit/database/contractFixtures'

const canRun = browserAvailable()
// The page, its first IPC round trips and React need a moment, more on a busy CI machine.
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

const LIVE_ES = 'LIVE-20261206-143012-a3f9'
const LIVE_EN = 'LIVE-20261206-151744-0c7e'
const LIVE_FR = 'LIVE-20261206-160205-9b21'

/** Three recorded calls, said in three languages, with alerts and one escalation. */
async function recordThreeCalls(dataDir: string): Promise<void> {
  const db = openSqliteSessionDatabase(join(dataDir, 'sessions.sqlite'))
  const call = (id: string, language: string, started: string, escalated: boolean | null) =>
    storedSession(id, { language, started_at: started, ended_at: null, escalated })
  const said = (lines: [string, string][]) =>
    lines.map(([caller, agent], index) => ({
      ...turn(index),
      caller_text: caller,
      agent_text: agent
    }))
  await db.transaction(async (tx) => {
    await tx.sessions.insertRecorded(call(LIVE_ES, 'es', '2026-12-06T14:30:12Z', true), 'now')
    await tx.turns.replace(
      LIVE_ES,
      said([
        ['¿Tienen botas impermeables para la nieve?', 'Sí, las Trailhead son impermeables.'],
        ['Quiero hablar con una persona, por favor.', 'Le paso con un compañero.']
      ])
    )
    await tx.sessions.insertRecorded(call(LIVE_EN, 'en', '2026-12-06T15:17:44Z', null), 'now')
    await tx.turns.replace(
      LIVE_EN,
      said([['Where is my order? It is two weeks late.', 'Let me look up your order.']])
    )
    await tx.sessions.insertRecorded(call(LIVE_FR, 'fr', '2026-12-06T16:02:05Z', null), 'now')
    await tx.turns.replace(
      LIVE_FR,
      said([['Je cherche une tente légère pour deux.', 'La tente Ridgeline pèse 1,8 kg.']])
    )
  })
  const raise = (
    sessionId: string,
    rule: 'human_request' | 'latency',
    severity: 'critical' | 'info'
  ) =>
    db.alerts.insert({
      sessionId,
      rule,
      severity,
      raisedAt: '2026-12-06T14:31:00Z',
      evidence: '{}'
    })
  await raise(LIVE_ES, 'latency', 'info')
  await raise(LIVE_ES, 'human_request', 'critical')
  await raise(LIVE_EN, 'latency', 'info')
  await db.close()
}

/** The table scrolls sideways (its content is wider than its box). */
const scrollsSideways = (page: Page): Promise<boolean> =>
  page
    .locator('[data-testid="virtuoso-scroller"]')
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1)

/** Headers, labels and buttons of the screen whose text does not fit. */
const clippedTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main th, main label, main button, main h1')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? '')
  )

/** Id and Started cells of the rows shown whose text does not fit. */
const clippedCells = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="session-id"], main td time')]
      .map((el) => el.closest('td') ?? el)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? '')
  )

const headers = (page: Page): Promise<string[]> =>
  page.locator('main th').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''))

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
      // The scenario's name as the table shows it finds it too (the pilot's three faq calls).
      await page.getByRole('button', { name: 'Clear filters' }).click()
      await eventually(() => total(app).textContent()).toBe('15')
      await page.getByPlaceholder('ID, scenario or model').fill('general question')
      const scenarioCells = (): Promise<string[]> =>
        page
          .getByTestId('session-row')
          .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''))
      await eventually(scenarioCells).toEqual(['General', 'General', 'General'])
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

  it('fits 1024×700 with its default columns, full ids, alerts and escalation, and filters on them', () =>
    withApp(async (app) => {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      await eventually(() => total(app).textContent()).toBe('18')
      // The welcome is the sample's; this desk has moved on.
      await page.getByRole('button', { name: 'Got it' }).click()
      expect(await headers(page)).toEqual([
        'Session ID',
        'Started',
        'Scenario',
        'P95 (ms)',
        'Sentiment',
        'Alerts',
        'Escalated'
      ])
      expect(await scrollsSideways(page)).toBe(false)
      expect(await clippedTexts(page)).toEqual([])
      expect(await clippedCells(page)).toEqual([])
      expect(await page.getByTestId('columns-hidden').count()).toBe(0)
      // The whole id is in the row (find, select, copy); on screen its date is folded.
      const es = page.getByTestId('session-row').filter({ hasText: LIVE_ES })
      await page.getByRole('columnheader', { name: 'Started' }).click()
      await page.getByRole('columnheader', { name: 'Started' }).click()
      await eventually(() => es.count()).toBe(1)
      const id = es.getByTestId('session-id')
      expect(await id.getAttribute('title')).toBe(LIVE_ES)
      expect(await id.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      // Drawn as "LIVE-…143012-a3f9": the date takes no more room than its ellipsis.
      expect(
        await id.locator('.id-fold').evaluate((el) => el.getBoundingClientRect().width)
      ).toBeLessThan(16)
      // The rule's short name, whole at 1024 px (the tooltip has the full one).
      const alerts = es.getByTestId('alerts-cell')
      expect(await alerts.textContent()).toBe('2Wants human')
      expect(await alerts.getAttribute('title')).toContain('Caller asks for a human')
      expect(
        await alerts
          .locator('span')
          .last()
          .evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)
      ).toBe(true)
      expect(await es.getByTestId('escalated').textContent()).toBe('Yes')
      await app.screenshot('sessions-columns-1024')

      await page.getByRole('combobox', { name: 'Alerts' }).click()
      await page.getByRole('option', { name: 'Caller asks for a human' }).click()
      await eventually(() => total(app).textContent()).toBe('1')
      await page.getByRole('combobox', { name: 'Alerts' }).click()
      await page.getByRole('option', { name: 'With alerts' }).click()
      await eventually(() => total(app).textContent()).toBe('2')
      await page.getByRole('combobox', { name: 'Escalated' }).click()
      await page.getByRole('option', { name: 'No' }).click()
      await eventually(() => total(app).textContent()).toBe('1')
      expect(
        await page.getByTestId('session-row').getByTestId('session-id').getAttribute('title')
      ).toBe(LIVE_EN)
      await app.screenshot('sessions-alert-filters-1024')
      await page.getByRole('button', { name: 'Clear filters' }).click()
      await eventually(() => total(app).textContent()).toBe('18')
    }, recordThreeCalls))

  it('searches what was said, accents folded, and shows where, at 1024×700 and 1400×900', () =>
    withApp(async (app) => {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      await eventually(() => total(app).textContent()).toBe('18')
      await page.getByRole('button', { name: 'Got it' }).click()
      const said = page.getByRole('searchbox', { name: 'Said in the call' })
      await said.fill('impermeable')
      await eventually(() => total(app).textContent()).toBe('1')
      const snippet = page.getByTestId('said-snippet')
      await eventually(() => snippet.textContent()).toContain('Caller:')
      expect(await snippet.locator('mark').first().textContent()).toBe('impermeables')
      expect(await headers(page)).toContain('Said in the call')
      expect(await scrollsSideways(page)).toBe(false)
      expect(await clippedCells(page)).toEqual([])
      await app.screenshot('sessions-said-search-1024')
      // "légère" written without its accents; the agent's words when the caller's do not match.
      await said.fill('legere')
      await eventually(() => snippet.textContent()).toContain('légère')
      await said.fill('ridgeline')
      await eventually(() => snippet.textContent()).toContain('Agent:')
      await said.fill('order late')
      await eventually(() => snippet.textContent()).toContain('order')
      expect(await total(app).textContent()).toBe('1')
      await page.setViewportSize({ width: 1400, height: 900 })
      // The id and the start time are whole beside the match (nothing ellipsised).
      expect(await clippedCells(page)).toEqual([])
      await app.screenshot('sessions-said-search-1400')
      await said.fill('nothing said like this')
      await eventually(() => total(app).textContent()).toBe('0')
    }, recordThreeCalls))

  it('chooses columns from the keyboard and keeps them for the desk; in Spanish and French nothing is cut', () =>
    withApp(async (app) => {
      const { page } = app
      await eventually(() => total(app).textContent()).toBe('18')
      await page.getByRole('button', { name: 'Columns' }).focus()
      await page.keyboard.press('Enter')
      const menu = page.getByRole('menu', { name: 'Columns to show' })
      await menu.waitFor()
      // The first item (the id) cannot be unticked; go down to Model and tick it.
      for (let i = 0; i < 20; i++) {
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
        if (focused.startsWith('Model')) break
        await page.keyboard.press('ArrowDown')
      }
      await page.keyboard.press('Enter')
      await page.keyboard.press('Escape')
      await eventually(() => headers(page)).toContain('Model')
      await page.setViewportSize({ width: 1400, height: 900 })
      await app.screenshot('sessions-columns-chosen-1400')
      await page.reload()
      await eventually(() => total(app).textContent()).toBe('18')
      expect(await headers(page)).toContain('Model')
      // At 1024 px the chosen columns that do not fit give way, and the screen says which.
      await page.setViewportSize({ width: 1024, height: 700 })
      await eventually(() => page.getByTestId('columns-hidden').count()).toBe(1)
      expect(await scrollsSideways(page)).toBe(false)
      for (const [option, header] of [
        ['Español', 'Escalada'],
        ['Français', 'Escaladée']
      ] as const) {
        await page.getByTestId('ui-language').getByRole('combobox').click()
        await page.getByRole('option', { name: option }).click()
        await eventually(() => headers(page)).toContain(header)
        expect(await clippedTexts(page)).toEqual([])
        expect(await scrollsSideways(page)).toBe(false)
        await app.screenshot(`sessions-columns-1024-${option === 'Español' ? 'es' : 'fr'}`)
      }
    }, recordThreeCalls))

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
