import type { DatabaseSync } from 'node:sqlite'
import type { TurnRow } from '../../shared/live-call/recordedCall'
import { EXTENDED_COLUMNS, LAB_COLUMNS } from '../../shared/sessions/labSchema'
import type { StoredSession } from '../../shared/sessions/labSchema'
import { bumpSessionsVersion } from '../sessions/sessionsVersion'

const SESSION_COLUMNS = [...LAB_COLUMNS, ...EXTENDED_COLUMNS, 'recorded_at'] as const
type SqlValue = string | number | null

const sqlValue = (value: unknown): SqlValue =>
  typeof value === 'boolean' ? (value ? 1 : 0) : (value as SqlValue)

/**
 * The session row of a finished or recovered call (the v1 CHECKs guard the figures). Call inside
 * a transaction: it also moves the sessions' version.
 */
export function insertSession(db: DatabaseSync, session: StoredSession, recordedAt: string): void {
  const values = { ...session, recorded_at: recordedAt } as Record<string, unknown>
  db.prepare(
    `INSERT INTO sessions (${SESSION_COLUMNS.join(', ')})
     VALUES (${SESSION_COLUMNS.map(() => '?').join(', ')})`
  ).run(...SESSION_COLUMNS.map((c) => sqlValue(values[c])))
  bumpSessionsVersion(db)
}

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

export function insertTurns(db: DatabaseSync, sessionId: string, turns: readonly TurnRow[]): void {
  db.prepare('DELETE FROM turns WHERE session_id = ?').run(sessionId)
  const insert = db.prepare(
    `INSERT INTO turns (session_id, ${TURN_COLUMNS.join(', ')})
     VALUES (?, ${TURN_COLUMNS.map(() => '?').join(', ')})`
  )
  for (const turn of turns) insert.run(sessionId, ...TURN_COLUMNS.map((c) => sqlValue(turn[c])))
}

export function readTurns(db: DatabaseSync, sessionId: string): TurnRow[] {
  const rows = db
    .prepare(
      `SELECT ${TURN_COLUMNS.join(', ')} FROM turns WHERE session_id = ? ORDER BY turn_index`
    )
    .all(sessionId) as Record<string, unknown>[]
  return rows.map(
    (row) =>
      ({
        ...row,
        kind: row['kind'] ?? 'undecided',
        barge_in: row['barge_in'] === 1,
        backchannel: row['backchannel'] === 1,
        echo_suspect: row['echo_suspect'] === 1
      }) as unknown as TurnRow
  )
}
