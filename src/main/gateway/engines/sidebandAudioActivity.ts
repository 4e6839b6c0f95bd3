import type { CallEvent, LocalObservation } from '../../../shared/live-call/callEvents'

// GPT-Live reports no speech start/stop and no agent-audio events (docs/gpt-live.md): a desk's
// page hears both itself (its microphone VAD, its ear meter). A gateway has no page, but a Live
// sideband reflects both directions' audio (SDK: `session.input_audio.append`, mono PCM16LE
// 24 kHz, no stamps; `session.output_audio.delta` with its `start_ms`/`end_ms` on the session
// timeline). This reads them with the page's thresholds, so the same adapter finds barge-ins.

/** RMS above this (-40 dBFS) is voice: the page's NOISE_FLOOR (earMeter.ts). */
const NOISE_FLOOR = 0.01
/** 10 ms frames at 24 kHz. */
const FRAME_SAMPLES = 240
/** As the page's microphone VAD: 30 ms of voice start speech, 500 ms of quiet end it. */
const ONSET_FRAMES = 3
const QUIET_FRAMES = 50
/** The agent is silent once its reflected audio should have played out this long ago. */
const SILENT_AFTER_MS = 300

type Observation = Extract<
  LocalObservation,
  {
    type:
      'mic.speech_started' | 'mic.speech_stopped' | 'remote_audio.audible' | 'remote_audio.silent'
  }
>

/**
 * The caller's speech and the agent's audio, from a Live sideband's reflected audio: observations
 * to record after each input (the caller's `mic.speech_*`, the agent's `remote_audio.*`), at the
 * input's time. Pure bookkeeping over what was recorded; the clock ticks end the agent's audio.
 */
export class SidebandAudioActivity {
  private voiced = 0
  private quiet = 0
  private speaking = false
  private audible = false
  /** Arrival time minus timeline ms, the smallest seen (the least delayed reflection). */
  private offsetMs: number | null = null
  /** Timeline end of the last voiced agent audio. */
  private agentEndMs = 0

  read(t: number, event: CallEvent): Observation[] {
    const e = event as { audio?: unknown; delta?: unknown; start_ms?: unknown; end_ms?: unknown }
    if (event.type === 'session.input_audio.append' && typeof e.audio === 'string')
      return this.caller(e.audio)
    const notes: Observation[] = []
    if (
      event.type === 'session.output_audio.delta' &&
      typeof e.delta === 'string' &&
      typeof e.start_ms === 'number' &&
      typeof e.end_ms === 'number' &&
      voicedFrames(e.delta).some(Boolean)
    ) {
      this.offsetMs = Math.min(this.offsetMs ?? Infinity, t - e.start_ms)
      this.agentEndMs = Math.max(this.agentEndMs, e.end_ms)
      if (!this.audible) notes.push({ type: 'remote_audio.audible' })
      this.audible = true
    } else if (
      this.audible &&
      this.offsetMs !== null &&
      t > this.offsetMs + this.agentEndMs + SILENT_AFTER_MS
    ) {
      this.audible = false
      notes.push({ type: 'remote_audio.silent' })
    }
    return notes
  }

  private caller(audio: string): Observation[] {
    const notes: Observation[] = []
    for (const voiced of voicedFrames(audio)) {
      this.voiced = voiced ? this.voiced + 1 : 0
      this.quiet = voiced ? 0 : this.quiet + 1
      if (!this.speaking && this.voiced >= ONSET_FRAMES) {
        this.speaking = true
        notes.push({ type: 'mic.speech_started' })
      } else if (this.speaking && this.quiet >= QUIET_FRAMES) {
        this.speaking = false
        notes.push({ type: 'mic.speech_stopped' })
      }
    }
    return notes
  }
}

/** Each 10 ms frame of base64 PCM16LE: louder than the floor or not. */
function voicedFrames(base64: string): boolean[] {
  // Copied: a decoded Buffer may sit at an odd offset of its pool, where Int16Array cannot.
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  const samples = new Int16Array(bytes.buffer, 0, bytes.length >> 1)
  const frames: boolean[] = []
  for (let at = 0; at < samples.length; at += FRAME_SAMPLES) {
    const frame = samples.subarray(at, at + FRAME_SAMPLES)
    let sum = 0
    for (const sample of frame) sum += (sample / 32768) ** 2
    frames.push(Math.sqrt(sum / frame.length) > NOISE_FLOOR)
  }
  return frames
}
