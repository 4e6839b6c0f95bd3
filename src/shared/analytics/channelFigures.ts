import { z } from 'zod'
import { CALL_CHANNELS, type CallChannel } from '../live-call/callChannel'
import { percentile } from '../live-call/percentile'

/**
 * A caller who hangs up within this long after the greeting ends is counted as abandoned:
 * they heard the agent introduce itself and left before being served.
 */
export const ABANDON_AFTER_GREETING_MS = 10_000

/**
 * Only calls this short can have been abandoned (a greeting is a sentence or two), so only their
 * events are read for the greeting's end.
 */
export const ABANDON_CANDIDATE_MAX_MS = 70_000

/** One ended call of the report's filter, as the calls table keeps it. */
export interface ChannelCallRow {
  sessionId: string
  channel: CallChannel
  outcome: 'transferred' | 'ended_by_supervisor' | null
  startedAtMs: number
  endedAtMs: number | null
}

/**
 * What a short call's events say: when the greeting ended (the first `output_audio_buffer.stopped`,
 * else the first `response.done`; null when the caller left before it ended) and when the
 * recording ended (its last event), on the events' one clock.
 */
export interface GreetingTiming {
  greetingEndMs: number | null
  lastEventMs: number
}

/** An alert of a call of the filter: raised, and first acted on (null: not yet). */
export interface ChannelAlertRow {
  channel: CallChannel
  raisedAt: string
  firstActionAt: string | null
}

const count = z.number().int().nonnegative()
const ms = z.number().nonnegative().nullable()

export const ChannelFiguresSchema = z
  .object({
    channel: z.enum(CALL_CHANNELS),
    /** Calls that ended (a call still running is not counted yet). */
    handled: count,
    /** Ended without a transfer to a person, and not abandoned. */
    contained: count,
    transferred: count,
    /** The caller hung up within 10 s of the greeting (or before it ended). */
    abandoned: count,
    /** Mean of start → end over the handled calls. */
    averageHandleMs: ms,
    /** Median of an alert raised → its first supervisor action, over the alerts acted on. */
    medianFirstActionMs: ms,
    actedAlerts: count,
    alerts: count
  })
  .strict()
export type ChannelFigures = z.infer<typeof ChannelFiguresSchema>

export const ReportChannelsSchema = z.object({ channels: z.array(ChannelFiguresSchema) }).strict()
export type ReportChannels = z.infer<typeof ReportChannelsSchema>

/** An ended call short enough, and ended by itself, to have been abandoned: its events are read. */
export const mayBeAbandoned = (call: ChannelCallRow): boolean =>
  call.outcome === null &&
  call.endedAtMs !== null &&
  call.endedAtMs - call.startedAtMs <= ABANDON_CANDIDATE_MAX_MS

/** True when the call's caller left within ABANDON_AFTER_GREETING_MS of the greeting's end. */
export function isAbandoned(call: ChannelCallRow, timing: GreetingTiming | undefined): boolean {
  if (!mayBeAbandoned(call) || !timing) return false
  if (timing.greetingEndMs === null) return true
  return timing.lastEventMs - timing.greetingEndMs <= ABANDON_AFTER_GREETING_MS
}

/**
 * Contact-center figures per channel, in CALL_CHANNELS order, for the channels that have a call
 * or an alert. Calls from before channels existed are desk calls (the column's default).
 */
export function channelFigures(
  calls: readonly ChannelCallRow[],
  greetings: ReadonlyMap<string, GreetingTiming>,
  alerts: readonly ChannelAlertRow[]
): ReportChannels {
  const channels: ChannelFigures[] = []
  for (const channel of CALL_CHANNELS) {
    const ended = calls.filter((c) => c.channel === channel && c.endedAtMs !== null)
    const ofAlerts = alerts.filter((a) => a.channel === channel)
    if (ended.length === 0 && ofAlerts.length === 0) continue
    const transferred = ended.filter((c) => c.outcome === 'transferred').length
    const abandoned = ended.filter((c) => isAbandoned(c, greetings.get(c.sessionId))).length
    const handle = ended.map((c) => (c.endedAtMs as number) - c.startedAtMs)
    const delays = ofAlerts.flatMap((a) => {
      if (a.firstActionAt === null) return []
      const delay = Date.parse(a.firstActionAt) - Date.parse(a.raisedAt)
      return Number.isFinite(delay) ? [Math.max(0, delay)] : []
    })
    channels.push({
      channel,
      handled: ended.length,
      contained: ended.length - transferred - abandoned,
      transferred,
      abandoned,
      averageHandleMs:
        handle.length === 0 ? null : handle.reduce((sum, d) => sum + d, 0) / handle.length,
      medianFirstActionMs: percentile(delays, 0.5),
      actedAlerts: delays.length,
      alerts: ofAlerts.length
    })
  }
  return { channels }
}
