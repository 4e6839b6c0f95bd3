import { z } from 'zod'
import { ServerItem } from './conversationItems'
import { MaxOutputTokens, OutputModalities } from './sessionConfig'

export const ResponseStatus = z.enum([
  'completed',
  'cancelled',
  'failed',
  'incomplete',
  'in_progress'
])
export type ResponseStatus = z.output<typeof ResponseStatus>

export const ResponseStatusDetails = z
  .object({
    type: z.enum(['completed', 'cancelled', 'failed', 'incomplete']),
    reason: z
      .enum(['turn_detected', 'client_cancelled', 'max_output_tokens', 'content_filter'])
      .optional(),
    error: z.object({ type: z.string(), code: z.string().optional() }).optional()
  })
  .nullable()
export type ResponseStatusDetails = z.output<typeof ResponseStatusDetails>

/** `response.done.response.usage` (openai-node `RealtimeResponseUsage`). */
export const ResponseUsage = z.object({
  total_tokens: z.number().int().nonnegative(),
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  input_token_details: z.object({
    text_tokens: z.number().int().nonnegative(),
    audio_tokens: z.number().int().nonnegative(),
    image_tokens: z.number().int().nonnegative(),
    cached_tokens: z.number().int().nonnegative(),
    cached_tokens_details: z.object({
      text_tokens: z.number().int().nonnegative(),
      audio_tokens: z.number().int().nonnegative(),
      image_tokens: z.number().int().nonnegative()
    })
  }),
  output_token_details: z.object({
    text_tokens: z.number().int().nonnegative(),
    audio_tokens: z.number().int().nonnegative()
  })
})
export type ResponseUsage = z.output<typeof ResponseUsage>

export const RealtimeResponse = z.object({
  id: z.string(),
  object: z.literal('realtime.response'),
  status: ResponseStatus,
  status_details: ResponseStatusDetails,
  output: z.array(ServerItem),
  conversation_id: z.string().nullable(),
  output_modalities: OutputModalities,
  max_output_tokens: MaxOutputTokens,
  audio: z.object({ output: z.object({ voice: z.string() }).loose() }).loose(),
  usage: ResponseUsage.nullable(),
  metadata: z.record(z.string(), z.string()).nullable()
})
export type RealtimeResponse = z.output<typeof RealtimeResponse>
