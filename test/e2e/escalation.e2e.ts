import { availableParallelism, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { VOICE_ENGINES, type VoiceEngine } from '../../src/shared/live-call/voiceEngine'
import { describe, expect, it } from 'vitest'
import type { StoredAlert } from '../../src/shared/escalation/alertRecords'
import type { StoredSession } from '../../src/shared/sessions/labSchema'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import {
  SIM_KEY,
  WAIT,
  allText,
  hangUp,
  placeCall,
  pointAt,
  text,
  withSimulator
} from './support/liveCallPage'
import { voiceToolsAvailable, type CallerLine } from './support/voiceRig'

// Live escalation alerts end to end: an espeak-ng caller as Chromium's microphone, the local
// GA simulator as OpenAI, the renderer on the browser harness with the real main services,
// which run the escalation rules on what the call records and announce each alert.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 180_000
const SCENARIOS = 'tools/realtime-sim/scenarios'

/** What the page showed, each stamped with the page clock (the reducer's clock too). */
interface ScreenLog {
  /** performance.timeOrigin: page stamps + origin = epoch ms, comparable with main's clock. */
  origin: number
  /** The live alert banner's text each time it changed, and when the next frame was painted. */
  banner: { at: number; painted: number; visible: boolean; text: string | null }[]
  /** The interruption count each time it changed (the page's reducer confirmed one). */
  counts: { at: number; count: string }[]
  /** The reducer's stamp of the latest caller speech start over the agent, as it changed. */
  starts: { at: number; startT: number }[]
  /** The caller's latest transcript line each time it changed (its words arrived). */
  words: { at: number; text: string }[]
}

/**
 * Records, from inside the page, every change of the alert banner, the interruption count and
 * the barge-in indicator's speech start (one MutationObserver on the screen), so a test can
 * tell whether the banner ever appeared and how soon after the event behind it.
 */
async function watchScreen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: ScreenLog = {
      origin: performance.timeOrigin,
      banner: [],
      counts: [],
      starts: [],
      words: []
    }
    ;(window as unknown as { screenLog: ScreenLog }).screenLog = log
    const read = (testId: string): Element | null =>
      document.querySelector(`[data-testid="${testId}"]`)
    let banner: string | null = null
    let count = read('interruption-count')?.textContent ?? ''
    let start = read('barge-in-indicator')?.getAttribute('data-speech-started-t') ?? ''
    let words = ''
    new MutationObserver(() => {
      const at = performance.now()
      const alert = read('live-alert')
      const nowBanner = alert?.textContent ?? null
      if (nowBanner !== banner) {
        banner = nowBanner
        const entry = { at, painted: NaN, visible: false, text: nowBanner }
        log.banner.push(entry)
        requestAnimationFrame(() => {
          entry.painted = performance.now()
          entry.visible = (alert?.getBoundingClientRect().height ?? 0) > 0
        })
      }
      const nowCount = read('interruption-count')?.textContent ?? ''
      if (nowCount !== count) log.counts.push({ at, count: (count = nowCount) })
      const nowStart = read('barge-in-indicator')?.getAttribute('data-speech-started-t') ?? ''
      if (nowStart !== start && nowStart !== '')
        log.starts.push({ at, startT: Number((start = nowStart)) })
      const caller = document.querySelectorAll('[data-testid="transcript-caller"]')
      const nowWords = caller[caller.length - 1]?.textContent ?? ''
      if (nowWords !== words) log.words.push({ at, text: (words = nowWords) })
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-speech-started-t']
    })
  })
}

const readScreenLog = (page: Page): Promise<ScreenLog> =>
  page.evaluate(() => (window as unknown as { screenLog: ScreenLog }).screenLog)

/**
 * The bound (1 s), unless other work has the CPUs many times over (other test runs on
 * a shared machine): then every leg of the path is starved alike (the simulator's own answers
 * come 3–4× late), and only a loose bound is honest; the run says so.
 */
function bannerBudgetMs(): number {
  const load = loadavg()[0]!
  const cpus = availableParallelism()
  if (load <= 2 * cpus) return 1000
  console.warn(
    `[escalation] load average ${load.toFixed(1)} on ${cpus} CPUs: the banner is checked ` +
      'within 5 s here, not the 1 s it is held to on a machine that is not overloaded'
  )
  return 5000
}

/**
 * Trigger → banner painted, split at the moment main stored the alert (both clocks are this
 * machine's): the page → main leg is the recording batch and main's rules, main → page the
 * event stream and a render.
 */
function bannerDelay(
  log: ScreenLog,
  triggerAt: number,
  shown: ScreenLog['banner'][number],
  alert: StoredAlert
): { total: number; toMain: number; toPage: number } {
  const raised = Date.parse(alert.raisedAt) - log.origin
  return {
    total: shown.painted - triggerAt,
    toMain: raised - triggerAt,
    toPage: shown.painted - raised
  }
}

/** Every alert main stored, as the Monitor's route lists them. */
async function storedAlerts(app: AppUnderTest): Promise<StoredAlert[]> {
  return app.harness.services.handlers['alerts.list']({ limit: 200 }, { windowId: 1 })
}

/** The session main wrote for the call, as the Sessions screen's route returns it. */
async function storedSession(app: AppUnderTest, sessionId: string): Promise<StoredSession> {
  const { rows } = await app.harness.services.handlers['sessions.list'](
    {
      filter: { search: sessionId },
      sort: { column: 'session_id', direction: 'asc' },
      offset: 0,
      limit: 1
    },
    { windowId: 1 }
  )
  return rows[0]!
}

/** After hang-up: the recorded session's id, and Sessions lists it. */
async function recordedAndListed(app: AppUnderTest): Promise<string> {
  const { page } = app
  await expect
    .poll(() => text(page, 'recording-status'), WAIT)
    .toMatch(/^Recorded as session LIVE-[\w-]+\.$/)
  const sessionId = (await text(page, 'recording-status')).match(/LIVE-[\w-]+/)![0]
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Sessions' })
    .click()
  await page.getByPlaceholder('ID, scenario or model').fill(sessionId)
  await expect
    .poll(() => page.getByTestId('session-row').filter({ hasText: sessionId }).count(), WAIT)
    .toBe(1)
  return sessionId
}

describe.runIf(canRun)('Live escalation alerts (Chromium + simulator + espeak-ng caller)', () => {
  const callers = useCallerBrowser('escalation-')

  /** A call with this caller against this scenario, on a fresh console; `run` drives it. */
  async function call(
    name: string,
    lines: CallerLine[],
    scenario: string,
    run: (app: AppUnderTest) => Promise<void>,
    engine: VoiceEngine = 'realtime'
  ): Promise<void> {
    const wav = callers.wav(name, 'en', lines, 12_000)
    const browser = await callers.launch(wav.path)
    await withSimulator(`${SCENARIOS}/${scenario}`, async (sim) => {
      const app = await openApp(browser)
      try {
        await pointAt(app.page, sim, SIM_KEY, engine)
        await app.page.getByRole('button', { name: 'Live call' }).click()
        await watchScreen(app.page)
        await run(app)
      } catch (error) {
        // What the call looked like: who said what, and how each caller line was classified.
        const transcript = await app.page
          .getByTestId('live-transcript')
          .innerText()
          .catch(() => '(no transcript)')
        console.log(`[diagnostics] ${name} transcript:\n${transcript}`)
        console.log(`[diagnostics] ${name} ground truth:`)
        for (const callId of sim.hub.callIds)
          for (const entry of sim.groundTruth.list(callId))
            if (['vad', 'barge_in', 'response_delay'].includes(entry.kind))
              console.log(JSON.stringify(entry))
        throw error
      } finally {
        await app.close()
      }
    })
  }

  // The interruption and human-request alerts on both voice engines (GPT-Live: the simulator's
  // /v1/live/sessions, the same scenarios).
  for (const engine of VOICE_ENGINES) {
    const on = engine === 'live' ? ' (GPT-Live)' : ''
    const shotName = (name: string): string => (engine === 'live' ? `${name}-gpt-live` : name)
    it(
      `alerts within a second of the third interruption, notifies the away supervisor, lists it on Monitor${on}`,
      async () => {
        // The first question waits out the greeting; each later line cuts a long answer a few
        // seconds in (the agent starts about 1.5 s after the caller stops, up to 4 s on a
        // machine loaded many times over: the gaps leave room for that).
        const lines = [
          { pauseMs: 10_000, text: 'Can you tell me about your tents?' },
          { pauseMs: 7000, text: 'Which one is lighter?' },
          { pauseMs: 6000, text: 'How much does it cost?' },
          { pauseMs: 6000, text: 'Just tell me the price of the other one.' }
        ]
        await call(
          'escalation-barge-in-3',
          lines,
          'triple-barge-in.yaml',
          async (app) => {
            const { page, harness } = app
            harness.setWindowFocused(false)
            await placeCall(page)
            await expect.poll(() => text(page, 'interruption-count'), WAIT).toBe('3')
            const banner = page.getByTestId('live-alert')
            await expect
              .poll(() => banner.textContent(), WAIT)
              .toContain('3 interruptions in this call')
            const shot = await app.screenshot(shotName('escalation-alert-banner'))
            console.log(`[screenshot] ${shot}`)

            const log = await readScreenLog(page)
            const confirmed = log.counts.find((c) => c.count === '3')!
            const shown = log.banner.find((b) => b.text?.includes('3 interruptions in this call'))
            expect(shown, JSON.stringify(log.banner)).toBeDefined()
            expect(shown!.visible).toBe(true)
            const raised = (await storedAlerts(app)).find((a) => a.rule === 'interruptions_total')!
            const delay = bannerDelay(log, confirmed.at, shown!, raised)
            // The third barge-in's speech start: the latest one the reducer stamped before it counted.
            const startT = log.starts.filter((s) => s.at <= confirmed.at).at(-1)!.startT
            console.log(
              `[measured] interruption banner: painted ${delay.total.toFixed(0)} ms after the page ` +
                `counted the third interruption (page → main ${delay.toMain.toFixed(0)} ms, ` +
                `main → painted ${delay.toPage.toFixed(0)} ms); ` +
                `${(shown!.painted - startT).toFixed(0)} ms after its speech_started arrived ` +
                `(the caller's words, VAD silence and the transcript in between)`
            )
            // An interruption only counts once its words show it is not a "mm-hmm" (transcript),
            // so the page counting it is the triggering event; the path after it is a recording
            // batch (≤ 500 ms), main's rules, the event stream and a render.
            expect(delay.total).toBeLessThan(bannerBudgetMs())

            await hangUp(page)
            expect(await text(page, 'interruption-count')).toBe('3')
            const sessionId = await recordedAndListed(app)
            expect(await storedSession(app, sessionId)).toMatchObject({ interruptions: 3 })
            const alerts = await storedAlerts(app)
            const total = alerts.find((a) => a.rule === 'interruptions_total')
            expect(total).toMatchObject({ sessionId, status: 'open', severity: 'warning' })
            expect(total!.evidence.figures).toMatchObject({ interruptions: 3, threshold: 3 })
            expect(total!.evidence.items.map((i) => i.quote)).toEqual([
              'Which one is lighter?',
              'How much does it cost?',
              'Just tell me the price of the other one.'
            ])
            // The window was away: the OS-notification call was made for each alert, this one too.
            expect(harness.notifications.map((n) => n.alertId).sort()).toEqual(
              alerts.map((a) => a.alertId).sort()
            )
            expect(harness.notifications.find((n) => n.alertId === total!.alertId)).toMatchObject({
              title: 'Call alert: Interruptions in the call',
              body: expect.stringContaining(`3 interruptions in this call`) as unknown as string,
              sessionId
            })

            await page
              .getByRole('navigation', { name: 'Screens' })
              .getByRole('button', { name: 'Monitor' })
              .click()
            const card = page.getByTestId(`alert-${total!.alertId}`)
            await expect
              .poll(() => card.textContent(), WAIT)
              .toContain('3 interruptions in this call')
            expect(await card.textContent()).toContain(sessionId)
            await app.screenshot(shotName('escalation-monitor-open-alerts'))
          },
          engine
        )
      },
      LONG
    )

    it(
      `raises a critical alert when the caller asks for a human (no OS notification while in front)${on}`,
      async () => {
        const lines = [{ pauseMs: 10_000, text: 'I want to speak to a human.' }]
        await call(
          'escalation-human',
          lines,
          'human-request.yaml',
          async (app) => {
            await humanRequestAlert(app, shotName('escalation-human-request'))
          },
          engine
        )
      },
      LONG
    )
  }

  it(
    'raises nothing for a caller who says "mm-hmm", "okay", "right" over the agent',
    async () => {
      const lines = [
        { pauseMs: 10_000, text: 'Can you tell me about your sleeping bags?' },
        { pauseMs: 7000, text: 'Mm-hmm.' },
        { pauseMs: 6000, text: 'Okay.' },
        { pauseMs: 6000, text: 'Right.' },
        { pauseMs: 6000, text: 'Mm-hmm.' },
        { pauseMs: 6000, text: 'Yeah.' }
      ]
      await call('escalation-backchannels', lines, 'backchannel-caller.yaml', async (app) => {
        const { page, harness } = app
        harness.setWindowFocused(false)
        await placeCall(page)
        // All five were heard over the agent and read as acknowledgements.
        await expect
          .poll(() => page.getByTestId('barge-in-indicator').textContent(), WAIT)
          .toContain('5 backchannels not counted')
        expect(await text(page, 'interruption-count')).toBe('0')
        await app.screenshot('escalation-backchannels-no-alert')
        await hangUp(page)
        expect(await text(page, 'interruption-count')).toBe('0')
        const sessionId = await recordedAndListed(app)
        expect(await storedSession(app, sessionId)).toMatchObject({
          interruptions: 0,
          backchannels: 5
        })
        expect(await storedAlerts(app)).toEqual([])
        const log = await readScreenLog(page)
        expect(log.banner).toEqual([])
        expect(log.counts).toEqual([])
        expect(harness.notifications).toEqual([])
        const row = page.getByTestId('session-row').filter({ hasText: sessionId })
        expect(await row.textContent()).toContain(sessionId)
      })
    },
    LONG
  )
})

/** The human-request call's checks: the banner, the stored critical alert, no OS notification. */
async function humanRequestAlert(app: AppUnderTest, shot: string): Promise<void> {
  const { page, harness } = app
  await placeCall(page)
  const banner = page.getByTestId('live-alert')
  await expect.poll(() => banner.textContent(), WAIT).toContain('Caller asks for a human')
  expect(await banner.textContent()).toContain('“I want to speak to a human.”')
  expect(await allText(page, 'transcript-caller')).toContain('I want to speak to a human.')
  const log = await readScreenLog(page)
  const heard = log.words.find((w) => w.text.includes('I want to speak to a human.'))!
  const shown = log.banner.find((b) => b.text?.includes('Caller asks for a human'))!
  expect(shown.visible).toBe(true)
  await app.screenshot(shot)
  await hangUp(page)
  const sessionId = await recordedAndListed(app)
  const alerts = await storedAlerts(app)
  expect(alerts.map((a) => [a.rule, a.severity, a.sessionId])).toEqual([
    ['human_request', 'critical', sessionId]
  ])
  expect(alerts[0]!.evidence.items[0]!.quote).toBe('I want to speak to a human.')
  // The issue sets no bound for this one: it is measured, not asserted.
  const delay = bannerDelay(log, heard.at, shown, alerts[0]!)
  console.log(
    `[measured] human-request banner: painted ${delay.total.toFixed(0)} ms after the ` +
      `caller's words appeared in the live transcript (page → main ` +
      `${delay.toMain.toFixed(0)} ms, main → painted ${delay.toPage.toFixed(0)} ms)`
  )
  // The console was in front the whole call: the banner was enough.
  expect(harness.notifications).toEqual([])
}
