import type { Browser, Page } from 'playwright-core'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickVoice } from '../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from '../../tools/realtime-sim/defaultScenario'
import { connectAgentsSdk, TOOL_OUTPUT, wsUrl } from '../support/agentsSdkSession'
import { describeProblem, officialEventProblems } from '../support/officialRealtimeEvents'
import { browserAvailable } from './support/browser'
import type { SdkCallRecord } from './support/agentsSdkPage/agentsWebRtcPage'
import { serveAgentsSdkPage, type PageServer } from './support/agentsSdkPage/servePage'
import { useCallerBrowser } from './support/callerBrowser'
import { voiceToolsAvailable } from './support/voiceRig'

// Issue #16, contract tests: official client code nobody here wrote (the OpenAI Agents SDK's
// WebRTC transport, in Chromium, on a page of another origin; the openai SDK minting the ek_)
// against the simulator. Every server event is judged by the SDKs' own schemas and types.

const canRun = browserAvailable() && voiceToolsAvailable()
const API_KEY = 'sk-contract-agents-sdk'
/** The connection, a spoken turn with a tool round trip, a typed turn and its interrupt. */
const CALL_SET_UP_MS = 90_000

const readCall = (page: Page): Promise<SdkCallRecord> => page.evaluate(() => window.sdkCall)
const ofType = (call: SdkCallRecord, type: string): Record<string, unknown>[] =>
  call.events.filter((e) => e['type'] === type)
/** Waits until the page has received at least `count` server events of `type`. */
async function waitForEvents(page: Page, type: string, count: number, timeout: number) {
  await page
    .waitForFunction(
      ([t, n]) => window.sdkCall.events.filter((e) => e['type'] === t).length >= n,
      [type, count] as const,
      { timeout, polling: 50 }
    )
    .catch(async (error: unknown) => {
      const call = await readCall(page)
      const seen = call.events.map((e) => e['type']).join(', ')
      throw new Error(
        `no ${count}× ${type} (${String(error)}); state ${call.state}, ` +
          `errors ${JSON.stringify(call.errors)}, events: ${seen}`
      )
    })
}
const status = (event: Record<string, unknown>): unknown =>
  (event['response'] as { status?: unknown } | undefined)?.status

describe.runIf(canRun)('Agents SDK WebRTC in Chromium, cross-origin', { timeout: 90_000 }, () => {
  const caller = useCallerBrowser('agents-sdk-')
  let sim: Simulator
  let pageServer: PageServer
  let browser: Browser
  let page: Page
  /** The call after the tool round trip and the interrupt. */
  let call: SdkCallRecord

  beforeAll(async () => {
    pageServer = await serveAgentsSdkPage()
    sim = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      scenario: loadScenario(DEFAULT_SCENARIO_FILE),
      voice: pickVoice('auto').voice,
      allowOrigin: pageServer.origin
    })
    const client = new OpenAI({ apiKey: API_KEY, baseURL: `${sim.url}/v1`, maxRetries: 0 })
    const secret = await client.realtime.clientSecrets.create({
      session: { type: 'realtime', model: 'gpt-realtime' }
    })
    // The caller asks for boots (turn 1: an answer and a search_products call), then is silent.
    const wav = caller.wav(
      'boots',
      'en',
      [{ pauseMs: 2500, text: "Hi, I'm looking for waterproof hiking boots." }],
      30_000
    )
    browser = await caller.launch(wav.path)
    page = await browser.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') console.warn(`[page] ${m.text()}`)
    })
    await page.goto(`${pageServer.origin}/`)
    await page.waitForFunction(() => typeof window.startSdkCall === 'function')
    await page.evaluate((options) => window.startSdkCall(options), {
      callsUrl: `${sim.url}/v1/realtime/calls`,
      ek: secret.value,
      toolOutput: TOOL_OUTPUT
    })
    const connected = await readCall(page)
    if (connected.state !== 'connected') throw new Error(`connect: ${connected.errors.join('; ')}`)
    // Tool round trip: the SDK runs the tool, sends its output and asks for the follow-up.
    await waitForEvents(page, 'response.done', 2, 40_000)
    // Turn 2 typed: the long answer, interrupted as soon as its audio starts.
    const before = ofType(await readCall(page), 'output_audio_buffer.started').length
    await page.evaluate(() => window.sdkSendMessage('Do they come in wide sizes?'))
    await waitForEvents(page, 'output_audio_buffer.started', before + 1, 15_000)
    await page.evaluate(() => window.sdkInterrupt())
    await waitForEvents(page, 'output_audio_buffer.cleared', 1, 10_000)
    // Let late events (response.done, item closing) arrive before judging the whole call.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    call = await readCall(page)
  }, CALL_SET_UP_MS)

  afterAll(async () => {
    await page?.evaluate(() => window.sdkClose()).catch(() => undefined)
    await pageServer?.close()
    await sim?.close()
  })

  it('connects from another origin (CORS preflight with X-OpenAI-Agents-SDK)', () => {
    expect(call.state).toBe('connected')
    expect(call.callId).toMatch(/^rtc_/)
    expect(new URL(sim.url).origin).not.toBe(pageServer.origin)
  })

  it('runs the tool round trip: the scripted call, the SDK runs the tool, the follow-up', () => {
    expect(call.toolCalls).toEqual([
      { name: 'search_products', args: expect.objectContaining({ max_price: 200 }) }
    ])
    const said = ofType(call, 'response.output_audio_transcript.done').map((e) => e['transcript'])
    expect(said[0]).toBe('Sure, let me check our catalog for you.')
    expect(said[1]).toMatch(/^I found the TrailBlazer X200 at 189.99 dollars/)
    // The simulator's side: its function call, then the output the SDK sent back for it.
    const [called, answered] = sim.groundTruth
      .list(call.callId ?? undefined)
      .filter((e) => e.kind === 'tool_call')
    expect(called).toMatchObject({ name: 'search_products' })
    expect(answered).toMatchObject({
      function_call_id: called?.function_call_id,
      output: TOOL_OUTPUT
    })
  })

  it('interrupts: session.interrupt() clears the agent audio and cancels the answer', () => {
    const cleared = ofType(call, 'output_audio_buffer.cleared')[0]!
    const started = ofType(call, 'output_audio_buffer.started').at(-1)!
    expect(cleared['response_id']).toBe(started['response_id'])
    const last = ofType(call, 'response.done').find(
      (e) => (e['response'] as { id?: string }).id === started['response_id']
    )
    expect(last && status(last)).toBe('cancelled')
  })

  // Holds once the sideband of issue #16 (engineer "ws") is merged.
  it('lets a server attach the Agents SDK as a sideband (standard key) and answer through it', async () => {
    const url = wsUrl(sim.url, `/v1/realtime?call_id=${call.callId ?? ''}`)
    const sideband = await connectAgentsSdk(url, API_KEY)
    try {
      const answered = ofType(await readCall(page), 'response.done').length
      sideband.session.sendMessage('Anything else?')
      const done = await sideband.log.waitFor('response.done', 1, 15_000)
      // The browser's SDK sees the same answer as the server's.
      await waitForEvents(page, 'response.done', answered + 1, 15_000)
      const inBrowser = ofType(await readCall(page), 'response.done').at(-1)!
      expect(inBrowser['event_id']).toBe(done['event_id'])
      expect(sideband.errors).toEqual([])
      expect(officialEventProblems(sideband.log.events).map(describeProblem)).toEqual([])
    } finally {
      sideband.close()
    }
  })

  // These hold once the protocol fixes of issue #16 (engineer "proto") are merged.
  describe('the whole call under the official schemas', () => {
    it('sends exactly one session.created', () => {
      expect(ofType(call, 'session.created')).toHaveLength(1)
    })

    it('sends no error event, and the SDK reports none', () => {
      expect(ofType(call, 'error')).toEqual([])
      expect(call.errors).toEqual([])
    })

    it("sends only events the official SDKs' schemas and types accept", () => {
      expect(officialEventProblems(call.events).map(describeProblem)).toEqual([])
    })

    it('brackets each spoken answer with content_part events and streams the transcription', () => {
      const ids = (type: string): unknown[] => ofType(call, type).map((e) => e['item_id'])
      const messages = ofType(call, 'response.output_item.added')
        .map((e) => e['item'] as { id?: string; type?: string })
        .filter((item) => item.type === 'message')
        .map((item) => item.id)
      expect(ids('response.content_part.added')).toEqual(messages)
      // Every answer spoken to its end closes its part (a cancelled one may or may not).
      expect(ids('response.content_part.done')).toEqual(
        expect.arrayContaining(ids('response.output_audio_transcript.done'))
      )
      expect(ids('conversation.item.input_audio_transcription.delta').length).toBeGreaterThan(0)
    })

    it("leaves no item in progress in the SDK's history (the cancelled answer is closed)", () => {
      expect(call.history.filter((item) => item.status === 'in_progress')).toEqual([])
    })
  })
})
