import type { DatabaseSync } from 'node:sqlite'
import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { PriceTable } from '../../shared/live-call/callConfig'
import type { CallInput } from '../../shared/live-call/callEvents'
import type { StoredSession } from '../../shared/sessions/labSchema'
import { SELECT_SESSIONS, toStoredSession } from '../sessions/sessionRows'
import type { CallAlert } from '../../shared/escalation/callAlert'
import type { CallLabellingInfo, TurnRow } from '../../shared/live-call/recordedCall'
import { callEscalated } from '../escalation/sessionEscalation'
import { readCallAlerts } from './callAlerts'
import { eventDirection } from './eventDirection'
import { byModel, modelNameOf } from '../classify/labelledBy'
import { labelCall, type CallLabelling } from '../classify/callLabelling'
import type { LabellingChoice } from '../classify/labellingModel'
import { finalizeReplayedCall, recordedTranscript, replayRecorded } from './finalizeRecordedCall'
import type { CallFacts, FinalizedCall } from './finalizeRecordedCall'
import { liveSessionId } from './liveSessionId'
import { insertSession, insertTurns, readTurns } from './recordingRows'

export type CallStatus = 'active' | 'finished' | 'incomplete'

export interface BeginCall {
  provider: string
  model: string
  startedAt: number
  callId?: string
  pricing?: PriceTable
}

interface CallRow {
  session_id: string
  model: string
  started_at_ms: number
  status: CallStatus
  pricing: string | null
  labelled_by: string | null
  labels_reason: string | null
  labels_error: string | null
}

function labellingInfo(call: CallRow): CallLabellingInfo {
  if (call.labelled_by === null) return null
  const model = modelNameOf(call.labelled_by)
  return {
    by: model === null ? 'lexicon' : 'model',
    model,
    reason: call.labels_reason as NonNullable<CallLabellingInfo>['reason'],
    error: call.labels_error
  }
}

export class RecordingError extends Error {}

/**
 * Live-call recording in the session database: begin names the session, append stores inputs
 * as they arrive (one transaction per batch: a crash loses at most the batch in flight), and
 * finish (or recovery after a crash) replays them into the session and turn rows. Writes share
 * the store's connection: node:sqlite is synchronous, so each method runs whole.
 */
export class CallRecorder {
  /** Hang-ups being labelled: a retried finish waits for the first instead of writing twice. */
  private readonly finishing = new Map<string, Promise<StoredSession>>()

  constructor(
    private readonly db: DatabaseSync,
    private readonly detector: () => Promise<LanguageDetector>,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
    /** Who labels sentiment and scenario, read at each hang-up (Settings may change). */
    private readonly labelling: () => LabellingChoice = () => ({
      kind: 'lexicon',
      reason: 'chosen'
    })
  ) {}

  begin(call: BeginCall): string {
    const insert = this.db.prepare(
      `INSERT INTO calls (session_id, call_id, provider, model, started_at_ms, pricing,
                          sentiment_reader)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`
    )
    // The live rules read sentiment with the labelling model for the whole call, if any.
    const choice = this.labelling()
    const reader = choice.kind === 'model' ? byModel(choice.model.model) : 'lexicon'
    const taken = this.db.prepare('SELECT 1 FROM sessions WHERE session_id = ?')
    // Two calls in the same second share the prefix: draw another suffix on a clash.
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = liveSessionId(call.startedAt, this.random)
      if (taken.get(id)) continue
      const pricing = call.pricing ? JSON.stringify(call.pricing) : null
      const { changes } = insert.run(
        id,
        call.callId ?? null,
        call.provider,
        call.model,
        call.startedAt,
        pricing,
        reader
      )
      if (Number(changes) === 1) return id
    }
    throw new RecordingError('Could not find a free session id for this call')
  }

  append(sessionId: string, inputs: readonly CallInput[]): number {
    this.activeCall(sessionId)
    const next = this.db.prepare(
      'SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM events WHERE session_id = ?'
    )
    const insert = this.db.prepare(
      'INSERT INTO events (session_id, seq, at_ms, direction, type, payload) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.inTransaction(() => {
      let seq = (next.get(sessionId) as { seq: number }).seq
      for (const { t, event } of inputs)
        insert.run(
          sessionId,
          seq++,
          t,
          eventDirection(event.type),
          event.type,
          JSON.stringify(event)
        )
    })
    return inputs.length
  }

  /**
   * Hang-up. Finishing twice returns the stored row: a retried request does no harm. Waits
   * for the labelling model (bounded by its timeout); a crash meanwhile leaves the call active,
   * so the next start finalizes it from its events.
   */
  finish(sessionId: string, endedAt: number): Promise<StoredSession> {
    const pending = this.finishing.get(sessionId)
    if (pending) return pending
    const call = this.call(sessionId)
    if (call.status !== 'active') return Promise.resolve(this.storedSession(sessionId))
    const done = this.finalize(call, endedAt, 'finished').finally(() =>
      this.finishing.delete(sessionId)
    )
    this.finishing.set(sessionId, done)
    return done
  }

  /**
   * Calls begun but never finished (the app crashed or was closed mid-call): finalized from
   * their stored events, ended at their last event, and marked incomplete. Run at start-up,
   * before the renderer can begin a new call.
   */
  async recoverUnfinished(): Promise<string[]> {
    const open = this.db
      .prepare("SELECT * FROM calls WHERE status = 'active' ORDER BY session_id")
      .all() as unknown as CallRow[]
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
    const events = this.db
      .prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?')
      .get(sessionId) as { n: number }
    return {
      session: call.status === 'active' ? null : this.storedSession(sessionId),
      status: call.status,
      events: events.n,
      turns: readTurns(this.db, sessionId),
      alerts: readCallAlerts(this.db, sessionId),
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
    this.inTransaction(() => {
      insertSession(this.db, session, new Date(this.now()).toISOString())
      insertTurns(this.db, session.session_id, finalized.turns)
      this.db
        .prepare(
          `UPDATE calls SET status = ?, ended_at_ms = ?, counted_turns = ?, finalized_at = ?,
             labelled_by = ?, labels_reason = ?, labels_error = ?
           WHERE session_id = ?`
        )
        .run(
          status,
          finalized.endedAtMs,
          finalized.countedTurns,
          new Date(this.now()).toISOString(),
          labelling.labelledBy,
          labelling.reason,
          labelling.error,
          session.session_id
        )
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
      escalated: callEscalated(this.db, call.session_id)
    }
  }

  private inputs(sessionId: string): CallInput[] {
    const rows = this.db
      .prepare('SELECT at_ms, payload FROM events WHERE session_id = ? ORDER BY seq')
      .all(sessionId) as { at_ms: number; payload: string }[]
    return rows.map((r) => ({ t: r.at_ms, event: JSON.parse(r.payload) as CallInput['event'] }))
  }

  private call(sessionId: string): CallRow {
    const row = this.db.prepare('SELECT * FROM calls WHERE session_id = ?').get(sessionId) as
      CallRow | undefined
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
    const row = this.db.prepare(`${SELECT_SESSIONS} WHERE session_id = ?`).get(sessionId)
    if (!row) throw new RecordingError(`Session ${sessionId} has no row`)
    return toStoredSession(row as Record<string, unknown>)
  }

  private inTransaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      work()
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
  }
}
