import { FRAME_MS } from '../audio/agentVoice'
import { resample } from '../audio/resample'
import type { LiveEventChannel } from './LiveEventChannel'
import { liveOutputAudio, SIDEBAND_FORMAT } from './liveWireAudio'

/** Reflected audio leaves in 100 ms pieces: about what the other Live audio events carry. */
const FRAMES_PER_EVENT = 10

/**
 * Copies one direction of a session's audio to its sidebands as PCM16 24 kHz: caller audio as
 * `session.input_audio.append` (no stamps, no event_id), agent audio as
 * `session.output_audio.delta` with its span on the session timeline.
 */
export class AudioReflector {
  private frames: Int16Array[] = []
  private startMs = 0

  constructor(
    private readonly channel: LiveEventChannel,
    private readonly direction: 'input' | 'output'
  ) {}

  /** One frame at `sampleRate` heard at `timelineMs`; null = silence (flushes what is held). */
  push(frame: Int16Array | null, sampleRate: number, timelineMs: number): void {
    if (!this.channel.hasSidebands) return void (this.frames = [])
    if (frame === null) return this.flush()
    if (this.frames.length === 0) this.startMs = timelineMs
    this.frames.push(sampleRate === 48_000 ? frame : resample(frame, sampleRate, 48_000))
    if (this.frames.length >= FRAMES_PER_EVENT) this.flush()
  }

  private flush(): void {
    if (this.frames.length === 0) return
    const samples = new Int16Array(this.frames.reduce((n, f) => n + f.length, 0))
    let at = 0
    for (const frame of this.frames) {
      samples.set(frame, at)
      at += frame.length
    }
    const audio = liveOutputAudio(samples, SIDEBAND_FORMAT)
    const spanMs = this.frames.length * FRAME_MS
    this.frames = []
    if (this.direction === 'input')
      return this.channel.reflect({ type: 'session.input_audio.append', audio })
    this.channel.reflect({
      type: 'session.output_audio.delta',
      delta: audio,
      start_ms: this.startMs,
      end_ms: this.startMs + spanMs
    })
  }
}
