import { VOICE_ENGINES } from '../../shared/live-call/voiceEngine'
import { ALERT_ACTIONS, ALERT_STATUSES } from '../../shared/escalation/alertRecords'
import { RULE_IDS, SEVERITIES } from '../../shared/escalation/rules'
import { CALL_CHANNELS } from '../../shared/live-call/callChannel'
import { CALL_OUTCOMES } from '../../shared/gateway/callCommands'
import {
  CALL_STATUSES,
  LabelsReasonSchema,
  TurnRowSchema
} from '../../shared/live-call/recordedCall'
import type { TurnRow, UnfinalizedCall } from '../../shared/live-call/recordedCall'
import { EXTENDED_COLUMNS, LAB_COLUMNS, SESSION_SOURCES } from '../../shared/sessions/labSchema'
import type { LabSession, StoredSession } from '../../shared/sessions/labSchema'
import { columnsOf, type Row } from './rowValues'
import type { AlertActionRow, AlertRow, CallRow } from './SessionDatabase'

// Rows → typed values, for any backend whose rows carry SQLite's shapes (numbers, 0/1 flags,
// ISO text): both the SQLite and the PostgreSQL backend read through these.

export const STORED_COLUMNS = [...LAB_COLUMNS, ...EXTENDED_COLUMNS]

const sessions = columnsOf('sessions')

export function toLabSession(row: Row): LabSession {
  return {
    session_id: sessions.text(row, 'session_id'),
    scenario: sessions.text(row, 'scenario'),
    duration_sec: sessions.number(row, 'duration_sec'),
    latency_p50_ms: sessions.number(row, 'latency_p50_ms'),
    latency_p95_ms: sessions.number(row, 'latency_p95_ms'),
    interruptions: sessions.number(row, 'interruptions'),
    turns: sessions.number(row, 'turns'),
    sentiment: sessions.text(row, 'sentiment'),
    model: sessions.text(row, 'model'),
    rag_used: sessions.flag(row, 'rag_used'),
    language: sessions.text(row, 'language')
  }
}

export function toStoredSession(row: Row): StoredSession {
  return {
    ...toLabSession(row),
    started_at: sessions.textOrNull(row, 'started_at'),
    ended_at: sessions.textOrNull(row, 'ended_at'),
    source: sessions.oneOf(row, 'source', SESSION_SOURCES),
    at_ear_p50_ms: sessions.numberOrNull(row, 'at_ear_p50_ms'),
    at_ear_p95_ms: sessions.numberOrNull(row, 'at_ear_p95_ms'),
    backchannels: sessions.numberOrNull(row, 'backchannels'),
    echo_suspects: sessions.numberOrNull(row, 'echo_suspects'),
    tool_calls: sessions.numberOrNull(row, 'tool_calls'),
    tool_ms_p50: sessions.numberOrNull(row, 'tool_ms_p50'),
    input_tokens: sessions.numberOrNull(row, 'input_tokens'),
    output_tokens: sessions.numberOrNull(row, 'output_tokens'),
    cost_usd: sessions.numberOrNull(row, 'cost_usd'),
    escalated: sessions.flagOrNull(row, 'escalated')
  }
}

const calls = columnsOf('calls')

export function toCallRow(row: Row): CallRow {
  return {
    session_id: calls.text(row, 'session_id'),
    model: calls.text(row, 'model'),
    started_at_ms: calls.number(row, 'started_at_ms'),
    status: calls.oneOf(row, 'status', CALL_STATUSES),
    pricing: calls.textOrNull(row, 'pricing'),
    sentiment_reader: calls.textOrNull(row, 'sentiment_reader'),
    labelled_by: calls.textOrNull(row, 'labelled_by'),
    labels_reason: calls.oneOfOrNull(row, 'labels_reason', LabelsReasonSchema.options),
    labels_error: calls.textOrNull(row, 'labels_error'),
    channel: calls.oneOf(row, 'channel', CALL_CHANNELS),
    engine: calls.oneOf(row, 'engine', VOICE_ENGINES),
    outcome: calls.oneOfOrNull(row, 'outcome', CALL_OUTCOMES),
    // SQLite's calls have no seat column: a desk's file holds one desk's calls.
    seat: 'seat' in row ? calls.textOrNull(row, 'seat') : null
  }
}

export function toUnfinalizedCall(row: Row): UnfinalizedCall {
  return {
    sessionId: calls.text(row, 'session_id'),
    provider: calls.text(row, 'provider'),
    model: calls.text(row, 'model'),
    startedAtMs: calls.number(row, 'started_at_ms'),
    endedAtMs: calls.numberOrNull(row, 'ended_at_ms'),
    events: calls.number(row, 'events'),
    failure: {
      error: calls.textOrNull(row, 'finalize_error') ?? '',
      failedAt: calls.textOrNull(row, 'finalize_failed_at') ?? '',
      attempts: Math.max(1, calls.numberOrNull(row, 'finalize_attempts') ?? 1)
    }
  }
}

const TURN_KINDS = TurnRowSchema.shape.kind.options

export const TURN_COLUMNS = [
  'turn_index',
  'kind',
  'caller_start_ms',
  'caller_stop_ms',
  'agent_start_ms',
  'agent_stop_ms',
  'latency_ms',
  'at_ear_latency_ms',
  'barge_in',
  'heard_ms',
  'heard_pct',
  'backchannel',
  'echo_suspect',
  'caller_text',
  'agent_text',
  'agent_heard_text'
] as const satisfies readonly (keyof TurnRow)[]

const turns = columnsOf('turns')

export function toTurnRow(row: Row): TurnRow {
  return {
    turn_index: turns.number(row, 'turn_index'),
    // NULL: recorded before v2, which could not tell a turn from an overlap.
    kind: turns.oneOfOrNull(row, 'kind', TURN_KINDS) ?? 'undecided',
    caller_start_ms: turns.numberOrNull(row, 'caller_start_ms'),
    caller_stop_ms: turns.numberOrNull(row, 'caller_stop_ms'),
    agent_start_ms: turns.numberOrNull(row, 'agent_start_ms'),
    agent_stop_ms: turns.numberOrNull(row, 'agent_stop_ms'),
    latency_ms: turns.numberOrNull(row, 'latency_ms'),
    at_ear_latency_ms: turns.numberOrNull(row, 'at_ear_latency_ms'),
    barge_in: turns.flag(row, 'barge_in'),
    heard_ms: turns.numberOrNull(row, 'heard_ms'),
    heard_pct: turns.numberOrNull(row, 'heard_pct'),
    backchannel: turns.flag(row, 'backchannel'),
    echo_suspect: turns.flag(row, 'echo_suspect'),
    caller_text: turns.textOrNull(row, 'caller_text'),
    agent_text: turns.textOrNull(row, 'agent_text'),
    agent_heard_text: turns.textOrNull(row, 'agent_heard_text')
  }
}

const alerts = columnsOf('alerts')

export function toAlertRow(row: Row): AlertRow {
  return {
    alert_id: alerts.number(row, 'alert_id'),
    session_id: alerts.text(row, 'session_id'),
    rule: alerts.oneOf(row, 'rule', RULE_IDS),
    severity: alerts.oneOf(row, 'severity', SEVERITIES),
    raised_at: alerts.text(row, 'raised_at'),
    evidence: alerts.text(row, 'evidence'),
    status: alerts.oneOf(row, 'status', ALERT_STATUSES),
    action_by: alerts.textOrNull(row, 'action_by'),
    action_at: alerts.textOrNull(row, 'action_at'),
    action_note: alerts.textOrNull(row, 'action_note'),
    // Read with the row on PostgreSQL only (its calls' seat); absent on SQLite.
    ...('seat' in row ? { seat: alerts.textOrNull(row, 'seat') } : {}),
    ...('call_status' in row ? { call_status: alerts.textOrNull(row, 'call_status') } : {})
  }
}

const actions = columnsOf('alert_actions')

export function toActionRow(row: Row): AlertActionRow {
  return {
    alert_id: actions.number(row, 'alert_id'),
    action: actions.oneOf(row, 'action', ALERT_ACTIONS),
    action_by: actions.text(row, 'action_by'),
    action_at: actions.text(row, 'action_at'),
    note: actions.textOrNull(row, 'note')
  }
}
