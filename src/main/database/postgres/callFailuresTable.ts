import type { UnfinalizedCall } from '../../../shared/live-call/recordedCall'
import { toUnfinalizedCall } from '../rowMappers'
import type { CallFailuresTable, FinalizeFailure } from './asyncSeam'
import type { Sql } from './sql'

// Calls that could not be finalized: status 'failed', the last error, when, and how many
// attempts failed. The events stay as recorded, so a later attempt starts from them.

const SELECT_FAILED = `
  SELECT c.session_id, c.provider, c.model, c.started_at_ms, c.ended_at_ms,
         c.finalize_error, c.finalize_failed_at, c.finalize_attempts,
         (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id) AS events
  FROM calls c WHERE c.status = 'failed'`

export class PostgresCallFailuresTable implements CallFailuresTable {
  constructor(private readonly sql: Sql) {}

  async mark(sessionId: string, failure: FinalizeFailure): Promise<void> {
    await this.sql.run(
      `UPDATE calls SET status = 'failed', ended_at_ms = COALESCE($1, ended_at_ms),
         finalize_error = $2, finalize_failed_at = $3,
         finalize_attempts = COALESCE(finalize_attempts, 0) + 1
       WHERE session_id = $4 AND status IN ('active', 'failed')`,
      [failure.endedAtMs, failure.error, failure.failedAt, sessionId]
    )
  }

  async list(seat?: string | null): Promise<UnfinalizedCall[]> {
    const rows = await this.sql.rows(
      `${SELECT_FAILED} AND ($1::text IS NULL OR c.seat = $1) ORDER BY c.session_id`,
      [seat ?? null]
    )
    return rows.map(toUnfinalizedCall)
  }

  async get(sessionId: string): Promise<UnfinalizedCall | null> {
    const rows = await this.sql.rows(`${SELECT_FAILED} AND c.session_id = $1`, [sessionId])
    return rows[0] ? toUnfinalizedCall(rows[0]) : null
  }

  async clear(sessionId: string): Promise<void> {
    await this.sql.run(
      `UPDATE calls SET finalize_error = NULL, finalize_failed_at = NULL,
         finalize_attempts = NULL WHERE session_id = $1`,
      [sessionId]
    )
  }
}
