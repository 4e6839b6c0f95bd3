import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ToneVoice } from '../../src/main/realtime-sim/audio/toneVoice'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from '../../tools/realtime-sim/defaultScenario'
import { startEmbeddingsStandIn } from '../support/embeddingsStandIn'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable()
const KEY = 'sk-proj-E2E-SECRET-abcdef0123456789'

describe.runIf(canRun)('Settings screen (browser harness + Chromium)', () => {
  let browser: Browser
  let sim: Simulator
  beforeAll(async () => {
    browser = await launchChromium()
    // The local Realtime simulator stands in for OpenAI: it checks the key like the real API.
    sim = await startSimulator({
      port: 0,
      apiKey: KEY,
      scenario: loadScenario(DEFAULT_SCENARIO_FILE),
      voice: new ToneVoice()
    })
  })
  afterAll(async () => {
    await browser?.close()
    await sim?.close()
  })

  it('takes a key write-only, validates settings, and explains a failed connection', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      // A fresh install opens on the demo agent: this test is about OpenAI keys.
      await page.getByLabel('Provider').click()
      await page.getByRole('option', { name: 'OpenAI', exact: true }).click()
      await page.getByTestId('api-key-openai').fill(KEY)
      await page.getByRole('button', { name: 'Save key' }).click()
      await expect
        .poll(() => page.getByTestId('api-key-state-openai').textContent())
        .toContain('A key is stored, encrypted')
      await expect(page.getByTestId('api-key-openai').inputValue()).resolves.toBe('')
      // Nothing in the page, its storage or its globals holds the key.
      const leaked = await page.evaluate((secret) => {
        const texts = [
          document.documentElement.outerHTML,
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage })
        ]
        for (const name of Object.getOwnPropertyNames(window)) {
          try {
            texts.push(JSON.stringify((window as unknown as Record<string, unknown>)[name]) ?? '')
          } catch {
            // Cyclic or host objects: not where a string key would hide.
          }
        }
        return texts.some((text) => text.includes(secret))
      }, KEY)
      expect(leaked).toBe(false)

      // A custom endpoint must be https, or http on loopback: the form says so before saving.
      await page.getByLabel('Provider').click()
      await page.getByRole('option', { name: /Custom/ }).click()
      const baseUrl = page.getByLabel('Base URL')
      await baseUrl.fill('http://llm.example.com/v1')
      await expect
        .poll(() => page.getByTestId('settings-invalid').textContent())
        .toContain('provider.baseUrl: must be https://, or http:// on 127.0.0.1 / localhost')
      await expect(page.getByRole('button', { name: 'Save settings' }).isDisabled()).resolves.toBe(
        true
      )

      // Nothing listens on port 9: the test says it could not reach the endpoint.
      await baseUrl.fill('http://127.0.0.1:9/v1')
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.getByTestId('api-key-custom').fill(KEY)
      await page.getByRole('button', { name: 'Save key' }).click()
      await page.getByRole('button', { name: 'Test connection' }).click()
      await expect
        .poll(() => page.getByTestId('connection-test').textContent(), { timeout: 15_000 })
        .toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9/)

      // The simulator is another origin: the key stored for :9 does not follow unasked. The
      // dialog names the new host; a key typed there is bound to it. A wrong key is refused with
      // the API's message, the right one connects.
      await baseUrl.fill(`${sim.url}/v1`)
      await page.getByRole('button', { name: 'Save settings' }).click()
      const dialog = page.getByTestId('key-origin-dialog')
      await expect
        .poll(() => dialog.getByRole('heading').textContent())
        .toBe(`Send the key to ${sim.url}?`)
      await app.screenshot('settings-key-origin-dialog')
      await page.getByTestId('key-origin-key').fill('sk-not-the-right-key')
      await dialog.getByRole('button', { name: 'Save with this key' }).click()
      await expect
        .poll(() => page.getByTestId('api-key-state-custom').textContent())
        .toContain(`It is sent only to ${sim.url}.`)
      await page.getByRole('button', { name: 'Test connection' }).click()
      await expect
        .poll(() => page.getByTestId('connection-test').textContent(), { timeout: 15_000 })
        .toMatch(/^The key was refused \(401/)
      await page.getByTestId('api-key-custom').fill(KEY)
      await page.getByRole('button', { name: 'Save key' }).click()
      await page.getByRole('button', { name: 'Test connection' }).click()
      await expect
        .poll(() => page.getByTestId('connection-test').textContent(), { timeout: 15_000 })
        .toMatch(/^Connected: gpt-realtime answered in \d+ ms\.$/)
      await app.screenshot('settings')
    } finally {
      await app.close()
    }
  })

  it("switches the catalog's vectors to the connection's embeddings endpoint", async () => {
    // A local stand-in of POST /v1/embeddings (OpenAI's wire format, bearer-checked).
    const embeddings = await startEmbeddingsStandIn(KEY)
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      await page.getByLabel('Provider').click()
      await page.getByRole('option', { name: /Custom/ }).click()
      await page.getByLabel('Base URL').fill(embeddings.baseURL)
      await page.getByLabel('Vectors for hybrid search').click()
      await page.getByRole('option', { name: "Provider's embeddings endpoint" }).click()
      await page.getByLabel('Dimensions').click()
      await page.getByRole('option', { name: '256' }).click()
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.getByTestId('api-key-custom').fill(KEY)
      await page.getByRole('button', { name: 'Save key' }).click()
      await page.getByText('Catalog embeddings').scrollIntoViewIfNeeded()
      await app.screenshot('settings-embeddings')

      // The key saved after the switch: the index is built through the endpoint.
      await page.getByRole('button', { name: 'Catalog' }).click()
      await expect
        .poll(() => page.getByTestId('catalog-index-state').textContent(), { timeout: 30_000 })
        .toBe('Index ready')
      await expect
        .poll(() =>
          page.getByText(/^openai-text-embedding-3-small-256-[0-9a-f]{8}: 25 products/).count()
        )
        .toBe(1)
      await expect.poll(() => page.getByText('search: hybrid').count()).toBe(1)
      expect(embeddings.requests.length).toBeGreaterThan(0)
      expect(
        embeddings.requests.every(
          (r) => r.authorization === `Bearer ${KEY}` && r.body.dimensions === 256
        )
      ).toBe(true)
      await app.screenshot('catalog-provider-embeddings')
    } finally {
      await app.close()
      await embeddings.close()
    }
  })
})
