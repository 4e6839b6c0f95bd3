import type {
  ChannelAlertRow,
  ChannelCallRow,
  GreetingTiming
} from '../../shared/analytics/channelFigures'
import { CALL_OUTCOMES } from '../../shared/gateway/callCommands'
import { CALL_CHANNELS } from '../../shared/live-call/callChannel'
import { columnsOf, type Row } from './rowValues'

// The rows of Reports' figures by channel, as both backends' SQL returns them
// (sqlite/channelFiguresSql.ts, postgres/channelFiguresSql.ts).

const read = columnsOf('channel figures')

/** `session_id, channel, outcome, started_at_ms, ended_at_ms` of a call. */
export const channelCallRow = (row: Row): ChannelCallRow => ({
  sessionId: read.text(row, 'session_id'),
  channel: read.oneOf(row, 'channel', CALL_CHANNELS),
  outcome: row['outcome'] === null ? null : read.oneOf(row, 'outcome', CALL_OUTCOMES),
  startedAtMs: read.number(row, 'started_at_ms'),
  endedAtMs: read.numberOrNull(row, 'ended_at_ms')
})

/** `channel, raised_at, first_action` of an alert. */
export const channelAlertRow = (row: Row): ChannelAlertRow => ({
  channel: read.oneOf(row, 'channel', CALL_CHANNELS),
  raisedAt: read.text(row, 'raised_at'),
  firstActionAt: read.textOrNull(row, 'first_action')
})

/** `stopped, done, last` of a call's events; null when it has none. */
export function greetingTiming(row: Row): GreetingTiming | null {
  const last = read.numberOrNull(row, 'last')
  if (last === null) return null
  return {
    greetingEndMs: read.numberOrNull(row, 'stopped') ?? read.numberOrNull(row, 'done'),
    lastEventMs: last
  }
}
