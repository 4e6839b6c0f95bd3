import type { CallEvent, CallInput } from '../../shared/live-call/callEvents'
import type { EventRow, TransactionScope } from '../database/SessionDatabase'

// Adapter from the events table (written while a call runs) to the call reducer's inputs.
// Assumed layout: one row per input, `atMs` the page clock the reducer was fed with, `payload`
// the event's JSON; a payload without `type` takes the row's `type` column.

/** A stored call's inputs in recorded order (seq), ready for replayCall. */
export async function storedCallInputs(
  database: Pick<TransactionScope, 'events'>,
  sessionId: string
): Promise<CallInput[]> {
  return (await database.events.list(sessionId)).flatMap((row) => {
    const event = parsePayload(row)
    return event ? [{ t: row.atMs, event }] : []
  })
}

function parsePayload(row: EventRow): CallEvent | null {
  try {
    const parsed: unknown = JSON.parse(row.payload)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
    // Any object with a string type is a CallEvent (OtherEvent): the reducer reads what it knows.
    const record: Record<string, unknown> = { ...parsed }
    const type = record['type']
    return { ...record, type: typeof type === 'string' ? type : row.type }
  } catch {
    // A torn last row of a crashed call: the reducer cannot use it, the rest of the call stands.
    return null
  }
}
