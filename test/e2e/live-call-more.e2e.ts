import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { percentile } from '../../src/shared/live-call/percentile'
import type { Simulator } from '../../src/main/realtime-sim/startSimulator'
import { browserAvailable } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import {
  SIM_KEY,
  WAIT,
  allText,
  hangUp,
  litTimes,
  openRecordedSession,
  placeCall,
  pointAt,
  readBargeInLog,
  recordedSessionId,
  text,
  waitForPhase,
  watchBargeInIndicator,
  withSimulator
} from './support/liveCallPage'
import {
  launchWithFakeMic,
  makeCallerWav,
  voiceToolsAvailable,
  type CallerLanguage,
  type CallerLine
} from './support/voiceRig'
import { VOICE_ENGINES, type VoiceEngine } from '../../src/shared/live-call/voiceEngine'

// Issue 5's remaining live-call cases, each a whole call as a user sees it: Chromium with an
// espeak-ng caller as the microphone, the browser harness with main's real services, and the
// local GA simulator as OpenAI. Every call ends in Sessions, read from the table and the drawer.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 180_000
const SCENARIOS = 'tools/realtime-sim/scenarios'

/** One call: the caller's WAV as the microphone, the scenario in the simulator, the app. */
async function withCall(
  dir: string,
  caller: { name: string; language: CallerLanguage; lines: CallerLine[]; tailMs: number },
  scenarioFile: string,
  run: (app: AppUnderTest, sim: Simulator) => Promise<void>,
  engine: VoiceEngine = 'realtime'
): Promise<void> {
  const wav = makeCallerWav(dir, caller.name, caller.language, caller.lines, caller.tailMs)
  const browser: Browser = await launchWithFakeMic(wav.path)
  try {
    await withSimulator(`${SCENARIOS}/${scenarioFile}`, async (sim) => {
      const app = await openApp(browser)
      try {
        await pointAt(app.page, sim, SIM_KEY, engine)
        await run(app, sim)
      } finally {
        await app.close()
      }
    })
  } finally {
    await browser.close()
  }
}

type SentEvent = { at_ms: number; type: string; response_id?: string }

/**
 * Per automatic answer, the simulator's own send times: speech_stopped sent → its answer's
 * output_audio_buffer.started sent. The console's latency minus this is how much later the
 * second event reached the page than the first (data channel and event loops), which explains
 * any gap between the two measurements.
 */
function sentGaps(sim: Simulator, callId: string, responseIds: string[]): number[] {
  const sent: SentEvent[] = sim.groundTruth
    .list(callId)
    .flatMap((e) =>
      e.kind === 'event' && e.direction === 'sent'
        ? [{ at_ms: e.at_ms, ...(e.event as { type: string; response_id?: string }) }]
        : []
    )
  return responseIds.map((id) => {
    const started = sent.find(
      (e) => e.type === 'output_audio_buffer.started' && e.response_id === id
    )
    const stopped = sent
      .filter((e) => e.type === 'input_audio_buffer.speech_stopped' && e.at_ms <= started!.at_ms)
      .at(-1)
    return started && stopped ? Math.round(started.at_ms - stopped.at_ms) : NaN
  })
}

/** The simulator's GPT-Live session of the call (its ground truth is filed under it). */
function liveSessionIdOf(sim: Simulator): string {
  const created = sim.groundTruth
    .list()
    .find((e) => e.kind === 'call' && e.state === 'created' && e.detail?.startsWith('live'))
  if (!created?.call_id) throw new Error('the simulator saw no GPT-Live session')
  return created.call_id
}

/**
 * GPT-Live: the simulator's own measure per caller turn, from its ground truth, between the
 * events the console's latency is read from: the first `session.input_transcript.delta` sent
 * after its VAD's speech_stopped (GPT-Live has no speech_stopped event; that delta is the
 * service's first sign it heard the end, as Realtime's truth starts when speech_stopped leaves)
 * → the first audio frame of the agent speech that followed. From the VAD's stop itself, the
 * truth also held the first delta's share of the transcription delay (~20–26 ms) the console
 * never sees, and the check failed by that much.
 */
function liveTurnDelays(sim: Simulator, callId: string): number[] {
  const entries = sim.groundTruth.list(callId)
  const delays: number[] = []
  entries.forEach((e, i) => {
    if (e.kind !== 'vad' || e.type !== 'speech_stopped') return
    const after = entries.slice(i + 1)
    const heard = after.find(
      (f) =>
        f.kind === 'event' &&
        f.direction === 'sent' &&
        (f.event as { type?: string }).type === 'session.input_transcript.delta'
    )
    const first = after.find((f) => f.kind === 'response_delay')
    if (heard && first) delays.push(Math.round(first.at_ms - heard.at_ms))
  })
  return delays
}

/** Hangs up once the agent has said its last words, and opens the recorded session. */
async function hangUpAfter(page: Page, lastWords: string) {
  await expect.poll(() => allText(page, 'transcript-agent'), WAIT).toContain(lastWords)
  await hangUp(page)
  const sessionId = await recordedSessionId(page)
  return { sessionId, ...(await openRecordedSession(page, sessionId)) }
}

describe.runIf(canRun)('Live call: languages, double barge-in, latency vs ground truth', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-call-more-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  for (const engine of VOICE_ENGINES) {
    const live = engine === 'live'
    it(
      `records a Spanish call as es, and its latency P50 within ±25 ms of the simulator’s${live ? ' (GPT-Live)' : ''}`,
      async () => {
        // Pauses leave each answer (the tool answer too) time to play out even when a loaded
        // machine slows the agent's speech synthesis by seconds (seen at load average 20+ on 2
        // vCPUs), so no line is a barge-in and all three caller turns count toward latency.
        const lines = [
          {
            pauseMs: 11_000,
            text: 'Hola, busco unas botas impermeables para hacer senderismo en la montaña.'
          },
          { pauseMs: 14_000, text: '¿Cuánto cuestan y tienen tallas grandes para hombre?' },
          { pauseMs: 10_000, text: 'Perfecto, muchas gracias por su ayuda, que tenga un buen día.' }
        ]
        await withCall(
          dir,
          { name: 'more-es', language: 'es', lines, tailMs: 6000 },
          'spanish-caller-fixed-delay.yaml',
          async (app, sim) => {
            const { page } = app
            await placeCall(page)
            await waitForPhase(page, 'in_call')
            await expect
              .poll(() => allText(page, 'transcript-caller'), WAIT)
              .toContain('muchas gracias por su ayuda')
            const { sessionId, row, detail, labelledBy } = await hangUpAfter(page, 'hasta pronto')
            await app.screenshot(`live-call-more-spanish-session${live ? '-gpt-live' : ''}`)
            // A key is set, so main asked the labelling model through the provider; this scenario
            // scripts no /v1/responses answer (the simulator refuses with 400 no_scripted_answer),
            // so the lexicons labelled the call and the detail says so. model-labelling.e2e.ts
            // has the model's labels.
            expect(labelledBy).toMatch(
              /^Sentiment and scenario labelled by the offline lexicons — the labelling model failedgpt-4o-mini: 400 The simulator has no scripted answer for this request \(text\.format 'call_labels'/
            )

            // As a supervisor reads them: the table row and the detail drawer agree.
            expect(row['Language']).toBe('Spanish')
            expect(detail['Language']).toBe('Spanish')
            expect(detail['Source']).toBe('Live call')
            expect(detail['Model']).toBe(live ? 'gpt-live-1' : 'gpt-realtime')
            // The call's engine, recorded beside the Realtime calls it sits with in Sessions.
            await expect
              .poll(() => text(page, 'session-engine'), WAIT)
              .toBe(`Voice engine: ${live ? 'GPT-Live' : 'Realtime API'}`)
            expect(row['RAG used']).toBe('Yes')
            expect(detail['Tool calls']).toBe('1')
            expect(detail['Scenario']).toBe('Product inquiry')
            expect(row['Interruptions']).toBe('0')
            // Greeting, then caller and agent three times each.
            expect(detail['Turns']).toBe('7')

            // The simulator's own measurement of the same turns: speech_stopped → first audio
            // frame out, for the answers it gave automatically (the tool's follow-up answers a
            // response.create, and the console leaves it out of P50 too).
            const callId = live ? liveSessionIdOf(sim) : sim.hub.callIds[0]!
            const answers = live
              ? []
              : sim.groundTruth
                  .list(callId)
                  .flatMap((e) =>
                    e.kind === 'response_delay' && e.trigger === 'speech_stopped' ? [e] : []
                  )
            const truth = live ? liveTurnDelays(sim, callId) : answers.map((e) => e.actual_delay_ms)
            const gaps = sentGaps(
              sim,
              callId,
              answers.map((e) => e.response_id)
            )
            // Per turn, for the log: the console's latency of each counted turn (turn rows).
            const call = await app.harness.services.handlers['recording.get'](
              { sessionId },
              { windowId: 1 }
            )
            const perTurn = call.turns.flatMap((t) => (t.latency_ms === null ? [] : [t.latency_ms]))
            const truthP50 = percentile(truth, 0.5)!
            const p50 = Number(detail['Latency P50 (ms)'])
            console.log(
              `[measured] ${sessionId}: recorded latency P50 ${p50} ms vs simulator ground truth P50 ${truthP50} ms (scripted 400 ms; per turn: console ${perTurn.join(', ')} ms, simulator ${truth.join(', ')} ms; simulator send-to-send ${gaps.join(', ')} ms)`
            )
            // The same three turns on both sides.
            expect(truth).toHaveLength(3)
            expect(perTurn).toHaveLength(3)
            expect(Math.abs(p50 - truthP50)).toBeLessThanOrEqual(25)
          },
          engine
        )
      },
      LONG
    )
  }

  it(
    'records a French call as fr',
    async () => {
      const lines = [
        {
          pauseMs: 11_000,
          text: 'Bonjour, je cherche un sac de couchage chaud pour camper en hiver.'
        },
        { pauseMs: 10_000, text: "Est-ce que je peux le retourner s'il ne me convient pas ?" }
      ]
      await withCall(
        dir,
        { name: 'more-fr', language: 'fr', lines, tailMs: 6000 },
        'french-caller.yaml',
        async (app) => {
          const { page } = app
          await placeCall(page)
          await waitForPhase(page, 'in_call')
          await expect
            .poll(() => allText(page, 'transcript-caller'), WAIT)
            .toContain('le retourner')
          const { row, detail } = await hangUpAfter(page, 'trente jours')
          await app.screenshot('live-call-more-french-session')
          expect(row['Language']).toBe('French')
          expect(detail['Language']).toBe('French')
          expect(detail['Source']).toBe('Live call')
          expect(detail['Model']).toBe('gpt-realtime')
          expect(row['RAG used']).toBe('No')
          expect(row['Interruptions']).toBe('0')
          expect(detail['Turns']).toBe('5')
        }
      )
    },
    LONG
  )

  it(
    'lights the barge-in indicator twice and records interruptions = 2',
    async () => {
      // Each cut-in starts about 4 s into a long answer (see double-barge-in.yaml).
      const lines = [
        { pauseMs: 9000, text: 'Can you tell me about your tents?' },
        { pauseMs: 5000, text: 'Sorry, which one is lighter?' },
        { pauseMs: 5000, text: 'Wait, how much does it cost?' }
      ]
      await withCall(
        dir,
        { name: 'more-barge-twice', language: 'en', lines, tailMs: 8000 },
        'double-barge-in.yaml',
        async (app) => {
          const { page } = app
          await page.getByRole('button', { name: 'Live call' }).click()
          await watchBargeInIndicator(page)
          await page.getByRole('button', { name: 'Call', exact: true }).click()
          await expect.poll(() => text(page, 'interruption-count'), WAIT).toBe('1')
          await expect.poll(() => text(page, 'interruption-count'), WAIT).toBe('2')
          await app.screenshot('live-call-more-second-barge-in')
          const lit = litTimes(await readBargeInLog(page))
          console.log(
            `[measured] barge-in indicator lit ${lit.length}×, ${lit.map((e) => `${(e.at - e.startT).toFixed(1)} ms`).join(' and ')} after speech_started arrived`
          )
          expect(lit, JSON.stringify(lit)).toHaveLength(2)
          const { row, detail } = await hangUpAfter(page, 'ninety nine dollars')
          expect(await text(page, 'interruption-count')).toBe('2')
          expect(row['Interruptions']).toBe('2')
          expect(detail['Interruptions']).toBe('2')
          expect(detail['Language']).toBe('English')
          expect(detail['Source']).toBe('Live call')
          expect(row['RAG used']).toBe('No')
          // Greeting, then three caller turns each answered: the floor changes 7 times.
          expect(detail['Turns']).toBe('7')
          await app.screenshot('live-call-more-double-barge-in-session')
        }
      )
    },
    LONG
  )
})
