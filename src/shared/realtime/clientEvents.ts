import { z } from 'zod'
import { ConversationItem } from './conversationItems'
import {
  FunctionTool,
  MaxOutputTokens,
  OutputModalities,
  RealtimeSessionConfig,
  ToolChoice
} from './sessionConfig'

// GA client events the console and official clients send (protocol doc §4). Strict, as the API is with unknown fields.

const base = { event_id: z.string().max(64).optional() }

export const ResponseCreateParams = z.strictObject({
  instructions: z.string().optional(),
  tools: z.array(FunctionTool).optional(),
  tool_choice: ToolChoice.optional(),
  conversation: z.enum(['auto', 'none']).optional(),
  input: z.array(ConversationItem).optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  output_modalities: OutputModalities.optional(),
  max_output_tokens: MaxOutputTokens.optional()
})

export const clientEventSchemas = [
  z.strictObject({
    ...base,
    type: z.literal('session.update'),
    session: RealtimeSessionConfig
  }),
  z.strictObject({
    ...base,
    type: z.literal('conversation.item.create'),
    previous_item_id: z.string().nullable().optional(),
    item: ConversationItem
  }),
  z.strictObject({
    ...base,
    type: z.literal('response.create'),
    response: ResponseCreateParams.optional()
  }),
  z.strictObject({
    ...base,
    type: z.literal('response.cancel'),
    response_id: z.string().optional()
  }),
  z.strictObject({ ...base, type: z.literal('output_audio_buffer.clear') }),
  z.strictObject({ ...base, type: z.literal('input_audio_buffer.clear') }),
  z.strictObject({ ...base, type: z.literal('input_audio_buffer.commit') }),
  // Base64 audio in the session's input format (WebSocket callers stream it this way).
  z.strictObject({ ...base, type: z.literal('input_audio_buffer.append'), audio: z.string() }),
  z.strictObject({
    ...base,
    type: z.literal('conversation.item.truncate'),
    item_id: z.string(),
    content_index: z.number().int().nonnegative(),
    audio_end_ms: z.number().int().nonnegative()
  }),
  z.strictObject({ ...base, type: z.literal('conversation.item.retrieve'), item_id: z.string() }),
  z.strictObject({ ...base, type: z.literal('conversation.item.delete'), item_id: z.string() })
] as const

export const ClientEvent = z.discriminatedUnion('type', clientEventSchemas)
export type ClientEvent = z.output<typeof ClientEvent>
export type ClientEventType = ClientEvent['type']
export type ClientEventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>
export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = clientEventSchemas.map(
  (schema) => schema.shape.type.value
)
