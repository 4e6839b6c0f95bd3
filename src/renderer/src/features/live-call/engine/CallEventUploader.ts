import type { VoiceEngine } from '@shared/live-call/voiceEngine'
import type { TFunction } from 'i18next'
import type { CallInput } from '@shared/live-call/callEvents'
import type { PriceTable } from '@shared/live-call/callConfig'
import { utf8ByteLength } from '@shared/live-call/utf8ByteLength'
import { recordAtOnce } from '@shared/live-call/recordAtOnce'
import type { Input, Output } from '@shared/ipc/contract'
import { IpcError, request } from '@renderer/app/ipc'
import { i18next } from '@renderer/i18n'

const FLUSH_MS = 500
/** The route's limits: 500 events and 256 KB of UTF-8 JSON per batch (kept well under). */
const MAX_BATCH = 500
const MAX_BATCH_BYTES = 192 * 1024
/** A failed append is tried again after these delays (doubling), its batch kept, in order. */
const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 4000
/**
 * When the screen says the recording is behind: appends failing for this long, or this many
 * inputs waiting (about two and a half minutes of a call). A retry that works before either
 * says nothing: the inputs were only late, never at risk.
 */
const AT_RISK_AFTER_MS = 5000
const AT_RISK_BACKLOG = 2000
/** At hang-up, retrying stops after this long: what could not be sent is lost, and said so. */
const FINISH_GIVE_UP_MS = 15_000

/**
 * How recording stands; `unavailable` when main has no recording routes (an older main);
 * `delayed` while inputs are at risk (appends failing for a while, or a long backlog), still
 * retried, and back to `recording` once caught up.
 */
export type RecordingStatus =
  'idle' | 'recording' | 'delayed' | 'saving' | 'finished' | 'unavailable' | 'failed'
export type RecordedSession = Output<'recording.finish'>

export interface RecordingMeta {
  provider: string
  model: string
  /** Epoch ms. */
  startedAt: number
  callId?: string
  pricing?: PriceTable
  engine?: VoiceEngine
}

/**
 * Uploads every call input to main's recording (`recording.append`) in batches every ~500 ms,
 * so a crash loses under a second; `finish` flushes the rest and has main write the session
 * row. Main's CallRecorder stores them; this side only queues and sends. A failed append is
 * retried with backoff (the same batch, so order holds); one main refuses outright (invalid,
 * unknown route) stops the recording, as a retry could not change the answer.
 */
export class CallEventUploader {
  private queue: CallInput[] = []
  private sessionId: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private chain: Promise<void> = Promise.resolve()
  private begun: Promise<void> | null = null
  private sending = false
  /** When the appends started failing (null: the last one went through). */
  private failingSince: number | null = null
  private giveUpAt = Infinity
  status: RecordingStatus = 'idle'

  /** `t` defaults to the UI language at the moment each message is made. */
  constructor(
    private readonly onStatus: (status: RecordingStatus, message: string | null) => void,
    private readonly t: TFunction<'liveCall'> = i18next.getFixedT(null, 'liveCall'),
    private readonly now: () => number = Date.now
  ) {}

  /** The call's session id once main named it (null before, or when begin failed). */
  get session(): string | null {
    return this.sessionId
  }

  add(input: CallInput): void {
    if (this.status !== 'idle' && !this.sendable()) return
    this.queue.push(input)
    if (this.queue.length > AT_RISK_BACKLOG) this.checkRisk()
    // Events that can complete a rule's evidence go to main at once, not on the next tick.
    if (this.sendable() && recordAtOnce(input.event.type)) void this.flush()
  }

  begin(meta: RecordingMeta): Promise<void> {
    this.begun = this.open(meta)
    return this.begun
  }

  /** Serialised, so batches reach main in order even when one is slow or being retried. */
  flush(): Promise<void> {
    // A send under way takes whatever is queued meanwhile too.
    if (this.sending) return this.chain
    this.sending = true
    this.chain = this.chain.then(() => this.sendBatches()).finally(() => (this.sending = false))
    return this.chain
  }

  async finish(endedAt: number): Promise<RecordedSession | null> {
    // A call that fails right after starting may end while begin is still on its way.
    await this.begun
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.sessionId === null || !this.sendable()) return null
    this.giveUpAt = this.now() + FINISH_GIVE_UP_MS
    await this.flush()
    // Inputs could not all be sent: what main has is still saved, and the screen keeps saying
    // the recording stopped rather than showing it as complete.
    const lost = this.status === 'failed'
    // Main writes the session after labelling it (a model round trip when a key is set).
    if (!lost) this.set('saving', this.t('recording.saving'))
    try {
      const session = await request('recording.finish', { sessionId: this.sessionId, endedAt })
      if (!lost)
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
    let retryMs = RETRY_FIRST_MS
    while (this.sessionId !== null && this.queue.length > 0 && this.sendable()) {
      const events = nextBatch(this.queue)
      try {
        // CallEvent's interfaces have no index signature; the route checks `type` and keeps the rest.
        const batch = events as Input<'recording.append'>['events']
        await request('recording.append', { sessionId: this.sessionId, events: batch })
      } catch (error) {
        if (!retryable(error) || this.now() >= this.giveUpAt) {
          this.set('failed', this.t('recording.stopped', { detail: messageOf(error) }))
          return
        }
        this.failingSince ??= this.now()
        this.checkRisk()
        await new Promise((resolve) => setTimeout(resolve, retryMs))
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
        continue
      }
      this.failingSince = null
      retryMs = RETRY_FIRST_MS
      this.queue = this.queue.slice(events.length)
      this.checkRisk()
    }
  }

  /** `delayed` while inputs are at risk, with how many wait; cleared once caught up. */
  private checkRisk(): void {
    const failingMs = this.failingSince === null ? 0 : this.now() - this.failingSince
    const atRisk = failingMs >= AT_RISK_AFTER_MS || this.queue.length > AT_RISK_BACKLOG
    if (atRisk && this.sendable())
      this.set('delayed', this.t('recording.delayed', { count: this.queue.length }))
    else if (this.status === 'delayed' && this.failingSince === null && this.caughtUp())
      this.set('recording', null)
  }

  private caughtUp(): boolean {
    return this.queue.length <= MAX_BATCH
  }

  private sendable(): boolean {
    return this.status === 'recording' || this.status === 'delayed'
  }

  private set(status: RecordingStatus, message: string | null): void {
    this.status = status
    this.onStatus(status, message)
  }
}

/** The oldest inputs that fit one batch (at least one, so a large event still goes alone). */
function nextBatch(queue: readonly CallInput[]): CallInput[] {
  let bytes = 0
  let n = 0
  while (n < queue.length && n < MAX_BATCH) {
    bytes += utf8ByteLength(JSON.stringify(queue[n])) + 1
    if (n > 0 && bytes > MAX_BATCH_BYTES) break
    n++
  }
  return queue.slice(0, n)
}

/**
 * Worth another try: a failure in main or on the way there. Main's refusals (invalid input, an
 * unknown route, a foreign sender) give the same answer every time.
 */
const retryable = (error: unknown): boolean =>
  !(error instanceof IpcError) || error.code === 'failed'

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
