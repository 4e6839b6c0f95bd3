import type { AlertStatus } from '../escalation/alertRecords'
import type { Severity } from '../escalation/rules'
import type { CallChannel } from '../live-call/callChannel'
import type { VoiceEngine } from '../live-call/voiceEngine'
import type { BoardAlert, LiveCallRow } from './boardSnapshot'
import type { TeamEvent } from './teamEvents'

// The Live calls wallboard as a pure reducer over team events. Desks re-publish call.progress
// every `heartbeatMs` while a call runs, so a board that opens late fills within one heartbeat
// and a desk that vanished goes stale, then off the board, instead of staying forever.

export interface BoardTiming {
  /** How often a desk re-publishes a running call's progress. */
  heartbeatMs: number
  /** No report for this long: the row is marked stale (three missed heartbeats). */
  staleAfterMs: number
  /** No report for this long: the row is dropped (and an ended call's tombstone forgotten). */
  removeAfterMs: number
}

export const DEFAULT_BOARD_TIMING: BoardTiming = {
  heartbeatMs: 2_000,
  staleAfterMs: 6_000,
  removeAfterMs: 60_000
}

export interface BoardCall {
  sessionId: string
  seat: string
  channel: CallChannel
  caller: string | null
  engine: VoiceEngine
  startedAt: string
  language: string | null
  turns: number
  interruptions: number
  p50Ms: number | null
  latestAlert: BoardAlert | null
  lastHeardMs: number
}

export interface BoardState {
  calls: Readonly<Record<string, BoardCall>>
  /** Calls that ended, by when: a progress report delayed past its call.ended does not revive it. */
  ended: Readonly<Record<string, number>>
}

export const emptyBoard = (): BoardState => ({ calls: {}, ended: {} })

/** Actions that settle an alert (as AlertStore records them); the others leave its status. */
const SETTLED_BY: Partial<Record<string, AlertStatus>> = {
  acknowledge: 'acknowledged',
  dismiss: 'dismissed',
  escalate: 'escalated'
}

/** How far an alert has gone: a report never moves one back (a settled alert stays settled). */
const STATUS_RANK: Record<AlertStatus, number> = {
  open: 0,
  acknowledged: 1,
  dismissed: 2,
  escalated: 2
}

/** The newer of two alerts; for the same alert, the further status. */
function laterAlert(known: BoardAlert | null, reported: BoardAlert | null): BoardAlert | null {
  if (known === null || reported === null) return reported ?? known
  if (known.alertId === reported.alertId)
    return STATUS_RANK[reported.status] >= STATUS_RANK[known.status] ? reported : known
  const newer = reported.raisedAt.localeCompare(known.raisedAt) || reported.alertId - known.alertId
  return newer > 0 ? reported : known
}

const withCall = (state: BoardState, call: BoardCall): BoardState => ({
  ...state,
  calls: { ...state.calls, [call.sessionId]: call }
})

/** The board after one event received at `nowMs`. */
export function applyTeamEvent(state: BoardState, event: TeamEvent, nowMs: number): BoardState {
  switch (event.type) {
    case 'call.progress': {
      if (event.sessionId in state.ended) return state
      const known = state.calls[event.sessionId]
      const { sessionId, seat, startedAt, language, turns, interruptions, p50Ms } = event
      return withCall(state, {
        ...{ sessionId, seat, startedAt, language, turns, interruptions, p50Ms },
        channel: event.channel ?? 'desk',
        // A call taken over by another gateway instance keeps the number its first holder read.
        caller: event.caller ?? known?.caller ?? null,
        engine: event.engine ?? known?.engine ?? 'realtime',
        latestAlert: laterAlert(known?.latestAlert ?? null, event.latestAlert),
        lastHeardMs: nowMs
      })
    }
    case 'call.ended': {
      const calls = { ...state.calls }
      delete calls[event.sessionId]
      return { calls, ended: { ...state.ended, [event.sessionId]: nowMs } }
    }
    case 'alert.raised': {
      // A call the board has not heard of yet gets the alert with its next progress report.
      const known = state.calls[event.sessionId]
      if (!known) return state
      const { alertId, rule, severity, raisedAt } = event
      const alert: BoardAlert = { alertId, rule, severity, raisedAt, status: 'open' }
      return withCall(state, { ...known, latestAlert: laterAlert(known.latestAlert, alert) })
    }
    case 'alert.acted': {
      const known = state.calls[event.sessionId]
      const status = SETTLED_BY[event.action]
      if (!known || !status || known.latestAlert?.alertId !== event.alertId) return state
      const acted = { ...known.latestAlert, status }
      return withCall(state, { ...known, latestAlert: laterAlert(known.latestAlert, acted) })
    }
    case 'sessions.changed':
    case 'rules.changed':
    case 'gateway.engineChanged':
    case 'call.command':
    case 'call.commandDone':
    case 'call.recorded':
      // About the sessions, the rules, the gateways' engine, a command or a call's stored events.
      return state
  }
}

/** The board without calls silent for `removeAfterMs` and without old tombstones. */
export function pruneBoard(state: BoardState, nowMs: number, timing: BoardTiming): BoardState {
  const fresh = (ms: number): boolean => nowMs - ms < timing.removeAfterMs
  const calls = Object.values(state.calls).filter((c) => fresh(c.lastHeardMs))
  const ended = Object.entries(state.ended).filter(([, ms]) => fresh(ms))
  if (
    calls.length === Object.keys(state.calls).length &&
    ended.length === Object.keys(state.ended).length
  )
    return state
  return {
    calls: Object.fromEntries(calls.map((c) => [c.sessionId, c])),
    ended: Object.fromEntries(ended)
  }
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1 }

/** An alert nobody has settled yet ranks the call by its severity; otherwise 0. */
function alertRank(row: LiveCallRow): number {
  const alert = row.latestAlert
  return alert && STATUS_RANK[alert.status] < 2 ? SEVERITY_RANK[alert.severity] : 0
}

/**
 * The wallboard's rows at `nowMs`. Order: calls still reporting before stale ones; then calls
 * with an unsettled alert (open or acknowledged), critical first; then the longest call first
 * (the one waiting longest for attention); session id breaks ties so rows never swap at random.
 */
export function boardRows(state: BoardState, nowMs: number, timing: BoardTiming): LiveCallRow[] {
  const rows = Object.values(state.calls).map(({ lastHeardMs, ...call }): LiveCallRow => ({
    ...call,
    durationMs: Math.max(0, nowMs - Date.parse(call.startedAt)),
    stale: nowMs - lastHeardMs >= timing.staleAfterMs,
    lastHeardAt: new Date(lastHeardMs).toISOString()
  }))
  return rows.sort(
    (a, b) =>
      Number(a.stale) - Number(b.stale) ||
      alertRank(b) - alertRank(a) ||
      b.durationMs - a.durationMs ||
      a.sessionId.localeCompare(b.sessionId)
  )
}
