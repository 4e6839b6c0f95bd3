import { z } from 'zod'
import { RULE_IDS, SEVERITIES } from './rules'

// Alerts as stored (alerts table) and as the Monitor lists them, with the supervisor's action.

/** The most alerts one list request returns (Monitor, the rail's badge). */
export const MAX_LISTED_ALERTS = 500

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
    actionNote: z.string().nullable(),
    /** The desk whose call raised it (team mode); null on a desk's own file. */
    seat: z.string().nullable(),
    /** The call that raised it is over (hung up, recovered after a crash, or failed). */
    callEnded: z.boolean()
  })
  .strict()
export type StoredAlert = z.infer<typeof StoredAlertSchema>

const id = z.number().int().min(1)
const note = z.string().trim().max(2000).optional()

export const ALERT_ACTIONS = [
  'acknowledge',
  'dismiss',
  'escalate',
  'instruct',
  'stop_agent',
  'end_call'
] as const
export type AlertActionKind = (typeof ALERT_ACTIONS)[number]

/** The longest instruction a supervisor may inject into a live call. */
export const MAX_INSTRUCTION_CHARS = 1000

/**
 * A supervisor's action on an alert; dismissing needs a one-line reason (it is how rules get
 * tuned), instructing needs the text the agent is told.
 */
export const AlertActionSchema = z.discriminatedUnion('action', [
  z.object({ alertId: id, action: z.literal('acknowledge'), note }).strict(),
  z
    .object({
      alertId: id,
      action: z.literal('dismiss'),
      reason: z
        .string()
        .trim()
        .min(1, 'say why')
        .max(500)
        .regex(/^[^\r\n]*$/, 'one line'),
      note
    })
    .strict(),
  z.object({ alertId: id, action: z.literal('escalate'), note }).strict(),
  z
    .object({
      alertId: id,
      action: z.literal('instruct'),
      instruction: z.string().trim().min(1, 'say what to do').max(MAX_INSTRUCTION_CHARS)
    })
    .strict(),
  z.object({ alertId: id, action: z.literal('stop_agent') }).strict(),
  z.object({ alertId: id, action: z.literal('end_call') }).strict()
])
export type AlertAction = z.infer<typeof AlertActionSchema>

/** One row of alert_actions, with the rule of its alert (Monitor tallies dismissals by rule). */
export const AlertActionRecordSchema = z
  .object({
    actionId: z.number().int(),
    alertId: z.number().int(),
    sessionId: z.string(),
    rule: z.enum(RULE_IDS),
    action: z.enum(ALERT_ACTIONS),
    actionBy: z.string(),
    /** ISO time. */
    actionAt: z.string(),
    /** dismiss: the reason (first line); instruct: the instruction; escalate: the handoff note. */
    note: z.string().nullable()
  })
  .strict()
export type AlertActionRecord = z.infer<typeof AlertActionRecordSchema>

export const AlertActionsQuerySchema = z
  .object({
    alertId: id.optional(),
    sessionId: z.string().min(1).max(200).optional(),
    action: z.enum(ALERT_ACTIONS).optional(),
    limit: z.number().int().min(1).max(5000).default(1000)
  })
  .strict()
export type AlertActionsQuery = z.input<typeof AlertActionsQuerySchema>
