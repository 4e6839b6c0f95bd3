import type { DatabaseSync } from 'node:sqlite'
import { bumpSessionsVersion } from '../database/sqlite/sessionsVersion'

// A session is escalated when any of its alerts was. A live call's session row only exists
// after hang-up, so the flag is set twice over: at finalization (CallFacts.escalated) and on
// every later action, which also covers escalating a recorded session from the Monitor.

/** True when any alert of the session was escalated. */
export function callEscalated(db: DatabaseSync, sessionId: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM alerts WHERE session_id = ? AND status = 'escalated' LIMIT 1")
      .get(sessionId) !== undefined
  )
}

/**
 * Sets sessions.escalated when an alert of the session was escalated (no row yet, or already
 * set: no-op). Call inside the transaction of the alert's action.
 */
export function markSessionIfEscalated(db: DatabaseSync, sessionId: string): void {
  if (!callEscalated(db, sessionId)) return
  const { changes } = db
    .prepare('UPDATE sessions SET escalated = 1 WHERE session_id = ? AND escalated IS NOT 1')
    .run(sessionId)
  if (Number(changes) > 0) bumpSessionsVersion(db)
}
