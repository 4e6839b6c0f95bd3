import { ServerEvent } from '../realtime/serverEvents'
import { isKnownCallEvent, type CallEvent } from './callEvents'
import { eventJson } from './eventJson'

/** A server event as received: what is recorded and reduced, and the checked event, if valid. */
export interface InboundEvent {
  event: CallEvent
  /** Null when the event failed its schema (it is still recorded, renamed `invalid:<type>`). */
  parsed: ServerEvent | null
}

/**
 * Reads one server event's JSON text (data channel or sideband). The reducer trusts the shape
 * of the events it knows, so a known type that fails its schema goes in renamed: recorded, but
 * changing nothing. Null for text that is not a JSON object with a string `type`.
 */
export function inboundEvent(text: string): InboundEvent | null {
  const json = eventJson(text)
  if (!json) return null
  const { raw, type } = json
  const parsed = ServerEvent.safeParse(raw)
  if (parsed.success) return { event: parsed.data, parsed: parsed.data }
  const event = isKnownCallEvent({ type })
    ? { ...raw, type: `invalid:${type}` }
    : (raw as CallEvent)
  return { event, parsed: null }
}
