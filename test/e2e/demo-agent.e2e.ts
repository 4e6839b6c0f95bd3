import { describe, expect, it } from 'vitest'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp } from './support/harnessFixture'
import {
  WAIT,
  allText,
  hangUp,
  openRecordedSession,
  placeCall,
  recordedSessionId,
  text,
  waitForPhase
} from './support/liveCallPage'
import { voiceToolsAvailable } from './support/voiceRig'

// "Try it without a key": a fresh install, no key anywhere, the Demo agent provider. Main starts
// the bundled simulator on loopback by itself (no simulator in this test), the scripted agent
// answers from the real catalog through main's catalog.runTool, and the call is recorded.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 180_000
const CALLER = "Hi, I'm looking for waterproof hiking boots under two hundred dollars."

describe.runIf(canRun)('Demo agent (Chromium + the app-run simulator + espeak-ng caller)', () => {
  const callers = useCallerBrowser('demo-agent-')

  it(
    'calls the scripted agent with no key: greeting, a real catalog search, the answer, the session',
    async () => {
      // The pause lets the greeting play out first, on a slow machine too.
      const wav = callers.wav('demo-inquiry-en', 'en', [{ pauseMs: 12_000, text: CALLER }], 30_000)
      const browser = await callers.launch(wav.path)
      const app = await openApp(browser)
      try {
        const { page } = app
        await page.getByRole('button', { name: 'Settings', exact: true }).click()
        // A fresh install opens on the demo agent; picking it again changes nothing.
        const provider = page.getByLabel('Provider')
        await expect
          .poll(() => provider.textContent(), WAIT)
          .toBe('Demo agent — local simulator, no key')
        await provider.click()
        await page.getByRole('option', { name: 'Demo agent — local simulator, no key' }).click()
        expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true)
        expect(await page.getByTestId('api-key-openai').count()).toBe(0)
        expect(await text(page, 'demo-agent-note')).toContain(
          'No key needed: a scripted agent runs on this computer'
        )
        await page.getByRole('button', { name: 'Test connection' }).click()
        await expect
          .poll(() => text(page, 'connection-test'), WAIT)
          .toMatch(/^Connected: demo-agent answered in \d+ ms\.$/)
        console.log(`[screenshot] ${await app.screenshot('settings-demo-agent')}`)

        await placeCall(page)
        await waitForPhase(page, 'in_call')
        // Nobody may take the scripted agent for the real one.
        expect(await text(page, 'demo-agent-banner')).toContain('Demo agent')
        await expect
          .poll(() => allText(page, 'transcript-agent'), WAIT)
          .toContain('Thanks for calling OutdoorGear. How can I help you today?')

        // The tool runs in main's catalog, as for the real agent; the test asks it the same.
        const card = page.locator('[data-testid="tool-call-card"][data-tool="search_products"]')
        await expect.poll(() => card.count(), WAIT).toBe(1)
        await expect
          .poll(() => text(page, 'tool-call-result'), WAIT)
          .toMatch(/^→ [1-9]\d* results?, \d+ bytes, \d+ ms$/)
        const truth = await app.harness.services.handlers['catalog.runTool'](
          {
            name: 'search_products',
            arguments: { query: 'waterproof hiking boots', category: 'footwear', max_price: 200 }
          },
          { windowId: 1 }
        )
        if (!truth.ok) throw new Error(`catalog.runTool failed: ${truth.error.message}`)
        const top = (truth.result['products'] as { name: string }[])[0]!.name
        await expect.poll(() => allText(page, 'transcript-caller'), WAIT).toContain(CALLER)
        await expect
          .poll(() => allText(page, 'transcript-agent'), WAIT)
          .toContain(`I found the ${top}`)
        console.log(`[demo-agent] answered with "${top}" from the real index`)
        console.log(`[screenshot] ${await app.screenshot('live-call-demo-agent')}`)
        // The agent's per-run key stays in main.
        expect(await page.content()).not.toMatch(/sk-demo-/)

        await hangUp(page)
        const sessionId = await recordedSessionId(page)
        const { row } = await openRecordedSession(page, sessionId)
        expect(Object.values(row)).toContain('demo-agent')
        await app.screenshot('demo-agent-session')
      } finally {
        await app.close()
      }
    },
    LONG
  )
})
