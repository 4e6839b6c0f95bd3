import { bytesToBase64 } from '@shared/live-call/bytesBase64'
import { IpcError, request } from '@renderer/app/ipc'
import type { CapturedAudio } from './CallAudioCapture'

/** A failed send is tried again after these delays (doubling), the piece kept, in order. */
const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 4000
/** Sends failing this long: the screen says the audio is not being saved yet. */
const DELAYED_AFTER_MS = 5000
/** At hang-up, retrying stops after this long: what main has is kept, the rest is lost. */
const FINISH_GIVE_UP_MS = 10_000

/**
 * recording: pieces reach main as they come; delayed: sends have failed for a while (still
 * retried); failed: main refused a piece, or hang-up gave up on some; done: all stored.
 */
export type AudioUploadStatus = 'recording' | 'delayed' | 'failed' | 'done'

/**
 * Sends a call's audio to main piece by piece (`recording.appendAudio`), in order, each as soon
 * as it is cut, once the call's session id is known. Main stores each (session, seq) once, so a
 * piece sent again after a failure that was in fact stored changes nothing.
 */
export class CallAudioUploader {
  private queue: CapturedAudio[] = []
  private session: Promise<string | null> | null = null
  private sessionId: string | null = null
  private sending: Promise<void> | null = null
  private failingSince: number | null = null
  private giveUpAt = Infinity
  status: AudioUploadStatus = 'recording'

  constructor(
    private readonly onStatus: (status: AudioUploadStatus) => void,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms))
  ) {}

  /** The call's session, as recording.begin names it (null: the call is not being recorded). */
  useSession(session: Promise<string | null>): void {
    this.session = session.then((id) => {
      this.sessionId = id
      if (id === null) this.set('failed')
      else void this.flush()
      return id
    })
  }

  add(audio: CapturedAudio): void {
    if (this.status === 'failed') return
    this.queue.push(audio)
    void this.flush()
  }

  /**
   * Sends what is left (giving up after 10 s of failures); resolves to how it ended. A call
   * that ended before it was named (it never connected) had nothing worth keeping.
   */
  async finish(): Promise<AudioUploadStatus> {
    if (this.session === null) {
      this.queue = []
      this.set('done')
      return this.status
    }
    await this.session
    this.giveUpAt = this.now() + FINISH_GIVE_UP_MS
    await this.flush()
    if (this.sessionId !== null && this.status !== 'failed') this.set('done')
    return this.status
  }

  /** One send loop at a time, so pieces reach main in the order they were cut. */
  private flush(): Promise<void> {
    this.sending ??= this.send().finally(() => (this.sending = null))
    return this.sending
  }

  private async send(): Promise<void> {
    let retryMs = RETRY_FIRST_MS
    while (this.sessionId !== null && this.queue.length > 0 && this.status !== 'failed') {
      const audio = this.queue[0]!
      try {
        const data = bytesToBase64(new Uint8Array(await audio.data.arrayBuffer()))
        await request('recording.appendAudio', {
          sessionId: this.sessionId,
          seq: audio.seq,
          mimeType: audio.mimeType,
          startT: audio.startT,
          endMs: audio.endMs,
          data
        })
      } catch (error) {
        if (!retryable(error) || this.now() >= this.giveUpAt) return this.set('failed')
        this.failingSince ??= this.now()
        if (this.now() - this.failingSince >= DELAYED_AFTER_MS) this.set('delayed')
        await this.wait(retryMs)
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
        continue
      }
      this.queue.shift()
      this.failingSince = null
      retryMs = RETRY_FIRST_MS
      if (this.status === 'delayed') this.set('recording')
    }
  }

  private set(status: AudioUploadStatus): void {
    if (status === this.status) return
    this.status = status
    this.onStatus(status)
  }
}

/** Worth another try: a failure in main or on the way; a refusal of the input is final. */
const retryable = (error: unknown): boolean =>
  !(error instanceof IpcError) || error.code === 'failed'
