import { z } from 'zod'
import { ALERT_STATUSES } from '../escalation/alertRecords'
import { RULE_IDS, SEVERITIES } from '../escalation/rules'
import { CALL_CHANNELS } from '../live-call/callChannel'
import { VOICE_ENGINES } from '../live-call/voiceEngine'

// The Live calls wallboard as main hands it to the renderer (IPC output / event payload).

export const TEAM_CHANNEL_STATES = ['connecting', 'connected', 'reconnecting', 'closed'] as const
export type TeamChannelState = (typeof TEAM_CHANNEL_STATES)[number]

export const BoardAlertSchema = z
  .object({
    alertId: z.number().int().min(1),
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    /** ISO time. */
    raisedAt: z.string(),
    status: z.enum(ALERT_STATUSES)
  })
  .strict()
export type BoardAlert = z.infer<typeof BoardAlertSchema>

export const LiveCallRowSchema = z
  .object({
    sessionId: z.string(),
    seat: z.string(),
    /** desk: placed at a console; phone, web: a customer's call through the call gateway. */
    channel: z.enum(CALL_CHANNELS),
    /** The caller's number as the gateway masked it ("+1 ••• ••• 0142"); null when unknown. */
    caller: z.string().nullable(),
    /** The voice API it runs on: GPT-Live's agent cannot be stopped mid-sentence. */
    engine: z.enum(VOICE_ENGINES),
    /** ISO time the call started (the desk's clock). */
    startedAt: z.string(),
    /** At the snapshot's `takenAt`; the screen adds the time since. */
    durationMs: z.number().min(0),
    language: z.string().nullable(),
    turns: z.number().int().min(0),
    interruptions: z.number().int().min(0),
    p50Ms: z.number().min(0).nullable(),
    latestAlert: BoardAlertSchema.nullable(),
    /** The desk has not reported for `staleAfterMs`: it may have vanished. */
    stale: z.boolean(),
    /** ISO time of the desk's last report, as this board received it. */
    lastHeardAt: z.string()
  })
  .strict()
export type LiveCallRow = z.infer<typeof LiveCallRowSchema>

export const BoardSnapshotSchema = z
  .object({
    /** ISO time. */
    takenAt: z.string(),
    /** The team channel: the screen says "reconnecting" rather than show old rows as live. */
    channel: z.enum(TEAM_CHANNEL_STATES),
    staleAfterMs: z.number().int().min(1),
    /** Ordered: fresh before stale, unsettled alerts by severity, then longest first. */
    calls: z.array(LiveCallRowSchema)
  })
  .strict()
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>
