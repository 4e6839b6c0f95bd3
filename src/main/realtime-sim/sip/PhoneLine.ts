import { FRAME_MS, SAMPLE_RATE } from '../audio/agentVoice'
import { FramePacer } from '../rtc/FramePacer'
import type { CallerAudio } from './CallerAudio'

/** Who ended a phone call. */
export type EndedBy = 'caller' | 'server' | 'simulator'

/**
 * What an accepted phone call talks to: a Realtime CallSession or a GPT-Live LiveSession, fed
 * the caller's frames and pulled for the agent's, then hung up.
 */
export interface PhoneMedia {
  receiveAudio(samples: Int16Array, sampleRate: number): void
  pullFrame(): Int16Array | null
  hangUp(endedBy: EndedBy, reason: string): void
}

export interface PhoneLineOptions {
  media: PhoneMedia
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
  private readonly pacer: FramePacer
  private agentFrames = 0
  private done = false

  constructor(private readonly options: PhoneLineOptions) {
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
  close(endedBy: EndedBy, reason: string): void {
    this.done = true
    this.pacer.stop()
    this.options.media.hangUp(endedBy, reason)
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
    this.options.media.receiveAudio(heard, SAMPLE_RATE)
    const said = this.options.media.pullFrame()
    if (said) this.agentFrames++
    return said
  }
}
