import { FRAME_MS, SAMPLE_RATE } from '../audio/agentVoice'
import type { AgentVoice } from '../audio/agentVoice'
import { CallSession } from '../call/CallSession'
import type { EventTransport } from '../call/EventChannel'
import { realTimers } from '../call/Timers'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { FramePacer } from '../rtc/FramePacer'
import type { Scenario } from '../scenario/scenarioSchema'
import type { EffectiveSession } from '../session/effectiveSession'
import type { CallerAudio } from './CallerAudio'

export interface PhoneLineOptions {
  callId: string
  session: EffectiveSession
  scenario: Scenario
  voice: AgentVoice
  log: GroundTruthLog
  caller: CallerAudio
  /** The caller's audio ran out: they hang up. */
  onCallerDone(): void
}

/**
 * An accepted phone call's media: in real time, each 10 ms the caller's next frame goes into
 * the call's session (VAD and barge-in as on WebRTC) and the agent's next frame comes out of
 * its playout, heard by the caller and gone. A phone has no data channel: the events still
 * leave (ground truth, and a sideband that attaches to the call), but no client receives them.
 */
export class PhoneLine {
  readonly session: CallSession
  private readonly pacer: FramePacer
  private readonly transport: { isOpen: boolean } & EventTransport
  private agentFrames = 0
  private done = false

  constructor(private readonly options: PhoneLineOptions) {
    this.transport = {
      isOpen: true,
      send: () => true,
      // drop_data_channel faults have no channel to drop on a phone line.
      close: () => undefined
    }
    this.session = new CallSession({
      callId: options.callId,
      session: options.session,
      scenario: options.scenario,
      voice: options.voice,
      timers: realTimers,
      transport: this.transport,
      log: options.log,
      kind: 'sip'
    })
    this.session.open()
    this.pacer = new FramePacer(
      () => this.tick(),
      () => undefined
    )
  }

  /** Agent audio that reached the caller's ear, in ms. */
  get agentAudioMs(): number {
    return this.agentFrames * FRAME_MS
  }

  /** The line is dead: nothing the session still does (a cancelled answer) leaves any more. */
  close(): void {
    this.done = true
    this.transport.isOpen = false
    this.pacer.stop()
    this.session.close()
  }

  private tick(): Int16Array | null {
    if (this.done) return null
    const heard = this.options.caller.next()
    if (heard === null) {
      this.done = true
      // Not from inside the pacer's loop: ending the call stops the pacer.
      queueMicrotask(() => this.options.onCallerDone())
      return null
    }
    this.session.receiveAudio(heard, SAMPLE_RATE)
    const said = this.session.pullFrame()
    if (said) this.agentFrames++
    return said
  }
}
