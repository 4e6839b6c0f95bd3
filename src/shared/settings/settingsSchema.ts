import { z } from 'zod'
import { VOICES } from '../realtime/sessionConfig'
import { DEFAULT_INSTRUCTIONS } from './defaultInstructions'
import { DEFAULT_ESCALATION_THRESHOLDS, EscalationThresholdsSchema } from '../escalation/thresholds'
import { DEFAULT_TEAM_SETTINGS, TeamSettingsSchema } from './teamSettings'
import { VOICE_ENGINES, type VoiceEngine } from '../live-call/voiceEngine'
import { GPT_LIVE_PRICE_PER_MINUTE } from '../live-call/callConfig'

// Everything the console needs to place a call, except the keys (secrets live in main only).

// The GA voices, one list for the simulator's session schema and the Settings form.
export { VOICES }

const httpsUrl = z
  .string()
  .trim()
  .url('not a URL')
  .refine((url) => /^https:\/\//.test(url), 'must start with https://')
/**
 * A custom OpenAI-compatible endpoint (and the endpoint a key is entered for) may be plain http
 * only on loopback (the local simulator).
 */
export const EndpointUrlSchema = z
  .string()
  .trim()
  .url('not a URL')
  .refine(
    (url) =>
      /^https:\/\//.test(url) ||
      /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url),
    'must be https://, or http:// on 127.0.0.1 / localhost'
  )

/** The voice API a provider's calls use; absent means Realtime (settings saved before #20). */
const engine = z.enum(VOICE_ENGINES).optional()

export const ProviderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openai'), engine }).strict(),
  z
    .object({
      kind: z.literal('azure'),
      /** https://{resource}.openai.azure.com */
      endpoint: httpsUrl,
      /** The realtime deployment's name: Azure uses it as the model. */
      deployment: z.string().trim().min(1, 'empty value').max(100),
      engine
    })
    .strict(),
  z.object({ kind: z.literal('custom'), baseUrl: EndpointUrlSchema, engine }).strict(),
  /** The bundled scripted agent, run by main on loopback: no key, nothing leaves the computer. */
  z.object({ kind: z.literal('demo') }).strict()
])
export type Provider = z.output<typeof ProviderSchema>
export type ProviderKind = Provider['kind']

/** The engine a provider's calls run on. The demo agent speaks Realtime only. */
export function providerEngine(provider: Provider): VoiceEngine {
  return provider.kind === 'demo' ? 'realtime' : (provider.engine ?? 'realtime')
}

/** The model name a demo call reports and records, so demo sessions never pass for real ones. */
export const DEMO_AGENT_MODEL = 'demo-agent'

export const TurnDetectionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('semantic_vad'),
      eagerness: z.enum(['low', 'medium', 'high', 'auto'])
    })
    .strict(),
  z
    .object({
      type: z.literal('server_vad'),
      threshold: z.number().min(0).max(1),
      prefix_padding_ms: z.number().int().min(0).max(2000),
      silence_duration_ms: z.number().int().min(100).max(5000)
    })
    .strict()
])

/**
 * List prices for the live cost estimate (they change: editable). Realtime's in USD per million
 * tokens; GPT-Live's in USD per minute of session (settings saved before it existed get the list
 * price).
 */
export const PricingSchema = z
  .object({
    audioInput: z.number().nonnegative(),
    audioOutput: z.number().nonnegative(),
    textInput: z.number().nonnegative(),
    textOutput: z.number().nonnegative(),
    cachedInput: z.number().nonnegative(),
    liveSessionPerMinute: z.number().nonnegative().default(GPT_LIVE_PRICE_PER_MINUTE)
  })
  .strict()

/** Sizes text-embedding-3 vectors can be shortened to: smaller indexes, faster scans. */
export const EMBEDDING_DIMENSIONS = [256, 512, 1024, 1536] as const

export const AppSettingsSchema = z
  .object({
    provider: ProviderSchema.default({ kind: 'openai' }),
    model: z.string().trim().min(1).max(100).default('gpt-realtime'),
    /** The model of GPT-Live calls (the `model` above is Realtime's; Azure uses the deployment). */
    liveModel: z.string().trim().min(1).max(100).default('gpt-live-1'),
    voice: z.enum(VOICES).default('marin'),
    turnDetection: TurnDetectionSchema.default({ type: 'semantic_vad', eagerness: 'auto' }),
    noiseReduction: z.enum(['near_field', 'far_field', 'off']).default('near_field'),
    transcription: z
      .object({
        model: z.string().trim().min(1).max(100),
        /** ISO-639-1 hint; empty = let the model detect it (callers speak en, es or fr). */
        language: z.union([z.literal(''), z.string().regex(/^[a-z]{2}$/, 'a two-letter code')])
      })
      .strict()
      .default({ model: 'gpt-4o-mini-transcribe', language: '' }),
    instructions: z.string().trim().min(1).max(20_000).default(DEFAULT_INSTRUCTIONS),
    /**
     * The agent's search: hybrid (lexical + vectors, more robust to paraphrase) or lexical
     * only (the glossary still serves es/fr; about the same recall on the eval set, faster at 10k
     * products where the vector scan costs ~5 ms).
     */
    retrieval: z.enum(['hybrid', 'lexical']).default('hybrid'),
    /**
     * The vectors behind hybrid search: the offline word vectors (no network, no key, a question
     * in 0.02 ms), or the provider's embeddings endpoint (text-embedding-3-small by default;
     * on Azure the deployment's name) through the connection above and its key, at the cost of
     * a network round trip for every question the vectors are asked. Each provider and size
     * has its own index; switching re-embeds only what that index lacks.
     */
    embeddings: z
      .object({
        source: z.enum(['offline', 'provider']),
        model: z.string().trim().min(1, 'empty value').max(100),
        dimensions: z.union(EMBEDDING_DIMENSIONS.map((d) => z.literal(d)))
      })
      .strict()
      .default({ source: 'offline', model: 'text-embedding-3-small', dimensions: 512 }),
    /**
     * Who labels calls (post-call sentiment and scenario, live negative-sentiment reading):
     * a small model through the provider's key (Structured Outputs), or the offline lexicons.
     * The model is used only with a stored key and a non-demo provider; on any failure the
     * lexicons answer and the session says so.
     */
    labelling: z
      .object({
        source: z.enum(['model', 'lexicon']),
        /** On Azure: the deployment's name. */
        model: z.string().trim().min(1).max(100)
      })
      .strict()
      .default({ source: 'model', model: 'gpt-4o-mini' }),
    pricing: PricingSchema.default({
      audioInput: 32,
      audioOutput: 64,
      textInput: 4,
      textOutput: 16,
      cachedInput: 0.4,
      liveSessionPerMinute: GPT_LIVE_PRICE_PER_MINUTE
    }),
    /**
     * Record each desk call's audio, both sides mixed (Opus in WebM), stored with its session
     * (docs/recording.md#call-audio). Off unless the desk opts in; the call screen says so while
     * it records.
     */
    recordAudio: z.boolean().default(false),
    /** Thresholds of the live escalation rules (Monitor → Rules backtests them). */
    escalation: EscalationThresholdsSchema.default(() =>
      structuredClone(DEFAULT_ESCALATION_THRESHOLDS)
    ),
    /** Team mode: this desk only (SQLite) or the team's PostgreSQL, and this desk's seat. */
    team: TeamSettingsSchema.default(() => structuredClone(DEFAULT_TEAM_SETTINGS))
  })
  .strict()
export type AppSettings = z.output<typeof AppSettingsSchema>

export const defaultSettings = (): AppSettings => AppSettingsSchema.parse({})
