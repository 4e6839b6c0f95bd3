import { z } from 'zod'
import { ALERT_ACTIONS, ALERT_STATUSES } from '../escalation/alertRecords'
import { RULE_IDS, SEVERITIES } from '../escalation/rules'
import { CALL_COMMAND_ACTIONS } from '../gateway/callCommands'
import { GatewayEngineChoiceSchema } from '../gateway/teamGatewayEngine'
import { CALL_CHANNELS } from '../live-call/callChannel'
import { VOICE_ENGINES } from '../live-call/voiceEngine'

// The team channel's events (LISTEN/NOTIFY between desks). Payloads carry ids and figures only:
// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more, and a receiver reads anything longer
// (the alert's evidence, the turns) from the team database by id.

/** PostgreSQL's limit: a NOTIFY payload must be shorter than 8000 bytes (UTF-8). */
export const NOTIFY_PAYLOAD_LIMIT_BYTES = 7999
/** The wire format's version; a desk drops (and counts) events of another version. */
export const TEAM_EVENT_VERSION = 1
/** Free text on the wire (an alert's summary, an action's note) is cut to this many characters. */
export const TEAM_TEXT_MAX_CHARS = 280

const seat = z.string().trim().min(1).max(64)
const sessionId = z.string().min(1).max(200)
const alertId = z.number().int().min(1)
const isoTime = z.iso.datetime({ offset: true })
const shortText = z.string().max(TEAM_TEXT_MAX_CHARS)

/** An alert as a call's progress reports it: enough for a wallboard row, no evidence. */
export const ProgressAlertSchema = z
  .object({
    alertId,
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    raisedAt: isoTime,
    status: z.enum(ALERT_STATUSES)
  })
  .strict()
export type ProgressAlert = z.infer<typeof ProgressAlertSchema>

export const AlertRaisedEventSchema = z
  .object({
    type: z.literal('alert.raised'),
    alertId,
    sessionId,
    seat,
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    raisedAt: isoTime,
    /** One line for a banner (the alert's reason); the evidence stays in the database. */
    summary: shortText
  })
  .strict()

export const AlertActedEventSchema = z
  .object({
    type: z.literal('alert.acted'),
    alertId,
    sessionId,
    action: z.enum(ALERT_ACTIONS),
    bySeat: seat,
    at: isoTime,
    note: shortText.nullable()
  })
  .strict()

export const CallProgressEventSchema = z
  .object({
    type: z.literal('call.progress'),
    sessionId,
    seat,
    startedAt: isoTime,
    /** ISO 639-1 code once detected. */
    language: z.string().min(2).max(16).nullable(),
    turns: z.number().int().min(0),
    interruptions: z.number().int().min(0),
    /** Median answer latency so far; null before the first answer. */
    p50Ms: z.number().min(0).nullable(),
    latestAlert: ProgressAlertSchema.nullable(),
    /** How the call came in; absent from desks before channels (a desk's call). */
    channel: z.enum(CALL_CHANNELS).optional(),
    /** The caller's number, masked by the gateway (last 4 digits only); null when unknown. */
    caller: z.string().max(32).nullable().optional(),
    /** The voice API a gateway's call runs on; absent: Realtime (desks, older gateways). */
    engine: z.enum(VOICE_ENGINES).optional()
  })
  .strict()

export const CallEndedEventSchema = z
  .object({ type: z.literal('call.ended'), sessionId, seat })
  .strict()

/**
 * A batch of a running call's inputs is stored (events table): a console following the call
 * (CallFollowers) reads on from the last sequence number it has. The events stay in the database.
 */
export const CallRecordedEventSchema = z
  .object({
    type: z.literal('call.recorded'),
    sessionId,
    seat,
    /** How many inputs the batch stored. */
    inputs: z.number().int().min(1)
  })
  .strict()

/** A desk changed the team's sessions (an import, a recorded call): other desks read again. */
export const SessionsChangedEventSchema = z
  .object({
    type: z.literal('sessions.changed'),
    seat,
    reason: z.enum(['imported', 'recorded']),
    count: z.number().int().min(0)
  })
  .strict()

/**
 * A desk saved the team's escalation rules (escalation_rules): the others re-read them from the
 * team database (EscalationRulesStore.refresh), so the event carries no thresholds.
 */
export const RulesChangedEventSchema = z
  .object({ type: z.literal('rules.changed'), bySeat: seat, at: isoTime })
  .strict()

/**
 * A supervisor set the team's voice engine for its gateways' new calls (gateway_settings): every
 * gateway instance re-reads it from the team database, so the wire's `engine` is only news.
 */
export const GatewayEngineChangedEventSchema = z
  .object({
    type: z.literal('gateway.engineChanged'),
    engine: GatewayEngineChoiceSchema,
    bySeat: seat,
    at: isoTime
  })
  .strict()

const commandId = z.number().int().min(1)
const commandAction = z.enum(CALL_COMMAND_ACTIONS)

/**
 * A supervisor gave a command to a gateway call (stored in call_commands): the gateway at `seat`
 * reads it back by id and carries it out. The wire names it only; the stored row is the order
 * (any login may NOTIFY, only a supervisor may insert the row).
 */
export const CallCommandEventSchema = z
  .object({
    type: z.literal('call.command'),
    commandId,
    sessionId,
    /** The gateway instance holding the call. */
    seat,
    action: commandAction,
    bySeat: seat,
    at: isoTime
  })
  .strict()

/** The gateway carried a command out (ok) or could not (reason): consoles say so. */
export const CallCommandDoneEventSchema = z
  .object({
    type: z.literal('call.commandDone'),
    commandId,
    sessionId,
    seat,
    action: commandAction,
    bySeat: seat,
    ok: z.boolean(),
    reason: shortText.nullable(),
    at: isoTime
  })
  .strict()

export const TeamEventSchema = z.discriminatedUnion('type', [
  AlertRaisedEventSchema,
  AlertActedEventSchema,
  CallProgressEventSchema,
  CallEndedEventSchema,
  CallRecordedEventSchema,
  SessionsChangedEventSchema,
  RulesChangedEventSchema,
  GatewayEngineChangedEventSchema,
  CallCommandEventSchema,
  CallCommandDoneEventSchema
])
export type TeamEvent = z.infer<typeof TeamEventSchema>
export type AlertRaisedEvent = z.infer<typeof AlertRaisedEventSchema>
export type AlertActedEvent = z.infer<typeof AlertActedEventSchema>
export type CallProgressEvent = z.infer<typeof CallProgressEventSchema>
export type CallEndedEvent = z.infer<typeof CallEndedEventSchema>
export type CallRecordedEvent = z.infer<typeof CallRecordedEventSchema>
export type SessionsChangedEvent = z.infer<typeof SessionsChangedEventSchema>
export type RulesChangedEvent = z.infer<typeof RulesChangedEventSchema>
export type GatewayEngineChangedEvent = z.infer<typeof GatewayEngineChangedEventSchema>
export type CallCommandEvent = z.infer<typeof CallCommandEventSchema>
export type CallCommandDoneEvent = z.infer<typeof CallCommandDoneEventSchema>
