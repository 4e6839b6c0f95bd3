import { z } from 'zod'
import { ConnectionTestSchema } from '../../settings/connectionTest'
import { AppSettingsSchema } from '../../settings/settingsSchema'
import { route } from '../route'

const SecretName = z.enum(['openai', 'azure', 'custom'])

export const settingsRoutes = {
  'settings.get': route({
    input: z.object({}).strict(),
    output: z.object({ settings: AppSettingsSchema, problem: z.string().nullable() }).strict()
  }),
  /** The whole settings object, validated; returns what was stored. */
  'settings.save': route({ input: AppSettingsSchema, output: AppSettingsSchema }),
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
        stored: z.object({ openai: z.boolean(), azure: z.boolean(), custom: z.boolean() }).strict()
      })
      .strict()
  }),
  /** Write-only: the key goes to main and is never returned. */
  'secrets.setApiKey': route({
    input: z
      .object({
        name: SecretName,
        key: z
          .string()
          .trim()
          .min(8, 'too short to be an API key')
          .max(500)
          .regex(/^\S+$/, 'must not contain spaces')
      })
      .strict(),
    output: z.object({ stored: z.literal(true) }).strict()
  }),
  'secrets.clearApiKey': route({
    input: z.object({ name: SecretName }).strict(),
    output: z.object({ stored: z.literal(false) }).strict()
  })
}
