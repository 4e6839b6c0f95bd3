import type { TransactionScope } from '../database/SessionDatabase'

// A session is escalated when any of its alerts was. A live call's session row only exists
// after hang-up, so the flag is set twice over: at finalization (CallFacts.escalated) and on
// every later action, which also covers escalating a recorded session from the Monitor.

/** True when any alert of the session was escalated. */
export function callEscalated(database: TransactionScope, sessionId: string): Promise<boolean> {
  return database.alerts.anyEscalated(sessionId)
}

/**
 * Sets sessions.escalated when an alert of the session was escalated (no row yet, or already
 * set: no-op). Call inside the transaction of the alert's action.
 */
export async function markSessionIfEscalated(
  database: TransactionScope,
  sessionId: string
): Promise<void> {
  if (await callEscalated(database, sessionId)) await database.sessions.markEscalated(sessionId)
}
