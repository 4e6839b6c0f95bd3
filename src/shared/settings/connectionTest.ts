import { z } from 'zod'

/**
 * The outcome of Settings → Test connection. `message` is main's English (logs, tests); the UI
 * words the outcome by `kind` from the fields beside it, in its own language.
 */
export const ConnectionTestSchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      ms: z.number(),
      model: z.string(),
      /** false: only the key and endpoint were checked (GPT-Live on Azure names deployments). */
      modelChecked: z.literal(false).optional(),
      message: z.string()
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      kind: z.enum(['no_key', 'bad_key', 'unreachable', 'refused', 'key_origin']),
      status: z.number().int().optional(),
      /** The service's own error text (bad_key, refused), shown as it wrote it. */
      detail: z.string().optional(),
      /** unreachable: the address tried and the network's reason, as Node reported it. */
      origin: z.string().optional(),
      /** key_origin: the origin the stored key was entered for (null: none yet); not sent. */
      keyOrigin: z.string().nullable().optional(),
      cause: z.string().optional(),
      message: z.string()
    })
    .strict()
])
export type ConnectionTest = z.output<typeof ConnectionTestSchema>
