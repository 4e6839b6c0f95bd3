import { z } from 'zod'
import { ConnectionTestSchema } from '../../settings/connectionTest'
import { AppSettingsSchema, EndpointUrlSchema } from '../../settings/settingsSchema'
import { route } from '../route'
import { SECRET_NAMES } from '../../settings/keyOrigin'

const SecretName = z.enum(SECRET_NAMES)
const ApiKey = z
  .string()
  .trim()
  .min(8, 'too short to be an API key')
  .max(500)
  .regex(/^\S+$/, 'must not contain spaces')
/** The endpoint a key is entered for: the key is bound to its origin and sent nowhere else. */
const KeyEndpoint = EndpointUrlSchema
/**
 * When the endpoint's origin differs from the one the stored key was entered for: the key again
 * (bound to the new origin), or a confirmation naming the new origin (the stored key moves to it).
 */
const KeyForNewOrigin = z.union([
  z.object({ apiKey: ApiKey }).strict(),
  z.object({ confirmOrigin: z.string().trim().min(1) }).strict()
])
const Origins = z
  .object({
    openai: z.string().nullable(),
    azure: z.string().nullable(),
    custom: z.string().nullable()
  })
  .strict()

export const settingsRoutes = {
  'settings.get': route({
    input: z.object({}).strict(),
    output: z.object({ settings: AppSettingsSchema, problem: z.string().nullable() }).strict()
  }),
  /**
   * The whole settings object, validated; returns what was stored. Refused when the endpoint
   * would send a stored key to another origin, unless `keyForNewOrigin` says how to go on.
   */
  'settings.save': route({
    input: AppSettingsSchema.extend({ keyForNewOrigin: KeyForNewOrigin.optional() }),
    output: AppSettingsSchema
  }),
  /** Mints a 10-second client secret with the saved settings and key. */
  'settings.testConnection': route({ input: z.object({}).strict(), output: ConnectionTestSchema }),
  /** Whether keys can be stored safely here, and which are stored: never the keys themselves. */
  'secrets.status': route({
    input: z.object({}).strict(),
    output: z
      .object({
        available: z.boolean(),
        backend: z.string(),
        reason: z.string().nullable(),
        stored: z.object({ openai: z.boolean(), azure: z.boolean(), custom: z.boolean() }).strict(),
        /** The origin each stored key was entered for (null: none stored, or not bound yet). */
        origins: Origins
      })
      .strict()
  }),
  /** Write-only: the key goes to main, bound to its endpoint's origin, and is never returned. */
  'secrets.setApiKey': route({
    input: z
      .object({
        name: SecretName,
        key: ApiKey,
        /** Azure and custom keys: the endpoint typed beside the key (OpenAI's is fixed). */
        endpoint: KeyEndpoint.optional()
      })
      .strict(),
    output: z.object({ stored: z.literal(true) }).strict()
  }),
  'secrets.clearApiKey': route({
    input: z.object({ name: SecretName }).strict(),
    output: z.object({ stored: z.literal(false) }).strict()
  })
}
