import { z } from 'zod'
import type { CallEvent } from './callEvents'
import { eventJson } from './eventJson'
import type { LiveServerEvent } from './liveEvents'

// The Live server events the adapter reads, checked before it trusts their shape (the SDK's
// types are the contract; loose objects, as the service may add fields). Mirrors
// inboundEvent.ts for Realtime: a known type that fails goes in renamed `invalid:<type>`.

const stamp = { event_id: z.string(), client_event_id: z.string().optional() }
const timeline = { start_ms: z.number(), end_ms: z.number() }
const usage = z.looseObject({ seconds: z.number().nonnegative() })
const session = z.looseObject({ id: z.string().min(1), model: z.string() })

const schemas = {
  'session.started': z.looseObject({ ...stamp, session }),
  'session.input_transcript.delta': z.looseObject({ ...stamp, ...timeline, delta: z.string() }),
  'session.output_transcript.delta': z.looseObject({ ...stamp, ...timeline, delta: z.string() }),
  'session.delegation.created': z.looseObject({
    ...stamp,
    offset_ms: z.number(),
    delegation: z.looseObject({
      id: z.string().min(1),
      target: z.enum(['client', 'responses', 'decisions'])
    })
  }),
  'session.usage.updated': z.looseObject({ ...stamp, usage }),
  'session.closed': z.looseObject({
    ...stamp,
    reason: z.string(),
    usage,
    session
  }),
  error: z.looseObject({
    error: z.looseObject({
      type: z.string(),
      code: z.string().nullable().optional(),
      message: z.string()
    })
  })
} as const

export interface LiveInbound {
  event: CallEvent
  /** Null when the event failed its check (recorded as `invalid:<type>`) or is not read. */
  parsed: LiveServerEvent | null
}

/** Reads one Live server event's JSON text from the data channel; null for non-events. */
export function liveInboundEvent(text: string): LiveInbound | null {
  const json = eventJson(text)
  if (!json) return null
  const { raw, type } = json
  const schema = Object.hasOwn(schemas, type) ? schemas[type as keyof typeof schemas] : null
  if (!schema) return { event: raw as CallEvent, parsed: null }
  if (schema.safeParse(raw).success)
    return { event: raw as CallEvent, parsed: raw as LiveServerEvent }
  return { event: { ...raw, type: `invalid:${type}` }, parsed: null }
}
