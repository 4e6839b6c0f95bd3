import { FRAME_MS, FRAME_SAMPLES, SAMPLE_RATE } from '../audio/agentVoice'
import { resample } from '../audio/resample'
import { parseWav } from '../audio/wav'

/**
 * What a phone caller says: their WAV at the simulator's rate, then `trailingSilenceMs` of
 * silence (the caller listening to the last answer), handed out 10 ms at a time. `next()`
 * returns null once both are used up: the caller hangs up.
 */
export class CallerAudio {
  private readonly samples: Int16Array
  private position = 0
  private readonly totalFrames: number
  private framesOut = 0
  private readonly silence = new Int16Array(FRAME_SAMPLES)

  /** Throws on anything but a 16-bit PCM WAV (parseWav's message). */
  constructor(wav: Uint8Array, trailingSilenceMs: number) {
    const { samples, sampleRate } = parseWav(wav)
    this.samples = resample(samples, sampleRate, SAMPLE_RATE)
    this.totalFrames =
      Math.ceil(this.samples.length / FRAME_SAMPLES) + Math.ceil(trailingSilenceMs / FRAME_MS)
  }

  /** Length of the caller's speech (the WAV), in ms. */
  get speechMs(): number {
    return Math.round((this.samples.length * 1000) / SAMPLE_RATE)
  }

  /** Caller audio fed so far, in ms. */
  get fedMs(): number {
    return this.framesOut * FRAME_MS
  }

  next(): Int16Array | null {
    if (this.framesOut >= this.totalFrames) return null
    this.framesOut++
    if (this.position >= this.samples.length) return this.silence
    const frame = new Int16Array(FRAME_SAMPLES)
    frame.set(this.samples.subarray(this.position, this.position + FRAME_SAMPLES))
    this.position += FRAME_SAMPLES
    return frame
  }
}
