import { FAILED_REASONS } from '../../shared/ipc/result'
import type { RecordedInput } from '../../shared/live-call/recordedCall'
import type { FollowedCall, FollowedCallChunk } from '../../shared/team/followedCall'
import type { TeamEvent } from '../../shared/team/teamEvents'
import type { CallsTable, EventsTable, NumberedEventRow } from '../database/SessionDatabase'
import type { TeamEventFeed } from './LiveCallsBoard'

/**
 * Recorded every few tens of milliseconds while the agent speaks and never read by the reducer:
 * left in the database (a followed call's catch-up would otherwise be mostly base64 audio).
 */
export const UNREAD_EVENT_TYPES: readonly string[] = [
  'response.output_audio.delta',
  'response.audio.delta',
  'input_audio_buffer.append'
]

/** Team events that mean "this call may have new stored inputs". */
const NEWS_OF_A_CALL: ReadonlySet<TeamEvent['type']> = new Set([
  'call.recorded',
  'call.progress',
  'call.ended'
])

export interface CallFollowersDeps {
  database: { events: Pick<EventsTable, 'since'>; calls: Pick<CallsTable, 'get'> }
  /** The team channel: `call.recorded` (and progress, end) say when to read on. */
  feed: TeamEventFeed
  /** Hands a chunk to the console windows (`team.callRecorded`). */
  emit: (chunk: FollowedCallChunk) => void
  log?: (line: string) => void
  /** Rows a read takes at most; a longer catch-up is sent in several chunks. */
  pageRows?: number
  /** Calls followed at once by this console; the oldest follow goes first beyond it. */
  maxFollows?: number
  /** After `call.ended` with the call's row still active: look again this much later (a few times). */
  endRecheckMs?: number
}

interface Follow {
  readonly followId: string
  readonly sessionId: string
  throughSeq: number
  /** Whether the call's row is read after the next read (has it ended without `call.ended`?). */
  checkRow: boolean
  /** The recorder announced the call's end (`call.ended` on the team channel). */
  endAnnounced: boolean
  reading: Promise<void> | null
  again: boolean
  recheck: NodeJS.Timeout | null
  rechecks: number
}

const END_RECHECKS = 5

/**
 * A console following team calls (team.followCall): a call's recorded inputs from its first,
 * then every batch once it is stored, as chunks to the windows. What starts a read is the team
 * channel: the recorder's `call.recorded` after each stored batch (`call.progress` too, from a
 * recorder that does not announce batches), one read at a time per call, from the last
 * sequence number sent: no polling. After the channel reconnects (NOTIFY keeps nothing) every
 * followed call is read again. A follow ends when its call has (its last chunk says so), when
 * the view lets go (`unfollow`), or when newer follows push it out.
 */
export class CallFollowers {
  private readonly follows = new Map<string, Follow>()
  private readonly unsubscribe: (() => void)[]
  private lastState: TeamEventFeed['state']
  private readonly log: (line: string) => void

  constructor(private readonly deps: CallFollowersDeps) {
    this.log = deps.log ?? console.warn
    this.lastState = deps.feed.state
    this.unsubscribe = [
      deps.feed.onEvent((event) => this.heard(event)),
      deps.feed.onState((state) => {
        const back = state === 'connected' && this.lastState === 'reconnecting'
        this.lastState = state
        if (back) for (const follow of this.follows.values()) this.read(follow, true)
      })
    ]
  }

  /**
   * Starts following: resolves with the call's row once its inputs so far have been sent
   * (rejects, following nothing, when it is not a recorded call or the database is away).
   */
  async follow(followId: string, sessionId: string): Promise<FollowedCall> {
    const row = await this.deps.database.calls.get(sessionId)
    if (!row) throw new Error(FAILED_REASONS.notARecordedCall)
    this.unfollow(followId)
    const follow: Follow = {
      followId,
      sessionId,
      throughSeq: -1,
      checkRow: true,
      endAnnounced: false,
      reading: null,
      again: false,
      recheck: null,
      rechecks: 0
    }
    this.follows.set(followId, follow)
    const max = this.deps.maxFollows ?? 8
    for (const oldest of this.follows.keys()) {
      if (this.follows.size <= max) break
      this.unfollow(oldest)
    }
    try {
      await this.read(follow, true)
    } catch (error) {
      this.unfollow(followId)
      throw error
    }
    return {
      sessionId,
      channel: row.channel,
      seat: row.seat,
      startedAtMs: row.started_at_ms,
      status: row.status
    }
  }

  /** Stops following (the view closed); false when it was not followed (or already ended). */
  unfollow(followId: string): boolean {
    const follow = this.follows.get(followId)
    if (!follow) return false
    if (follow.recheck) clearTimeout(follow.recheck)
    return this.follows.delete(followId)
  }

  /** How many follows are running (a closed view's follow must not linger). */
  get size(): number {
    return this.follows.size
  }

  close(): void {
    for (const off of this.unsubscribe) off()
    for (const followId of [...this.follows.keys()]) this.unfollow(followId)
  }

  private heard(event: TeamEvent): void {
    if (!NEWS_OF_A_CALL.has(event.type) || !('sessionId' in event)) return
    for (const follow of this.follows.values())
      if (follow.sessionId === event.sessionId) {
        if (event.type === 'call.ended') follow.endAnnounced = true
        // A read failing here is retried by the next announcement; one line says why.
        this.read(follow, event.type === 'call.ended').catch((error: unknown) =>
          this.log(`following call ${follow.sessionId}: read failed (${String(error)})`)
        )
      }
  }

  /** One read at a time per follow; news during a read makes it read once more after. */
  private read(follow: Follow, checkRow: boolean): Promise<void> {
    if (checkRow) follow.checkRow = true
    if (follow.reading) {
      follow.again = true
      return follow.reading
    }
    follow.reading = (async () => {
      try {
        do {
          follow.again = false
          await this.readOn(follow)
        } while (follow.again && this.follows.get(follow.followId) === follow)
      } finally {
        follow.reading = null
      }
    })()
    return follow.reading
  }

  /** Sends what was stored after the follow's last sequence number, a page at a time. */
  private async readOn(follow: Follow): Promise<void> {
    const { events, calls } = this.deps.database
    const pageRows = this.deps.pageRows ?? 2000
    let ended = false
    for (;;) {
      const rows = await events.since(
        follow.sessionId,
        follow.throughSeq,
        pageRows,
        UNREAD_EVENT_TYPES
      )
      if (rows.length === 0) break
      // The recorder's own end of the call: nothing is stored after it.
      ended = rows.some((row) => row.type === 'call.ended')
      const last = rows.length < pageRows || ended
      if (!this.send(follow, rows, ended && last)) return
      if (last) break
    }
    if (ended) return
    if (!follow.checkRow) return
    follow.checkRow = false
    const row = await calls.get(follow.sessionId)
    // Finalized without a recorded end (cut off, recovered): over all the same.
    if (row === null || row.status !== 'active') {
      this.send(follow, [], true)
      return
    }
    this.recheckLater(follow)
  }

  /**
   * The call's end was announced but its row still says active (its last batch and the
   * finalizing may still be on their way): looked at again a few times, not polled for ever.
   */
  private recheckLater(follow: Follow): void {
    if (!follow.endAnnounced || follow.rechecks >= END_RECHECKS || follow.recheck) return
    follow.rechecks += 1
    follow.recheck = setTimeout(() => {
      follow.recheck = null
      if (this.follows.get(follow.followId) !== follow) return
      this.read(follow, true).catch((error: unknown) =>
        this.log(`following call ${follow.sessionId}: read failed (${String(error)})`)
      )
    }, this.deps.endRecheckMs ?? 2_000)
    follow.recheck.unref()
  }

  /** False when the follow was let go meanwhile (nothing sent). */
  private send(follow: Follow, rows: readonly NumberedEventRow[], ended: boolean): boolean {
    if (this.follows.get(follow.followId) !== follow) return false
    const afterSeq = follow.throughSeq
    follow.throughSeq = rows.at(-1)?.seq ?? afterSeq
    this.deps.emit({
      followId: follow.followId,
      sessionId: follow.sessionId,
      afterSeq,
      throughSeq: follow.throughSeq,
      inputs: rows.map(inputOf),
      ended
    })
    if (ended) this.unfollow(follow.followId)
    return true
  }
}

function inputOf(row: NumberedEventRow): RecordedInput {
  return { t: row.atMs, event: JSON.parse(row.payload) as RecordedInput['event'] }
}
