import type { DatabaseSync } from 'node:sqlite'
import {
  ABANDON_CANDIDATE_MAX_MS,
  channelFigures,
  type ChannelAlertRow,
  type ChannelCallRow,
  type GreetingTiming,
  type ReportChannels
} from '../../../shared/analytics/channelFigures'
import { CALL_CHANNELS } from '../../../shared/live-call/callChannel'
import { columnsOf } from '../rowValues'
import { andWhere, type SqlWhere } from './sessionWhere'

const read = columnsOf('channel figures')
const OUTCOMES = ['transferred', 'ended_by_supervisor'] as const

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
  const calls: ChannelCallRow[] = db
    .prepare(
      `SELECT session_id, channel, outcome, started_at_ms, ended_at_ms FROM calls
       WHERE status <> 'active' AND ${inFilter(where, 'calls')}`
    )
    .all(...where.params)
    .map((row) => ({
      sessionId: read.text(row, 'session_id'),
      channel: read.oneOf(row, 'channel', CALL_CHANNELS),
      outcome: row['outcome'] === null ? null : read.oneOf(row, 'outcome', OUTCOMES),
      startedAtMs: read.number(row, 'started_at_ms'),
      endedAtMs: read.numberOrNull(row, 'ended_at_ms')
    }))
  const timing = db.prepare(GREETING_TIMING_SQL)
  const greetings = new Map<string, GreetingTiming>()
  for (const call of calls) {
    if (call.outcome !== null || call.endedAtMs === null) continue
    if (call.endedAtMs - call.startedAtMs > ABANDON_CANDIDATE_MAX_MS) continue
    const row = timing.get(call.sessionId)
    const last = row ? read.numberOrNull(row, 'last') : null
    if (!row || last === null) continue
    greetings.set(call.sessionId, {
      greetingEndMs: read.numberOrNull(row, 'stopped') ?? read.numberOrNull(row, 'done'),
      lastEventMs: last
    })
  }
  const alerts: ChannelAlertRow[] = db
    .prepare(
      `SELECT calls.channel AS channel, alerts.raised_at AS raised_at,
         COALESCE((SELECT MIN(action_at) FROM alert_actions
                   WHERE alert_actions.alert_id = alerts.alert_id), alerts.action_at) AS first_action
       FROM alerts JOIN calls ON calls.session_id = alerts.session_id
       WHERE ${inFilter(where, 'alerts')}`
    )
    .all(...where.params)
    .map((row) => ({
      channel: read.oneOf(row, 'channel', CALL_CHANNELS),
      raisedAt: read.text(row, 'raised_at'),
      firstActionAt: read.textOrNull(row, 'first_action')
    }))
  return channelFigures(calls, greetings, alerts)
}
