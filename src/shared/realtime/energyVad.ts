// Energy VAD with the server_vad knobs. Time is counted in samples, never wall clock, so the
// same audio always gives the same events (the simulator runs it on received WebRTC frames;
// tests run it on WAV files).

export interface VadSettings {
  /** 0–1 like `turn_detection.threshold`; higher needs louder speech. */
  threshold: number
  prefixPaddingMs: number
  silenceDurationMs: number
}

export type VadEvent =
  | { type: 'speech_started'; audioStartMs: number; onsetMs: number }
  | { type: 'speech_stopped'; audioEndMs: number; lastVoicedMs: number }

/** Consecutive loud audio needed before speech counts, so a click does not start a turn. */
export const MIN_SPEECH_MS = 30
/** While speaking, quieter audio (-6 dB) still counts as voice, so word tails do not end turns. */
const HOLD_RATIO = 0.5

/**
 * Maps the 0–1 threshold to an RMS level (full scale = 1): 0 → -70 dBFS, 0.5 → -40 dBFS,
 * 1 → -10 dBFS. A linear dB scale keeps the knob's meaning (higher = louder).
 */
export function thresholdToRms(threshold: number): number {
  const dbfs = -70 + 60 * Math.min(1, Math.max(0, threshold))
  return 10 ** (dbfs / 20)
}

/** RMS of 16-bit samples, full scale = 1. */
export function frameRms(samples: Int16Array): number {
  if (samples.length === 0) return 0
  let sum = 0
  for (const sample of samples) sum += sample * sample
  return Math.sqrt(sum / samples.length) / 32768
}

export class EnergyVad {
  private readonly onLevel: number
  private readonly holdLevel: number
  private samplesSeen = 0
  private speaking = false
  private loudRunStart: number | null = null
  private lastVoicedEnd = 0

  /** `samplesBefore`: audio already received, so times stay relative to the session start. */
  constructor(
    private readonly settings: VadSettings,
    private readonly sampleRate: number,
    samplesBefore = 0
  ) {
    this.samplesSeen = samplesBefore
    this.onLevel = thresholdToRms(settings.threshold)
    this.holdLevel = this.onLevel * HOLD_RATIO
  }

  /** Milliseconds of audio pushed so far. */
  get audioMs(): number {
    return this.toMs(this.samplesSeen)
  }

  get isSpeaking(): boolean {
    return this.speaking
  }

  /** Feeds one frame (any length, mono); returns the events it completes. */
  push(samples: Int16Array): VadEvent[] {
    const start = this.samplesSeen
    this.samplesSeen += samples.length
    const rms = frameRms(samples)
    return this.speaking ? this.whileSpeaking(rms) : this.whileIdle(rms, start)
  }

  /** Forgets the current turn (`input_audio_buffer.clear`); the audio clock keeps running. */
  reset(): void {
    this.speaking = false
    this.loudRunStart = null
  }

  private whileIdle(rms: number, frameStart: number): VadEvent[] {
    if (rms < this.onLevel) {
      this.loudRunStart = null
      return []
    }
    this.loudRunStart ??= frameStart
    if (this.samplesSeen - this.loudRunStart < this.toSamples(MIN_SPEECH_MS)) return []
    this.speaking = true
    this.lastVoicedEnd = this.samplesSeen
    const onsetMs = this.toMs(this.loudRunStart)
    this.loudRunStart = null
    return [
      {
        type: 'speech_started',
        onsetMs,
        audioStartMs: Math.max(0, onsetMs - this.settings.prefixPaddingMs)
      }
    ]
  }

  private whileSpeaking(rms: number): VadEvent[] {
    if (rms >= this.holdLevel) {
      this.lastVoicedEnd = this.samplesSeen
      return []
    }
    const silentMs = this.toMs(this.samplesSeen - this.lastVoicedEnd)
    if (silentMs < this.settings.silenceDurationMs) return []
    this.speaking = false
    return [
      {
        type: 'speech_stopped',
        lastVoicedMs: this.toMs(this.lastVoicedEnd),
        audioEndMs: this.toMs(this.samplesSeen)
      }
    ]
  }

  private toMs(samples: number): number {
    return Math.round((samples * 1000) / this.sampleRate)
  }

  private toSamples(ms: number): number {
    return Math.round((ms * this.sampleRate) / 1000)
  }
}
