import type { VoiceEngine } from '../../shared/live-call/voiceEngine'
import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { PriceTable } from '../../shared/live-call/callConfig'
import type { CallInput } from '../../shared/live-call/callEvents'
import type { CallChannel } from '../../shared/live-call/callChannel'
import type { StoredSession } from '../../shared/sessions/labSchema'
import { DatabaseBusyError, type CallRow, type SessionDatabase } from '../database/SessionDatabase'
import type { SentimentReader } from '../../shared/escalation/escalationState'
import type { CallAlert } from '../../shared/escalation/callAlert'
import type { CallLabellingInfo, CallStatus, TurnRow } from '../../shared/live-call/recordedCall'
import type { CallFailure, SettledCallStatus } from '../../shared/live-call/recordedCall'
import type { UnfinalizedCall } from '../../shared/live-call/recordedCall'
import { turnRows } from './turnRows'
import { callEscalated } from '../escalation/sessionEscalation'
import { LiveWrites } from './LiveWrites'
import { readCallAlerts } from './callAlerts'
import { eventDirection } from './eventDirection'
import { byModel, modelNameOf } from '../classify/labelledBy'
import { labelCall, type CallLabelling } from '../classify/callLabelling'
import type { LabellingChoice } from '../classify/labellingModel'
import { finalizeReplayedCall, recordedTranscript, replayRecorded } from './finalizeRecordedCall'
import type { CallFacts, FinalizedCall } from './finalizeRecordedCall'
import { isConnectionLost } from '../database/postgres/isConnectionLost'
import { liveSessionId } from './liveSessionId'

export interface BeginCall {
  provider: string
  model: string
  startedAt: number
  callId?: string
  pricing?: PriceTable
  /** How the call came in (default 'desk': the console's own). */
  channel?: CallChannel
  /** The voice API it runs on (default 'realtime'). */
  engine?: VoiceEngine
}

function labellingInfo(call: CallRow): CallLabellingInfo {
  if (call.labelled_by === null) return null
  const model = modelNameOf(call.labelled_by)
  return {
    by: model === null ? 'lexicon' : 'model',
    model,
    reason: call.labels_reason,
    error: call.labels_error
  }
}

export class RecordingError extends Error {}

/**
 * Live-call recording in the session database: begin names the session, append stores inputs
 * as they arrive (one transaction per batch: a crash loses at most the batch in flight), and
 * finish (or recovery after a crash) replays them into the session and turn rows. Each
 * method's writes go in one transaction (see src/main/database/README.md). A live
 * call's writes never wait on an import's lock: LiveWrites queues them and drains them in
 * order, and whatever reads a call's events settles that queue first.
 */
export class CallRecorder {
  /** Hang-ups being labelled: a retried finish waits for the first instead of writing twice. */
  private readonly finishing = new Map<string, Promise<StoredSession>>()
  /** Calls begun here and not yet finished → their sentiment reader (their row may be queued). */
  private readonly live = new Map<string, string>()

  constructor(
    private readonly database: SessionDatabase,
    private readonly detector: () => Promise<LanguageDetector>,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
    /** Who labels sentiment and scenario, read at each hang-up (Settings may change). */
    private readonly labelling: () => LabellingChoice = () => ({
      kind: 'lexicon',
      reason: 'chosen'
    }),
    /** Where a live call's writes go (absent: straight in, waiting on the lock like any write). */
    private readonly writes: LiveWrites = new LiveWrites(database, null),
    /** The desk's seat, stamped on each call's row (team mode; SQLite ignores it). */
    private readonly seat: () => string | null = () => null
  ) {}

  async begin(call: BeginCall): Promise<string> {
    // The live rules read sentiment with the labelling model for the whole call, if any.
    const choice = this.labelling()
    const reader = choice.kind === 'model' ? byModel(choice.model.model) : 'lexicon'
    // Two calls in the same second share the prefix: draw another suffix on a clash.
    let digits: 4 | 8 = 4
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = liveSessionId(call.startedAt, this.random, digits)
      // The row may only be queued: a taken id is one in either table, or a call begun here.
      if (this.live.has(id)) continue
      const taken = await this.takenInDatabase(id)
      if (taken === true) continue
      // The team database away: no asking it, so an id long enough not to need to.
      if (taken === 'unknown' && digits === 4) {
        digits = 8
        continue
      }
      // Claimed before the write's await: a call begun meanwhile draws another id.
      if (this.live.has(id)) continue
      this.live.set(id, reader)
      let begun = false
      try {
        begun = await this.writes.begin({
          sessionId: id,
          callId: call.callId ?? null,
          provider: call.provider,
          model: call.model,
          startedAtMs: call.startedAt,
          pricing: call.pricing ? JSON.stringify(call.pricing) : null,
          sentimentReader: reader,
          seat: this.seat(),
          channel: call.channel ?? 'desk',
          engine: call.engine ?? 'realtime'
        })
      } finally {
        if (!begun) this.live.delete(id)
      }
      if (begun) return id
    }
    throw new RecordingError('Could not find a free session id for this call')
  }

  async append(sessionId: string, inputs: readonly CallInput[]): Promise<number> {
    // A call begun here is known without a read (its row may still be queued).
    // One begun before a restart is read once; its reader is then known here too.
    if (!this.live.has(sessionId))
      this.live.set(sessionId, (await this.activeCall(sessionId)).sentiment_reader ?? 'lexicon')
    const rows = inputs.map(({ t, event }) => ({
      atMs: t,
      direction: eventDirection(event.type),
      type: event.type,
      payload: JSON.stringify(event)
    }))
    await this.writes.events(sessionId, rows)
    return inputs.length
  }

  /**
   * Who reads the call's caller sentiment for the live rules (fixed when it began), for a call
   * being recorded here: begun here, or appended to since this start (the rules run after it).
   */
  sentimentReaderOf(sessionId: string): SentimentReader {
    const reader = this.live.get(sessionId) ?? 'lexicon'
    return modelNameOf(reader) !== null ? 'model' : 'lexicon'
  }

  /** Whether `sessionId` is a recorded call: begun here (its row may be queued), or stored. */
  async isCall(sessionId: string): Promise<boolean> {
    return this.live.has(sessionId) || (await this.database.calls.get(sessionId)) !== null
  }

  /** Resolves once every queued live write is in the database (reads of a call wait on it). */
  settled(): Promise<void> {
    return this.writes.settled()
  }

  /** Whether a session or call has `id`; 'unknown' while the team database cannot be reached. */
  private async takenInDatabase(id: string): Promise<boolean | 'unknown'> {
    try {
      return (
        (await this.database.sessions.exists(id)) || (await this.database.calls.get(id)) !== null
      )
    } catch (error) {
      if (isConnectionLost(error)) return 'unknown'
      throw error
    }
  }

  /**
   * Hang-up. Finishing twice returns the stored row: a retried request does no harm. Waits
   * for the labelling model (bounded by its timeout); a crash meanwhile leaves the call active,
   * so the next start finalizes it from its events. `incomplete`: the call was cut off (a
   * gateway's call the API no longer had when its sideband was attached again), ended at its
   * last recorded input.
   */
  finish(
    sessionId: string,
    endedAt: number,
    status: SettledCallStatus = 'finished'
  ): Promise<StoredSession> {
    const pending = this.finishing.get(sessionId)
    if (pending) return pending
    const done = this.finishWhenWritable(sessionId, endedAt, status).finally(() =>
      this.finishing.delete(sessionId)
    )
    this.finishing.set(sessionId, done)
    return done
  }

  /**
   * The call's queued writes go in first (finish replays its events); while an import holds
   * the lock, the hang-up waits (asynchronously) and tries again rather than failing.
   */
  private finishWhenWritable(
    sessionId: string,
    endedAt: number,
    status: SettledCallStatus
  ): Promise<StoredSession> {
    return this.writes.whenWritable(async () => {
      const call = await this.call(sessionId)
      // A failed call has no session row of its own yet: finishing it again is another attempt.
      if (call.status !== 'active' && call.status !== 'failed') {
        this.live.delete(sessionId)
        return this.storedSession(sessionId)
      }
      const session = await this.finalize(call, status === 'incomplete' ? null : endedAt, status)
      this.live.delete(sessionId)
      return session
    })
  }

  /**
   * Calls begun but never finished (the app crashed or was closed mid-call): finalized from
   * their stored events, ended at their last event, and marked incomplete. Calls that failed
   * before are tried again: what stopped them (a clashing session id, a full disk) may be gone,
   * and one that failed at hang-up is then finished at its hang-up time. Each call has its own
   * try, so one that cannot be finalized stays marked 'failed' (with its error) and the others,
   * and start-up, go on. Run at start-up, before the renderer can begin a new call, or (the
   * team database away then) once it is back, skipping the calls this run has begun.
   * `cutOff` false (a call gateway): active calls are left alone, since they may still run at
   * the API and are taken over by their lease (docs/gateway.md "Leases"); failed ones are retried.
   */
  async recoverUnfinished({ cutOff = true } = {}): Promise<RecoveryOutcome> {
    const active = cutOff ? await this.database.calls.active(this.seat()) : []
    const pending: { call: CallRow; endedAt: number | null }[] = [
      // On the team database, this desk's calls only: another desk's are running, not cut off.
      ...active.map((call) => ({ call, endedAt: null })),
      ...(await failedCalls(this.database, this.seat()))
      // A call of this run is not cut off (recovery waits for a team database away at start-up,
      // so calls may have begun meanwhile): its hang-up finalizes it.
    ].filter(({ call }) => !this.live.has(call.session_id) && !this.finishing.has(call.session_id))
    // Offline labels: start-up must not wait on the network (the note says why).
    const offline = (): LabellingChoice => ({ kind: 'lexicon', reason: 'recovered' })
    const outcome: RecoveryOutcome = { finalized: [], failed: [] }
    for (const { call, endedAt } of pending) {
      try {
        await this.finalize(call, endedAt, endedAt === null ? 'incomplete' : 'finished', offline)
        outcome.finalized.push(call.session_id)
      } catch (error) {
        outcome.failed.push({ sessionId: call.session_id, error: messageOf(error) })
      }
    }
    return outcome
  }

  /**
   * Replays the call into its session and turn rows. If that fails (at hang-up or in recovery),
   * the call is marked 'failed' with the error before it is rethrown: its events stay as they
   * are, and the next start tries again.
   */
  private async finalize(
    call: CallRow,
    endedAt: number | null,
    status: SettledCallStatus,
    labelling: () => LabellingChoice = this.labelling
  ): Promise<StoredSession> {
    try {
      const inputs = await this.inputs(call.session_id)
      const facts = await this.facts(call, endedAt)
      const state = replayRecorded(inputs, facts)
      const labels = await labelCall(labelling(), recordedTranscript(state))
      const finalized = finalizeReplayedCall(state, facts, await this.detector(), labels.labels)
      await this.write(finalized, status, labels)
      return await this.storedSession(call.session_id)
    } catch (error) {
      // The lock being taken is not the call's fault: the hang-up retries once it is free.
      if (!(error instanceof DatabaseBusyError))
        await markFailed(this.database, call.session_id, endedAt, error, this.now)
      throw error
    }
  }

  /**
   * A call for its detail view. A failed call has no session row of its own (the row under its
   * id, if any, is what clashed with it), so it shows its turns as replayed from its events.
   */
  async get(sessionId: string): Promise<{
    session: StoredSession | null
    status: CallStatus
    events: number
    turns: TurnRow[]
    alerts: CallAlert[]
    labels: CallLabellingInfo
    failure: CallFailure | null
    engine: VoiceEngine
  }> {
    const call = await this.call(sessionId)
    const failed = call.status === 'failed'
    const settled = call.status === 'finished' || call.status === 'incomplete'
    return {
      session: settled ? await this.storedSession(sessionId) : null,
      status: call.status,
      events: await this.database.events.count(sessionId),
      turns: failed ? await this.replayedTurns(call) : await this.database.turns.list(sessionId),
      alerts: await readCallAlerts(this.database, sessionId),
      labels: labellingInfo(call),
      failure: failed ? ((await this.database.callFailures.get(sessionId))?.failure ?? null) : null,
      engine: call.engine
    }
  }

  /** Calls that could not be finalized, by session id (retried at each start). */
  unfinalized(): Promise<UnfinalizedCall[]> {
    return this.database.callFailures.list()
  }

  /** The turns a failed call's events replay to; none if they cannot be replayed either. */
  private async replayedTurns(call: CallRow): Promise<TurnRow[]> {
    try {
      return turnRows(
        replayRecorded(await this.inputs(call.session_id), await this.facts(call, null))
      )
    } catch {
      return []
    }
  }

  /** The stored inputs of a call, in order (the replay's source). */
  async recordedInputs(sessionId: string): Promise<CallInput[]> {
    await this.call(sessionId)
    return this.inputs(sessionId)
  }

  private async write(
    finalized: FinalizedCall,
    status: SettledCallStatus,
    labelling: CallLabelling
  ): Promise<void> {
    const { session } = finalized
    // A hang-up never waits on the lock (finish retries on DatabaseBusyError); recovery at
    // start-up, which nothing else is writing during, may.
    const transaction = this.finishing.has(session.session_id)
      ? this.database.transactionNow.bind(this.database)
      : this.database.transaction.bind(this.database)
    await transaction(async (tx) => {
      // Said plainly rather than as the driver's UNIQUE error: the user reads it in Sessions.
      const taken = await tx.sessions.get(session.session_id)
      if (taken)
        throw new RecordingError(
          `Session id ${session.session_id} is already taken by another session row ` +
            `(source: ${taken.source}), so this call's row cannot be written under it`
        )
      await tx.sessions.insertRecorded(session, new Date(this.now()).toISOString())
      await tx.turns.replace(session.session_id, finalized.turns)
      await tx.calls.settle(session.session_id, {
        status,
        endedAtMs: finalized.endedAtMs,
        countedTurns: finalized.countedTurns,
        finalizedAt: new Date(this.now()).toISOString(),
        labelledBy: labelling.labelledBy,
        labelsReason: labelling.reason,
        labelsError: labelling.error
      })
      // Finalized on a later attempt: the call no longer counts as failed.
      await tx.callFailures.clear(session.session_id)
    })
  }

  private async facts(call: CallRow, endedAt: number | null): Promise<CallFacts> {
    return {
      sessionId: call.session_id,
      model: call.model,
      startedAtMs: call.started_at_ms,
      endedAtMs: endedAt,
      pricing: call.pricing ? (JSON.parse(call.pricing) as PriceTable) : null,
      // Escalated during the call: the session row written now says so, however the call ended.
      escalated: await callEscalated(this.database, call.session_id)
    }
  }

  private async inputs(sessionId: string): Promise<CallInput[]> {
    return (await this.database.events.list(sessionId)).map((r) => ({
      t: r.atMs,
      event: JSON.parse(r.payload) as CallInput['event']
    }))
  }

  private async call(sessionId: string): Promise<CallRow> {
    const row = await this.database.calls.get(sessionId)
    if (!row) throw new RecordingError(`No recorded call ${sessionId}`)
    return row
  }

  private async activeCall(sessionId: string): Promise<CallRow> {
    const call = await this.call(sessionId)
    if (call.status !== 'active')
      throw new RecordingError(`Call ${sessionId} has ended: its recording is closed`)
    return call
  }

  private async storedSession(sessionId: string): Promise<StoredSession> {
    const row = await this.database.sessions.get(sessionId)
    if (!row) throw new RecordingError(`Session ${sessionId} has no row`)
    return row
  }
}

/** What start-up recovery did: calls finalized now, and calls still failing (marked, kept). */
export interface RecoveryOutcome {
  finalized: string[]
  failed: { sessionId: string; error: string }[]
}

/** Calls marked failed, each with its hang-up time if it failed at hang-up. */
async function failedCalls(
  database: SessionDatabase,
  seat: string | null
): Promise<{ call: CallRow; endedAt: number | null }[]> {
  const pending: { call: CallRow; endedAt: number | null }[] = []
  for (const failed of await database.callFailures.list(seat)) {
    const call = await database.calls.get(failed.sessionId)
    if (call) pending.push({ call, endedAt: failed.endedAtMs })
  }
  return pending
}

/**
 * Marks a call that could not be finalized. If even that write fails (the database is locked
 * or full), the call stays as it was, active or failed, and the next start tries it again.
 */
async function markFailed(
  database: SessionDatabase,
  sessionId: string,
  endedAt: number | null,
  error: unknown,
  now: () => number
): Promise<void> {
  try {
    await database.callFailures.mark(sessionId, {
      error: messageOf(error),
      failedAt: new Date(now()).toISOString(),
      endedAtMs: endedAt
    })
  } catch (markError) {
    console.error(`Could not mark call ${sessionId} as failed (it stays recoverable):`, markError)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
