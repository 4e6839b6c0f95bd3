import type { DatabaseSync } from 'node:sqlite'
import type { CallEvent, CallInput } from '../../shared/live-call/callEvents'

// Adapter from the events table (written while a call runs) to the call reducer's inputs.
// Assumed layout: one row per input, `at_ms` the page clock the reducer was fed with, `payload`
// the event's JSON; a payload without `type` takes the row's `type` column.

interface EventRow {
  at_ms: number
  type: string
  payload: string
}

/** A stored call's inputs in recorded order (seq), ready for replayCall. */
export function storedCallInputs(db: DatabaseSync, sessionId: string): CallInput[] {
  const rows = db
    .prepare('SELECT at_ms, type, payload FROM events WHERE session_id = ? ORDER BY seq')
    .all(sessionId) as unknown as EventRow[]
  return rows.flatMap((row) => {
    const event = parsePayload(row)
    return event ? [{ t: row.at_ms, event }] : []
  })
}

function parsePayload(row: EventRow): CallEvent | null {
  try {
    const parsed: unknown = JSON.parse(row.payload)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
    const record = parsed as Record<string, unknown>
    return (typeof record['type'] === 'string'
      ? record
      : { ...record, type: row.type }) as unknown as CallEvent
  } catch {
    // A torn last row of a crashed call: the reducer cannot use it, the rest of the call stands.
    return null
  }
}
