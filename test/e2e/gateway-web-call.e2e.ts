import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { ToneVoice } from '../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { skipWithoutPostgres, usePostgres } from '../support/postgres'
import { useGateways } from '../unit/gateway/support/gatewayRig'
import { API_KEY, GATEWAY_SCENARIO_YAML, entries } from '../unit/gateway/support/phoneCallRig'
import { browserAvailable, SCREENSHOT_DIR } from './support/browser'
import { openApp } from './support/harnessFixture'
import { WAIT } from './support/liveCallPage'
import { parseTeamFlags } from '../../tools/harness/teamFlags'
import { launchWithFakeMic, makeCallerWav, voiceToolsAvailable } from './support/voiceRig'

// The web channel end to end: the customer page the gateway serves, in Chromium with an
// espeak-ng caller as its microphone, its SDP exchanged through the gateway (no key in the page),
// the simulator as the Realtime API, the call recorded in a real PostgreSQL as channel "web".

const canRun = browserAvailable() && voiceToolsAvailable() && !skipWithoutPostgres

const rail = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true })

describe.skipIf(!canRun)('a web call from the customer page', { timeout: 180_000 }, () => {
  const pg15 = usePostgres()
  const gateways = useGateways(pg15)
  let sim: Simulator
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), 'web-call-'))

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      scenario: parseScenario(GATEWAY_SCENARIO_YAML, 'gateway.yaml'),
      voice: new ToneVoice(),
      debugRoutes: true
    })
    const caller = makeCallerWav(
      dir,
      'web-caller',
      'en',
      [
        { pauseMs: 4000, text: 'I need waterproof hiking boots under two hundred dollars.' },
        { pauseMs: 9000, text: 'I want to speak to a human.' }
      ],
      4000
    )
    browser = await launchWithFakeMic(caller.path)
  })
  afterAll(async () => {
    await browser?.close()
    await sim?.close()
  })

  it("shows the AI notice, connects through the gateway, is served with the catalog, is on a supervisor's wallboard as Web, and counted in Reports by channel", async () => {
    const { gateway, teamUrl } = await gateways.start(undefined, {
      realtimeBaseUrl: sim.url,
      apiKey: API_KEY,
      instance: 'gw-web'
    })
    const admin = new pg.Client({ connectionString: teamUrl.replace('?sslmode=disable', '') })
    await admin.connect()
    onTestFinished(() => admin.end())
    const query = async (sql: string): Promise<Record<string, unknown>[]> =>
      (await admin.query(sql)).rows as Record<string, unknown>[]
    // A supervisor's console on the same team database, watching the wallboard.
    const console = await openApp(browser, undefined, {
      team: parseTeamFlags({ teamDb: teamUrl, seat: 'lead', role: 'supervisor' })!
    })
    onTestFinished(() => console.close())
    await rail(console.page, 'Wallboard').click()
    const context = await browser.newContext({ viewport: { width: 420, height: 640 } })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`${gateway.url}/call`)
    await expect
      .poll(() => page.locator('[role=note]').textContent())
      .toBe('You are talking to an AI assistant. This call is recorded.')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-call-ready.png` })

    await page.getByRole('button', { name: 'Call' }).click()
    await expect
      .poll(() => page.locator('[role=status]').getAttribute('data-state'), WAIT)
      .toBe('connected')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-call-connected.png` })
    const row = console.page.getByTestId('wallboard-row').filter({ hasText: 'gw-web' })
    await expect.poll(() => row.count(), WAIT).toBe(1)
    expect(await row.getByTestId('wallboard-channel-cell').textContent()).toBe('Web')
    // A web call can be instructed, stopped or ended, not transferred (SIP's refer).
    expect(await row.getByRole('button', { name: 'End call' }).count()).toBe(1)
    expect(await row.getByRole('button', { name: 'Transfer to a person' }).count()).toBe(0)
    await console.screenshot('web-call-wallboard')

    // The agent's tool runs in the gateway; the caller's second line raises the human request.
    await expect.poll(async () => (await query(`SELECT 1 FROM calls`)).length, WAIT).toBe(1)
    const [call] = await query(`SELECT call_id, channel, seat, status FROM calls`)
    expect(call).toMatchObject({ channel: 'web', seat: 'gw-web', status: 'active' })
    const callId = String(call!['call_id'])
    await expect
      .poll(() => entries(sim, callId, 'tool_call').filter((tool) => tool.output).length, WAIT)
      .toBeGreaterThan(0)
    const tools = entries(sim, callId, 'tool_call')
    const tool = tools.find((entry) => entry.output)
    const asked = tools.find((entry) => entry.function_call_id === tool!.function_call_id)
    expect(asked!.name).toBe('search_products')
    // The gateway answered from the shipped catalog: waterproof boots under the price asked.
    const output = JSON.parse(tool!.output!) as {
      ok: boolean
      result: { products: { price_usd: number }[] }
    }
    expect(output.ok).toBe(true)
    expect(output.result.products.length).toBeGreaterThan(0)
    expect(output.result.products.every((product) => product.price_usd <= 200)).toBe(true)
    await expect
      .poll(async () => (await query(`SELECT rule FROM alerts`)).map((a) => a['rule']), WAIT)
      .toContain('human_request')

    await page.getByRole('button', { name: 'Hang up' }).click()
    await expect.poll(() => page.locator('[role=status]').getAttribute('data-state')).toBe('ended')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-call-ended.png` })

    await expect.poll(async () => (await gateway.health()).calls.inProgress, WAIT).toBe(0)
    await expect
      .poll(async () => (await query(`SELECT status FROM calls`))[0]?.['status'], WAIT)
      .toBe('finished')
    expect(await query(`SELECT channel, seat FROM calls`)).toEqual([
      { channel: 'web', seat: 'gw-web' }
    ])
    // The caller's words are in the recording, with the tool's card.
    const turns = await query(`SELECT caller_text FROM turns ORDER BY turn_index`)
    expect(turns.map((t) => t['caller_text']).join(' ')).toMatch(/waterproof hiking boots/i)
    const toolEvents = await query(
      `SELECT count(*)::int AS n FROM events WHERE payload LIKE '%search_products%'`
    )
    expect(toolEvents[0]!['n']).toBeGreaterThan(0)
    // Reports counts it under Web.
    await rail(console.page, 'Reports').click()
    const web = console.page.getByTestId('report-channel-web')
    await expect.poll(() => web.count(), WAIT).toBe(1)
    expect(await web.getByRole('cell').first().textContent()).toBe('1')
    await console.page.getByTestId('report-channels').scrollIntoViewIfNeeded()
    await console.screenshot('web-call-reports-by-channel')
    // The page spoke to the gateway's origin only: no API, no key.
    expect(requests.every((url) => url.startsWith(gateway.url))).toBe(true)
    await context.close()
  })
})
