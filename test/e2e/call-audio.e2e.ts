import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CallAudioPage } from '../../src/shared/live-call/callAudio'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import {
  SIM_KEY,
  WAIT,
  allText,
  hangUp,
  openRecordedSession,
  placeCall,
  pointAt,
  recordedSessionId,
  text,
  waitForPhase,
  withSimulator
} from './support/liveCallPage'
import { clippedTexts, englishLeftOver } from './support/screenChecks'
import { voiceToolsAvailable } from './support/voiceRig'

// Opt-in recording of a desk call's audio, end to end: Settings → Record call audio, a voice
// call (espeak-ng caller as the microphone, the simulator as the agent), the notice while it
// records, the chunks in the session database, and the session detail's player and replay.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 240_000
const SMALL = { width: 1024, height: 700 }
const LARGE = { width: 1400, height: 900 }
const CALLER = "Hi, I'm looking for waterproof hiking boots under two hundred dollars."

async function pickLanguage(page: Page, option: string, lang: string): Promise<void> {
  await page.getByTestId('ui-language').getByRole('combobox').click()
  await page.getByRole('option', { name: option }).click()
  await expect.poll(() => page.locator('html').getAttribute('lang'), WAIT).toBe(lang)
}

/** What main stored of the call's audio, read through the real handler. */
async function storedAudio(app: AppUnderTest, sessionId: string): Promise<CallAudioPage | null> {
  return app.harness.services.handlers['recording.audio'](
    { sessionId, fromSeq: 0 },
    { windowId: 1 }
  )
}

describe.runIf(canRun)('Recorded call audio (Chromium + simulator + espeak-ng caller)', () => {
  const callers = useCallerBrowser('call-audio-')

  it(
    'records both sides when the desk opts in, says so, and plays them back in step with the replay',
    async () => {
      const wav = callers.wav('audio-en', 'en', [{ pauseMs: 9_000, text: CALLER }], 25_000)
      const browser = await callers.launch(wav.path)
      await withSimulator(undefined, async (sim) => {
        const app = await openApp(browser)
        try {
          const { page } = app
          await pointAt(page, sim, SIM_KEY)
          const optIn = page.getByLabel('Record call audio (both sides)')
          expect(await optIn.isChecked()).toBe(false)
          await optIn.check()
          await page.setViewportSize(SMALL)
          await optIn.scrollIntoViewIfNeeded()
          expect(await clippedTexts(page)).toEqual([])
          console.log(`[screenshot] ${await app.screenshot('call-audio-setting-en-1024')}`)
          await page.getByRole('button', { name: 'Save settings' }).click()
          await expect
            .poll(() => page.getByRole('button', { name: 'Save settings' }).isEnabled())
            .toBe(false)

          await page.setViewportSize(SMALL)
          await placeCall(page)
          const notice = page.getByTestId('audio-recording-notice')
          await expect.poll(() => notice.getAttribute('data-state'), WAIT).toBe('recording')
          await waitForPhase(page, 'in_call')
          await expect.poll(() => allText(page, 'transcript-caller'), WAIT).toContain(CALLER)
          await expect.poll(() => allText(page, 'transcript-agent'), WAIT).toMatch(/I found the/)
          expect(await notice.textContent()).toBe('Recording audio')
          expect(await notice.isVisible()).toBe(true)
          expect(await clippedTexts(page)).toEqual([])
          console.log(`[screenshot] ${await app.screenshot('call-audio-notice-en-1024')}`)
          // The notice in Spanish, still whole at 1024×700, with no English left on the screen.
          await pickLanguage(page, 'Español', 'es')
          expect(await notice.textContent()).toBe('Grabando audio')
          expect(await clippedTexts(page)).toEqual([])
          expect(
            englishLeftOver('es', ['liveCall'], await page.locator('main').innerText())
          ).toEqual([])
          console.log(`[screenshot] ${await app.screenshot('call-audio-notice-es-1024')}`)
          await pickLanguage(page, 'English', 'en')

          await hangUp(page)
          const sessionId = await recordedSessionId(page)
          // Between calls the screen still says this desk records audio: the next call will be.
          await expect.poll(() => notice.getAttribute('data-state'), WAIT).toBe('armed')
          expect(await notice.textContent()).toBe('Calls record audio')
          console.log(`[screenshot] ${await app.screenshot('call-audio-armed-en-1024')}`)
          const stored = await storedAudio(app, sessionId)
          expect(stored).not.toBeNull()
          const { info } = stored!
          expect(info.mimeType).toMatch(/^audio\/webm/)
          expect(info.durationMs).toBeGreaterThan(10_000)
          expect(stored!.chunks.map((c) => c.seq)).toEqual(
            Array.from({ length: info.chunks }, (_, i) => i)
          )
          const perMinute = Math.round((info.bytes / info.durationMs) * 60_000)
          console.log(
            `[call-audio] ${info.chunks} chunks, ${info.bytes} bytes, ${info.durationMs} ms: ` +
              `${perMinute} bytes a minute`
          )

          await page.setViewportSize(LARGE)
          await openRecordedSession(page, sessionId)
          await page.setViewportSize(SMALL)
          const player = page.getByTestId('call-audio')
          await player.waitFor()
          // The whole recording loads and reports a real length (WebM from MediaRecorder has
          // none in its header until read to its end).
          await expect
            .poll(
              () =>
                player.evaluate((el: HTMLAudioElement) =>
                  el.readyState >= 1 && Number.isFinite(el.duration) ? el.duration : 0
                ),
              WAIT
            )
            .toBeGreaterThan(10)
          expect(await text(page, 'call-audio-player')).toContain(
            "This call's audio was recorded (both sides)"
          )
          // Both sides are in it: the agent's greeting while the caller's WAV is still silent,
          // then the caller's words (the stored bytes decoded by the page's Chromium; the CSP
          // rightly lets no script fetch the player's blob: URL).
          const callerAtMs = wav.onsetsMs[0]!
          const webm = Buffer.concat(
            stored!.chunks.map((c) => Buffer.from(c.data, 'base64'))
          ).toString('base64')
          const loudest = await page.evaluate(
            async ({ data, windows }) => {
              const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
              const audio = await new AudioContext().decodeAudioData(bytes.buffer)
              const samples = audio.getChannelData(0)
              const step = Math.round(audio.sampleRate / 10)
              return windows.map(([fromMs, toMs]) => {
                let max = 0
                const end = Math.min(samples.length, Math.round((toMs / 1000) * audio.sampleRate))
                for (
                  let i = Math.round((fromMs / 1000) * audio.sampleRate);
                  i + step <= end;
                  i += step
                ) {
                  let sum = 0
                  for (let j = i; j < i + step; j++) sum += samples[j]! * samples[j]!
                  max = Math.max(max, Math.sqrt(sum / step))
                }
                return max
              })
            },
            {
              data: webm,
              windows: [
                [0, callerAtMs - 1500],
                [callerAtMs, callerAtMs + 2000]
              ] as [number, number][]
            }
          )
          console.log(
            `[call-audio] loudest 100 ms (RMS): agent greeting ${loudest[0]}, caller ${loudest[1]}`
          )
          expect(loudest[0]).toBeGreaterThan(0.01)
          expect(loudest[1]).toBeGreaterThan(0.01)
          // The replay drives the sound: Play moves the audio on, Pause stops it.
          await page.getByRole('button', { name: 'Play replay' }).click()
          await expect
            .poll(
              () => player.evaluate((el: HTMLAudioElement) => !el.paused && el.currentTime > 0.5),
              WAIT
            )
            .toBe(true)
          await page.getByRole('button', { name: 'Pause replay' }).click()
          await expect.poll(() => player.evaluate((el: HTMLAudioElement) => el.paused)).toBe(true)
          console.log(`[screenshot] ${await app.screenshot('call-audio-detail-en-1024')}`)
          // The rail's language picker sits behind the open drawer: close it, switch, reopen.
          await page.keyboard.press('Escape')
          await pickLanguage(page, 'Français', 'fr')
          await page.getByTestId('session-row').filter({ hasText: sessionId }).click()
          await expect
            .poll(() => text(page, 'call-audio-player'), WAIT)
            .toContain("L'audio de cet appel a été enregistré")
          expect(await clippedTexts(page)).toEqual([])
          await page.getByTestId('call-audio-player').scrollIntoViewIfNeeded()
          console.log(`[screenshot] ${await app.screenshot('call-audio-detail-fr-1024')}`)
          // Deleting this call's audio: asked first, then gone from the database, and said so.
          await page.getByRole('button', { name: "Supprimer l'audio…" }).click()
          const confirm = page.getByRole('dialog', { name: "Supprimer l'audio de cet appel ?" })
          await confirm.waitFor()
          console.log(`[screenshot] ${await app.screenshot('call-audio-delete-fr-1024')}`)
          await confirm.getByRole('button', { name: "Supprimer l'audio" }).click()
          await expect
            .poll(() => text(page, 'no-call-audio'), WAIT)
            .toMatch(/^L'audio de cet appel a été enregistré puis supprimé par .+ le /)
          expect(await page.getByTestId('call-audio').count()).toBe(0)
          expect(await storedAudio(app, sessionId)).toBeNull()
          console.log(`[screenshot] ${await app.screenshot('call-audio-deleted-fr-1024')}`)
        } finally {
          await app.close()
        }
      })
    },
    LONG
  )

  it(
    'records no audio and shows no notice while the setting is off',
    async () => {
      const wav = callers.wav('no-audio-en', 'en', [{ pauseMs: 9_000, text: CALLER }], 8_000)
      const browser = await callers.launch(wav.path)
      await withSimulator(undefined, async (sim) => {
        const app = await openApp(browser)
        try {
          const { page } = app
          await pointAt(page, sim, SIM_KEY)
          await placeCall(page)
          await waitForPhase(page, 'in_call')
          await expect.poll(() => allText(page, 'transcript-caller'), WAIT).toContain(CALLER)
          expect(await page.getByTestId('audio-recording-notice').count()).toBe(0)
          await hangUp(page)
          const sessionId = await recordedSessionId(page)
          expect(await storedAudio(app, sessionId)).toBeNull()
          await openRecordedSession(page, sessionId)
          expect(await text(page, 'no-call-audio')).toBe('No audio was recorded for this call.')
          expect(await page.getByTestId('call-audio').count()).toBe(0)
        } finally {
          await app.close()
        }
      })
    },
    LONG
  )
})
