import type { ServerEvent } from 'openai/resources/live/live'

// The `openai` SDK (7.55.0) ships GPT-Live as TypeScript types only: no runtime schema (no zod
// or JSON Schema under resources/live). This table is the runtime stand-in, held to the types
// at compile time: every `ServerEvent['type']` must be listed, each listed key must be a
// required key of that event's SDK type, and no required key may be left out.

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]
type EventOf<T extends ServerEvent['type']> = Extract<ServerEvent, { type: T }>
type Table = { [T in ServerEvent['type']]: readonly RequiredKeys<EventOf<T>>[] }

export const REQUIRED_FIELDS = {
  'session.started': ['event_id', 'session', 'type'],
  'session.updated': ['event_id', 'session', 'type'],
  'session.input_audio.muted': ['event_id', 'type'],
  'session.input_audio.unmuted': ['event_id', 'type'],
  'session.output_audio.fixture.playing': ['event_id', 'type'],
  'session.output_audio.fixture.played': ['event_id', 'type'],
  'session.instructions.appended': ['end_ms', 'event_id', 'start_ms', 'type'],
  'session.thinking.appended': ['end_ms', 'event_id', 'start_ms', 'type'],
  'session.commentary.appended': ['end_ms', 'event_id', 'start_ms', 'type'],
  'session.input_audio.append': ['audio', 'type'],
  'session.output_audio.delta': ['delta', 'type'],
  'session.input_transcript.delta': ['delta', 'end_ms', 'event_id', 'start_ms', 'type'],
  'session.output_transcript.delta': ['delta', 'end_ms', 'event_id', 'start_ms', 'type'],
  'session.delegation.created': ['delegation', 'event_id', 'offset_ms', 'type'],
  'decision.event': [
    'delegation_id',
    'event',
    'event_id',
    'source_event_id',
    'source_event_type',
    'trigger_id',
    'type'
  ],
  'decision.item.created': ['event_id', 'item', 'type'],
  'decision.item.deleted': ['event_id', 'item_id', 'type'],
  'response.event': ['event', 'event_id', 'type'],
  'session.usage.updated': ['event_id', 'type', 'usage'],
  'session.closed': ['event_id', 'reason', 'session', 'type', 'usage'],
  error: ['error', 'event_id', 'type'],
  info: ['code', 'event_id', 'message', 'type'],
  'transport.dtmf.received': ['event', 'event_id', 'type'],
  'transport.dtmf.send': ['event', 'event_id', 'type'],
  'transport.dtmf.sent': ['event', 'event_id', 'type'],
  'transport.ringing': ['event_id', 'session_id', 'type'],
  'transport.answered': ['event_id', 'session_id', 'type'],
  'transport.failed': ['error', 'event_id', 'session_id', 'type']
} as const satisfies Table

type Missing = {
  [T in ServerEvent['type']]: Exclude<RequiredKeys<EventOf<T>>, (typeof REQUIRED_FIELDS)[T][number]>
}[ServerEvent['type']]
// Fails to compile, naming the key, if the SDK gains a required field the table lacks.
export const TABLE_IS_COMPLETE: [Missing] extends [never] ? true : Missing = true

/** Required nested fields the console reads (same SDK types: SessionResource, SessionUsage, …). */
const NESTED: Record<string, readonly string[]> = {
  session: ['id', 'expires_at', 'model', 'status'],
  usage: ['seconds'],
  delegation: ['id', 'target', 'type'],
  error: ['type', 'code', 'message']
}

/** What is wrong with one emitted event against the SDK's union, or null when it conforms. */
export function liveEventProblem(event: Record<string, unknown>): string | null {
  const type = event['type']
  if (typeof type !== 'string' || !(type in REQUIRED_FIELDS))
    return `type ${String(type)} is not in the SDK's ServerEvent union`
  for (const key of REQUIRED_FIELDS[type as ServerEvent['type']]) {
    if (event[key] === undefined) return `${type} lacks ${key}`
    const nested = NESTED[key]
    const value = event[key]
    if (nested && key !== 'event' && typeof value === 'object' && value !== null)
      for (const inner of nested)
        if ((value as Record<string, unknown>)[inner] === undefined)
          return `${type}.${key} lacks ${inner}`
  }
  for (const key of ['start_ms', 'end_ms', 'offset_ms'])
    if (key in event && (typeof event[key] !== 'number' || !Number.isInteger(event[key])))
      return `${type}.${key} is not an integer`
  return null
}
