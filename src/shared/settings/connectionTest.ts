import { z } from 'zod'

/** The outcome of Settings → Test connection. */
export const ConnectionTestSchema = z.discriminatedUnion('ok', [
  z
    .object({ ok: z.literal(true), ms: z.number(), model: z.string(), message: z.string() })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      kind: z.enum(['no_key', 'bad_key', 'unreachable', 'refused']),
      status: z.number().int().optional(),
      message: z.string()
    })
    .strict()
])
export type ConnectionTest = z.output<typeof ConnectionTestSchema>
