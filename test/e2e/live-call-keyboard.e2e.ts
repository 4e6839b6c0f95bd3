import { describe, expect, it } from 'vitest'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp } from './support/harnessFixture'
import { WAIT, text, waitForPhase } from './support/liveCallPage'
import { voiceToolsAvailable } from './support/voiceRig'

// The Live call screen by keyboard alone (issue #19): every control reachable by its chord and
// by Tab, the focused one ringed, the chords listed on screen. The demo agent answers: no key.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 120_000

describe.runIf(canRun)('Live call by keyboard (Chromium, demo agent, espeak-ng caller)', () => {
  const callers = useCallerBrowser('keyboard-')

  it(
    'calls, mutes, stops the agent and hangs up with the listed chords; Tab shows where it is',
    async () => {
      const wav = callers.wav('keyboard-en', 'en', [{ pauseMs: 20_000, text: 'Hello?' }], 25_000)
      const browser = await callers.launch(wav.path)
      const app = await openApp(browser)
      try {
        const { page } = app
        await page.getByRole('button', { name: 'Live call' }).click()
        expect(await text(page, 'call-shortcuts')).toBe(
          'Keys: Ctrl+Shift+Enter call · Ctrl+Shift+E hang up · Ctrl+Shift+M mute or unmute · Ctrl+Shift+S stop the agent speaking'
        )
        // Held down or not applicable: nothing happens (no call to hang up yet).
        await page.keyboard.press('Control+Shift+E')
        expect(await page.getByTestId('call-phase').getAttribute('data-phase')).toBe('idle')

        await page.keyboard.press('Control+Shift+Enter')
        await waitForPhase(page, 'in_call')
        await page.keyboard.press('Control+Shift+M')
        const unmute = page.getByRole('button', { name: 'Unmute' })
        await expect.poll(() => unmute.getAttribute('aria-pressed'), WAIT).toBe('true')
        await page.keyboard.press('Control+Shift+M')
        await expect
          .poll(() => page.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed'), WAIT)
          .toBe('false')
        await page.keyboard.press('Control+Shift+S')

        // Tab from the hang-up button reaches mute, ringed (not only MUI's faint ripple).
        await page.getByRole('button', { name: 'Hang up' }).focus()
        await page.keyboard.press('Tab')
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement
          const style = getComputedStyle(element)
          return {
            name: element.textContent,
            outline: `${style.outlineStyle} ${style.outlineWidth}`
          }
        })
        expect(focused).toEqual({ name: 'Mute', outline: 'solid 3px' })
        console.log(`[screenshot] ${await app.screenshot('live-call-keyboard-focus')}`)

        await page.keyboard.press('Control+Shift+E')
        await waitForPhase(page, 'ended')
      } finally {
        await app.close()
      }
    },
    LONG
  )
})
