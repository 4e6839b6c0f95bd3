import type { Page } from 'playwright-core'
import { pickVoice } from '../../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import type { Scenario } from '../../../src/main/realtime-sim/scenario/scenarioSchema'
import { startSimulator, type Simulator } from '../../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from '../../../tools/realtime-sim/defaultScenario'
import type { AppUnderTest } from './harnessFixture'
import type { VoiceEngine } from '../../../src/shared/live-call/voiceEngine'

// What a user does on the Live call screen, shared by the live-call and escalation e2e tests
// and the live-call benchmark (which runs outside Vitest, hence waitUntil, not expect.poll).

export const SIM_KEY = 'sk-e2e-live-call-0123456789'
/** Voice calls on a loaded 2-vCPU machine: generous, polled often. */
export const WAIT = { timeout: 90_000, interval: 250 }

/**
 * Polls `read` until `done` holds for its value, and returns that value; on timeout throws with
 * the last value read (or the last error), so a failed wait says what the screen showed.
 */
export async function waitUntil<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  what: string,
  { timeout, interval } = WAIT
): Promise<T> {
  const deadline = Date.now() + timeout
  let last: string
  for (;;) {
    try {
      const value = await read()
      if (done(value)) return value
      last = JSON.stringify(value)
    } catch (error) {
      last = `error: ${String(error)}`
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last: ${last}`)
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}

/** A simulator on a free port for the length of `run` (scenario object, file, or the default). */
export async function withSimulator<T>(
  scenario: string | Scenario | undefined,
  run: (sim: Simulator) => Promise<T>,
  apiKey = SIM_KEY
): Promise<T> {
  const sim = await startSimulator({
    port: 0,
    apiKey,
    scenario:
      typeof scenario === 'object' ? scenario : loadScenario(scenario ?? DEFAULT_SCENARIO_FILE),
    voice: pickVoice('auto').voice
  })
  try {
    return await run(sim)
  } finally {
    await sim.close()
  }
}

/**
 * Settings → custom provider at the simulator, with a key, on a voice engine (Realtime unless
 * told), as a user would.
 */
export async function pointAt(
  page: Page,
  sim: Simulator,
  key: string,
  engine: VoiceEngine = 'realtime'
): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Provider').click()
  await page.getByRole('option', { name: /Custom/ }).click()
  await page.getByLabel('Base URL').fill(`${sim.url}/v1`)
  // The provider's engine: in team mode Settings → Team also offers the gateways' (same names).
  await page
    .getByTestId('engine-field')
    .getByRole('radio', { name: engine === 'live' ? /^GPT-Live/ : /^Realtime API/ })
    .check()
  // Saved only when something changed (the button is disabled for an unchanged form).
  const save = page.getByRole('button', { name: 'Save settings' })
  if (await save.isEnabled()) await save.click()
  await page.getByTestId('api-key-custom').fill(key)
  await page.getByRole('button', { name: 'Save key' }).click()
  await waitUntil(
    () => page.getByTestId('api-key-state-custom').textContent(),
    (t) => t?.includes('A key is stored') ?? false,
    'the stored key'
  )
}

export async function placeCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Live call' }).click()
  await page.getByRole('button', { name: 'Call', exact: true }).click()
}

/** Text of the first element with that test id ('' when it has none). */
export const text = (page: Page, testId: string): Promise<string> =>
  page
    .getByTestId(testId)
    .first()
    .textContent()
    .then((t) => t ?? '')

/** Text of every element with that test id, one per line. */
export const allText = (page: Page, testId: string): Promise<string> =>
  page
    .getByTestId(testId)
    .allTextContents()
    .then((t) => t.join('\n'))

export async function hangUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Hang up' }).click()
  await waitForPhase(page, 'ended')
}

/** Sessions recorded for live calls, when main has the recording routes. */
export function recordingAvailable(app: AppUnderTest): boolean {
  return Object.hasOwn(app.harness.services.handlers, 'recording.begin')
}

/** Waits for the call phase the screen shows (`in_call`, `ended`, …). */
export async function waitForPhase(page: Page, phase: string): Promise<void> {
  await waitUntil(
    () => page.getByTestId('call-phase').getAttribute('data-phase'),
    (p) => p === phase,
    `call phase ${phase}`
  )
}

/** After hang-up: the id of the session main recorded, from the screen's recording status. */
export async function recordedSessionId(page: Page): Promise<string> {
  const status = await waitUntil(
    () => text(page, 'recording-status'),
    (t) => /^Recorded as session LIVE-[\w-]+\.$/.test(t),
    'the recorded session'
  )
  return status.match(/LIVE-[\w-]+/)![0]
}

/**
 * Sessions → search for the session → open its detail drawer, as a supervisor would; returns
 * the table row's cells by column header and the drawer's label → value pairs.
 */
/**
 * The Sessions columns a test reads, chosen as a desk's Columns menu keeps them (this window's
 * local storage; sessions.e2e.ts drives the menu itself). Read when Sessions next opens.
 */
export async function showSessionColumns(page: Page, keys: readonly string[]): Promise<void> {
  await page.evaluate(
    (chosen) => localStorage.setItem('sessions-columns', JSON.stringify(chosen)),
    [...keys]
  )
}

export async function openRecordedSession(
  page: Page,
  sessionId: string
): Promise<{ row: Record<string, string>; detail: Record<string, string>; labelledBy: string }> {
  await showSessionColumns(page, [
    'session_id',
    'scenario',
    'latency_p50_ms',
    'latency_p95_ms',
    'interruptions',
    'turns',
    'model',
    'rag_used',
    'language'
  ])
  await page.getByRole('button', { name: 'Sessions' }).click()
  await page.getByPlaceholder('ID, scenario or model').fill(sessionId)
  const row = page.getByTestId('session-row').filter({ hasText: sessionId })
  await waitUntil(
    () => row.count(),
    (n) => n === 1,
    `the row of ${sessionId}`
  )
  const headers = await page
    .getByRole('table', { name: 'Sessions' })
    .locator('thead th')
    .allTextContents()
  const cells = await row.locator('td').allTextContents()
  await row.click()
  const drawer = page.getByTestId('session-detail')
  await waitUntil(
    () => drawer.locator('h2').textContent(),
    (t) => t === sessionId,
    'the detail'
  )
  const pairs = await drawer.locator('dl').evaluate((dl) =>
    // A value is its own text: the latency fields add what they measure as a caption.
    [...dl.querySelectorAll('dt')].map((dt) => [
      dt.textContent ?? '',
      [...(dt.nextElementSibling?.childNodes ?? [])]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
    ])
  )
  const labelledBy = await waitUntil(
    async () => (await drawer.getByTestId('labelled-by').allTextContents()).join(''),
    (t) => t.length > 0,
    'who labelled the call'
  )
  return {
    row: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])),
    detail: Object.fromEntries(pairs),
    labelledBy
  }
}

/** What the barge-in indicator did, as recorded in the page by watchBargeInIndicator. */
export interface IndicatorChange {
  /** Page clock when the attribute changed, and when the next frame was painted. */
  at: number
  painted: number
  /** The reducer's page-clock stamp of the speech_started that lit it (NaN for idle). */
  startT: number
  state: string
}

/**
 * Records every change of the barge-in indicator in the page (a MutationObserver), so a test can
 * tell how often and how soon it lit: one entry per state change or newly lit speech start.
 */
export async function watchBargeInIndicator(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: IndicatorChange[] = []
    ;(window as unknown as { bargeInLog: IndicatorChange[] }).bargeInLog = log
    const el = document.querySelector('[data-testid="barge-in-indicator"]')!
    new MutationObserver(() => {
      const state = el.getAttribute('data-state') ?? ''
      const startT = Number(el.getAttribute('data-speech-started-t'))
      const last = log.at(-1)
      if (state === 'idle' || (last && last.state !== 'idle' && last.startT === startT))
        return void log.push({ at: performance.now(), painted: NaN, startT: NaN, state })
      const entry = { at: performance.now(), painted: NaN, startT, state }
      log.push(entry)
      requestAnimationFrame(() => (entry.painted = performance.now()))
    }).observe(el, { attributes: true })
  })
}

export function readBargeInLog(page: Page): Promise<IndicatorChange[]> {
  return page.evaluate(() => (window as unknown as { bargeInLog: IndicatorChange[] }).bargeInLog)
}

/** Each time the indicator lit for a new speech start: the first change of each. */
export function litTimes(log: readonly IndicatorChange[]): IndicatorChange[] {
  const seen = new Set<number>()
  return log.filter((e) => {
    if (e.state === 'idle' || !Number.isFinite(e.startT) || seen.has(e.startT)) return false
    seen.add(e.startT)
    return true
  })
}
