import { z } from 'zod'
import type { SessionResource } from 'openai/resources/live/live'

// GPT-Live startup configuration, strict as the service is (unknown fields are refused; see
// docs/gpt-live.md "Session config"). Shapes follow the `openai` SDK's `live.d.ts`; the
// compile-time check in test/unit/realtime-sim/live keeps them assignable to its types.

const Voice = z.union([z.string().min(1), z.strictObject({ id: z.string().min(1) })])

/** Primary WebSocket only: WebRTC and SIP negotiate their media. */
export const LiveAudioFormat = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('audio/pcm'),
    rate: z.union([z.literal(16000), z.literal(24000)])
  }),
  z.strictObject({ type: z.literal('audio/pcmu'), rate: z.literal(8000) }),
  z.strictObject({ type: z.literal('audio/pcma'), rate: z.literal(8000) })
])
export type LiveAudioFormat = z.output<typeof LiveAudioFormat>

const ClientDelegation = z.strictObject({
  type: z.literal('client'),
  acknowledgement_delay_ms: z.number().int().min(0).optional()
})

const TextPart = z.strictObject({ text: z.string(), type: z.literal('input_text').optional() })
const InitialItem = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('developer'),
    content: z.array(TextPart).length(1),
    id: z.string().nullable().optional(),
    status: z.enum(['incomplete', 'completed']).nullable().optional(),
    type: z.literal('message').optional()
  }),
  z.strictObject({
    role: z.literal('user'),
    content: z.array(TextPart).length(1),
    id: z.string().nullable().optional(),
    status: z.enum(['incomplete', 'completed']).nullable().optional(),
    type: z.literal('message').optional()
  }),
  z.strictObject({
    role: z.literal('assistant'),
    content: z
      .array(
        z.union([
          z.strictObject({ text: z.string(), type: z.literal('text').optional() }),
          z.strictObject({ text: z.string(), type: z.literal('output_text') })
        ])
      )
      .length(1),
    id: z.string().nullable().optional(),
    status: z.enum(['incomplete', 'completed']).nullable().optional(),
    type: z.literal('message').optional()
  })
])

const DataChannel = z.strictObject({
  allowed_client_events: z.union([z.literal('all'), z.array(z.string())]).optional(),
  allowed_server_events: z
    .union([
      z.literal('all'),
      z.array(z.strictObject({ type: z.string(), response_event: z.string().optional() }))
    ])
    .optional()
})

const common = {
  model: z.string().min(1),
  instructions: z.string().nullable().optional(),
  // Only client delegation is simulated: `responses` and `decisions` configs fail validation
  // with the API's wording for a value outside the union (docs/gpt-live.md "The simulator").
  delegation: ClientDelegation.nullable().optional(),
  input: z.array(InitialItem).max(128).optional(),
  store: z.boolean().optional(),
  // Decisions triggers are not simulated: an empty list (disable) is the only accepted value.
  triggers: z.array(z.never()).optional()
}

/** `session.start.session` on a primary WebSocket: the only place `audio.format` is allowed. */
export const LiveSocketSessionConfig = z.strictObject({
  ...common,
  audio: z
    .strictObject({
      format: LiveAudioFormat.optional(),
      output: z.strictObject({ voice: Voice.optional() }).optional()
    })
    .optional()
})

const MediaAudio = z
  .strictObject({ output: z.strictObject({ voice: Voice.optional() }).optional() })
  .optional()

/** `POST /v1/live/sessions` `session` (WebRTC): media format is negotiated, not configured. */
export const LiveMediaSessionConfig = z.strictObject({
  ...common,
  audio: MediaAudio,
  client: z.strictObject({ data_channel: DataChannel }).optional()
})

/** `POST /v1/live/sessions/{id}/accept` `session` (SIP). */
export const LiveAcceptSessionConfig = z.strictObject({
  ...common,
  type: z.literal('live'),
  audio: MediaAudio
})

/** The create request's body. */
export const LiveCreateBody = z.strictObject({
  session: LiveMediaSessionConfig,
  transport: z.strictObject({ type: z.literal('webrtc'), sdp: z.string().min(1) })
})

/** `session.update.session`: delegation settings (same type) and triggers only. */
export const LiveSessionUpdateConfig = z.strictObject({
  delegation: ClientDelegation.nullable().optional(),
  triggers: z.array(z.never()).optional()
})

type AnyStartConfig =
  | z.output<typeof LiveSocketSessionConfig>
  | z.output<typeof LiveMediaSessionConfig>
  | z.output<typeof LiveAcceptSessionConfig>

/** Sessions last at most this long (inferred: the SDK only says `expires_at` exists). */
const SESSION_LIFETIME_S = 60 * 60

/** The resolved session as `session.started` reports it, server defaults filled in. */
export function resolveSession(
  id: string,
  config: AnyStartConfig,
  nowSeconds: number
): SessionResource {
  const format = config.audio && 'format' in config.audio ? config.audio.format : undefined
  return {
    id,
    model: config.model,
    status: 'active',
    expires_at: Math.floor(nowSeconds) + SESSION_LIFETIME_S,
    instructions: config.instructions ?? null,
    audio: {
      output: { voice: config.audio?.output?.voice ?? 'marin' },
      ...(format && { format })
    },
    delegation: config.delegation ?? { type: 'client' },
    input: config.input ?? [],
    store: config.store ?? false,
    triggers: [],
    ...('client' in config && config.client && { client: config.client })
  }
}
