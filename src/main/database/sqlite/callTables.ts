import type { Synchronous } from './Synchronous'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import {
  CALL_STATUSES,
  LabelsReasonSchema,
  TurnRowSchema,
  type TurnRow
} from '../../../shared/live-call/recordedCall'
import { columnsOf, type Row } from '../rowValues'
import { sqlValue } from './sessionWhere'
import type { CallOutcome, CallRow, CallsTable, EventRow, EventsTable } from '../SessionDatabase'
import type { NewCall, NewEvent, TurnsTable } from '../SessionDatabase'

// A live call's tables: its row in calls, its events (appended while it runs), its turns
// (written when it is finalized).

const calls = columnsOf('calls')

function toCallRow(row: Row): CallRow {
  return {
    session_id: calls.text(row, 'session_id'),
    model: calls.text(row, 'model'),
    started_at_ms: calls.number(row, 'started_at_ms'),
    status: calls.oneOf(row, 'status', CALL_STATUSES),
    pricing: calls.textOrNull(row, 'pricing'),
    sentiment_reader: calls.textOrNull(row, 'sentiment_reader'),
    labelled_by: calls.textOrNull(row, 'labelled_by'),
    labels_reason: calls.oneOfOrNull(row, 'labels_reason', LabelsReasonSchema.options),
    labels_error: calls.textOrNull(row, 'labels_error')
  }
}

export class SqliteCallsTable implements Synchronous<CallsTable> {
  /** Prepared once: every batch a live call appends looks its call up first. */
  private readonly byId: StatementSync

  constructor(private readonly db: DatabaseSync) {
    this.byId = db.prepare('SELECT * FROM calls WHERE session_id = ?')
  }

  insertIfNew(call: NewCall): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO calls (session_id, call_id, provider, model, started_at_ms, pricing,
                            sentiment_reader)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`
      )
      .run(
        call.sessionId,
        call.callId,
        call.provider,
        call.model,
        call.startedAtMs,
        call.pricing,
        call.sentimentReader
      )
    return Number(changes) === 1
  }

  get(sessionId: string): CallRow | null {
    const row = this.byId.get(sessionId)
    return row ? toCallRow(row) : null
  }

  active(): CallRow[] {
    return this.db
      .prepare("SELECT * FROM calls WHERE status = 'active' ORDER BY session_id")
      .all()
      .map(toCallRow)
  }

  settle(sessionId: string, outcome: CallOutcome): void {
    this.db
      .prepare(
        `UPDATE calls SET status = ?, ended_at_ms = ?, counted_turns = ?, finalized_at = ?,
           labelled_by = ?, labels_reason = ?, labels_error = ?
         WHERE session_id = ?`
      )
      .run(
        outcome.status,
        outcome.endedAtMs,
        outcome.countedTurns,
        outcome.finalizedAt,
        outcome.labelledBy,
        outcome.labelsReason,
        outcome.labelsError,
        sessionId
      )
  }
}

const events = columnsOf('events')

/** Statements prepared once: a live call appends a batch every few hundred milliseconds. */
export class SqliteEventsTable implements Synchronous<EventsTable> {
  private readonly next: StatementSync
  private readonly insert: StatementSync

  constructor(private readonly db: DatabaseSync) {
    this.next = db.prepare(
      'SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM events WHERE session_id = ?'
    )
    this.insert = db.prepare(
      'INSERT INTO events (session_id, seq, at_ms, direction, type, payload) VALUES (?, ?, ?, ?, ?, ?)'
    )
  }

  append(sessionId: string, rows: readonly NewEvent[]): void {
    const next = this.next.get(sessionId)
    let seq = next ? events.number(next, 'seq') : 0
    for (const { atMs, direction, type, payload } of rows)
      this.insert.run(sessionId, seq++, atMs, direction, type, payload)
  }

  count(sessionId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?')
      .get(sessionId)
    return row ? events.number(row, 'n') : 0
  }

  list(sessionId: string): EventRow[] {
    return this.db
      .prepare('SELECT at_ms, type, payload FROM events WHERE session_id = ? ORDER BY seq')
      .all(sessionId)
      .map((row) => ({
        atMs: events.number(row, 'at_ms'),
        type: events.text(row, 'type'),
        payload: events.text(row, 'payload')
      }))
  }
}

const TURN_KINDS = TurnRowSchema.shape.kind.options

const TURN_COLUMNS = [
  'turn_index',
  'kind',
  'caller_start_ms',
  'caller_stop_ms',
  'agent_start_ms',
  'agent_stop_ms',
  'latency_ms',
  'at_ear_latency_ms',
  'barge_in',
  'heard_ms',
  'heard_pct',
  'backchannel',
  'echo_suspect',
  'caller_text',
  'agent_text',
  'agent_heard_text'
] as const satisfies readonly (keyof TurnRow)[]

const turns = columnsOf('turns')

function toTurnRow(row: Row): TurnRow {
  return {
    turn_index: turns.number(row, 'turn_index'),
    // NULL: recorded before v2, which could not tell a turn from an overlap.
    kind: turns.oneOfOrNull(row, 'kind', TURN_KINDS) ?? 'undecided',
    caller_start_ms: turns.numberOrNull(row, 'caller_start_ms'),
    caller_stop_ms: turns.numberOrNull(row, 'caller_stop_ms'),
    agent_start_ms: turns.numberOrNull(row, 'agent_start_ms'),
    agent_stop_ms: turns.numberOrNull(row, 'agent_stop_ms'),
    latency_ms: turns.numberOrNull(row, 'latency_ms'),
    at_ear_latency_ms: turns.numberOrNull(row, 'at_ear_latency_ms'),
    barge_in: turns.flag(row, 'barge_in'),
    heard_ms: turns.numberOrNull(row, 'heard_ms'),
    heard_pct: turns.numberOrNull(row, 'heard_pct'),
    backchannel: turns.flag(row, 'backchannel'),
    echo_suspect: turns.flag(row, 'echo_suspect'),
    caller_text: turns.textOrNull(row, 'caller_text'),
    agent_text: turns.textOrNull(row, 'agent_text'),
    agent_heard_text: turns.textOrNull(row, 'agent_heard_text')
  }
}

export class SqliteTurnsTable implements Synchronous<TurnsTable> {
  constructor(private readonly db: DatabaseSync) {}

  replace(sessionId: string, rows: readonly TurnRow[]): void {
    this.db.prepare('DELETE FROM turns WHERE session_id = ?').run(sessionId)
    const insert = this.db.prepare(
      `INSERT INTO turns (session_id, ${TURN_COLUMNS.join(', ')})
       VALUES (?, ${TURN_COLUMNS.map(() => '?').join(', ')})`
    )
    for (const turn of rows) insert.run(sessionId, ...TURN_COLUMNS.map((c) => sqlValue(turn[c])))
  }

  list(sessionId: string): TurnRow[] {
    return this.db
      .prepare(
        `SELECT ${TURN_COLUMNS.join(', ')} FROM turns WHERE session_id = ? ORDER BY turn_index`
      )
      .all(sessionId)
      .map(toTurnRow)
  }
}
