import type { CallOutcomeKind } from '../../../shared/gateway/callCommands'
import type { TurnRow } from '../../../shared/live-call/recordedCall'
import { toCallRow, toTurnRow, TURN_COLUMNS } from '../rowMappers'
import { columnsOf } from '../rowValues'
import type {
  CallOutcome,
  CallRow,
  EventRow,
  NewCall,
  NewEvent,
  NumberedEventRow
} from './asyncSeam'
import type { CallsTable, EventsTable, TurnsTable } from './asyncSeam'
import type { Sql } from './sql'
import { HIT_END, HIT_START, saidWords, type SaidMatch } from '../../../shared/sessions/saidSearch'
import { SNIPPET_WORDS, toSaidMatch } from '../sessionMarksRows'
import { tsQuery } from './sessionWhere'

// A live call's tables: its row in calls, its events (appended while it runs), its turns
// (written when it is finalized). Multi-row writes go as one statement over unnest()ed arrays:
// one round trip whatever the number of rows.

export class PostgresCallsTable implements CallsTable {
  constructor(private readonly sql: Sql) {}

  async insertIfNew(call: NewCall): Promise<boolean> {
    const changed = await this.sql.atomic((sql) =>
      sql.run(
        `INSERT INTO calls (session_id, call_id, provider, model, started_at_ms, pricing,
                            sentiment_reader, seat, channel, engine)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (session_id) DO NOTHING`,
        [
          call.sessionId,
          call.callId,
          call.provider,
          call.model,
          call.startedAtMs,
          call.pricing,
          call.sentimentReader,
          call.seat ?? null,
          call.channel ?? 'desk',
          call.engine ?? 'realtime'
        ]
      )
    )
    return changed === 1
  }

  async get(sessionId: string): Promise<CallRow | null> {
    const rows = await this.sql.rows('SELECT * FROM calls WHERE session_id = $1', [sessionId])
    return rows[0] ? toCallRow(rows[0]) : null
  }

  async active(seat?: string | null): Promise<CallRow[]> {
    const rows = await this.sql.rows(
      `SELECT * FROM calls WHERE status = 'active' AND ($1::text IS NULL OR seat = $1)
       ORDER BY session_id`,
      [seat ?? null]
    )
    return rows.map(toCallRow)
  }

  async settle(sessionId: string, outcome: CallOutcome): Promise<void> {
    await this.sql.run(
      `UPDATE calls SET status = $1, ended_at_ms = $2, counted_turns = $3, finalized_at = $4,
         labelled_by = $5, labels_reason = $6, labels_error = $7
       WHERE session_id = $8`,
      [
        outcome.status,
        outcome.endedAtMs,
        outcome.countedTurns,
        outcome.finalizedAt,
        outcome.labelledBy,
        outcome.labelsReason,
        outcome.labelsError,
        sessionId
      ]
    )
  }

  async setOutcome(sessionId: string, outcome: CallOutcomeKind): Promise<void> {
    await this.sql.run('UPDATE calls SET outcome = $1 WHERE session_id = $2', [outcome, sessionId])
  }

  async withoutCountedTurn(sessionIds?: readonly string[]): Promise<string[]> {
    // The session row must still be the call's (an import may have replaced it since).
    const rows = await this.sql.rows(
      `SELECT c.session_id FROM calls c JOIN sessions s ON s.session_id = c.session_id
       WHERE c.counted_turns = 0 AND s.source = 'live'
         AND ($1::text[] IS NULL OR c.session_id = ANY ($1::text[]))
       ORDER BY c.session_id`,
      [sessionIds ? [...sessionIds] : null]
    )
    return rows.map((row) => String(row['session_id']))
  }

  async onLiveEngine(): Promise<string[]> {
    const rows = await this.sql.rows(
      `SELECT session_id FROM calls WHERE engine = 'live' ORDER BY session_id`
    )
    return rows.map((row) => String(row['session_id']))
  }
}

const events = columnsOf('events')

export class PostgresEventsTable implements EventsTable {
  constructor(private readonly sql: Sql) {}

  /** One statement: the next seq is read and the rows numbered from it in the same snapshot. */
  async append(sessionId: string, rows: readonly NewEvent[]): Promise<void> {
    if (rows.length === 0) return
    await this.sql.run(
      `INSERT INTO events (session_id, seq, at_ms, direction, type, payload)
       SELECT $1, next.seq + e.ord - 1, e.at_ms, e.direction, e.type, e.payload
       FROM (SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM events WHERE session_id = $1) next,
            unnest($2::float8[], $3::text[], $4::text[], $5::text[])
              WITH ORDINALITY AS e(at_ms, direction, type, payload, ord)`,
      [
        sessionId,
        rows.map((r) => r.atMs),
        rows.map((r) => r.direction),
        rows.map((r) => r.type),
        rows.map((r) => r.payload)
      ]
    )
  }

  async count(sessionId: string): Promise<number> {
    const rows = await this.sql.rows('SELECT COUNT(*) AS n FROM events WHERE session_id = $1', [
      sessionId
    ])
    return rows[0] ? events.number(rows[0], 'n') : 0
  }

  async list(sessionId: string): Promise<EventRow[]> {
    const rows = await this.sql.rows(
      'SELECT at_ms, type, payload FROM events WHERE session_id = $1 ORDER BY seq',
      [sessionId]
    )
    return rows.map((row) => ({
      atMs: events.number(row, 'at_ms'),
      type: events.text(row, 'type'),
      payload: events.text(row, 'payload')
    }))
  }

  /** A range of the primary key (session_id, seq): cheap however long the call. */
  async since(
    sessionId: string,
    afterSeq: number,
    limit: number,
    skipTypes: readonly string[]
  ): Promise<NumberedEventRow[]> {
    const rows = await this.sql.rows(
      `SELECT seq, at_ms, type, payload FROM events
       WHERE session_id = $1 AND seq > $2 AND NOT (type = ANY ($3::text[]))
       ORDER BY seq LIMIT $4`,
      [sessionId, afterSeq, [...skipTypes], limit]
    )
    return rows.map((row) => ({
      seq: events.number(row, 'seq'),
      atMs: events.number(row, 'at_ms'),
      type: events.text(row, 'type'),
      payload: events.text(row, 'payload')
    }))
  }
}

/** Each turn column's array type for unnest (flags as 0/1, as stored). */
const TURN_ARRAY_TYPES: Record<(typeof TURN_COLUMNS)[number], string> = {
  turn_index: 'int[]',
  kind: 'text[]',
  caller_start_ms: 'float8[]',
  caller_stop_ms: 'float8[]',
  agent_start_ms: 'float8[]',
  agent_stop_ms: 'float8[]',
  latency_ms: 'float8[]',
  at_ear_latency_ms: 'float8[]',
  barge_in: 'int2[]',
  heard_ms: 'float8[]',
  heard_pct: 'float8[]',
  backchannel: 'int2[]',
  echo_suspect: 'int2[]',
  caller_text: 'text[]',
  agent_text: 'text[]',
  agent_heard_text: 'text[]'
}

const INSERT_TURNS = `INSERT INTO turns (session_id, ${TURN_COLUMNS.join(', ')})
  SELECT $1, * FROM unnest(${TURN_COLUMNS.map((c, i) => `$${i + 2}::${TURN_ARRAY_TYPES[c]}`).join(', ')})`

/** The call's transcript from its turns: the caller's lines, the agent's as heard, in order. */
const WRITE_TRANSCRIPT = `INSERT INTO transcripts (session_id, caller_text, agent_text)
  SELECT session_id,
         COALESCE(string_agg(caller_text, ' ' ORDER BY turn_index), ''),
         COALESCE(string_agg(COALESCE(agent_heard_text, agent_text), ' ' ORDER BY turn_index), '')
  FROM turns WHERE session_id = $1 GROUP BY session_id`

/** One fragment of about SNIPPET_WORDS words, hits between SQLite's marks (snippet()'s). */
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.ceil(SNIPPET_WORDS / 2)}, MaxFragments=1, FragmentDelimiter=…`

export class PostgresTurnsTable implements TurnsTable {
  constructor(private readonly sql: Sql) {}

  async replace(sessionId: string, rows: readonly TurnRow[]): Promise<void> {
    await this.sql.atomic(async (sql) => {
      await sql.run('DELETE FROM turns WHERE session_id = $1', [sessionId])
      await sql.run('DELETE FROM transcripts WHERE session_id = $1', [sessionId])
      if (rows.length === 0) return
      const column = (c: (typeof TURN_COLUMNS)[number]): (string | number | null)[] =>
        rows.map((turn) => {
          const value = turn[c]
          return typeof value === 'boolean' ? (value ? 1 : 0) : value
        })
      await sql.run(INSERT_TURNS, [sessionId, ...TURN_COLUMNS.map(column)])
      // Its tsvector is a generated column (migration v6): indexed as it is written.
      await sql.run(WRITE_TRANSCRIPT, [sessionId])
    })
  }

  async saidMatches(sessionIds: readonly string[], said: string): Promise<SaidMatch[]> {
    const words = saidWords(said)
    if (words.length === 0 || sessionIds.length === 0) return []
    const headline = (column: string): string =>
      `ts_headline('transcript_search', transcript_text(${column}), q, '${HEADLINE_OPTIONS}')`
    const rows = await this.sql.rows(
      `SELECT session_id, ${headline('caller_text')} AS caller, ${headline('agent_text')} AS agent
       FROM transcripts, to_tsquery('transcript_search', $1) q
       WHERE session_id = ANY($2::text[]) AND document @@ q`,
      [tsQuery(words), [...sessionIds]]
    )
    return rows.flatMap((row) => toSaidMatch(row) ?? [])
  }

  async list(sessionId: string): Promise<TurnRow[]> {
    const rows = await this.sql.rows(
      `SELECT ${TURN_COLUMNS.join(', ')} FROM turns WHERE session_id = $1 ORDER BY turn_index`,
      [sessionId]
    )
    return rows.map(toTurnRow)
  }
}
