import type { DatabaseSync } from 'node:sqlite'
import {
  channelFigures,
  mayBeAbandoned,
  type GreetingTiming,
  type ReportChannels
} from '../../../shared/analytics/channelFigures'
import { channelAlertRow, channelCallRow, greetingTiming } from '../channelFigureRows'
import { andWhere, type SqlWhere } from './sessionWhere'

/** Rows of `table` whose session is in the report's filter (its conditions are on sessions). */
const inFilter = (where: SqlWhere, table: string): string =>
  `EXISTS (SELECT 1 FROM sessions${andWhere(where, `sessions.session_id = ${table}.session_id`).clause})`

/**
 * The greeting's end and the recording's last event of each call, from its events (the events
 * table is keyed by session: one range each).
 */
const GREETING_TIMING_SQL = `
  SELECT MIN(CASE WHEN type = 'output_audio_buffer.stopped' THEN at_ms END) AS stopped,
         MIN(CASE WHEN type = 'response.done' THEN at_ms END) AS done,
         MAX(at_ms) AS last
  FROM events WHERE session_id = ?`

/** Reports' figures by channel on SQLite (channelFigures.ts says what each counts). */
export function queryChannelFigures(db: DatabaseSync, where: SqlWhere): ReportChannels {
  const calls = db
    .prepare(
      `SELECT session_id, channel, outcome, started_at_ms, ended_at_ms FROM calls
       WHERE status <> 'active' AND ${inFilter(where, 'calls')}`
    )
    .all(...where.params)
    .map(channelCallRow)
  const timing = db.prepare(GREETING_TIMING_SQL)
  const greetings = new Map<string, GreetingTiming>()
  for (const call of calls.filter(mayBeAbandoned)) {
    const row = timing.get(call.sessionId)
    const found = row ? greetingTiming(row) : null
    if (found) greetings.set(call.sessionId, found)
  }
  const alerts = db
    .prepare(
      `SELECT calls.channel AS channel, alerts.raised_at AS raised_at,
         COALESCE((SELECT MIN(action_at) FROM alert_actions
                   WHERE alert_actions.alert_id = alerts.alert_id), alerts.action_at) AS first_action
       FROM alerts JOIN calls ON calls.session_id = alerts.session_id
       WHERE ${inFilter(where, 'alerts')}`
    )
    .all(...where.params)
    .map(channelAlertRow)
  return channelFigures(calls, greetings, alerts)
}
