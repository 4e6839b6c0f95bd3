/**
 * A server event's JSON text as an object with a string `type`, before any schema: the first
 * step of reading an inbound event on either engine (inboundEvent.ts, liveInboundEvent.ts).
 * Null for text that is not such an object.
 */
export function eventJson(text: string): { raw: object; type: string } | null {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null) return null
  const type = (raw as { type?: unknown }).type
  return typeof type === 'string' ? { raw, type } : null
}
