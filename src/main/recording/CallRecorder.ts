import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { PriceTable } from '../../shared/live-call/callConfig'
import type { CallInput } from '../../shared/live-call/callEvents'
import type { StoredSession } from '../../shared/sessions/labSchema'
import type { CallRow, SessionDatabase } from '../database/SessionDatabase'
import type { CallAlert } from '../../shared/escalation/callAlert'
import type { CallLabellingInfo, CallStatus, TurnRow } from '../../shared/live-call/recordedCall'
import { callEscalated } from '../escalation/sessionEscalation'
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

/**
 * Live-call recording in the session database: begin names the session, append stores inputs
 * as they arrive (one transaction per batch: a crash loses at most the batch in flight), and
 * finish (or recovery after a crash) replays them into the session and turn rows. The database
 * is synchronous (see src/main/database/README.md), so each method's writes run whole.
 */
export class CallRecorder {
  /** Hang-ups being labelled: a retried finish waits for the first instead of writing twice. */
  private readonly finishing = new Map<string, Promise<StoredSession>>()

  constructor(
    private readonly database: SessionDatabase,
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
    // The live rules read sentiment with the labelling model for the whole call, if any.
    const choice = this.labelling()
    const reader = choice.kind === 'model' ? byModel(choice.model.model) : 'lexicon'
    // Two calls in the same second share the prefix: draw another suffix on a clash.
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = liveSessionId(call.startedAt, this.random)
      if (this.database.sessions.exists(id)) continue
      const begun = this.database.calls.insertIfNew({
        sessionId: id,
        callId: call.callId ?? null,
        provider: call.provider,
        model: call.model,
        startedAtMs: call.startedAt,
        pricing: call.pricing ? JSON.stringify(call.pricing) : null,
        sentimentReader: reader
      })
      if (begun) return id
    }
    throw new RecordingError('Could not find a free session id for this call')
  }

  append(sessionId: string, inputs: readonly CallInput[]): number {
    this.activeCall(sessionId)
    const rows = inputs.map(({ t, event }) => ({
      atMs: t,
      direction: eventDirection(event.type),
      type: event.type,
      payload: JSON.stringify(event)
    }))
    this.database.transaction(() => this.database.events.append(sessionId, rows))
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
    this.database.transaction(() => {
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
