import type { TFunction } from 'i18next'
import type { CallInput } from '@shared/live-call/callEvents'
import type { PriceTable } from '@shared/live-call/callConfig'
import type { Input, Output } from '@shared/ipc/contract'
import { IpcError, request } from '@renderer/app/ipc'
import { i18next } from '@renderer/i18n'

const FLUSH_MS = 500
const SENT_AT_ONCE: ReadonlySet<string> = new Set([
  'conversation.item.input_audio_transcription.completed',
  'input_audio_buffer.speech_stopped',
  'output_audio_buffer.cleared',
  'response.done'
])
/** The route's limits: 500 events and 256 KB of JSON per batch (kept well under). */
const MAX_BATCH = 500
const MAX_BATCH_CHARS = 192 * 1024

/** How recording stands; `unavailable` when main has no recording routes (an older main). */
export type RecordingStatus =
  'idle' | 'recording' | 'saving' | 'finished' | 'unavailable' | 'failed'
export type RecordedSession = Output<'recording.finish'>

export interface RecordingMeta {
  provider: string
  model: string
  /** Epoch ms. */
  startedAt: number
  callId?: string
  pricing?: PriceTable
}

/**
 * Uploads every call input to main's recording (`recording.append`) in batches every ~500 ms,
 * so a crash loses under a second; `finish` flushes the rest and has main write the session
 * row. Main's CallRecorder stores them; this side only queues and sends.
 */
export class CallEventUploader {
  private queue: CallInput[] = []
  private sessionId: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private chain: Promise<void> = Promise.resolve()
  private begun: Promise<void> | null = null
  status: RecordingStatus = 'idle'

  /** `t` defaults to the UI language at the moment each message is made. */
  constructor(
    private readonly onStatus: (status: RecordingStatus, message: string | null) => void,
    private readonly t: TFunction<'liveCall'> = i18next.getFixedT(null, 'liveCall')
  ) {}

  add(input: CallInput): void {
    if (this.status !== 'idle' && this.status !== 'recording') return
    this.queue.push(input)
    // Events that can complete a rule's evidence go to main at once, not on the next tick:
    // the live alert banner has a 1 s budget and the batch interval alone is 500 ms.
    if (this.status === 'recording' && SENT_AT_ONCE.has(input.event.type)) void this.flush()
  }

  begin(meta: RecordingMeta): Promise<void> {
    this.begun = this.open(meta)
    return this.begun
  }

  /** Serialised, so batches reach main in order even when one is slow. */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.sendBatches())
    return this.chain
  }

  async finish(endedAt: number): Promise<RecordedSession | null> {
    // A call that fails right after starting may end while begin is still on its way.
    await this.begun
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.sessionId === null || this.status !== 'recording') return null
    await this.flush()
    // Main writes the session after labelling it (a model round trip when a key is set).
    this.set('saving', this.t('recording.saving'))
    try {
      const session = await request('recording.finish', { sessionId: this.sessionId, endedAt })
      this.set('finished', this.t('recording.finished', { sessionId: session.session_id }))
      return session
    } catch (error) {
      this.set('failed', this.t('recording.finishFailed', { detail: messageOf(error) }))
      return null
    }
  }

  private async open(meta: RecordingMeta): Promise<void> {
    try {
      this.sessionId = (await request('recording.begin', meta)).sessionId
    } catch (error) {
      const unavailable = error instanceof IpcError && error.code === 'unknown_route'
      this.queue = []
      return this.set(
        unavailable ? 'unavailable' : 'failed',
        unavailable
          ? this.t('recording.unavailable')
          : this.t('recording.beginFailed', { detail: messageOf(error) })
      )
    }
    this.set('recording', null)
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
  }

  private async sendBatches(): Promise<void> {
    while (this.sessionId !== null && this.queue.length > 0 && this.status === 'recording') {
      const events = nextBatch(this.queue)
      try {
        // CallEvent's interfaces have no index signature; the route checks `type` and keeps the rest.
        const batch = events as Input<'recording.append'>['events']
        await request('recording.append', { sessionId: this.sessionId, events: batch })
      } catch (error) {
        this.set('failed', this.t('recording.stopped', { detail: messageOf(error) }))
        return
      }
      this.queue = this.queue.slice(events.length)
    }
  }

  private set(status: RecordingStatus, message: string | null): void {
    this.status = status
    this.onStatus(status, message)
  }
}

/** The oldest inputs that fit one batch (at least one, so a large event still goes alone). */
function nextBatch(queue: readonly CallInput[]): CallInput[] {
  let chars = 0
  let n = 0
  while (n < queue.length && n < MAX_BATCH) {
    chars += JSON.stringify(queue[n]).length + 1
    if (n > 0 && chars > MAX_BATCH_CHARS) break
    n++
  }
  return queue.slice(0, n)
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
