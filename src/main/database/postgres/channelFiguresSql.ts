import {
  ABANDON_CANDIDATE_MAX_MS,
  channelFigures,
  type ChannelAlertRow,
  type ChannelCallRow,
  type GreetingTiming,
  type ReportChannels
} from '../../../shared/analytics/channelFigures'
import type { ReportFilter } from '../../../shared/analytics/reportSchemas'
import { CALL_CHANNELS } from '../../../shared/live-call/callChannel'
import { columnsOf } from '../rowValues'
import { conditionsFor, Params } from './sessionWhere'
import type { Sql } from './sql'

const read = columnsOf('channel figures')
const OUTCOMES = ['transferred', 'ended_by_supervisor'] as const

/** Rows of `table` whose session is in the report's filter (its conditions are on sessions). */
function inFilter(filter: ReportFilter, params: Params, table: string): string {
  const conditions = [...conditionsFor(filter, params), `sessions.session_id = ${table}.session_id`]
  return `EXISTS (SELECT 1 FROM sessions WHERE ${conditions.join(' AND ')})`
}

/** Reports' figures by channel on PostgreSQL: the twin of sqlite/channelFiguresSql.ts. */
export async function queryChannelFigures(sql: Sql, filter: ReportFilter): Promise<ReportChannels> {
  const callParams = new Params()
  const calls: ChannelCallRow[] = (
    await sql.rows(
      `SELECT session_id, channel, outcome, started_at_ms::float8 AS started_at_ms,
         ended_at_ms::float8 AS ended_at_ms
       FROM calls WHERE status <> 'active' AND ${inFilter(filter, callParams, 'calls')}`,
      callParams.values
    )
  ).map((row) => ({
    sessionId: read.text(row, 'session_id'),
    channel: read.oneOf(row, 'channel', CALL_CHANNELS),
    outcome: row['outcome'] === null ? null : read.oneOf(row, 'outcome', OUTCOMES),
    startedAtMs: read.number(row, 'started_at_ms'),
    endedAtMs: read.numberOrNull(row, 'ended_at_ms')
  }))
  // Only short calls the caller ended can have been abandoned: their events, one key range each.
  const candidates = calls
    .filter(
      (c) =>
        c.outcome === null &&
        c.endedAtMs !== null &&
        c.endedAtMs - c.startedAtMs <= ABANDON_CANDIDATE_MAX_MS
    )
    .map((c) => c.sessionId)
  const greetings = new Map<string, GreetingTiming>()
  if (candidates.length > 0) {
    const rows = await sql.rows(
      `SELECT session_id,
         MIN(at_ms) FILTER (WHERE type = 'output_audio_buffer.stopped') AS stopped,
         MIN(at_ms) FILTER (WHERE type = 'response.done') AS done,
         MAX(at_ms) AS last
       FROM events WHERE session_id = ANY($1::text[]) GROUP BY session_id`,
      [candidates]
    )
    for (const row of rows)
      greetings.set(read.text(row, 'session_id'), {
        greetingEndMs: read.numberOrNull(row, 'stopped') ?? read.numberOrNull(row, 'done'),
        lastEventMs: read.number(row, 'last')
      })
  }
  const alertParams = new Params()
  const alerts: ChannelAlertRow[] = (
    await sql.rows(
      `SELECT calls.channel AS channel, alerts.raised_at AS raised_at,
         COALESCE((SELECT MIN(action_at) FROM alert_actions
                   WHERE alert_actions.alert_id = alerts.alert_id), alerts.action_at) AS first_action
       FROM alerts JOIN calls ON calls.session_id = alerts.session_id
       WHERE ${inFilter(filter, alertParams, 'alerts')}`,
      alertParams.values
    )
  ).map((row) => ({
    channel: read.oneOf(row, 'channel', CALL_CHANNELS),
    raisedAt: read.text(row, 'raised_at'),
    firstActionAt: read.textOrNull(row, 'first_action')
  }))
  return channelFigures(calls, greetings, alerts)
}
