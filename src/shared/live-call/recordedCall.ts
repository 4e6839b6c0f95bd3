import { z } from 'zod'
import { LEXICON_REASONS } from '../classify/modelLabels'

// What a recorded call is made of, as main stores it and the session detail shows it.

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

/**
 * active: recording; finished: hung up and finalized; incomplete: cut off (crash, closed window)
 * and finalized from its events at the next start; failed: could not be finalized (kept with its
 * events and the error, retried at each start).
 */
export const CALL_STATUSES = ['active', 'finished', 'incomplete', 'failed'] as const
export type CallStatus = (typeof CALL_STATUSES)[number]
/** What a finalized call's row says. */
export type SettledCallStatus = Extract<CallStatus, 'finished' | 'incomplete'>

/** Why the lexicons labelled a call (never 'chosen': a call labelled by choice has no reason). */
export const LabelsReasonSchema = z.enum(LEXICON_REASONS).exclude(['chosen'])
export type LabelsReason = z.infer<typeof LabelsReasonSchema>

/**
 * Who labelled the call's sentiment and scenario: a model (by name) or the offline lexicons,
 * why the lexicons did (null: chosen in Settings), and the model's error if it failed. Null
 * while active, and for calls recorded before labels were tracked.
 */
export const CallLabellingSchema = z
  .object({
    by: z.enum(['model', 'lexicon']),
    model: z.string().nullable(),
    reason: LabelsReasonSchema.nullable(),
    error: z.string().nullable()
  })
  .strict()
  .nullable()
export type CallLabellingInfo = z.output<typeof CallLabellingSchema>

/** The last failed attempt to finalize a call: the error, when, and how many attempts failed. */
export const CallFailureSchema = z
  .object({
    error: z.string(),
    failedAt: z.string(),
    attempts: z.number().int().min(1)
  })
  .strict()
export type CallFailure = z.output<typeof CallFailureSchema>

/** A recorded call that could not be finalized: no session row yet, its events kept. */
export const UnfinalizedCallSchema = z
  .object({
    sessionId: z.string(),
    provider: z.string(),
    model: z.string(),
    startedAtMs: z.number(),
    /** Hang-up time when the failure came at hang-up; null for a call cut off by a crash. */
    endedAtMs: z.number().nullable(),
    events: z.number().int().min(0),
    failure: CallFailureSchema
  })
  .strict()
export type UnfinalizedCall = z.output<typeof UnfinalizedCallSchema>
