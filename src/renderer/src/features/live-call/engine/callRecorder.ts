import type { CallInput } from '@shared/live-call/callEvents'
import type { PriceTable } from '@shared/live-call/callConfig'
import type { Input, Output } from '@shared/ipc/contract'
import { IpcError, request } from '@renderer/app/ipc'

const FLUSH_MS = 500
/** The route's limits: 500 events and 256 KB of JSON per batch (kept well under). */
const MAX_BATCH = 500
const MAX_BATCH_CHARS = 192 * 1024

/** How recording stands; `unavailable` when main has no recording routes (an older main). */
export type RecordingStatus = 'idle' | 'recording' | 'finished' | 'unavailable' | 'failed'
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
 * Appends every call input to the session database in batches every ~500 ms, so a crash loses
 * under a second; `finish` flushes the rest and has main write the session row.
 */
export class CallRecorder {
  private queue: CallInput[] = []
  private sessionId: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private chain: Promise<void> = Promise.resolve()
  private begun: Promise<void> | null = null
  status: RecordingStatus = 'idle'

  constructor(
    private readonly onStatus: (status: RecordingStatus, message: string | null) => void
  ) {}

  add(input: CallInput): void {
    if (this.status === 'idle' || this.status === 'recording') this.queue.push(input)
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
    try {
      const session = await request('recording.finish', { sessionId: this.sessionId, endedAt })
      this.set('finished', `Recorded as session ${session.session_id}.`)
      return session
    } catch (error) {
      this.set('failed', `The session could not be finished: ${messageOf(error)}`)
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
          ? 'This version does not record calls.'
          : `Recording failed: ${messageOf(error)}`
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
        this.set('failed', `Recording stopped: ${messageOf(error)}`)
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
