import { z } from 'zod'
import { type ApiErrorBody, invalidRequest, issueToApiError } from '../protocol/apiErrors'
import { LiveSessionUpdateConfig, LiveSocketSessionConfig } from './liveConfig'

// The GPT-Live client events the simulator accepts, strict (unknown fields → `unknown_parameter`).
// Names and fields follow the `openai` SDK's `ClientEvent` union (live.d.ts).

const eventId = z.string().nullable().optional()
// Required, nullable: null is general context, an id answers that client delegation.
const contextFields = {
  content: z.string(),
  delegation_id: z.string().nullable(),
  event_id: eventId
}

export const liveClientEventSchemas = [
  z.strictObject({
    type: z.literal('session.start'),
    session: LiveSocketSessionConfig,
    event_id: eventId
  }),
  z.strictObject({
    type: z.literal('session.update'),
    session: LiveSessionUpdateConfig,
    event_id: eventId
  }),
  z.strictObject({
    type: z.literal('session.input_audio.append'),
    audio: z.string(),
    event_id: eventId
  }),
  z.strictObject({ type: z.literal('session.input_audio.mute'), event_id: eventId }),
  z.strictObject({ type: z.literal('session.input_audio.unmute'), event_id: eventId }),
  z.strictObject({ type: z.literal('session.instructions.append'), ...contextFields }),
  z.strictObject({ type: z.literal('session.thinking.append'), ...contextFields }),
  z.strictObject({ type: z.literal('session.commentary.append'), ...contextFields }),
  z.strictObject({ type: z.literal('session.close'), event_id: eventId })
] as const

const LiveClientEvent = z.discriminatedUnion('type', [...liveClientEventSchemas])
export type LiveClientEvent = z.output<typeof LiveClientEvent>
export type LiveClientEventOf<T extends LiveClientEvent['type']> = Extract<
  LiveClientEvent,
  { type: T }
>

/**
 * Client events in the SDK's union that the simulator does not run (fixtures, Decisions,
 * Responses delegation): refused by name rather than as unknown types.
 */
const NOT_SIMULATED = new Set([
  'session.output_audio.fixture.play',
  'decision.create',
  'decision.item.create',
  'decision.item.delete',
  'response.item.create',
  'response.create'
])

export type ParsedLiveEvent =
  | { ok: true; event: LiveClientEvent }
  | { ok: false; error: ApiErrorBody; clientEventId: string | null }

/** Parses one client message the way the service would, naming what was wrong. */
export function parseLiveClientEvent(text: string): ParsedLiveEvent {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return fail(null, invalidRequest('invalid_json', "The event's JSON could not be parsed."))
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(null, invalidRequest('invalid_value', 'An event must be a JSON object.'))
  const record = raw as Record<string, unknown>
  const clientEventId = typeof record['event_id'] === 'string' ? record['event_id'] : null
  const type = record['type']
  if (typeof type === 'string' && NOT_SIMULATED.has(type))
    return fail(
      clientEventId,
      invalidRequest(
        'invalid_value',
        type.startsWith('response.')
          ? `'${type}' needs Responses delegation; this session delegates to the client.`
          : `The simulator does not run '${type}'.`,
        'type'
      )
    )
  const parsed = LiveClientEvent.safeParse(raw)
  if (!parsed.success) return fail(clientEventId, issueToApiError(parsed.error.issues, raw))
  return { ok: true, event: parsed.data }
}

function fail(clientEventId: string | null, error: ApiErrorBody): ParsedLiveEvent {
  return { ok: false, error, clientEventId }
}
