import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { pickVoice } from '../../../tools/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../../tools/realtime-sim/scenario/loadScenario'
import type { Scenario } from '../../../tools/realtime-sim/scenario/scenarioSchema'
import { startSimulator, type Simulator } from '../../../tools/realtime-sim/startSimulator'
import type { AppUnderTest } from './harnessFixture'

// What a user does on the Live call screen, shared by the live-call and escalation e2e tests.

export const SIM_KEY = 'sk-e2e-live-call-0123456789'
/** Voice calls on a loaded 2-vCPU machine: generous, polled often. */
export const WAIT = { timeout: 90_000, interval: 250 }

/** A simulator on a free port for the length of `run` (scenario object, file, or the default). */
export async function withSimulator<T>(
  scenario: string | Scenario | undefined,
  run: (sim: Simulator) => Promise<T>,
  apiKey = SIM_KEY
): Promise<T> {
  const sim = await startSimulator({
    port: 0,
    apiKey,
    scenario: typeof scenario === 'object' ? scenario : loadScenario(scenario),
    voice: pickVoice('auto').voice
  })
  try {
    return await run(sim)
  } finally {
    await sim.close()
  }
}

/** Settings → custom provider at the simulator, with a key, as a user would. */
export async function pointAt(page: Page, sim: Simulator, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Provider').click()
  await page.getByRole('option', { name: /Custom/ }).click()
  await page.getByLabel('Base URL').fill(`${sim.url}/v1`)
  // Saved only when something changed (the button is disabled for an unchanged form).
  const save = page.getByRole('button', { name: 'Save settings' })
  if (await save.isEnabled()) await save.click()
  await page.getByTestId('api-key-custom').fill(key)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect
    .poll(() => page.getByTestId('api-key-state-custom').textContent(), WAIT)
    .toContain('A key is stored')
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
  await expect
    .poll(() => page.getByTestId('call-phase').getAttribute('data-phase'), WAIT)
    .toBe('ended')
}

/** Sessions recorded for live calls, when main has the recording routes. */
export function recordingAvailable(app: AppUnderTest): boolean {
  return Object.hasOwn(app.harness.services.handlers, 'recording.begin')
}
