import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime'
import type { z } from 'zod'
// The Agents SDK's own zod schemas, the ones its transports parse every server event with. The
// package's exports map hides the file, so it is imported by path (tests only).
import * as agentsEvents from '../../node_modules/@openai/agents-realtime/dist/openaiRealtimeEvents'

/**
 * Every server event type the `openai` SDK (7.x) declares, checked both ways by the compiler:
 * a type the SDK adds or drops fails the typecheck until this list follows it.
 */
const OPENAI_SERVER_EVENT_TYPES = {
  'conversation.created': true,
  'conversation.item.created': true,
  'conversation.item.deleted': true,
  'conversation.item.input_audio_transcription.completed': true,
  'conversation.item.input_audio_transcription.delta': true,
  'conversation.item.input_audio_transcription.failed': true,
  'conversation.item.input_audio_transcription.segment': true,
  'conversation.item.retrieved': true,
  'conversation.item.truncated': true,
  'conversation.item.added': true,
  'conversation.item.done': true,
  error: true,
  'input_audio_buffer.cleared': true,
  'input_audio_buffer.committed': true,
  'input_audio_buffer.dtmf_event_received': true,
  'input_audio_buffer.speech_started': true,
  'input_audio_buffer.speech_stopped': true,
  'input_audio_buffer.timeout_triggered': true,
  'output_audio_buffer.started': true,
  'output_audio_buffer.stopped': true,
  'output_audio_buffer.cleared': true,
  'rate_limits.updated': true,
  'response.output_audio.delta': true,
  'response.output_audio.done': true,
  'response.output_audio_transcript.delta': true,
  'response.output_audio_transcript.done': true,
  'response.content_part.added': true,
  'response.content_part.done': true,
  'response.created': true,
  'response.done': true,
  'response.function_call_arguments.delta': true,
  'response.function_call_arguments.done': true,
  'response.output_item.added': true,
  'response.output_item.done': true,
  'response.output_text.delta': true,
  'response.output_text.done': true,
  'session.created': true,
  'session.updated': true,
  'mcp_list_tools.in_progress': true,
  'mcp_list_tools.completed': true,
  'mcp_list_tools.failed': true,
  'response.mcp_call_arguments.delta': true,
  'response.mcp_call_arguments.done': true,
  'response.mcp_call.in_progress': true,
  'response.mcp_call.completed': true,
  'response.mcp_call.failed': true
} as const satisfies Record<RealtimeServerEvent['type'], true>

type KnownType = keyof typeof OPENAI_SERVER_EVENT_TYPES
// The other direction: no key above that the SDK does not declare.
const noExtraTypes: Exclude<KnownType, RealtimeServerEvent['type']> extends never ? true : never =
  true
void noExtraTypes

/** The Agents SDK schema (by its export name) for each event type its union knows. */
const AGENTS_SCHEMA_BY_TYPE = new Map<string, { name: string; schema: z.ZodType }>(
  Object.entries(agentsEvents).flatMap(([name, value]) => {
    const type = (value as { shape?: { type?: { value?: unknown } } }).shape?.type?.value
    const inUnion = agentsEvents.realtimeServerEventSchema.options.some((o) => o === value)
    return inUnion && typeof type === 'string'
      ? [[type, { name, schema: value as z.ZodType }] as const]
      : []
  })
)

/** Why an official client would not take a server event as the API's. */
export interface EventProblem {
  type: string
  /** What refused it: an Agents SDK schema's export name, or the openai SDK's type union. */
  refusedBy: string
  issues: string[]
}

/**
 * Checks one server event (as sent on the wire) against the official clients: its type must be
 * one the `openai` SDK declares, and when the Agents SDK has a schema for it, the event must
 * pass it; the SDK's transports otherwise take it for an unknown event and drop it (its
 * `parseRealtimeEvent` reports it as generic). Returns null when the event is valid.
 */
export function officialEventProblem(raw: unknown): EventProblem | null {
  const type = (raw as { type?: unknown } | null)?.type
  if (typeof type !== 'string')
    return { type: String(type), refusedBy: 'no type', issues: ['the event has no string type'] }
  if (!Object.hasOwn(OPENAI_SERVER_EVENT_TYPES, type))
    return {
      type,
      refusedBy: "openai's RealtimeServerEvent",
      issues: [`'${type}' is not a server event type of the openai SDK`]
    }
  const known = AGENTS_SCHEMA_BY_TYPE.get(type)
  if (!known) return null
  const { isGeneric } = agentsEvents.parseRealtimeEvent({ data: JSON.stringify(raw) } as never)
  const parsed = known.schema.safeParse(raw)
  if (parsed.success && !isGeneric) return null
  return {
    type,
    refusedBy: `@openai/agents-realtime ${known.name}`,
    issues: parsed.success
      ? ['parseRealtimeEvent treats it as unknown']
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  }
}

/** Every problem in a list of server events, one line each (for an assertion's message). */
export function officialEventProblems(events: readonly unknown[]): EventProblem[] {
  return events.flatMap((event) => officialEventProblem(event) ?? [])
}

export const describeProblem = (p: EventProblem): string =>
  `${p.type} refused by ${p.refusedBy}: ${p.issues.join('; ')}`
