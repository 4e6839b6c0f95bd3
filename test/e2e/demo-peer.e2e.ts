import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickVoice } from '../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import type { Browser } from 'playwright-core'
import { startSimulator, type Simulator } from '../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from '../../tools/realtime-sim/defaultScenario'
import type { SimCallRecord } from '../../tools/realtime-sim/testPage/callPage'
import { testPageRoute } from '../../tools/realtime-sim/testPage/testPageRoute'
import { browserAvailable } from './support/browser'
import { openPeerPage } from './support/peerPageBrowser'
import {
  energyOnset,
  energyStop,
  launchWithFakeMic,
  makeCallerWav,
  mintClientSecret,
  readCall,
  saveGroundTruth,
  voiceToolsAvailable
} from './support/voiceRig'

// The demo agent's WebRTC side as Electron runs it: not wrtc in main, but Chromium's own
// RTCPeerConnection in a page (here Debian Chromium; in the app a hidden window), bridged to the
// simulator over the page-peer protocol. The caller is the voice rig: another Chromium whose
// microphone is an espeak-ng WAV, on the simulator's test page.

const canRun = browserAvailable() && voiceToolsAvailable()
const API_KEY = 'sk-e2e-page-peer'
const FLOOR = 0.01
const CALLER = "Hi, I'm looking for waterproof hiking boots under two hundred dollars."
const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ sku: 'TB-X200-BLK', name: 'TrailBlazer X200', price_usd: 189.99 }] }
})

type CallEvent = SimCallRecord['events'][number]
const firstIn = (
  c: SimCallRecord,
  type: string,
  after = 0,
  direction: CallEvent['direction'] = 'in'
): CallEvent | undefined =>
  c.events.find((e) => e.direction === direction && e.type === type && e.t >= after)
const countIn = (c: SimCallRecord, type: string): number =>
  c.events.filter((e) => e.direction === 'in' && e.type === type).length

/** The peer page answers the simulator's calls; the voice rig calls from its test page. */
async function callThroughPeerPage(wavPath: string, scenarioFile: string) {
  const peer = await openPeerPage('websocket')
  let sim: Simulator | undefined
  let caller: Browser | undefined
  const close = async (): Promise<void> => {
    await caller?.close()
    await sim?.close()
    await peer.close()
  }
  try {
    sim = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      scenario: loadScenario(scenarioFile),
      voice: pickVoice('auto').voice,
      answerCall: peer.host.answer,
      extraRoutes: [testPageRoute]
    })
    caller = await launchWithFakeMic(wavPath)
    const page = await caller.newPage()
    await page.exposeFunction('runTool', () => TOOL_OUTPUT)
    await page.goto(`${sim.url}/sim/test-page/#ek=${await mintClientSecret(sim, API_KEY)}`)
    await page.getByRole('button', { name: 'Call' }).click()
    return { page, sim, peer, close }
  } catch (error) {
    await close()
    throw error
  }
}

describe.runIf(canRun)('Demo agent peer in a Chromium page (as inside Electron)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'page-peer-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('hears the caller (VAD, transcript) and the caller hears the agent', async () => {
    const wav = makeCallerWav(dir, 'page-peer-en', 'en', [{ pauseMs: 4000, text: CALLER }], 20_000)
    const { page, sim, peer, close } = await callThroughPeerPage(wav.path, DEFAULT_SCENARIO_FILE)
    try {
      await expect
        .poll(
          async () => {
            const c = await readCall(page)
            return (
              countIn(c, 'response.done') >= 2 && countIn(c, 'output_audio_buffer.stopped') >= 2
            )
          },
          { timeout: 60_000, interval: 250 }
        )
        .toBe(true)
      const c = await readCall(page)
      expect(c.errors).toEqual([])
      expect(peer.host.rejected).toBe(0)

      // The caller was heard through the page: the simulator's VAD fired on the peer's frames.
      const truth = sim.groundTruth.list(c.callId!)
      expect(truth.some((e) => e.kind === 'vad' && e.type === 'speech_started')).toBe(true)
      const started = firstIn(c, 'input_audio_buffer.speech_started')
      expect(started).toBeDefined()
      expect(
        firstIn(c, 'conversation.item.input_audio_transcription.completed')?.event['transcript']
      ).toBe(CALLER)
      const spoke = energyOnset(c.energy, 'local', 0, FLOOR)
      expect(spoke).not.toBeNull()

      // The agent was heard at the caller's ear: energy on the remote track after each answer
      // starts (the scripted reply, then its answer from the tool's result).
      const first = firstIn(c, 'output_audio_buffer.started')!
      const second = firstIn(
        c,
        'output_audio_buffer.started',
        firstIn(c, 'response.create', first.t, 'out')!.t
      )!
      const heard = [first, second].map((e) => energyOnset(c.energy, 'remote', e.t, FLOOR))
      expect(heard).not.toContain(null)
      expect(first.t).toBeGreaterThan(started!.t)
      const peak = Math.max(...c.energy.filter((r) => r.t >= first.t).map((r) => r.remote))
      expect(peak).toBeGreaterThan(0.05)

      console.log(
        `[page peer] caller speech onset (page mic) → speech_started: ${Math.round(started!.t - spoke!)} ms`
      )
      console.log(
        `[page peer] output_audio_buffer.started → agent audible at the caller: ${heard.map((t, i) => `${Math.round(t! - [first, second][i]!.t)} ms`).join(', ')}; peak remote level ${peak.toFixed(3)}`
      )
      const lags = [...peer.lag.samplesMs].sort((a, b) => a - b)
      console.log(
        `[page peer] test bridge page → Node (WebSocket): median ${lags[lags.length >> 1]} ms, p95 ${lags[Math.floor(lags.length * 0.95)]} ms over ${lags.length} batches`
      )
      for (const d of truth.filter((e) => e.kind === 'response_delay'))
        console.log(
          `[page peer] ${d.trigger} → first audio frame: scripted ${d.scripted_delay_ms} ms, actual ${d.actual_delay_ms} ms`
        )
      saveGroundTruth(sim, c.callId!, 'page-peer-inquiry', c)
    } finally {
      await close()
    }
  }, 120_000)

  it("stops the agent at the caller's ear when the caller barges in", async () => {
    const wav = makeCallerWav(
      dir,
      'page-peer-barge-in',
      'en',
      [
        { pauseMs: 3000, text: 'Can you tell me about your tents?' },
        { pauseMs: 5000, text: 'Sorry, which one is lighter?' }
      ],
      15_000
    )
    const scenario = 'tools/realtime-sim/scenarios/long-answer-barge-in.yaml'
    const { page, sim, close } = await callThroughPeerPage(wav.path, scenario)
    try {
      await expect
        .poll(async () => countIn(await readCall(page), 'output_audio_buffer.stopped'), {
          timeout: 60_000,
          interval: 250
        })
        .toBeGreaterThanOrEqual(1)
      const c = await readCall(page)
      const answer = firstIn(c, 'output_audio_buffer.started')!
      const cleared = firstIn(c, 'output_audio_buffer.cleared', answer.t)
      expect(cleared).toBeDefined()
      const barge = sim.groundTruth.list(c.callId!).find((e) => e.kind === 'barge_in')
      expect(barge).toBeDefined()
      // Measured as realtime-sim.e2e.ts does for wrtc: the caller's 2nd line at the mic → the
      // agent quiet (1 s) at the caller's remote track.
      const agentStart = energyOnset(c.energy, 'remote', answer.t, FLOOR)!
      const callerOnset = energyOnset(c.energy, 'local', agentStart, FLOOR)!
      const agentStop = energyStop(c.energy, 'remote', callerOnset, FLOOR, 1000)
      expect(agentStop).not.toBeNull()
      expect(agentStop! - cleared!.t).toBeLessThan(1000)
      console.log(
        `[page peer] barge-in onset (page mic) → agent audio stopped at the caller: ${Math.round(agentStop! - callerOnset)} ms (output_audio_buffer.cleared → stopped: ${Math.round(agentStop! - cleared!.t)} ms)`
      )
      saveGroundTruth(sim, c.callId!, 'page-peer-barge-in', c)
    } finally {
      await close()
    }
  }, 120_000)

  it("answers an offer under the page's own CSP (blob: worklets, no network) with full ICE", async () => {
    const peer = await openPeerPage('binding')
    try {
      const offerer = await peer.page.context().browser()!.newPage()
      const offer = await offerer.evaluate(async () => {
        const pc = new RTCPeerConnection()
        pc.addTransceiver('audio', { direction: 'sendrecv' })
        pc.createDataChannel('oai-events')
        await pc.setLocalDescription(await pc.createOffer())
        return pc.localDescription!.sdp
      })
      const closed: string[] = []
      const { peer: call, sdp } = await peer.host.answer(offer, {
        onChannelOpen: () => undefined,
        onConnected: () => undefined,
        onMessage: () => undefined,
        onAudio: () => undefined,
        pullFrame: () => null,
        onClosed: (reason) => void closed.push(reason)
      })
      // No trickle, like the API: the answer holds the candidates and sends audio.
      expect(sdp).toMatch(/^a=candidate:/m)
      expect(sdp).toMatch(/^a=sendrecv$/m)
      expect(peer.host.rejected).toBe(0)
      call.close('hangup')
      expect(closed).toEqual(['hangup'])
    } finally {
      await peer.close()
    }
  })
})
