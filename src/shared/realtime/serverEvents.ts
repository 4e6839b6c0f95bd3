import { z } from 'zod'
import { ServerItem } from './conversationItems'
import { RealtimeResponse } from './responseObject'
import { RealtimeSession } from './sessionConfig'

// GA server events (protocol doc §4). Loose objects: the real API may add fields, and the
// renderer's reducer must not drop an event for that.

const base = { event_id: z.string() }
const event = <T extends string, S extends z.ZodRawShape>(
  type: T,
  shape: S
): z.ZodObject<{ type: z.ZodLiteral<T>; event_id: z.ZodString } & S, z.core.$loose> =>
  z.looseObject({ type: z.literal(type), ...base, ...shape })

export const ApiError = z.looseObject({
  type: z.string(),
  code: z.string().nullable().optional(),
  message: z.string(),
  param: z.string().nullable().optional(),
  event_id: z.string().nullable().optional()
})
export type ApiError = z.output<typeof ApiError>

export const RateLimit = z.object({
  name: z.enum(['requests', 'tokens']),
  limit: z.number().int(),
  remaining: z.number().int(),
  reset_seconds: z.number()
})

const TranscriptionUsage = z.union([
  z.looseObject({
    type: z.literal('tokens'),
    input_tokens: z.number(),
    output_tokens: z.number(),
    total_tokens: z.number(),
    input_token_details: z
      .looseObject({ text_tokens: z.number(), audio_tokens: z.number() })
      .optional()
  }),
  z.looseObject({ type: z.literal('duration'), seconds: z.number() })
])

const responseRef = { response_id: z.string() }
/** A content part as `response.content_part.*` report it: `audio`/`text`, not the item's GA names. */
const ResponsePart = z.looseObject({
  type: z.enum(['audio', 'text']),
  transcript: z.string().optional(),
  text: z.string().optional()
})
const audioPart = {
  response_id: z.string(),
  item_id: z.string(),
  output_index: z.number().int(),
  content_index: z.number().int()
}

export const serverEventSchemas = [
  event('session.created', { session: RealtimeSession }),
  event('session.updated', { session: RealtimeSession }),
  event('conversation.item.added', { item: ServerItem, previous_item_id: z.string().nullable() }),
  event('conversation.item.done', { item: ServerItem, previous_item_id: z.string().nullable() }),
  event('conversation.item.retrieved', { item: ServerItem }),
  event('conversation.item.deleted', { item_id: z.string() }),
  event('input_audio_buffer.speech_started', { audio_start_ms: z.number(), item_id: z.string() }),
  event('input_audio_buffer.speech_stopped', { audio_end_ms: z.number(), item_id: z.string() }),
  event('input_audio_buffer.committed', {
    item_id: z.string(),
    previous_item_id: z.string().nullable()
  }),
  event('input_audio_buffer.cleared', {}),
  event('conversation.item.input_audio_transcription.delta', {
    item_id: z.string(),
    content_index: z.number().int(),
    delta: z.string()
  }),
  event('conversation.item.input_audio_transcription.completed', {
    item_id: z.string(),
    content_index: z.number().int(),
    transcript: z.string(),
    usage: TranscriptionUsage,
    languages: z.array(z.object({ code: z.string() })).optional()
  }),
  event('response.created', { response: RealtimeResponse }),
  event('response.output_item.added', {
    ...responseRef,
    output_index: z.number().int(),
    item: ServerItem
  }),
  event('response.output_item.done', {
    ...responseRef,
    output_index: z.number().int(),
    item: ServerItem
  }),
  event('response.content_part.added', { ...audioPart, part: ResponsePart }),
  event('response.content_part.done', { ...audioPart, part: ResponsePart }),
  event('response.output_audio_transcript.delta', { ...audioPart, delta: z.string() }),
  event('response.output_audio_transcript.done', { ...audioPart, transcript: z.string() }),
  event('response.output_audio.delta', { ...audioPart, delta: z.string() }),
  event('response.output_audio.done', audioPart),
  event('conversation.item.truncated', {
    item_id: z.string(),
    content_index: z.number().int(),
    audio_end_ms: z.number().int()
  }),
  event('response.function_call_arguments.delta', {
    ...responseRef,
    item_id: z.string(),
    output_index: z.number().int(),
    call_id: z.string(),
    delta: z.string()
  }),
  event('response.function_call_arguments.done', {
    ...responseRef,
    item_id: z.string(),
    output_index: z.number().int(),
    call_id: z.string(),
    name: z.string(),
    arguments: z.string()
  }),
  event('response.done', { response: RealtimeResponse }),
  event('output_audio_buffer.started', responseRef),
  event('output_audio_buffer.stopped', responseRef),
  event('output_audio_buffer.cleared', responseRef),
  event('rate_limits.updated', { rate_limits: z.array(RateLimit) }),
  event('error', { error: ApiError })
] as const

export const ServerEvent = z.discriminatedUnion('type', serverEventSchemas)
export { ServerItem }
export type ServerEvent = z.output<typeof ServerEvent>
export type ServerEventType = ServerEvent['type']
export type ServerEventOf<T extends ServerEventType> = Extract<ServerEvent, { type: T }>
/** What a sender fills in: everything but the event id. */
export type ServerEventBody<T extends ServerEventType = ServerEventType> = T extends ServerEventType
  ? Omit<ServerEventOf<T>, 'event_id'>
  : never
