import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { pickVoice } from '../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { freePort } from '../../tools/postgres/localPostgres'
import { parseTeamFlags } from '../../tools/harness/teamFlags'
import { skipWithoutPostgres, usePostgres } from '../support/postgres'
import { useGateways } from '../unit/gateway/support/gatewayRig'
import { API_KEY, WEBHOOK_SECRET, entries } from '../unit/gateway/support/phoneCallRig'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'
import { WAIT } from './support/liveCallPage'
import { makeCallerWav, voiceToolsAvailable } from './support/voiceRig'

// The phone channel end to end: a simulated phone call (an espeak-ng caller's WAV) rings the
// gateway by a signed webhook; a supervisor's console (the browser harness in team mode on the
// same PostgreSQL) watches it on the wallboard, opens its live view (transcript, tool card,
// latency, barge-in), is alerted when the caller keeps interrupting, and transfers it to a
// person from there; the simulator's ground truth shows the refer.

const canRun = browserAvailable() && voiceToolsAvailable() && !skipWithoutPostgres
const TRANSFER_URI = 'sip:support-queue@pbx.outdoorgear.example'

const rail = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true })

describe.skipIf(!canRun)('a phone call through the gateway, taken over from the console', () => {
  const pg15 = usePostgres()
  const gateways = useGateways(pg15)
  let sim: Simulator
  let browser: Browser
  let port: number
  const dir = mkdtempSync(join(tmpdir(), 'phone-call-'))

  beforeAll(async () => {
    port = await freePort()
    sim = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      scenario: loadScenario('tools/realtime-sim/scenarios/gateway-phone-barge-in.yaml'),
      voice: pickVoice('auto').voice,
      debugRoutes: true,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/openai`,
      webhookSecret: WEBHOOK_SECRET
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await sim?.close()
  })

  it(
    'is accepted, served with the catalog, on the wallboard as Phone, watched live, alerted on, transferred by the supervisor (refer) and counted as transferred in Reports',
    { timeout: 240_000 },
    async () => {
      const { gateway, teamUrl } = await gateways.start(undefined, {
        port,
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET,
        instance: 'gw-phone',
        transferUri: TRANSFER_URI
      })
      const admin = new pg.Client({ connectionString: teamUrl.replace('?sslmode=disable', '') })
      await admin.connect()
      onTestFinished(() => admin.end())
      const lead = await openApp(browser, undefined, {
        team: parseTeamFlags({ teamDb: teamUrl, seat: 'lead', role: 'supervisor' })!
      })
      onTestFinished(() => lead.close())
      await rail(lead.page, 'Wallboard').click()

      // The caller of test/e2e/escalation.e2e.ts: three questions cut into long answers.
      const caller = makeCallerWav(
        dir,
        'phone-caller',
        'en',
        [
          { pauseMs: 10_000, text: 'Can you tell me about your tents?' },
          { pauseMs: 9000, text: 'Which one is lighter?' },
          { pauseMs: 6000, text: 'How much does it cost?' },
          { pauseMs: 6000, text: 'Just tell me the price of the other one.' }
        ],
        15_000
      )
      // A phone line's audio: 16 kHz (the simulator's phone route takes the WAV in the JSON).
      const phoneWav = join(dir, 'phone-caller-16k.wav')
      execFileSync('sox', [caller.path, '-r', '16000', phoneWav])
      const placed = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: '+14155550123',
          to: '+18005550100',
          wav_base64: readFileSync(phoneWav).toString('base64')
        })
      })
      expect(placed.status).toBe(201)
      const { call_id: callId } = (await placed.json()) as { call_id: string }

      // Live on the supervisor's wallboard, as a phone call with the number masked.
      const row = lead.page.getByTestId('wallboard-row').filter({ hasText: 'gw-phone' })
      await expect.poll(() => row.count(), WAIT).toBe(1)
      expect(await row.getByTestId('wallboard-channel-cell').textContent()).toBe(
        'Phone+1 ••• ••• 0123'
      )
      // The supervisor opens the call from its row: the live call screen's panels, fed by what
      // the gateway records (its transcript, latency, lookups and barge-ins), while it runs.
      await row.getByRole('button', { name: 'Live view' }).click()
      const view = lead.page.getByTestId('followed-call')
      await expect.poll(() => view.count(), WAIT).toBe(1)
      expect(await view.getByTestId('followed-call-status').textContent()).toBe('Live')
      await expect
        .poll(() => view.getByTestId('transcript-caller').first().textContent(), WAIT)
        .toMatch(/tents/i)
      const card = view.locator('[data-testid="tool-call-card"][data-tool="search_products"]')
      await expect.poll(() => card.count(), WAIT).toBe(1)
      await expect
        .poll(() => card.getByTestId('tool-call-result').textContent(), WAIT)
        .toMatch(/→ \d+ results?, \d+ bytes, \d+ ms/)
      await expect
        .poll(() => view.getByTestId('latency-chips').textContent(), WAIT)
        .toMatch(/#1 [\d,.]+ ms/)
      // The caller cuts the agent short: the indicator lights, the interruption is counted.
      await lead.page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="barge-in-indicator"]')
            ?.getAttribute('data-state') !== 'idle',
        undefined,
        { timeout: WAIT.timeout }
      )
      await expect
        .poll(async () => Number(await view.getByTestId('interruption-count').textContent()), WAIT)
        .toBeGreaterThanOrEqual(1)
      expect(await view.getByTestId('followed-call-status').textContent()).toBe('Live')
      await lead.screenshot('phone-call-live-view')
      await lead.page.setViewportSize({ width: 1024, height: 700 })
      await lead.screenshot('phone-call-live-view-1024')
      await lead.page.setViewportSize({ width: 1400, height: 900 })
      // Escape goes back to the wallboard, the row's Live view focused again.
      await lead.page.keyboard.press('Escape')
      await expect.poll(() => view.count(), WAIT).toBe(0)

      // The agent's search_products ran in the gateway, from the console's catalog.
      await expect
        .poll(() => entries(sim, callId, 'tool_call').some((t) => t.output !== undefined), WAIT)
        .toBe(true)
      const output = entries(sim, callId, 'tool_call').find((t) => t.output)!.output!
      expect((JSON.parse(output) as { ok: boolean }).ok).toBe(true)

      // Three interruptions: the alert, on the row.
      await expect
        .poll(() => row.getByTestId('wallboard-alert').textContent(), WAIT)
        .toContain('Interruptions in the call')
      await lead.screenshot('phone-call-wallboard-alert')
      // Opened again by keyboard (caught up from the call's first event), and transferred from
      // there: the actions of the row are the view's too.
      await expect
        .poll(() => lead.page.evaluate(() => document.activeElement?.textContent), WAIT)
        .toBe('Live view')
      await lead.page.keyboard.press('Enter')
      await expect
        .poll(() => view.getByTestId('followed-call-alert').textContent(), WAIT)
        .toContain('Interruptions in the call')
      await expect
        .poll(async () => Number(await view.getByTestId('interruption-count').textContent()), WAIT)
        .toBeGreaterThanOrEqual(3)
      await view.getByRole('button', { name: 'Transfer to a person' }).click()

      // The simulator saw the refer to the configured queue; the AI leg ended.
      await expect
        .poll(
          () =>
            entries(sim, callId, 'sip')
              .filter((s) => s.state === 'referred')
              .map((s) => (s as { target_uri: string }).target_uri),
          WAIT
        )
        .toEqual([TRANSFER_URI])
      await expect
        .poll(
          async () =>
            (await admin.query(`SELECT channel, outcome, status FROM calls`)).rows as unknown[],
          WAIT
        )
        .toEqual([{ channel: 'phone', outcome: 'transferred', status: 'finished' }])
      // The transfer was the alert's escalation, by the supervisor's seat.
      const actions = await admin.query(`SELECT action, seat FROM alert_actions`)
      expect(actions.rows).toContainEqual({ action: 'escalate', seat: 'lead' })
      // The view stays on the call's final state and says it ended.
      await expect
        .poll(() => view.getByTestId('followed-call-status').textContent(), WAIT)
        .toBe('Ended')
      expect(await view.getByTestId('followed-call-ended').count()).toBe(1)
      expect(await view.getByTestId('wallboard-command-done').textContent()).toBe(
        'Transferred by lead'
      )
      await lead.screenshot('phone-call-live-view-ended')
      await view.getByRole('button', { name: 'Back to Live calls' }).click()

      await rail(lead.page, 'Reports').click()
      const phone = lead.page.getByTestId('report-channel-phone')
      await expect.poll(() => phone.count(), WAIT).toBe(1)
      const cells = await phone.getByRole('cell').allTextContents()
      expect(cells.slice(0, 4)).toEqual(['1', '0 (0%)', '1 (100%)', '0 (0%)'])
      await lead.page.getByTestId('report-channels').scrollIntoViewIfNeeded()
      await lead.screenshot('phone-call-reports-by-channel')
      expect((await gateway.health()).calls.inProgress).toBe(0)
    }
  )
})
