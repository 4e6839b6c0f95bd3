import {
  NOTIFY_PAYLOAD_LIMIT_BYTES,
  TEAM_EVENT_VERSION,
  TEAM_TEXT_MAX_CHARS,
  TeamEventSchema,
  type TeamEvent
} from './teamEvents'

// A team event to and from a NOTIFY payload: JSON with the wire version, checked both ways.

export class TeamEventTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`a team event of ${bytes} bytes is over NOTIFY's limit (${NOTIFY_PAYLOAD_LIMIT_BYTES})`)
    this.name = 'TeamEventTooLargeError'
  }
}

export type DecodedTeamEvent = { ok: true; event: TeamEvent } | { ok: false; reason: string }

const utf8 = new TextEncoder()

/** Free text cut to what the wire carries (a summary or note longer than that is in the DB). */
export function wireText(text: string): string {
  const chars = Array.from(text)
  return chars.length <= TEAM_TEXT_MAX_CHARS
    ? text
    : chars.slice(0, TEAM_TEXT_MAX_CHARS - 1).join('') + '…'
}

/** The payload to NOTIFY; throws on an invalid event or one over the limit (never truncated). */
export function encodeTeamEvent(event: TeamEvent): string {
  const checked = TeamEventSchema.parse(event)
  const payload = JSON.stringify({ v: TEAM_EVENT_VERSION, ...checked })
  const bytes = utf8.encode(payload).length
  if (bytes > NOTIFY_PAYLOAD_LIMIT_BYTES) throw new TeamEventTooLargeError(bytes)
  return payload
}

/** A received payload as an event, or why it is not one (no payload text in the reason). */
export function decodeTeamEvent(payload: string): DecodedTeamEvent {
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'not an object' }
  const { v, ...event } = parsed as Record<string, unknown>
  if (v !== TEAM_EVENT_VERSION)
    return { ok: false, reason: `wire version ${typeof v === 'number' ? v : typeof v}` }
  const checked = TeamEventSchema.safeParse(event)
  if (!checked.success) {
    const where = checked.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')
    return { ok: false, reason: `invalid fields: ${where}` }
  }
  return { ok: true, event: checked.data }
}
