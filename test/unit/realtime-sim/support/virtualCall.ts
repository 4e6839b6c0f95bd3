import { expect } from 'vitest'
import { ServerEvent } from '../../../../src/shared/realtime/serverEvents'
import type { RealtimeSessionConfig } from '../../../../src/shared/realtime/sessionConfig'
import { FRAME_SAMPLES, SAMPLE_RATE } from '../../../../src/main/realtime-sim/audio/agentVoice'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { CallSession } from '../../../../src/main/realtime-sim/call/CallSession'
import type { Timers } from '../../../../src/main/realtime-sim/call/Timers'
import { GroundTruthLog } from '../../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { createSession } from '../../../../src/main/realtime-sim/session/effectiveSession'

/** Timers on a virtual clock: `advance` runs what falls due, in order. */
export class VirtualTimers implements Timers {
  private time = 0
  private queue: { at: number; seq: number; fn: () => void }[] = []
  private seq = 0

  now(): number {
    return this.time
  }

  after(ms: number, fn: () => void): () => void {
    const entry = { at: this.time + ms, seq: this.seq++, fn }
    this.queue.push(entry)
    return () => {
      this.queue = this.queue.filter((e) => e !== entry)
    }
  }

  advance(ms: number): void {
    const until = this.time + ms
    for (;;) {
      const next = [...this.queue].sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next || next.at > until) break
      this.queue = this.queue.filter((e) => e !== next)
      this.time = next.at
      next.fn()
    }
    this.time = until
  }
}

export type SentEvent = ServerEvent & Record<string, unknown>

/** 10 ms of a 220 Hz tone at `amplitude` (full scale 32767), or silence at 0. */
export function toneFrame(amplitude: number, frameIndex = 0): Int16Array {
  const frame = new Int16Array(FRAME_SAMPLES)
  for (let i = 0; i < FRAME_SAMPLES; i++)
    frame[i] = Math.round(
      amplitude * Math.sin((2 * Math.PI * 220 * (frameIndex * FRAME_SAMPLES + i)) / SAMPLE_RATE)
    )
  return frame
}

const LOUD = 8000

/** Caller audio by frame: loud during the given [startFrame, endFrame) ranges, silent otherwise. */
export function speechAt(...ranges: [number, number][]): (frame: number) => Int16Array {
  return (frame) => toneFrame(ranges.some(([a, b]) => frame >= a && frame < b) ? LOUD : 0, frame)
}

export const SCENARIO_YAML = `
name: unit scenario
language: en
generation_speed: 2
transcription_delay_ms: 100
greeting: { delay_ms: 100, say: Hello from OutdoorGear. }
turns:
  - caller: Do you have waterproof boots?
    caller_language: en
    agent:
      delay_ms: 200
      say: Let me check.
      tool_call:
        name: search_products
        arguments: { query: waterproof boots, max_price: 200 }
        then:
          delay_ms: 100
          say: The {{result.products.0.name}} costs {{result.products.0.price_usd}} dollars.
          fallback: Sorry, I found nothing.
  - caller: Tell me everything.
    agent:
      delay_ms: 100
      say: ${Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')}
      usage: { output_tokens: 321 }
`

/** A CallSession on virtual time with a transport that keeps what it was sent. */
export function virtualCall(
  options: { scenarioYaml?: string; session?: RealtimeSessionConfig } = {}
) {
  const timers = new VirtualTimers()
  const log = new GroundTruthLog()
  const sent: SentEvent[] = []
  const transport = {
    isOpen: true,
    send: (text: string) => {
      sent.push(JSON.parse(text) as SentEvent)
      return true
    },
    close: () => {
      transport.isOpen = false
    }
  }
  const scenario = parseScenario(options.scenarioYaml ?? SCENARIO_YAML, 'unit.yaml')
  const call = new CallSession({
    callId: 'rtc_test',
    session: createSession(options.session),
    scenario,
    voice: new ToneVoice(),
    timers,
    transport,
    log
  })
  /** Agent frames pulled, by frame index: the playing response id, or null for silence. */
  const played: (string | null)[] = []
  let frame = 0

  return {
    call,
    timers,
    log,
    sent,
    transport,
    played,
    get frame() {
      return frame
    },
    send: (event: Record<string, unknown>) => call.receive(JSON.stringify(event)),
    /** Runs `frames` × 10 ms: caller audio in, one agent frame out, timers, then microtasks. */
    async run(frames: number, caller: (frame: number) => Int16Array = () => toneFrame(0)) {
      for (let n = 0; n < frames; n++, frame++) {
        call.receiveAudio(caller(frame), SAMPLE_RATE)
        const playing = call.playout.playingResponseId
        played[frame] = call.pullFrame() ? playing : null
        timers.advance(10)
        await flush()
      }
    },
    /** Index in `sent` of the first event of `type` after index `from`. */
    find: (type: string, from = -1) => sent.findIndex((e, i) => i > from && e.type === type),
    ofType: (type: string) => sent.filter((e) => e.type === type),
    /** Every event sent parses as a GA server event. */
    expectConformance() {
      for (const event of sent) {
        const parsed = ServerEvent.safeParse(event)
        expect(parsed.success, `${event.type}: ${parsed.error?.message}`).toBe(true)
      }
    }
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
