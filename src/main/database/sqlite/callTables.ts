import type { Synchronous } from './Synchronous'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { CallOutcomeKind } from '../../../shared/gateway/callCommands'
import type { TurnRow } from '../../../shared/live-call/recordedCall'
import { columnsOf } from '../rowValues'
import { toCallRow, toTurnRow, TURN_COLUMNS } from '../rowMappers'
import { ftsQuery, sqlValue } from './sessionWhere'
import { saidWords, type SaidMatch } from '../../../shared/sessions/saidSearch'
import { SNIPPET_WORDS, toSaidMatch } from '../sessionMarksRows'

/** The call's transcript from its turns: the caller's lines, the agent's as heard, in order. */
const WRITE_TRANSCRIPT = `INSERT INTO transcripts (session_id, caller_text, agent_text)
  SELECT session_id,
         COALESCE(group_concat(caller_text, ' ' ORDER BY turn_index), ''),
         COALESCE(group_concat(COALESCE(agent_heard_text, agent_text), ' ' ORDER BY turn_index), '')
  FROM turns WHERE session_id = ? GROUP BY session_id`
import type { CallOutcome, CallRow, CallsTable, EventRow, EventsTable } from '../SessionDatabase'
import type { NewCall, NewEvent, NumberedEventRow, TurnsTable } from '../SessionDatabase'

// A live call's tables: its row in calls, its events (appended while it runs), its turns
// (written when it is finalized).

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
                            sentiment_reader, channel, engine)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`
      )
      .run(
        call.sessionId,
        call.callId,
        call.provider,
        call.model,
        call.startedAtMs,
        call.pricing,
        call.sentimentReader,
        call.channel ?? 'desk',
        call.engine ?? 'realtime'
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

  setOutcome(sessionId: string, outcome: CallOutcomeKind): void {
    this.db.prepare('UPDATE calls SET outcome = ? WHERE session_id = ?').run(outcome, sessionId)
  }

  withoutCountedTurn(sessionIds?: readonly string[]): string[] {
    // The session row must still be the call's (an import may have replaced it since).
    const rows = this.db
      .prepare(
        `SELECT c.session_id FROM calls c JOIN sessions s ON s.session_id = c.session_id
         WHERE c.counted_turns = 0 AND s.source = 'live'
           AND (?1 IS NULL OR c.session_id IN (SELECT value FROM json_each(?1)))
         ORDER BY c.session_id`
      )
      .all(sessionIds ? JSON.stringify(sessionIds) : null)
    return rows.map((row) => String(row['session_id']))
  }

  onLiveEngine(): string[] {
    return this.db
      .prepare(`SELECT session_id FROM calls WHERE engine = 'live' ORDER BY session_id`)
      .all()
      .map((row) => String(row['session_id']))
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

  since(
    sessionId: string,
    afterSeq: number,
    limit: number,
    skipTypes: readonly string[]
  ): NumberedEventRow[] {
    return this.db
      .prepare(
        `SELECT seq, at_ms, type, payload FROM events
         WHERE session_id = ? AND seq > ? AND type NOT IN (SELECT value FROM json_each(?))
         ORDER BY seq LIMIT ?`
      )
      .all(sessionId, afterSeq, JSON.stringify(skipTypes), limit)
      .map((row) => ({
        seq: events.number(row, 'seq'),
        atMs: events.number(row, 'at_ms'),
        type: events.text(row, 'type'),
        payload: events.text(row, 'payload')
      }))
  }
}

export class SqliteTurnsTable implements Synchronous<TurnsTable> {
  constructor(private readonly db: DatabaseSync) {}

  /** Runs in the caller's transaction (CallRecorder's): turns and transcript move together. */
  replace(sessionId: string, rows: readonly TurnRow[]): void {
    this.db.prepare('DELETE FROM turns WHERE session_id = ?').run(sessionId)
    const insert = this.db.prepare(
      `INSERT INTO turns (session_id, ${TURN_COLUMNS.join(', ')})
       VALUES (?, ${TURN_COLUMNS.map(() => '?').join(', ')})`
    )
    for (const turn of rows) insert.run(sessionId, ...TURN_COLUMNS.map((c) => sqlValue(turn[c])))
    // The FTS5 index follows through migration v10's triggers.
    this.db.prepare('DELETE FROM transcripts WHERE session_id = ?').run(sessionId)
    this.db.prepare(WRITE_TRANSCRIPT).run(sessionId)
  }

  saidMatches(sessionIds: readonly string[], said: string): SaidMatch[] {
    const words = saidWords(said)
    if (words.length === 0 || sessionIds.length === 0) return []
    const snippet = (column: number): string =>
      `snippet(transcripts_fts, ${column}, char(2), char(3), '…', ${SNIPPET_WORDS})`
    return this.db
      .prepare(
        `SELECT t.session_id, ${snippet(0)} AS caller, ${snippet(1)} AS agent
         FROM transcripts_fts JOIN transcripts t ON t.rowid = transcripts_fts.rowid
         WHERE transcripts_fts MATCH ? AND transcripts_fts.rowid IN
           (SELECT rowid FROM transcripts WHERE session_id IN (${sessionIds.map(() => '?').join(', ')}))`
      )
      .all(ftsQuery(words), ...sessionIds)
      .flatMap((row) => toSaidMatch(row) ?? [])
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
