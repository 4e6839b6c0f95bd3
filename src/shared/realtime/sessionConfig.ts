import { z } from 'zod'

// GA session configuration (openai-node src/resources/realtime/realtime.ts). Objects are strict:
// the API answers unknown fields (beta shapes such as `modalities`) with `unknown_parameter`.

export const ServerVad = z.strictObject({
  type: z.literal('server_vad'),
  threshold: z.number().min(0).max(1).optional(),
  prefix_padding_ms: z.number().int().nonnegative().optional(),
  silence_duration_ms: z.number().int().nonnegative().optional(),
  create_response: z.boolean().optional(),
  interrupt_response: z.boolean().optional(),
  idle_timeout_ms: z.number().int().positive().nullable().optional()
})

export const SemanticVad = z.strictObject({
  type: z.literal('semantic_vad'),
  eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
  create_response: z.boolean().optional(),
  interrupt_response: z.boolean().optional()
})

export const TurnDetection = z.discriminatedUnion('type', [ServerVad, SemanticVad]).nullable()
export type TurnDetection = z.output<typeof TurnDetection>

export const AudioFormat = z.union([
  z.strictObject({ type: z.literal('audio/pcm'), rate: z.literal(24000).optional() }),
  z.strictObject({ type: z.enum(['audio/pcmu', 'audio/pcma']) })
])

export const Transcription = z.strictObject({
  model: z.string().min(1).optional(),
  language: z.string().min(2).max(8).optional(),
  languages: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  prompt: z.string().optional(),
  delay: z.enum(['minimal', 'low', 'medium', 'high', 'xhigh']).optional()
})

export const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar'
] as const

export const AudioConfig = z.strictObject({
  input: z
    .strictObject({
      format: AudioFormat.optional(),
      // Both fields optional (openai-node `RealtimeAudioConfigInput.NoiseReduction`); strength
      // defaults to 1 when noise reduction is first enabled.
      noise_reduction: z
        .strictObject({
          type: z.enum(['near_field', 'far_field']).optional(),
          strength: z.number().min(0).optional()
        })
        .nullable()
        .optional(),
      transcription: Transcription.nullable().optional(),
      turn_detection: TurnDetection.optional()
    })
    .optional(),
  output: z
    .strictObject({
      format: AudioFormat.optional(),
      voice: z.enum(VOICES).optional(),
      speed: z.number().min(0.25).max(1.5).optional()
    })
    .optional()
})

export const FunctionTool = z.strictObject({
  type: z.literal('function'),
  name: z.string().min(1).max(64),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional()
})
export type FunctionTool = z.output<typeof FunctionTool>

export const ToolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.strictObject({ type: z.literal('function'), name: z.string().min(1) })
])

export const OutputModalities = z
  .array(z.enum(['audio', 'text']))
  .min(1)
  .max(1)
export const MaxOutputTokens = z.union([z.number().int().min(1).max(4096), z.literal('inf')])

/** The session as a client sends it (client secret, multipart `session`, `session.update`). */
export const RealtimeSessionConfig = z.strictObject({
  type: z.literal('realtime'),
  model: z.string().min(1).optional(),
  instructions: z.string().optional(),
  output_modalities: OutputModalities.optional(),
  audio: AudioConfig.optional(),
  tools: z.array(FunctionTool).optional(),
  tool_choice: ToolChoice.optional(),
  max_output_tokens: MaxOutputTokens.optional(),
  include: z.array(z.literal('item.input_audio_transcription.logprobs')).nullable().optional(),
  tracing: z
    .union([
      z.literal('auto'),
      z.strictObject({
        workflow_name: z.string().optional(),
        group_id: z.string().optional(),
        metadata: z.unknown().optional()
      })
    ])
    .nullable()
    .optional(),
  truncation: z
    .union([
      z.enum(['auto', 'disabled']),
      z.strictObject({
        type: z.literal('retention_ratio'),
        retention_ratio: z.number().min(0).max(1),
        token_limits: z
          .strictObject({ post_instructions: z.number().int().min(0).optional() })
          .optional()
      })
    ])
    .optional(),
  prompt: z
    .strictObject({
      id: z.string().min(1),
      version: z.string().nullable().optional(),
      variables: z.record(z.string(), z.unknown()).nullable().optional()
    })
    .nullable()
    .optional(),
  // Reasoning models (gpt-realtime-2); the simulator's scripts ignore both.
  parallel_tool_calls: z.boolean().optional(),
  reasoning: z
    .strictObject({ effort: z.enum(['minimal', 'low', 'medium', 'high', 'xhigh']).optional() })
    .optional()
})
export type RealtimeSessionConfig = z.output<typeof RealtimeSessionConfig>

/**
 * `POST /v1/realtime/client_secrets` body. Everything is optional, as in openai-node's
 * `ClientSecretCreateParams`: `clientSecrets.create()` sends no body and gets the defaults.
 */
export const ClientSecretRequest = z.strictObject({
  expires_after: z
    .strictObject({
      anchor: z.literal('created_at').optional(),
      seconds: z.number().int().min(10).max(7200).optional()
    })
    .optional(),
  session: RealtimeSessionConfig.optional()
})
export type ClientSecretRequest = z.output<typeof ClientSecretRequest>

/** The effective session the server reports (`session.created`, client secret response). */
export const RealtimeSession = z.looseObject({
  id: z.string(),
  object: z.literal('realtime.session'),
  type: z.literal('realtime'),
  model: z.string(),
  instructions: z.string(),
  output_modalities: OutputModalities,
  audio: z.looseObject({
    input: z.looseObject({
      turn_detection: z.unknown(),
      transcription: z.unknown(),
      noise_reduction: z.unknown()
    }),
    output: z.looseObject({ voice: z.string() })
  }),
  tools: z.array(z.unknown()),
  tool_choice: z.unknown(),
  max_output_tokens: MaxOutputTokens
})
export type RealtimeSession = z.output<typeof RealtimeSession>

export const ClientSecretResponse = z.object({
  value: z.string().startsWith('ek_'),
  expires_at: z.number().int(),
  session: RealtimeSession
})
export type ClientSecretResponse = z.output<typeof ClientSecretResponse>
