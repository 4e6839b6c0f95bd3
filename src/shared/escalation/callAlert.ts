import { z } from 'zod'
import { ALERT_ACTIONS, ALERT_STATUSES } from './alertRecords'
import { SEVERITIES } from './rules'

/** One alert of a recorded call, placed on its timeline, with every action taken on it. */
export const CallAlertSchema = z
  .object({
    alertId: z.number().int(),
    rule: z.string(),
    severity: z.enum(SEVERITIES),
    raisedAt: z.string(),
    /** Call-relative ms (the evidence's t); null when the stored evidence has no time. */
    t: z.number().nullable(),
    reason: z.string(),
    /** The first quoted caller words in the evidence, if any. */
    quote: z.string().nullable(),
    status: z.enum(ALERT_STATUSES),
    actions: z.array(
      z
        .object({
          action: z.enum(ALERT_ACTIONS),
          by: z.string(),
          at: z.string(),
          note: z.string().nullable()
        })
        .strict()
    )
  })
  .strict()
export type CallAlert = z.infer<typeof CallAlertSchema>
