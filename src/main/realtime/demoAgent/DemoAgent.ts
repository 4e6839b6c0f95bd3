import { randomBytes } from 'node:crypto'
import type { AgentVoice } from '../../realtime-sim/audio/agentVoice'
import type { AnswerCall } from '../../realtime-sim/rtc/callPeer'
import type { Simulator } from '../../realtime-sim/startSimulator'

/** Where a demo call goes: the running agent's OpenAI-style base URL and this run's key. */
export interface DemoAgentTarget {
  baseUrl: string
  key: string
}

export interface DemoAgentOptions {
  /** The scripted OutdoorGear agent (see demoScenarioFile). */
  scenarioFile: string
  /** espeak-ng when installed, tones otherwise. */
  voice?: () => AgentVoice
  /** Who holds the calls' WebRTC side (Electron: a hidden Chromium page); absent: wrtc. */
  peers?: () => DemoPeers
}

/** A WebRTC side for the demo calls, with its own lifetime (a hidden window in Electron). */
export interface DemoPeers {
  answer: AnswerCall
  close(): void
}

/**
 * The "Demo agent" provider: the bundled Realtime simulator on 127.0.0.1, started by the first
 * demo call (or connection test) and reused by the next ones. Its key is random per run, lives
 * only in this object and is never stored or sent to the renderer.
 */
export class DemoAgent {
  private running: Promise<{ sim: Simulator; key: string; peers?: DemoPeers }> | null = null

  constructor(private readonly options: DemoAgentOptions) {}

  /** Starts the agent once; concurrent and later callers share the same one. */
  async target(): Promise<DemoAgentTarget> {
    this.running ??= this.start()
    try {
      const { sim, key } = await this.running
      return { baseUrl: `${sim.url}/v1`, key }
    } catch (error) {
      // A failed start (bad scenario, port refused) is retried by the next call.
      this.running = null
      throw error
    }
  }

  /** True once a start has begun and has not been closed. */
  get started(): boolean {
    return this.running !== null
  }

  /** Ends every demo call and frees the port; a later call starts a new agent. */
  async close(): Promise<void> {
    const running = this.running
    this.running = null
    if (!running) return
    const started = await running.catch(() => null)
    await started?.sim.close()
    started?.peers?.close()
  }

  private async start(): Promise<{ sim: Simulator; key: string; peers?: DemoPeers }> {
    // Loaded on first use: the simulator stays out of the app's start-up (and libwebrtc, a native
    // module, loads only when no page peer answers the calls).
    const [{ startSimulator }, { loadScenario }, { pickVoice }] = await Promise.all([
      import('../../realtime-sim/startSimulator'),
      import('../../realtime-sim/scenario/loadScenario'),
      import('../../realtime-sim/audio/pickVoice')
    ])
    const key = `sk-demo-${randomBytes(24).toString('hex')}`
    const peers = this.options.peers?.()
    try {
      const sim = await startSimulator({
        port: 0,
        apiKey: key,
        scenario: loadScenario(this.options.scenarioFile),
        voice: this.options.voice?.() ?? pickVoice('auto').voice,
        answerCall: peers?.answer
      })
      return { sim, key, peers }
    } catch (error) {
      peers?.close()
      throw error
    }
  }
}
