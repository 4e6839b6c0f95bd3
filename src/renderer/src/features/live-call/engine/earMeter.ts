/** RMS above this (-40 dBFS) is audible: espeak and real voices read 0.03–0.3, silence ~0. */
export const NOISE_FLOOR = 0.01
/** Onset needs 2 frames above the floor (protocol doc §6); silence needs this long below it. */
const ONSET_FRAMES = 2
const SILENT_AFTER_MS = 300
const POLL_MS = 10
/** The caller's microphone: 30 ms of voice starts speech, 500 ms of quiet ends it (server VAD's defaults). */
const MIC_ONSET_FRAMES = 3
const MIC_SILENT_AFTER_MS = 500

export interface EarMeterCallbacks {
  /** First audible energy on the remote track, stamped with the page clock. */
  onAudible(t: number): void
  onSilent(t: number): void
  /**
   * The caller's voice on the microphone started, and ended: stamped when the quiet had lasted
   * long enough to say so, as Realtime's speech_stopped arrives, so latencies compare.
   */
  onMicSpeech?(t: number): void
  onMicSilent?(t: number): void
}

export interface Levels {
  mic: number
  remote: number
}

/**
 * Levels of the microphone and of the remote track through AnalyserNodes (not connected to the
 * destination: remote audio plays through the <audio> element only, for echo cancellation).
 * Polled by timer, not rAF, which throttles hidden windows.
 */
export class EarMeter {
  private readonly context = new AudioContext()
  private mic: AnalyserNode | null = null
  private remote: AnalyserNode | null = null
  private readonly buffer = new Float32Array(512)
  private timer: ReturnType<typeof setInterval> | null = null
  private above = 0
  private audible = false
  private quietSince: number | null = null
  private readonly micVoice = {
    above: 0,
    speaking: false,
    onsetT: 0,
    quietSince: null as number | null
  }
  readonly levels: Levels = { mic: 0, remote: 0 }

  constructor(private readonly callbacks: EarMeterCallbacks) {}

  async start(): Promise<void> {
    // Created during a click, but a suspended context reads silence: resume explicitly.
    await this.context.resume()
    this.timer = setInterval(() => this.poll(), POLL_MS)
  }

  setMic(stream: MediaStream): void {
    this.mic = this.tap(stream)
  }

  setRemote(stream: MediaStream): void {
    this.remote = this.tap(stream)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    void this.context.close().catch(() => undefined)
  }

  private tap(stream: MediaStream): AnalyserNode {
    const analyser = this.context.createAnalyser()
    analyser.fftSize = this.buffer.length
    this.context.createMediaStreamSource(stream).connect(analyser)
    return analyser
  }

  private rms(analyser: AnalyserNode | null): number {
    if (!analyser) return 0
    analyser.getFloatTimeDomainData(this.buffer)
    let sum = 0
    for (const v of this.buffer) sum += v * v
    return Math.sqrt(sum / this.buffer.length)
  }

  /** A small energy VAD on the microphone, for engines that report no caller speech events. */
  private pollMic(t: number): void {
    const v = this.micVoice
    if (this.levels.mic > NOISE_FLOOR) {
      if (v.above === 0) v.onsetT = t
      v.above++
      v.quietSince = null
      if (!v.speaking && v.above >= MIC_ONSET_FRAMES) {
        v.speaking = true
        this.callbacks.onMicSpeech?.(v.onsetT)
      }
      return
    }
    v.above = 0
    if (!v.speaking) return
    v.quietSince ??= t
    if (t - v.quietSince >= MIC_SILENT_AFTER_MS) {
      v.speaking = false
      this.callbacks.onMicSilent?.(t)
    }
  }

  private poll(): void {
    const t = performance.now()
    this.levels.mic = this.rms(this.mic)
    this.levels.remote = this.rms(this.remote)
    this.pollMic(t)
    if (this.levels.remote > NOISE_FLOOR) {
      this.above++
      this.quietSince = null
      if (!this.audible && this.above >= ONSET_FRAMES) {
        this.audible = true
        this.callbacks.onAudible(t)
      }
      return
    }
    this.above = 0
    if (!this.audible) return
    this.quietSince ??= t
    if (t - this.quietSince >= SILENT_AFTER_MS) {
      this.audible = false
      this.callbacks.onSilent(this.quietSince)
    }
  }
}
