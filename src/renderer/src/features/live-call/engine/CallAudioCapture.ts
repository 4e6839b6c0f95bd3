import { AUDIO_CHUNK_MS } from '@shared/live-call/callAudio'

/** One piece of the call's audio as MediaRecorder cut it (about AUDIO_CHUNK_MS long). */
export interface CapturedAudio {
  seq: number
  mimeType: string
  /** performance.now() when the recording began: the clock of the call's events. */
  startT: number
  /** Audio recorded up to the end of this piece, ms since it began. */
  endMs: number
  /** The encoded bytes (a Blob from MediaRecorder). */
  data: Pick<Blob, 'arrayBuffer'>
}

/** Opus compresses speech to ~32 kbit/s with no audible loss on a call; WebM first (Chromium). */
const MIME_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm']
const BITS_PER_SECOND = 32_000

/**
 * Both sides of a call in one recording: the microphone and the agent's remote track are mixed
 * in Web Audio into a MediaStreamAudioDestinationNode, which MediaRecorder encodes and hands
 * over about every second (so a crash loses at most the last one). Nothing is played out: the
 * mix goes to the recorder only (the agent plays through the call's <audio> element).
 */
export class CallAudioCapture {
  private readonly context = new AudioContext()
  private readonly mix = this.context.createMediaStreamDestination()
  private readonly sources: MediaStreamAudioSourceNode[] = []
  private readonly recorder: MediaRecorder
  private readonly stopped: Promise<void>
  private seq = 0
  private startT = 0

  constructor(
    private readonly onAudio: (audio: CapturedAudio) => void,
    private readonly now: () => number = () => performance.now()
  ) {
    const mimeType = MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type))
    this.recorder = new MediaRecorder(this.mix.stream, {
      ...(mimeType ? { mimeType } : {}),
      audioBitsPerSecond: BITS_PER_SECOND
    })
    this.recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return
      this.onAudio({
        seq: this.seq++,
        mimeType: event.data.type || this.recorder.mimeType || mimeType || 'audio/webm',
        startT: this.startT,
        endMs: Math.round(this.now() - this.startT),
        data: event.data
      })
    }
    this.stopped = new Promise((resolve) => this.recorder.addEventListener('stop', () => resolve()))
  }

  /** Starts recording (the Call button's click lets the context run). */
  async start(): Promise<void> {
    await this.context.resume()
    this.startT = this.now()
    this.recorder.start(AUDIO_CHUNK_MS)
  }

  /** Mixes a stream's audio in: the microphone, then the agent once its track arrives. */
  add(stream: MediaStream): void {
    if (stream.getAudioTracks().length === 0 || this.context.state === 'closed') return
    const source = this.context.createMediaStreamSource(stream)
    source.connect(this.mix)
    this.sources.push(source)
  }

  /** Ends the recording; resolves once its last piece was handed over. */
  async stop(): Promise<void> {
    if (this.recorder.state !== 'inactive') {
      this.recorder.stop()
      await this.stopped
    }
    await this.release()
  }

  private async release(): Promise<void> {
    for (const source of this.sources) source.disconnect()
    if (this.context.state !== 'closed') await this.context.close()
  }
}
