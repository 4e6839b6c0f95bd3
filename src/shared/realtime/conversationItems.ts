import { z } from 'zod'

// GA conversation items. Content part types are the GA ones (`output_audio`, not `audio`).

const ItemStatus = z.enum(['completed', 'incomplete', 'in_progress'])

export const ContentPart = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('input_text'), text: z.string() }),
  z.strictObject({
    type: z.literal('input_audio'),
    audio: z.string().optional(),
    transcript: z.string().nullable().optional()
  }),
  z.strictObject({ type: z.literal('output_text'), text: z.string() }),
  z.strictObject({
    type: z.literal('output_audio'),
    audio: z.string().optional(),
    transcript: z.string().nullable().optional()
  })
])
export type ContentPart = z.output<typeof ContentPart>

const itemBase = {
  id: z.string().max(64).optional(),
  object: z.literal('realtime.item').optional(),
  status: ItemStatus.optional()
}

export const MessageItem = z.strictObject({
  ...itemBase,
  type: z.literal('message'),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.array(ContentPart)
})

export const FunctionCallItem = z.strictObject({
  ...itemBase,
  type: z.literal('function_call'),
  name: z.string(),
  call_id: z.string(),
  arguments: z.string()
})

export const FunctionCallOutputItem = z.strictObject({
  ...itemBase,
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.string()
})

export const ConversationItem = z.discriminatedUnion('type', [
  MessageItem,
  FunctionCallItem,
  FunctionCallOutputItem
])
export type ConversationItem = z.output<typeof ConversationItem>

/** Items as the server reports them: always with id, object and status. */
export const ServerItem = z.looseObject({
  id: z.string(),
  object: z.literal('realtime.item'),
  type: z.enum(['message', 'function_call', 'function_call_output']),
  status: z.enum(['completed', 'incomplete', 'in_progress']),
  role: z.enum(['user', 'assistant', 'system']).optional(),
  content: z.array(z.looseObject({ type: z.string() })).optional(),
  name: z.string().optional(),
  call_id: z.string().optional(),
  arguments: z.string().optional(),
  output: z.string().optional()
})
export type ServerItem = z.output<typeof ServerItem>
