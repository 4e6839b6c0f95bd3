import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServerEvent } from '../../src/shared/realtime/serverEvents'
import { pickVoice } from '../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from '../../tools/realtime-sim/defaultScenario'
import type { SimCallRecord } from '../../tools/realtime-sim/testPage/callPage'
import { testPageRoute } from '../../tools/realtime-sim/testPage/testPageRoute'
import { browserAvailable } from './support/browser'
import {
  type CallerWav,
  energyOnset,
  energyStop,
  launchWithFakeMic,
  makeCallerWav,
  mintClientSecret,
  readCall,
  saveGroundTruth,
  screenshot,
  voiceToolsAvailable
} from './support/voiceRig'

const canRun = browserAvailable() && voiceToolsAvailable()
const API_KEY = 'sk-e2e-voice-rig'
/** -40 dBFS: the page's meters read 0 for digital silence and 0.03–0.3 for speech. */
const FLOOR = 0.01
const LONG = 90_000
const BETA_NAMES = /^response\.(audio|text|audio_transcript)\.|^conversation\.item\.created$/

const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: {
    products: [
      {
        sku: 'TB-X200-BLK',
        name: 'TrailBlazer X200',
        price_usd: 189.99,
        in_stock: true,
        fact: 'Waterproof Gore-Tex hiking boot.'
      }
    ]
  },
  citations: ['TB-X200-BLK']
})

interface CallUnderTest {
  sim: Simulator
  browser: Browser
  page: Page
  toolCalls: { name: string; args: string }[]
  close(): Promise<void>
}

async function startCall(wav: CallerWav, scenarioFile?: string): Promise<CallUnderTest> {
  const { voice } = pickVoice('auto')
  const sim = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    scenario: loadScenario(scenarioFile ?? DEFAULT_SCENARIO_FILE),
    voice,
    extraRoutes: [testPageRoute]
  })
  const browser = await launchWithFakeMic(wav.path)
  const page = await browser.newPage()
  const toolCalls: CallUnderTest['toolCalls'] = []
  await page.exposeFunction('runTool', (name: string, args: string) => {
    toolCalls.push({ name, args })
    return TOOL_OUTPUT
  })
  const ek = await mintClientSecret(sim, API_KEY)
  await page.goto(`${sim.url}/sim/test-page/#ek=${ek}`)
  await page.getByRole('button', { name: 'Call' }).click()
  return {
    sim,
    browser,
    page,
    toolCalls,
    close: async () => {
      await browser.close()
      await sim.close()
    }
  }
}

const incoming = (call: SimCallRecord): SimCallRecord['events'] =>
  call.events.filter((e) => e.direction === 'in')
/** Index of the first event matching, after `from`; -1 when absent. */
function indexOf(
  call: SimCallRecord,
  match: (e: SimCallRecord['events'][number]) => boolean,
  from = -1
): number {
  return call.events.findIndex((e, i) => i > from && match(e))
}
const ofType =
  (type: string, direction: 'in' | 'out' = 'in') =>
  (e: SimCallRecord['events'][number]): boolean =>
    e.type === type && e.direction === direction
const responseStatus = (e: SimCallRecord['events'][number]): string | undefined =>
  (e.event['response'] as { status?: string } | undefined)?.status

function expectGaEvents(call: SimCallRecord): void {
  for (const { event, type } of incoming(call)) {
    expect(type).not.toMatch(BETA_NAMES)
    const parsed = ServerEvent.safeParse(event)
    expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true)
  }
  expect(call.errors).toEqual([])
}

describe.runIf(canRun)('Realtime simulator: a voice call from Chromium', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voice-rig-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    'answers a product inquiry with a search_products call, in order, with GA event names',
    async () => {
      const wav = makeCallerWav(
        dir,
        'product-inquiry-en',
        'en',
        [
          {
            pauseMs: 3000,
            text: "Hi, I'm looking for waterproof hiking boots under two hundred dollars."
          }
        ],
        25_000
      )
      const call = await startCall(wav)
      try {
        const { page } = call
        await expect
          .poll(
            async () => {
              const c = await readCall(page)
              const done = incoming(c).filter((e) => e.type === 'response.done').length
              const stopped = incoming(c).filter(
                (e) => e.type === 'output_audio_buffer.stopped'
              ).length
              return done >= 2 && stopped >= 2
            },
            { timeout: 60_000, interval: 250 }
          )
          .toBe(true)
        const c = await readCall(page)
        await screenshot(page, 'realtime-sim-product-inquiry')
        expectGaEvents(c)
        expect(incoming(c).filter((e) => e.type === 'error')).toEqual([])

        // The call's order: greeting events, the caller's turn, the tool call, its answer.
        const steps = [
          indexOf(c, ofType('session.created')),
          indexOf(c, ofType('session.updated')),
          indexOf(c, ofType('input_audio_buffer.speech_started')),
          indexOf(c, ofType('input_audio_buffer.speech_stopped')),
          indexOf(c, ofType('input_audio_buffer.committed')),
          indexOf(c, ofType('response.created')),
          indexOf(c, ofType('output_audio_buffer.started')),
          indexOf(c, ofType('response.function_call_arguments.done')),
          indexOf(c, ofType('conversation.item.create', 'out')),
          indexOf(c, ofType('response.create', 'out'))
        ]
        expect(
          steps.every((s) => s >= 0),
          `missing step: ${steps}`
        ).toBe(true)
        expect([...steps].sort((a, b) => a - b)).toEqual(steps)
        // The server echoes the function_call_output as an item (the page does not wait for it).
        const outputAdded = indexOf(
          c,
          (e) =>
            e.type === 'conversation.item.added' &&
            (e.event['item'] as { type: string }).type === 'function_call_output'
        )
        expect(outputAdded).toBeGreaterThan(steps.at(-2)!)
        const create = steps.at(-1)!
        const answer = indexOf(c, ofType('response.created'), create)
        const answerDone = indexOf(c, ofType('response.done'), answer)
        expect(answer).toBeGreaterThan(create)
        expect(responseStatus(c.events[answerDone]!)).toBe('completed')
        expect(indexOf(c, ofType('output_audio_buffer.stopped'), answerDone)).toBeGreaterThan(
          answerDone
        )

        expect(call.toolCalls).toHaveLength(1)
        expect(call.toolCalls[0]!.name).toBe('search_products')
        expect(JSON.parse(call.toolCalls[0]!.args)).toMatchObject({
          query: 'waterproof hiking boots'
        })
        const transcript = incoming(c).find(
          (e) =>
            e.type === 'response.output_audio_transcript.done' &&
            indexOf(c, (x) => x === e) > answer
        )
        expect(transcript?.event['transcript']).toContain('TrailBlazer X200 at 189.99 dollars')
        const callerText = incoming(c).find(
          (e) => e.type === 'conversation.item.input_audio_transcription.completed'
        )
        expect(callerText?.event['transcript']).toBe(
          "Hi, I'm looking for waterproof hiking boots under two hundred dollars."
        )

        // Measured: caller speech onset (the WAV at the page's microphone) → speech_started.
        const started = c.events[steps[2]!]!.t
        const onset = energyOnset(c.energy, 'local', 0, FLOOR)
        expect(onset).not.toBeNull()
        console.log(
          `[measured] caller speech onset (page mic) → input_audio_buffer.speech_started on the page: ${Math.round(started - onset!)} ms`
        )
        const truth = call.sim.groundTruth.list(c.callId!)
        const delays = truth.filter((e) => e.kind === 'response_delay')
        expect(delays.length).toBeGreaterThanOrEqual(2)
        for (const d of delays)
          console.log(
            `[ground truth] ${d.trigger} → first audio frame: scripted ${d.scripted_delay_ms} ms, actual ${d.actual_delay_ms} ms`
          )
        saveGroundTruth(call.sim, c.callId!, 'product-inquiry', c)
      } finally {
        await call.close()
      }
    },
    LONG
  )

  it(
    'lets a caller barge in: output_audio_buffer.cleared and a cancelled response.done (turn_detected)',
    async () => {
      const wav = makeCallerWav(
        dir,
        'barge-in-en',
        'en',
        [
          { pauseMs: 3000, text: 'Can you tell me about your tents?' },
          { pauseMs: 5000, text: 'Sorry, which one is lighter?' }
        ],
        15_000
      )
      const call = await startCall(wav, 'tools/realtime-sim/scenarios/long-answer-barge-in.yaml')
      try {
        const { page } = call
        await expect
          .poll(
            async () => {
              const c = await readCall(page)
              return incoming(c).filter((e) => e.type === 'output_audio_buffer.stopped').length
            },
            { timeout: 60_000, interval: 250 }
          )
          .toBeGreaterThanOrEqual(1)
        const c = await readCall(page)
        await screenshot(page, 'realtime-sim-barge-in')
        expectGaEvents(c)

        const firstAnswer = indexOf(c, ofType('output_audio_buffer.started'))
        const bargeIn = indexOf(c, ofType('input_audio_buffer.speech_started'), firstAnswer)
        const cleared = indexOf(c, ofType('output_audio_buffer.cleared'), bargeIn)
        const cancelled = indexOf(c, ofType('response.done'), bargeIn)
        expect(firstAnswer).toBeGreaterThan(0)
        expect(bargeIn).toBeGreaterThan(firstAnswer)
        expect(cleared).toBeGreaterThan(bargeIn)
        expect(cancelled).toBeGreaterThan(bargeIn)
        const interrupted = c.events[firstAnswer]!.event['response_id']
        expect(c.events[cleared]!.event['response_id']).toBe(interrupted)
        expect(c.events[cancelled]!.event['response']).toMatchObject({
          id: interrupted,
          status: 'cancelled',
          status_details: { type: 'cancelled', reason: 'turn_detected' }
        })
        // The interrupting turn is answered afterwards, to the end.
        expect(indexOf(c, ofType('output_audio_buffer.stopped'), cancelled)).toBeGreaterThan(
          cancelled
        )

        const truth = call.sim.groundTruth.list(c.callId!)
        const record = truth.find((e) => e.kind === 'barge_in')
        expect(record).toMatchObject({ response_id: interrupted })
        if (record?.kind === 'barge_in') {
          expect(record.played_ms).toBeGreaterThan(0)
          expect(record.played_ms).toBeLessThan(record.total_ms)
          console.log(
            `[ground truth] barge-in: ${record.played_ms} of ${record.total_ms} ms of the answer played`
          )
        }

        // Measured: barge-in onset (the caller's 2nd line at the page's mic) → agent audio
        // stopping at the page's remote track: quiet for 1 s, longer than espeak's pauses
        // between sentences, so a pause inside the answer does not count as the stop.
        const agentStart = energyOnset(c.energy, 'remote', c.events[firstAnswer]!.t, FLOOR)
        expect(agentStart).not.toBeNull()
        const callerOnset = energyOnset(c.energy, 'local', agentStart!, FLOOR)
        expect(callerOnset).not.toBeNull()
        const agentStop = energyStop(c.energy, 'remote', callerOnset!, FLOOR, 1000)
        expect(agentStop).not.toBeNull()
        console.log(
          `[measured] barge-in onset (page mic) → agent audio stopped at the page's remote track: ${Math.round(agentStop! - callerOnset!)} ms` +
            ` (speech_started after ${Math.round(c.events[bargeIn]!.t - callerOnset!)} ms;` +
            ` remote jitter buffer ${Math.round(c.jitterBufferMs ?? NaN)} ms)`
        )
        saveGroundTruth(call.sim, c.callId!, 'barge-in', c)
      } finally {
        await call.close()
      }
    },
    LONG
  )
})
