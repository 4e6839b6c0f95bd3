import {
  DatabaseBusyError,
  type NewAlert,
  type NewAudioChunk,
  type NewCall,
  type NewEvent,
  type SessionDatabase,
  type TransactionScope,
  type WriteOutbox
} from '../database/SessionDatabase'
import { isConnectionLost } from '../database/postgres/isConnectionLost'

/** A live call's write, as the outbox keeps it until the session database takes it. */
export type LiveWrite =
  | { kind: 'begin'; call: NewCall }
  | { kind: 'events'; sessionId: string; rows: NewEvent[] }
  /** Without `alertId`: raised while the team database was away, numbered when it goes in. */
  | { kind: 'alert'; alert: NewAlert & { alertId?: number } }
  /** A chunk of the call's recorded audio, its bytes as base64 (the outbox keeps text). */
  | { kind: 'audio'; chunk: Omit<NewAudioChunk, 'bytes'> & { data: string } }

/** Outbox entries per drain transaction: short, so main's thread is never held for long. */
const DRAIN_BATCH = 50
/** Retry delays while another connection holds the write lock (each try costs microseconds). */
const RETRY_FIRST_MS = 20
const RETRY_MAX_MS = 200
/** After an error that is not the lock: the entry stays, and is tried again this much later. */
const RETRY_AFTER_ERROR_MS = 5000
/** whenWritable's wait between tries while an import holds the lock. */
const WRITABLE_RETRY_MS = 250
/** Retry delays while the team database is unreachable (each try is a connection attempt). */
const OFFLINE_FIRST_MS = 250
const OFFLINE_MAX_MS = 5000
/** whenWritable's wait between tries while the team database is unreachable. */
const WRITABLE_OFFLINE_RETRY_MS = 1000

/**
 * A write that may go through later, unchanged: the lock is taken (an import), or the team
 * database (PostgreSQL) cannot be reached. Anything else is the write's own failure.
 */
function isTransient(error: unknown): boolean {
  return error instanceof DatabaseBusyError || isConnectionLost(error)
}

/**
 * Live calls always win: their writes (a call's row, its events, the alerts the rules raise)
 * never wait on another connection's write lock. Each is tried at once without waiting
 * (`transactionNow`); when the lock is taken (an import), or anything is already queued, it goes
 * to the outbox instead (a file of its own, so its own lock), in order, and a drainer moves the
 * queue into the session database in short transactions as soon as the lock is free.
 *
 * The drain is idempotent: each transaction records the last outbox id it applied
 * (`meta['recording_outbox:<generation>']`) together with the rows, so a crash between that
 * commit and the outbox's delete skips those entries next time instead of writing them twice.
 * A queued alert takes its id up front (`alerts.reserveId`: on SQLite main is the only writer;
 * on PostgreSQL the id is taken from the team's sequence, so no other desk's alert gets it), so
 * the rules can announce it at once. Without an outbox (`null`), writes wait on the lock as plain
 * transactions do.
 *
 * The team database (PostgreSQL) going away is treated as the lock: a write that meets a lost
 * connection goes to the outbox, and the drainer tries again with a growing delay (up to 5 s)
 * until the server is back. A write whose connection dropped around its COMMIT may have been
 * committed: the drain's marker, committed with the rows, is what makes the retry skip it.
 * An alert raised while the server is away cannot take an id (the ids are the team's sequence):
 * it is queued without one, numbered when it goes in, and announced then (`onDeferredAlert`).
 *
 * Live writes are tried one after another (`serial`): each decides between the database and
 * the outbox only once the one before it has been stored or queued, so a write can never reach
 * the database ahead of an earlier one that went to the outbox.
 */
export class LiveWrites {
  private queued: number
  /** The lowest id a queued alert may take (ids of alerts already queued stay reserved). */
  private nextAlertId = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private retryMs = RETRY_FIRST_MS
  private offlineMs = OFFLINE_FIRST_MS
  /** The last drain met a lost connection (reset by the next drain that succeeds). */
  private offline = false
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = []
  /** Waiters that give up when a drain finds the team database away (an action, not a hang-up). */
  private awayWaiters: ((error: unknown) => void)[] = []
  private lastError: string | null = null
  private readonly marker: string
  /** The last live write tried; the next waits for it (never rejects). */
  private last: Promise<unknown> = Promise.resolve()
  private draining: Promise<'more' | 'empty'> | null = null
  private deferredListener: ((alertId: number) => void) | null = null
  private reachableListener: (() => void) | null = null
  /** Away since the last time the listener was told it is back. */
  private backPending = false

  constructor(
    private readonly database: SessionDatabase,
    private readonly outbox: WriteOutbox | null,
    private readonly log: (message: string, error: unknown) => void = console.error
  ) {
    this.marker = `recording_outbox:${outbox?.generation ?? ''}`
    this.queued = outbox?.count() ?? 0
    if (this.queued > 0) this.reserveQueuedAlertIds()
  }

  /** Writes waiting in the outbox. */
  get backlog(): number {
    return this.queued
  }

  /** Whether the last drain found the team database unreachable (until a drain succeeds). */
  get unreachable(): boolean {
    return this.offline
  }

  /** A call's row; false only when the database already has that session id. */
  begin(call: NewCall): Promise<boolean> {
    return this.serial(async () => {
      const now = await this.tryNow((tx) => tx.calls.insertIfNew(call))
      if (now !== QUEUE) return now
      this.enqueue({ kind: 'begin', call })
      return true
    })
  }

  /** Appends after the call's last event (stored, or queued). */
  events(sessionId: string, rows: NewEvent[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve()
    return this.serial(async () => {
      const now = await this.tryNow((tx) => tx.events.append(sessionId, rows))
      if (now === QUEUE) this.enqueue({ kind: 'events', sessionId, rows })
    })
  }

  /**
   * Stores a chunk of the call's audio, or queues it (kept through a crash, stored once the
   * lock is free or the team database is back). False: that chunk was already stored.
   */
  audio(chunk: NewAudioChunk): Promise<boolean> {
    return this.serial(async () => {
      const now = await this.tryNow((tx) => tx.callAudio.append(chunk))
      if (now !== QUEUE) return now
      const { bytes, ...rest } = chunk
      this.enqueue({
        kind: 'audio',
        chunk: { ...rest, data: Buffer.from(bytes).toString('base64') }
      })
      return true
    })
  }

  /**
   * Stores a raised alert; returns its id, whether it is stored yet or queued. Null: the team
   * database is away, so no id can be taken from its sequence; the alert is queued without one,
   * and `onDeferredAlert` hears its id once the drain has stored it.
   */
  alert(alert: NewAlert): Promise<number | null> {
    return this.serial(async () => {
      const now = await this.tryNow((tx) => tx.alerts.insert(alert))
      if (now !== QUEUE) return now
      let reserved: number
      try {
        reserved = await this.database.alerts.reserveId()
      } catch (error) {
        if (!isConnectionLost(error)) throw error
        this.enqueue({ kind: 'alert', alert })
        return null
      }
      const alertId = Math.max(reserved, this.nextAlertId)
      this.nextAlertId = alertId + 1
      this.enqueue({ kind: 'alert', alert: { ...alert, alertId } })
      return alertId
    })
  }

  /**
   * The team database was found away before any write met it (a desk started while the server
   * was down): said as unreachable at once, and probed with the queue's growing delay.
   */
  markUnreachable(error: unknown): void {
    this.wentOffline(error)
    this.schedule(this.offlineMs)
  }

  /** Told each time the team database is back after being away, once the queue is delivered. */
  onReachable(listener: () => void): void {
    this.reachableListener = listener
  }

  /** Told the id of each alert queued without one, once the drain has committed it. */
  onDeferredAlert(listener: (alertId: number) => void): void {
    this.deferredListener = listener
  }

  /**
   * Resolves once everything queued so far is in the session database (waiting, without
   * blocking, while an import holds the lock); rejects when a queued write fails otherwise.
   */
  settled(): Promise<void> {
    if (this.queued === 0) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      this.schedule(0)
    })
  }

  /**
   * As settled(), but rejects with the lost connection as soon as a drain finds the team database
   * away. A queue waiting for it is tried again at once: the server may be back already.
   */
  private settledUnlessAway(): Promise<void> {
    if (this.queued === 0) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      this.awayWaiters.push(reject)
      this.schedule(0)
    })
  }

  /**
   * For work that needs the queued writes stored and then writes itself (a hang-up, an action on
   * an alert): waits for the queue, runs `attempt`, and while another connection holds the lock
   * (`attempt` throws DatabaseBusyError) waits and goes again, without blocking main's thread.
   * While the team database is away, `wait` goes again every second until it is back; `fail`
   * rejects with the lost connection at once, so a person's action is refused, not left hanging.
   */
  async whenWritable<T>(
    attempt: () => T | Promise<T>,
    /** While the team database is away: wait for it (a hang-up), or fail at once (an action). */
    whileAway: 'wait' | 'fail' = 'wait'
  ): Promise<T> {
    for (;;) {
      await (whileAway === 'fail' ? this.settledUnlessAway() : this.settled())
      try {
        return await attempt()
      } catch (error) {
        if (!isTransient(error)) throw error
        if (whileAway === 'fail' && isConnectionLost(error)) throw error
        // The team database away: a hang-up or an action waits for it, as for an import's lock.
        const wait =
          error instanceof DatabaseBusyError ? WRITABLE_RETRY_MS : WRITABLE_OFFLINE_RETRY_MS
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }

  /**
   * Drains on this thread until the outbox is empty (true) or the lock is taken (false): at
   * start-up, before crashed calls are finalized from their events.
   */
  async drainNow(): Promise<boolean> {
    try {
      while ((await this.drainBatch()) === 'more');
      return this.queued === 0
    } catch (error) {
      if (!isTransient(error)) this.report(error)
      if (isConnectionLost(error)) this.wentOffline(error)
      this.schedule(isConnectionLost(error) ? this.offlineMs : RETRY_MAX_MS)
      return false
    }
  }

  /** Stops the drainer (the queue stays in the outbox for the next start) and closes it. */
  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.outbox?.close()
  }

  /** Runs `write` once the live write before it is stored or queued. */
  private serial<T>(write: () => Promise<T>): Promise<T> {
    const result = this.last.then(write)
    this.last = result.catch(() => undefined)
    return result
  }

  /** The write's result, or QUEUE when it must go to the outbox. */
  private async tryNow<T>(write: (tx: TransactionScope) => Promise<T>): Promise<T | typeof QUEUE> {
    if (!this.outbox) return this.database.transaction(write)
    if (this.queued > 0) return QUEUE
    try {
      return await this.database.transactionNow(write)
    } catch (error) {
      if (isTransient(error)) return QUEUE
      throw error
    }
  }

  private enqueue(write: LiveWrite): void {
    this.outbox!.push(JSON.stringify(write))
    this.queued++
    this.schedule(this.retryMs)
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      if (delayMs > 0) return
      clearTimeout(this.timer)
    }
    this.timer = setTimeout(() => void this.run(), delayMs)
  }

  private async run(): Promise<void> {
    this.timer = null
    let outcome: 'more' | 'empty'
    try {
      outcome = await this.drainBatch()
    } catch (error) {
      if (error instanceof DatabaseBusyError) {
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
        this.schedule(this.retryMs)
      } else if (isConnectionLost(error)) {
        // Waiters keep waiting: the writes are safe in the outbox and go in once it is back.
        this.wentOffline(error)
        this.schedule(this.offlineMs)
        this.offlineMs = Math.min(this.offlineMs * 2, OFFLINE_MAX_MS)
      } else {
        this.report(error)
        for (const waiter of this.waiters.splice(0)) waiter.reject(error)
        this.awayWaiters = []
        this.schedule(RETRY_AFTER_ERROR_MS)
      }
      return
    }
    this.retryMs = RETRY_FIRST_MS
    this.offlineMs = OFFLINE_FIRST_MS
    this.offline = false
    this.lastError = null
    // Between batches other requests run: the next batch goes in a later turn of the loop.
    if (outcome === 'more') this.schedule(1)
    else {
      for (const waiter of this.waiters.splice(0)) waiter.resolve()
      this.awayWaiters = []
    }
    if (outcome === 'empty' && this.backPending) {
      this.backPending = false
      this.tellReachable()
    }
  }

  /** The batch being moved: a timer and drainNow share it rather than move it twice. */
  private drainBatch(): Promise<'more' | 'empty'> {
    this.draining ??= this.moveBatch().finally(() => (this.draining = null))
    return this.draining
  }

  /** Moves the oldest batch into the session database; rejects with DatabaseBusyError meanwhile. */
  private async moveBatch(): Promise<'more' | 'empty'> {
    const outbox = this.outbox
    if (!outbox) return 'empty'
    const entries = outbox.peek(DRAIN_BATCH)
    const last = entries.at(-1)
    if (!last) {
      // Nothing to deliver, but the team database was away: an empty transaction says if it is back.
      if (this.offline) await this.database.transactionNow(async () => undefined)
      this.queued = 0
      return 'empty'
    }
    const deferred: number[] = []
    await this.database.transactionNow(async (tx) => {
      deferred.length = 0
      const applied = Number((await tx.meta.get(this.marker)) ?? 0)
      for (const entry of entries) {
        if (entry.id <= applied) continue
        const numbered = await apply(tx, JSON.parse(entry.body) as LiveWrite)
        if (numbered !== null) deferred.push(numbered)
      }
      await tx.meta.set(this.marker, String(last.id))
    })
    outbox.removeThrough(last.id)
    this.queued = Math.max(0, this.queued - entries.length)
    for (const alertId of deferred) this.announceDeferred(alertId)
    return this.queued > 0 ? 'more' : 'empty'
  }

  /** After a restart with a queue: queued alerts keep the ids they were announced with. */
  private reserveQueuedAlertIds(): void {
    for (const { body } of this.outbox!.peek(this.queued)) {
      const write = JSON.parse(body) as LiveWrite
      if (write.kind === 'alert' && write.alert.alertId !== undefined)
        this.nextAlertId = Math.max(this.nextAlertId, write.alert.alertId + 1)
    }
  }

  private announceDeferred(alertId: number): void {
    try {
      this.deferredListener?.(alertId)
    } catch (error) {
      this.log('Recording outbox: announcing an alert stored late failed:', error)
    }
  }

  private tellReachable(): void {
    try {
      this.reachableListener?.()
    } catch (error) {
      this.log('Recording outbox: telling that the team database is back failed:', error)
    }
  }

  private wentOffline(error: unknown): void {
    if (!this.offline)
      this.log('Recording outbox: the team database is unreachable (writes kept, retried):', error)
    this.offline = true
    this.backPending = true
    for (const reject of this.awayWaiters.splice(0)) reject(error)
  }

  private report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    if (message === this.lastError) return // once per distinct failure, not every retry
    this.lastError = message
    this.log('Recording outbox: a queued write failed (kept, retried later):', error)
  }
}

const QUEUE = Symbol('queue')

/** Applies one queued write; returns the id an alert queued without one was given, else null. */
async function apply(tx: TransactionScope, write: LiveWrite): Promise<number | null> {
  switch (write.kind) {
    case 'begin':
      // False: the id was taken meanwhile; begin checked it was free, so only by this call.
      await tx.calls.insertIfNew(write.call)
      return null
    case 'events':
      await tx.events.append(write.sessionId, write.rows)
      return null
    case 'alert': {
      const alertId = await tx.alerts.insert(write.alert)
      return write.alert.alertId === undefined ? alertId : null
    }
    case 'audio': {
      const { data, ...chunk } = write.chunk
      // Stored once per (session, seq): a retried drain changes nothing.
      await tx.callAudio.append({ ...chunk, bytes: Buffer.from(data, 'base64') })
      return null
    }
  }
}
