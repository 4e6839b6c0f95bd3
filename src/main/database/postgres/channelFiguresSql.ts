import {
  channelFigures,
  mayBeAbandoned,
  type GreetingTiming,
  type ReportChannels
} from '../../../shared/analytics/channelFigures'
import type { ReportFilter } from '../../../shared/analytics/reportSchemas'
import { columnsOf } from '../rowValues'
import { channelAlertRow, channelCallRow, greetingTiming } from '../channelFigureRows'
import { conditionsFor, Params } from './sessionWhere'
import type { Sql } from './sql'

const read = columnsOf('channel figures')

/** Rows of `table` whose session is in the report's filter (its conditions are on sessions). */
function inFilter(filter: ReportFilter, params: Params, table: string): string {
  const conditions = [...conditionsFor(filter, params), `sessions.session_id = ${table}.session_id`]
  return `EXISTS (SELECT 1 FROM sessions WHERE ${conditions.join(' AND ')})`
}

/** Reports' figures by channel on PostgreSQL: the twin of sqlite/channelFiguresSql.ts. */
export async function queryChannelFigures(sql: Sql, filter: ReportFilter): Promise<ReportChannels> {
  const callParams = new Params()
  const calls = (
    await sql.rows(
      `SELECT session_id, channel, outcome, started_at_ms::float8 AS started_at_ms,
         ended_at_ms::float8 AS ended_at_ms
       FROM calls WHERE status <> 'active' AND ${inFilter(filter, callParams, 'calls')}`,
      callParams.values
    )
  ).map(channelCallRow)
  // Only short calls the caller ended can have been abandoned: their events, one key range each.
  const candidates = calls.filter(mayBeAbandoned).map((c) => c.sessionId)
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
    for (const row of rows) {
      const found = greetingTiming(row)
      if (found) greetings.set(read.text(row, 'session_id'), found)
    }
  }
  const alertParams = new Params()
  const alerts = (
    await sql.rows(
      `SELECT calls.channel AS channel, alerts.raised_at AS raised_at,
         COALESCE((SELECT MIN(action_at) FROM alert_actions
                   WHERE alert_actions.alert_id = alerts.alert_id), alerts.action_at) AS first_action
       FROM alerts JOIN calls ON calls.session_id = alerts.session_id
       WHERE ${inFilter(filter, alertParams, 'alerts')}`,
      alertParams.values
    )
  ).map(channelAlertRow)
  return channelFigures(calls, greetings, alerts)
}
