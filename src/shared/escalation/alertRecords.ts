import { z } from 'zod'
import { RULE_IDS, SEVERITIES } from './rules'

// Alerts as stored (alerts table) and as the Monitor lists them, with the supervisor's action.

export const ALERT_STATUSES = ['open', 'acknowledged', 'dismissed', 'escalated'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]

const EvidenceItemSchema = z
  .object({
    itemId: z.string().nullable(),
    turnIndex: z.number().int().nullable(),
    t: z.number(),
    quote: z.string().nullable()
  })
  .strict()

export const StoredAlertSchema = z
  .object({
    alertId: z.number().int(),
    sessionId: z.string(),
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    /** ISO time the alert was stored. */
    raisedAt: z.string(),
    reason: z.string(),
    evidence: z
      .object({ items: z.array(EvidenceItemSchema), figures: z.record(z.string(), z.number()) })
      .strict(),
    status: z.enum(ALERT_STATUSES),
    actionBy: z.string().nullable(),
    actionAt: z.string().nullable(),
    actionNote: z.string().nullable()
  })
  .strict()
export type StoredAlert = z.infer<typeof StoredAlertSchema>

const id = z.number().int().min(1)
const note = z.string().trim().max(2000).optional()

/** A supervisor's action on an alert; dismissing needs a reason (it is how rules get tuned). */
export const AlertActionSchema = z.discriminatedUnion('action', [
  z.object({ alertId: id, action: z.literal('acknowledge'), note }).strict(),
  z
    .object({
      alertId: id,
      action: z.literal('dismiss'),
      reason: z.string().trim().min(1, 'say why').max(500),
      note
    })
    .strict(),
  z.object({ alertId: id, action: z.literal('escalate'), note }).strict()
])
export type AlertAction = z.infer<typeof AlertActionSchema>
