import { expect } from 'vitest'
import { SAMPLE_RATE } from '../../../../src/main/realtime-sim/audio/agentVoice'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { GroundTruthLog } from '../../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import {
  LiveMediaSessionConfig,
  resolveSession
} from '../../../../src/main/realtime-sim/live/liveConfig'
import type { LiveAudioFormat } from '../../../../src/main/realtime-sim/live/liveConfig'
import { LiveSession } from '../../../../src/main/realtime-sim/live/LiveSession'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { flush, SCENARIO_YAML, toneFrame, VirtualTimers } from '../support/virtualCall'
import { liveEventProblem } from './liveEventShapes'

export type LiveEvent = Record<string, unknown> & { type: string }

/** A LiveSession on virtual time (WebRTC-like unless `socketFormat`), keeping what it sent. */
export function virtualLive(
  options: { socketFormat?: LiveAudioFormat; scenarioYaml?: string } = {}
) {
  const timers = new VirtualTimers()
  const log = new GroundTruthLog()
  const sent: LiveEvent[] = []
  const transport = {
    isOpen: true,
    send: (text: string) => {
      sent.push(JSON.parse(text) as LiveEvent)
      return true
    },
    close: () => {
      transport.isOpen = false
    }
  }
  const config = LiveMediaSessionConfig.parse({ model: 'gpt-live-1' })
  const session = new LiveSession({
    resource: resolveSession('live_test', config, 1_800_000_000),
    scenario: parseScenario(options.scenarioYaml ?? SCENARIO_YAML, 'unit.yaml'),
    voice: new ToneVoice(),
    timers,
    transport,
    log,
    kind: options.socketFormat ? 'websocket' : 'webrtc',
    socketFormat: options.socketFormat ?? null
  })
  /** Agent frames pulled, by frame index: the playing speech id, or null for silence. */
  const played: (string | null)[] = []
  let frame = 0
  return {
    session,
    timers,
    log,
    sent,
    played,
    send: (event: Record<string, unknown>) => session.receive(JSON.stringify(event)),
    ofType: (type: string) => sent.filter((e) => e.type === type),
    /** Runs `frames` × 10 ms: caller audio in, one agent frame out, timers, then microtasks. */
    async run(frames: number, caller: (frame: number) => Int16Array = () => toneFrame(0)) {
      for (let n = 0; n < frames; n++, frame++) {
        session.receiveAudio(caller(frame), SAMPLE_RATE)
        const playing = session.playout.playingResponseId
        played[frame] = session.pullFrame() ? playing : null
        timers.advance(10)
        await flush()
      }
    },
    /** Every event sent is in the SDK's ServerEvent union with its required fields. */
    expectConformance() {
      for (const event of sent) expect(liveEventProblem(event), JSON.stringify(event)).toBeNull()
    }
  }
}
