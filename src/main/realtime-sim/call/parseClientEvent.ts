import {
  CLIENT_EVENT_TYPES,
  ClientEvent,
  clientEventSchemas
} from '../../../shared/realtime/clientEvents'
import { type ApiErrorBody, invalidRequest, issueToApiError } from '../protocol/apiErrors'

export type ParsedClientEvent =
  | { ok: true; event: ClientEvent }
  | { ok: false; error: ApiErrorBody & { event_id: string | null } }

/** Parses a data channel message the way the API does, naming what was wrong. */
export function parseClientEvent(text: string): ParsedClientEvent {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return fail(null, invalidRequest('invalid_json', "The event's JSON could not be parsed."))
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(null, invalidRequest('invalid_value', 'An event must be a JSON object.'))
  const record = raw as Record<string, unknown>
  const eventId = typeof record['event_id'] === 'string' ? record['event_id'] : null
  const schema = clientEventSchemas.find((s) => s.shape.type.value === record['type'])
  if (!schema)
    return fail(
      eventId,
      invalidRequest(
        'invalid_value',
        `Invalid value: '${String(record['type'])}'. Supported values are: ${CLIENT_EVENT_TYPES.map((t) => `'${t}'`).join(', ')}.`,
        'type'
      )
    )
  const parsed = ClientEvent.safeParse(raw)
  if (!parsed.success) return fail(eventId, issueToApiError(parsed.error.issues, raw))
  return { ok: true, event: parsed.data }
}

function fail(eventId: string | null, error: ApiErrorBody): ParsedClientEvent {
  return { ok: false, error: { ...error, event_id: eventId } }
}
