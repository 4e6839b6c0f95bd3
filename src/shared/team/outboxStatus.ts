import { z } from 'zod'

/**
 * The desk's recording outbox as the screen shows it: live writes waiting locally because the
 * session database could not take them (the team database unreachable, or an import's lock).
 */
export const OutboxStatusSchema = z
  .object({
    /** The last try to deliver found the team database unreachable. */
    unreachable: z.boolean(),
    /** Writes (a call's row, event batches, alerts) waiting, delivered in order. */
    waiting: z.number().int().min(0)
  })
  .strict()
export type OutboxStatus = z.output<typeof OutboxStatusSchema>
