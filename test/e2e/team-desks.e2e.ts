import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import type { StoredAlert } from '../../src/shared/escalation/alertRecords'
import { parseTeamFlags } from '../../tools/harness/teamFlags'
import { skipWithoutPostgres, usePostgres } from '../support/postgres'
import { generatedCsv } from '../support/tempDir'
import { browserAvailable, launchChromium } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import {
  SIM_KEY,
  WAIT,
  hangUp,
  placeCall,
  pointAt,
  recordedSessionId,
  text,
  withSimulator
} from './support/liveCallPage'
import { voiceToolsAvailable, type CallerLine } from './support/voiceRig'

// Team mode end to end: two browser harnesses (two desks, each its own data folder, seat, role
// and PostgreSQL login) on one real PostgreSQL, an espeak-ng caller on desk A's microphone
// against the local GA simulator. Desk A is an agent, desk B a supervisor.

const canRun = browserAvailable() && voiceToolsAvailable() && !skipWithoutPostgres
const LONG = 240_000
const SCENARIO = 'tools/realtime-sim/scenarios/triple-barge-in.yaml'
/** How long the team database stays away in the fault test (the minute: 60000). */
const OUTAGE_MS = Number(process.env['TEAM_OUTAGE_MS'] ?? 20_000)
const PASSWORDS = { desk_a: 'E2E-desk-a-pw', lead: 'E2E-lead-pw' }

/** The caller of test/e2e/escalation.e2e.ts: three questions cut into long answers. */
const INTERRUPTING_CALLER: CallerLine[] = [
  { pauseMs: 10_000, text: 'Can you tell me about your tents?' },
  { pauseMs: 7000, text: 'Which one is lighter?' },
  { pauseMs: 6000, text: 'How much does it cost?' },
  { pauseMs: 6000, text: 'Just tell me the price of the other one.' }
]

/** The 1 s, unless the machine is loaded many times over (then said, and 5 s). */
function alertBudgetMs(): number {
  const load = loadavg()[0]!
  if (load <= 2 * availableParallelism()) return 1000
  console.warn(`[team-desks] load average ${load.toFixed(1)}: the toast is held to 5 s here`)
  return 5000
}

/** Epoch ms at which each alert toast appeared on the page, with its text. */
async function watchToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { at: number; text: string }[] = []
    ;(window as unknown as { toasts: typeof seen }).toasts = seen
    let last = ''
    new MutationObserver(() => {
      const toast = document.querySelector('[data-testid="alert-toast"]')
      const now = toast?.textContent ?? ''
      if (now && now !== last) seen.push({ at: Date.now(), text: now })
      last = now
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

const readToasts = (page: Page): Promise<{ at: number; text: string }[]> =>
  page.evaluate(() => (window as unknown as { toasts: { at: number; text: string }[] }).toasts)

/** Events A's page handed to main for a call (every accepted recording.append). */
function countAppendedEvents(page: Page): { count: () => number } {
  let count = 0
  page.on('requestfinished', (request) => {
    const body = request.postDataJSON() as {
      route?: string
      input?: { events?: unknown[] }
    } | null
    if (body?.route !== 'recording.append') return
    void request.response().then(async (response) => {
      const result = (await response?.json()) as { ok?: boolean } | undefined
      if (result?.ok) count += body.input?.events?.length ?? 0
    })
  })
  return { count: () => count }
}

const rail = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name })

describe.runIf(canRun)('Team mode: two desks on one PostgreSQL (Chromium + simulator)', () => {
  const callers = useCallerBrowser('team-desks-')
  const postgres = usePostgres({ password: true })
  let supervisorBrowser: Browser
  let database = ''

  beforeAll(async () => {
    supervisorBrowser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await supervisorBrowser?.close()
  })

  /**
   * A team database migrated by its owner, with the roles, and one login per desk (logins are
   * the server's, not the database's: created once).
   */
  async function teamDatabase(): Promise<void> {
    const url = await postgres.freshUrl()
    database = new URL(url).pathname.slice(1)
    await (await openPostgresDatabase({ connection: url })).close()
    const admin = new pg.Client(postgres.server().config(database))
    await admin.connect()
    try {
      await admin.query(readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
      for (const [login, role] of [
        ['desk_a', 'og_agent'],
        ['lead', 'og_supervisor']
      ] as const) {
        const known = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login])
        if (known.rowCount === 0)
          await admin.query(
            `CREATE ROLE ${login} LOGIN PASSWORD '${PASSWORDS[login]}' IN ROLE ${role}`
          )
      }
    } finally {
      await admin.end()
    }
  }

  const teamFlags = (login: keyof typeof PASSWORDS, seat: string, role: 'agent' | 'supervisor') =>
    parseTeamFlags({
      teamDb: `postgres://${login}:${PASSWORDS[login]}@127.0.0.1:${postgres.server().port}/${database}?sslmode=disable`,
      seat,
      role
    })!

  /** The team's rows for a session, read as the tables' owner. */
  async function teamRows<T extends pg.QueryResultRow>(
    sql: string,
    values: unknown[]
  ): Promise<T[]> {
    const client = new pg.Client(postgres.server().config(database))
    await client.connect()
    try {
      return (await client.query<T>(sql, values)).rows
    } finally {
      await client.end()
    }
  }

  /** Desk A (agent, caller on its microphone, pointed at the simulator) and desk B. */
  async function twoDesks(
    name: string,
    run: (a: AppUnderTest, b: AppUnderTest) => Promise<void>
  ): Promise<void> {
    await teamDatabase()
    const wav = callers.wav(name, 'en', INTERRUPTING_CALLER, 12_000)
    const agentBrowser = await callers.launch(wav.path)
    await withSimulator(SCENARIO, async (sim) => {
      const a = await openApp(agentBrowser, undefined, {
        team: teamFlags('desk_a', 'desk-a', 'agent')
      })
      const b = await openApp(supervisorBrowser, undefined, {
        team: teamFlags('lead', 'lead', 'supervisor')
      })
      try {
        await pointAt(a.page, sim, SIM_KEY)
        await run(a, b)
      } finally {
        await Promise.allSettled([a.close(), b.close()])
      }
    })
  }

  it(
    "A's interrupted call: B's wallboard shows it, B is alerted within 1 s, B escalates and A sees it; B's import is in A's Sessions and Reports",
    async () => {
      await twoDesks('team-live', async (a, b) => {
        // B watches the wallboard; both desks are listening before the call begins.
        await rail(b.page, 'Wallboard').click()
        await expect.poll(() => text(b.page, 'wallboard-empty'), WAIT).toContain('No calls')
        await watchToasts(b.page)
        await placeCall(a.page)

        // The call on B's board while it runs, from desk A.
        const row = b.page.getByTestId('wallboard-row').filter({ hasText: 'desk-a' })
        await expect.poll(() => row.count(), WAIT).toBe(1)
        await expect.poll(() => text(a.page, 'interruption-count'), WAIT).toBe('3')
        await expect
          .poll(() => row.getByTestId('wallboard-interruptions').textContent(), WAIT)
          .toBe('3')
        await expect
          .poll(() => row.getByTestId('wallboard-alert').textContent(), WAIT)
          .toContain('Interruptions in the call')
        await b.screenshot('team-wallboard-live-call')

        // The alert reached B as a toast within the budget of A storing it.
        const alerts = (await a.harness.services.handlers['alerts.list'](
          { limit: 50 },
          { windowId: 1 }
        )) as StoredAlert[]
        const total = alerts.find((alert) => alert.rule === 'interruptions_total')!
        expect(total).toBeDefined()
        await expect
          .poll(async () => (await readToasts(b.page)).some((t) => t.text.includes('desk-a')), WAIT)
          .toBe(true)
        const toast = (await readToasts(b.page)).find((t) =>
          t.text.includes('Interruptions in the call')
        )
        expect(toast, JSON.stringify(await readToasts(b.page))).toBeDefined()
        const delay = toast!.at - Date.parse(total.raisedAt)
        console.log(`[measured] desk A stored the alert → desk B's toast: ${delay} ms`)
        expect(delay).toBeLessThan(alertBudgetMs())
        expect(toast!.text).toContain("Alert on desk-a's call")
        await b.screenshot('team-alert-toast')

        // B opens Monitor from the toast (or the rail) and escalates A's alert.
        await rail(b.page, 'Monitor').click()
        const card = b.page.getByTestId(`alert-${total.alertId}`)
        await expect.poll(() => card.textContent(), WAIT).toContain('3 interruptions in this call')
        await card.getByRole('button', { name: 'Escalate' }).click()
        const note = b.page.getByRole('dialog', { name: 'Handoff note' })
        await note.waitFor()
        await note.getByRole('button', { name: 'Close' }).click()

        // A's banner says who escalated, while the call runs.
        const banner = a.page.getByTestId('live-alert')
        await expect.poll(() => banner.textContent(), WAIT).toContain('escalated by lead')
        await a.screenshot('team-agent-sees-escalation')
        await hangUp(a.page)
        const sessionId = await recordedSessionId(a.page)
        const [call] = await teamRows<{ seat: string; status: string }>(
          'SELECT seat, status FROM calls WHERE session_id = $1',
          [sessionId]
        )
        expect(call).toEqual({ seat: 'desk-a', status: 'finished' })
        const [action] = await teamRows<{ seat: string; action: string }>(
          'SELECT seat, action FROM alert_actions WHERE alert_id = $1',
          [total.alertId]
        )
        expect(action).toEqual({ seat: 'lead', action: 'escalate' })

        // A CSV imported on B: in A's Sessions and Reports without A doing anything.
        await rail(a.page, 'Sessions').click()
        await expect.poll(() => text(a.page, 'session-total'), WAIT).toBe('1')
        const file = join(b.dataDir, 'team-import.csv')
        writeFileSync(file, generatedCsv(40))
        b.harness.dialogs.queueOpen(file)
        await rail(b.page, 'Sessions').click()
        await b.page.getByRole('button', { name: 'Import CSV' }).click()
        await b.page.getByText('Imported 40 sessions from team-import.csv').waitFor()
        await expect.poll(() => text(a.page, 'session-total'), WAIT).toBe('41')
        await a.screenshot('team-agent-sessions-after-import')
        await rail(a.page, 'Reports').click()
        await expect
          .poll(() => a.page.getByTestId('report-kpi-sessions').textContent(), WAIT)
          .toBe('41')
      })
    },
    LONG
  )

  it(
    "PostgreSQL stops mid-call and comes back: A's screen says so, and B's Sessions has the call once with every event",
    async () => {
      await twoDesks('team-outage', async (a, b) => {
        const appended = countAppendedEvents(a.page)
        await placeCall(a.page)
        // Some of the call is recorded on the team database before it goes away.
        await expect
          .poll(() => a.page.getByTestId('transcript-caller').count(), WAIT)
          .toBeGreaterThan(0)
        const banner = a.page.getByTestId('outbox-banner')
        postgres.stop()
        // A failed check must not leave the server down for the retry and the next test.
        let restarted = false
        try {
          await expect
            .poll(() => banner.textContent(), WAIT)
            .toMatch(/Team database unreachable — \d+ items? waiting/)
          // The caller goes on; what A records waits, and the count says so.
          await expect
            .poll(
              async () =>
                Number((await banner.textContent())?.match(/(\d+) items? waiting/)?.[1] ?? 0),
              WAIT
            )
            .toBeGreaterThan(1)
          await a.screenshot('team-outage-agent-banner')
          await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS))
          await postgres.restart()
          restarted = true
        } finally {
          if (!restarted) await postgres.restart()
        }
        await expect
          .poll(() => banner.textContent(), WAIT)
          .toContain('every waiting item was delivered')
        await a.screenshot('team-outage-delivered')
        await hangUp(a.page)
        const sessionId = await recordedSessionId(a.page)

        // B lists it once; the team database has every event A's page sent, once, in order.
        await rail(b.page, 'Sessions').click()
        await b.page.getByPlaceholder('ID, scenario or model').fill(sessionId)
        await expect
          .poll(
            () => b.page.getByTestId('session-row').filter({ hasText: sessionId }).count(),
            WAIT
          )
          .toBe(1)
        const events = await teamRows<{ seq: number; type: string }>(
          'SELECT seq, type FROM events WHERE session_id = $1 ORDER BY seq',
          [sessionId]
        )
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
        // Main adds the caller-sentiment readings of its own rules; the rest are the page's.
        const fromPage = events.filter((e) => e.type !== 'sentiment.read')
        expect(fromPage.length).toBe(appended.count())
        const sessions = await teamRows<{ n: string }>(
          'SELECT count(*) AS n FROM sessions WHERE session_id = $1',
          [sessionId]
        )
        expect(sessions).toEqual([{ n: '1' }])
        await b.screenshot('team-outage-supervisor-sessions')
      })
    },
    LONG + OUTAGE_MS
  )
})
