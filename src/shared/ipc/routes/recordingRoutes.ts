import { z } from 'zod'
import { LEXICON_REASONS } from '../../classify/modelLabels'
import { ALERT_ACTIONS, ALERT_STATUSES } from '../../escalation/alertRecords'
import { SEVERITIES } from '../../escalation/rules'
import { StoredSessionSchema } from '../../sessions/labSchema'
import { PricingSchema } from '../../settings/settingsSchema'
import { route } from '../route'

/** Live session ids: LIVE-<UTC yyyymmdd>-<hhmmss>-<4 hex>, e.g. LIVE-20261125-143012-ab12. */
export const LIVE_SESSION_ID = /^LIVE-\d{8}-\d{6}-[0-9a-f]{4}$/
export const MAX_EVENTS_PER_BATCH = 500
/** JSON size of one batch's events; a realistic 500 ms batch is a few KB. */
export const MAX_BATCH_BYTES = 256 * 1024

const SessionId = z.string().regex(LIVE_SESSION_ID, 'a live session id (LIVE-…)')
const EpochMs = z.number().int().min(0).max(8.64e15)

/**
 * One recorded reducer input (CallInput in src/shared/live-call/callEvents.ts): the page clock
 * and the event as sent, received or observed. Only `type` is checked here; the reducer reads
 * what it knows and ignores the rest, so new server events pass through unchanged.
 */
export const RecordedInputSchema = z
  .object({
    t: z.number().min(0),
    event: z.looseObject({ type: z.string().min(1).max(120) })
  })
  .strict()
export type RecordedInput = z.infer<typeof RecordedInputSchema>

const EventBatch = z
  .array(RecordedInputSchema)
  .max(MAX_EVENTS_PER_BATCH)
  .refine((events) => JSON.stringify(events).length <= MAX_BATCH_BYTES, {
    message: `a batch must stay under ${MAX_BATCH_BYTES / 1024} KB of JSON: send smaller batches`
  })

export const TurnRowSchema = z
  .object({
    turn_index: z.number(),
    kind: z.enum(['turn', 'barge_in', 'backchannel', 'echo_suspect', 'overlap', 'undecided']),
    caller_start_ms: z.number().nullable(),
    caller_stop_ms: z.number().nullable(),
    agent_start_ms: z.number().nullable(),
    agent_stop_ms: z.number().nullable(),
    latency_ms: z.number().nullable(),
    at_ear_latency_ms: z.number().nullable(),
    barge_in: z.boolean(),
    heard_ms: z.number().nullable(),
    heard_pct: z.number().nullable(),
    backchannel: z.boolean(),
    echo_suspect: z.boolean(),
    caller_text: z.string().nullable(),
    agent_text: z.string().nullable(),
    agent_heard_text: z.string().nullable()
  })
  .strict()
export type TurnRow = z.infer<typeof TurnRowSchema>

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

export const CALL_STATUSES = ['active', 'finished', 'incomplete'] as const

/**
 * Who labelled the call's sentiment and scenario: a model (by name) or the offline lexicons,
 * why the lexicons did (null: chosen in Settings), and the model's error if it failed. Null
 * while active, and for calls recorded before labels were tracked.
 */
export const CallLabellingSchema = z
  .object({
    by: z.enum(['model', 'lexicon']),
    model: z.string().nullable(),
    reason: z.enum(LEXICON_REASONS).exclude(['chosen']).nullable(),
    error: z.string().nullable()
  })
  .strict()
  .nullable()
export type CallLabellingInfo = z.output<typeof CallLabellingSchema>

export const recordingRoutes = {
  /** A call starts: main names its session and starts keeping its events. */
  'recording.begin': route({
    input: z
      .object({
        provider: z.string().trim().min(1).max(100),
        model: z.string().trim().min(1).max(100),
        startedAt: EpochMs,
        callId: z.string().min(1).max(200).optional(),
        /** The prices the live cost estimate used, so the stored cost matches it. */
        pricing: PricingSchema.optional()
      })
      .strict(),
    output: z.object({ sessionId: z.string() }).strict()
  }),
  /** A batch of inputs in arrival order (about every 500 ms), stored in one transaction. */
  'recording.append': route({
    input: z.object({ sessionId: SessionId, events: EventBatch }).strict(),
    output: z.object({ stored: z.number() }).strict()
  }),
  /** Hang-up: main replays the stored events and writes the session row and its turns. */
  'recording.finish': route({
    input: z.object({ sessionId: SessionId, endedAt: EpochMs }).strict(),
    output: StoredSessionSchema
  }),
  /** A recorded session with its caller turns, for the session detail view. */
  'recording.get': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: z
      .object({
        session: StoredSessionSchema.nullable(),
        status: z.enum(CALL_STATUSES),
        events: z.number(),
        turns: z.array(TurnRowSchema),
        alerts: z.array(CallAlertSchema),
        labels: CallLabellingSchema
      })
      .strict()
  }),
  /** A recorded call's inputs in order, for the session detail's replay. */
  'recording.events': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: z.object({ inputs: z.array(RecordedInputSchema) }).strict()
  })
}
