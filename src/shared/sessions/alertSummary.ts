import { z } from 'zod'
import { RULE_IDS, SEVERITIES } from '../escalation/rules'

/** A session's alerts at a glance: how many, and the worst (most severe, first raised). */
export const AlertSummarySchema = z
  .object({
    sessionId: z.string(),
    count: z.number().int().min(1),
    worstSeverity: z.enum(SEVERITIES),
    worstRule: z.enum(RULE_IDS)
  })
  .strict()
export type AlertSummary = z.infer<typeof AlertSummarySchema>
