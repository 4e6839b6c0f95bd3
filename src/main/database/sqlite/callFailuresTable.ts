import type { Synchronous } from './Synchronous'
import type { DatabaseSync } from 'node:sqlite'
import type { UnfinalizedCall } from '../../../shared/live-call/recordedCall'
import { toUnfinalizedCall } from '../rowMappers'
import type { CallFailuresTable, FinalizeFailure } from '../SessionDatabase'

// Calls that could not be finalized (migration v5): status 'failed', the last error, when, and
// how many attempts failed. The events stay as recorded, so a later attempt starts from them.

const SELECT_FAILED = `
  SELECT c.session_id, c.provider, c.model, c.started_at_ms, c.ended_at_ms,
         c.finalize_error, c.finalize_failed_at, c.finalize_attempts,
         (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id) AS events
  FROM calls c WHERE c.status = 'failed'`

export class SqliteCallFailuresTable implements Synchronous<CallFailuresTable> {
  constructor(private readonly db: DatabaseSync) {}

  mark(sessionId: string, failure: FinalizeFailure): void {
    this.db
      .prepare(
        `UPDATE calls SET status = 'failed', ended_at_ms = COALESCE(?, ended_at_ms),
           finalize_error = ?, finalize_failed_at = ?,
           finalize_attempts = COALESCE(finalize_attempts, 0) + 1
         WHERE session_id = ? AND status IN ('active', 'failed')`
      )
      .run(failure.endedAtMs, failure.error, failure.failedAt, sessionId)
  }

  list(): UnfinalizedCall[] {
    return this.db.prepare(`${SELECT_FAILED} ORDER BY c.session_id`).all().map(toUnfinalizedCall)
  }

  get(sessionId: string): UnfinalizedCall | null {
    const row = this.db.prepare(`${SELECT_FAILED} AND c.session_id = ?`).get(sessionId)
    return row ? toUnfinalizedCall(row) : null
  }

  clear(sessionId: string): void {
    this.db
      .prepare(
        `UPDATE calls SET finalize_error = NULL, finalize_failed_at = NULL,
           finalize_attempts = NULL WHERE session_id = ?`
      )
      .run(sessionId)
  }
}
