import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../src/main/database/postgres/migrations'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { skipWithoutPostgres, usePostgres } from '../support/postgres'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable() && !skipWithoutPostgres
const SECRET = 'E2E-team-pw-Never-In-The-Page'

describe.runIf(canRun)('Settings → Team (browser harness + Chromium + PostgreSQL)', () => {
  let browser: Browser
  const postgres = usePostgres({ password: true })
  let database = ''
  beforeAll(async () => {
    browser = await launchChromium()
    // The team schema as this build's migrations leave it, then the roles on it.
    const url = await postgres.freshUrl()
    database = new URL(url).pathname.slice(1)
    await (await openPostgresDatabase({ connection: url })).close()
    const admin = new pg.Client(postgres.server().config(database))
    await admin.connect()
    await admin.query(readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
    await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD '${SECRET}' IN ROLE og_agent`)
    await admin.end()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('takes a pasted URL, keeps its password out of the page, and tests the connection', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      await page.getByLabel('Sessions database').click()
      await page.getByRole('option', { name: "The team's PostgreSQL" }).click()
      await page
        .getByTestId('team-url')
        .fill(
          `postgres://desk_a:${SECRET}@127.0.0.1:${postgres.server().port}/${database}?sslmode=disable`
        )
      await page.getByRole('button', { name: 'Fill in from URL' }).click()
      await expect
        .poll(() => page.getByTestId('team-password-state').textContent())
        .toBe(`A password is saved for 127.0.0.1:${postgres.server().port}, sealed by the system.`)
      await page.getByTestId('team-seat').fill('desk-a')
      await page.getByRole('button', { name: 'Test team connection' }).click()
      const outcome = page.getByTestId('team-connection-test')
      await expect.poll(() => outcome.textContent()).toContain('Connected to PostgreSQL')
      expect(await outcome.textContent()).toContain(
        `Team schema version ${LATEST_SCHEMA_VERSION}, as this console writes it.`
      )
      expect(await outcome.textContent()).toContain(
        'This login has the privileges a seat needs as Agent.'
      )
      await page.getByRole('button', { name: 'Save settings' }).click()
      await expect
        .poll(() => app.harness.services.team.identity())
        .toEqual({
          mode: 'team',
          seat: 'desk-a',
          role: 'agent'
        })
      const html = await page.evaluate(() => document.documentElement.outerHTML)
      expect(html).not.toContain(SECRET)
      // The whole card, its title included.
      const card = page.locator('.MuiPaper-root', { has: page.getByTestId('team-section') })
      await card.scrollIntoViewIfNeeded()
      await card.screenshot({ path: 'test-results/screenshots/settings-team.png' })
    } finally {
      await app.close()
    }
  })
})
