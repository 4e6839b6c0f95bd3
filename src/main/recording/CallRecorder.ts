import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { PriceTable } from '../../shared/live-call/callConfig'
import type { CallInput } from '../../shared/live-call/callEvents'
import type { StoredSession } from '../../shared/sessions/labSchema'
import { DatabaseBusyError, type CallRow, type SessionDatabase } from '../database/SessionDatabase'
import type { SentimentReader } from '../../shared/escalation/escalationState'
import type { CallAlert } from '../../shared/escalation/callAlert'
import type { CallLabellingInfo, CallStatus, TurnRow } from '../../shared/live-call/recordedCall'
import { callEscalated } from '../escalation/sessionEscalation'
import { callSentimentReader } from '../escalation/callSentimentReader'
import { LiveWrites } from './LiveWrites'
import { readCallAlerts } from './callAlerts'
import { eventDirection } from './eventDirection'
import { byModel, modelNameOf } from '../classify/labelledBy'
import { labelCall, type CallLabelling } from '../classify/callLabelling'
import type { LabellingChoice } from '../classify/labellingModel'
import { finalizeReplayedCall, recordedTranscript, replayRecorded } from './finalizeRecordedCall'
import type { CallFacts, FinalizedCall } from './finalizeRecordedCall'
import { liveSessionId } from './liveSessionId'

export interface BeginCall {
  provider: string
  model: string
  startedAt: number
  callId?: string
  pricing?: PriceTable
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

/** How long a hang-up waits before trying again while an import holds the write lock. */
const FINISH_RETRY_MS = 250

/**
 * Live-call recording in the session database: begin names the session, append stores inputs
 * as they arrive (one transaction per batch: a crash loses at most the batch in flight), and
 * finish (or recovery after a crash) replays them into the session and turn rows. The database
 * is synchronous (see src/main/database/README.md), so each method's writes run whole. A live
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
    private readonly writes: LiveWrites = new LiveWrites(database, null)
  ) {}

  begin(call: BeginCall): string {
    // The live rules read sentiment with the labelling model for the whole call, if any.
    const choice = this.labelling()
    const reader = choice.kind === 'model' ? byModel(choice.model.model) : 'lexicon'
    // Two calls in the same second share the prefix: draw another suffix on a clash.
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = liveSessionId(call.startedAt, this.random)
      // The row may only be queued: a taken id is one in either table, or a call begun here.
      if (this.live.has(id) || this.database.sessions.exists(id) || this.database.calls.get(id))
        continue
      const begun = this.writes.begin({
        sessionId: id,
        callId: call.callId ?? null,
        provider: call.provider,
        model: call.model,
        startedAtMs: call.startedAt,
        pricing: call.pricing ? JSON.stringify(call.pricing) : null,
        sentimentReader: reader
      })
      if (begun) {
        this.live.set(id, reader)
        return id
      }
    }
    throw new RecordingError('Could not find a free session id for this call')
  }

  append(sessionId: string, inputs: readonly CallInput[]): number {
    // A call begun here is known without a read (its row may still be queued).
    if (!this.live.has(sessionId)) this.activeCall(sessionId)
    const rows = inputs.map(({ t, event }) => ({
      atMs: t,
      direction: eventDirection(event.type),
      type: event.type,
      payload: JSON.stringify(event)
    }))
    this.writes.events(sessionId, rows)
    return inputs.length
  }

  /** Who reads the call's caller sentiment for the live rules (fixed when it began). */
  sentimentReaderOf(sessionId: string): SentimentReader {
    const reader = this.live.get(sessionId)
    if (reader === undefined) return callSentimentReader(this.database, sessionId)
    return modelNameOf(reader) !== null ? 'model' : 'lexicon'
  }

  /** Resolves once every queued live write is in the database (reads of a call wait on it). */
  settled(): Promise<void> {
    return this.writes.settled()
  }

  /**
   * Hang-up. Finishing twice returns the stored row: a retried request does no harm. Waits
   * for the labelling model (bounded by its timeout); a crash meanwhile leaves the call active,
   * so the next start finalizes it from its events.
   */
  finish(sessionId: string, endedAt: number): Promise<StoredSession> {
    const pending = this.finishing.get(sessionId)
    if (pending) return pending
    const done = this.finishWhenWritable(sessionId, endedAt).finally(() =>
      this.finishing.delete(sessionId)
    )
    this.finishing.set(sessionId, done)
    return done
  }

  /**
   * The call's queued writes go in first (finish replays its events); while an import holds
   * the lock, the hang-up waits (asynchronously) and tries again rather than failing.
   */
  private async finishWhenWritable(sessionId: string, endedAt: number): Promise<StoredSession> {
    for (;;) {
      await this.writes.settled()
      const call = this.call(sessionId)
      if (call.status !== 'active') {
        this.live.delete(sessionId)
        return this.storedSession(sessionId)
      }
      try {
        const session = await this.finalize(call, endedAt, 'finished')
        this.live.delete(sessionId)
        return session
      } catch (error) {
        if (!(error instanceof DatabaseBusyError)) throw error
        await new Promise((resolve) => setTimeout(resolve, FINISH_RETRY_MS))
      }
    }
  }

  /**
   * Calls begun but never finished (the app crashed or was closed mid-call): finalized from
   * their stored events, ended at their last event, and marked incomplete. Run at start-up,
   * before the renderer can begin a new call.
   */
  async recoverUnfinished(): Promise<string[]> {
    const open = this.database.calls.active()
    if (open.length === 0) return []
    // Offline labels: start-up must not wait on the network (the note says why).
    const offline = (): LabellingChoice => ({ kind: 'lexicon', reason: 'recovered' })
    for (const call of open) await this.finalize(call, null, 'incomplete', offline)
    return open.map((c) => c.session_id)
  }

  private async finalize(
    call: CallRow,
    endedAt: number | null,
    status: Exclude<CallStatus, 'active'>,
    labelling: () => LabellingChoice = this.labelling
  ): Promise<StoredSession> {
    const inputs = this.inputs(call.session_id)
    const facts = this.facts(call, endedAt)
    const state = replayRecorded(inputs, facts)
    const labels = await labelCall(labelling(), recordedTranscript(state))
    const finalized = finalizeReplayedCall(state, facts, await this.detector(), labels.labels)
    this.write(finalized, status, labels)
    return this.storedSession(call.session_id)
  }

  get(sessionId: string): {
    session: StoredSession | null
    status: CallStatus
    events: number
    turns: TurnRow[]
    alerts: CallAlert[]
    labels: CallLabellingInfo
  } {
    const call = this.call(sessionId)
    return {
      session: call.status === 'active' ? null : this.storedSession(sessionId),
      status: call.status,
      events: this.database.events.count(sessionId),
      turns: this.database.turns.list(sessionId),
      alerts: readCallAlerts(this.database, sessionId),
      labels: labellingInfo(call)
    }
  }

  /** The stored inputs of a call, in order (the replay's source). */
  recordedInputs(sessionId: string): CallInput[] {
    this.call(sessionId)
    return this.inputs(sessionId)
  }

  private write(
    finalized: FinalizedCall,
    status: Exclude<CallStatus, 'active'>,
    labelling: CallLabelling
  ): void {
    const { session } = finalized
    // A hang-up never waits on the lock (finish retries on DatabaseBusyError); recovery at
    // start-up, which nothing else is writing during, may.
    const transaction = this.finishing.has(session.session_id)
      ? this.database.transactionNow.bind(this.database)
      : this.database.transaction.bind(this.database)
    transaction(() => {
      this.database.sessions.insertRecorded(session, new Date(this.now()).toISOString())
      this.database.turns.replace(session.session_id, finalized.turns)
      this.database.calls.settle(session.session_id, {
        status,
        endedAtMs: finalized.endedAtMs,
        countedTurns: finalized.countedTurns,
        finalizedAt: new Date(this.now()).toISOString(),
        labelledBy: labelling.labelledBy,
        labelsReason: labelling.reason,
        labelsError: labelling.error
      })
    })
  }

  private facts(call: CallRow, endedAt: number | null): CallFacts {
    return {
      sessionId: call.session_id,
      model: call.model,
      startedAtMs: call.started_at_ms,
      endedAtMs: endedAt,
      pricing: call.pricing ? (JSON.parse(call.pricing) as PriceTable) : null,
      // Escalated during the call: the session row written now says so, however the call ended.
      escalated: callEscalated(this.database, call.session_id)
    }
  }

  private inputs(sessionId: string): CallInput[] {
    return this.database.events
      .list(sessionId)
      .map((r) => ({ t: r.atMs, event: JSON.parse(r.payload) as CallInput['event'] }))
  }

  private call(sessionId: string): CallRow {
    const row = this.database.calls.get(sessionId)
    if (!row) throw new RecordingError(`No recorded call ${sessionId}`)
    return row
  }

  private activeCall(sessionId: string): CallRow {
    const call = this.call(sessionId)
    if (call.status !== 'active')
      throw new RecordingError(`Call ${sessionId} has ended: its recording is closed`)
    return call
  }

  private storedSession(sessionId: string): StoredSession {
    const row = this.database.sessions.get(sessionId)
    if (!row) throw new RecordingError(`Session ${sessionId} has no row`)
    return row
  }
}
