import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BOARD_TIMING,
  applyTeamEvent,
  boardRows,
  emptyBoard,
  pruneBoard,
  type BoardState
} from './liveCallsBoard'
import type { CallProgressEvent, TeamEvent } from './teamEvents'

const T0 = Date.parse('2026-12-06T23:00:00.000Z')
const iso = (ms: number): string => new Date(ms).toISOString()
const timing = DEFAULT_BOARD_TIMING

const progress = (sessionId: string, over: Partial<CallProgressEvent> = {}): CallProgressEvent => ({
  type: 'call.progress',
  sessionId,
  seat: `seat-${sessionId}`,
  startedAt: iso(T0),
  language: 'en',
  turns: 1,
  interruptions: 0,
  p50Ms: 700,
  latestAlert: null,
  ...over
})

const play = (events: [TeamEvent, number][], state: BoardState = emptyBoard()): BoardState =>
  events.reduce((s, [event, at]) => applyTeamEvent(s, event, at), state)

describe('the Live calls board', () => {
  it('shows each running call with its latest figures and duration', () => {
    const state = play([
      [progress('a', { turns: 2 }), T0 + 2_000],
      [progress('a', { turns: 5, interruptions: 3, p50Ms: 900, language: 'es' }), T0 + 4_000]
    ])
    expect(boardRows(state, T0 + 5_000, timing)).toEqual([
      {
        sessionId: 'a',
        seat: 'seat-a',
        // A desk's progress names no channel: a call placed at the desk.
        channel: 'desk',
        caller: null,
        // Nor an engine: Realtime (a GPT-Live desk call is not told apart on the board).
        engine: 'realtime',
        startedAt: iso(T0),
        durationMs: 5_000,
        language: 'es',
        turns: 5,
        interruptions: 3,
        p50Ms: 900,
        latestAlert: null,
        stale: false,
        lastHeardAt: iso(T0 + 4_000)
      }
    ])
  })

  it("shows a gateway call's channel and masked number, and ignores commands (their effects come as events)", () => {
    const phone = progress('p', {
      seat: 'gw-1',
      channel: 'phone',
      caller: '+1 ••• ••• 0142',
      engine: 'live'
    })
    const state = play([[phone, T0]])
    expect(boardRows(state, T0, timing)[0]).toMatchObject({
      seat: 'gw-1',
      channel: 'phone',
      caller: '+1 ••• ••• 0142',
      engine: 'live'
    })
    const command: TeamEvent = {
      type: 'call.command',
      commandId: 1,
      sessionId: 'p',
      seat: 'gw-1',
      action: 'transfer',
      bySeat: 'lead',
      at: iso(T0)
    }
    expect(applyTeamEvent(state, command, T0 + 1)).toBe(state)
    expect(
      applyTeamEvent(state, { ...command, type: 'call.commandDone', ok: true, reason: null }, T0)
    ).toBe(state)
  })

  it('marks a desk that stopped reporting stale, then drops it', () => {
    const state = play([[progress('a'), T0]])
    expect(boardRows(state, T0 + timing.staleAfterMs - 1, timing)[0]?.stale).toBe(false)
    expect(boardRows(state, T0 + timing.staleAfterMs, timing)[0]?.stale).toBe(true)
    expect(pruneBoard(state, T0 + timing.removeAfterMs - 1, timing)).toBe(state)
    expect(boardRows(pruneBoard(state, T0 + timing.removeAfterMs, timing), T0, timing)).toEqual([])
  })

  it('takes an ended call off and does not revive it with a late report', () => {
    const state = play([
      [progress('a'), T0],
      [{ type: 'call.ended', sessionId: 'a', seat: 'seat-a' }, T0 + 1],
      [progress('a'), T0 + 2]
    ])
    expect(boardRows(state, T0 + 3, timing)).toEqual([])
    const forgotten = pruneBoard(state, T0 + 1 + timing.removeAfterMs, timing)
    expect(forgotten.ended).toEqual({})
  })

  it('ignores a change of the escalation rules: the board is unchanged', () => {
    const state = play([[progress('a'), T0]])
    const changed: TeamEvent = { type: 'rules.changed', bySeat: 'lead', at: iso(T0 + 1) }
    expect(applyTeamEvent(state, changed, T0 + 1)).toBe(state)
  })

  it('follows an alert from raised to settled, and never back to open', () => {
    const alert = {
      alertId: 7,
      rule: 'interruptions_total' as const,
      severity: 'warning' as const,
      raisedAt: iso(T0 + 10)
    }
    const state = play([
      [progress('a'), T0],
      [{ type: 'alert.raised', sessionId: 'a', seat: 'seat-a', summary: 's', ...alert }, T0 + 10],
      [
        {
          type: 'alert.acted',
          alertId: 7,
          sessionId: 'a',
          action: 'escalate',
          bySeat: 'sup',
          at: iso(T0 + 20),
          note: null
        },
        T0 + 20
      ],
      // The desk's heartbeat, sent before it heard of the escalation.
      [progress('a', { latestAlert: { ...alert, status: 'open' } }), T0 + 30]
    ])
    expect(boardRows(state, T0 + 40, timing)[0]?.latestAlert).toEqual({
      ...alert,
      status: 'escalated'
    })
  })

  it('keeps the newer alert and ignores alerts of calls it does not show', () => {
    const older = { alertId: 3, rule: 'latency' as const, severity: 'info' as const }
    const state = play([
      [progress('a', { latestAlert: { ...older, raisedAt: iso(T0 + 5), status: 'open' } }), T0],
      [
        {
          type: 'alert.raised',
          alertId: 9,
          sessionId: 'a',
          seat: 'seat-a',
          rule: 'human_request',
          severity: 'critical',
          raisedAt: iso(T0 + 9),
          summary: ''
        },
        T0 + 9
      ],
      [progress('a', { latestAlert: { ...older, raisedAt: iso(T0 + 5), status: 'open' } }), T0 + 10]
    ])
    expect(boardRows(state, T0 + 11, timing)[0]?.latestAlert?.alertId).toBe(9)
    const unknown = applyTeamEvent(
      state,
      {
        type: 'alert.raised',
        alertId: 10,
        sessionId: 'zz',
        seat: 'x',
        rule: 'latency',
        severity: 'info',
        raisedAt: iso(T0),
        summary: ''
      },
      T0
    )
    expect(unknown).toBe(state)
  })

  it('orders live before stale, unsettled alerts by severity, then the longest call', () => {
    const alert = (
      alertId: number,
      severity: 'info' | 'critical',
      status: 'open' | 'dismissed'
    ) => ({
      alertId,
      rule: 'latency' as const,
      severity,
      raisedAt: iso(T0),
      status
    })
    const now = T0 + 100_000
    const state = play([
      [progress('stale-critical', { latestAlert: alert(1, 'critical', 'open') }), now - 10_000],
      [progress('short', { startedAt: iso(T0 + 50_000) }), now],
      [progress('long', { startedAt: iso(T0) }), now],
      [
        progress('info', { startedAt: iso(T0 + 90_000), latestAlert: alert(2, 'info', 'open') }),
        now
      ],
      [
        progress('critical', {
          startedAt: iso(T0 + 95_000),
          latestAlert: alert(3, 'critical', 'open')
        }),
        now
      ],
      [
        progress('dismissed', {
          startedAt: iso(T0 + 99_000),
          latestAlert: alert(4, 'critical', 'dismissed')
        }),
        now
      ]
    ])
    expect(boardRows(state, now, timing).map((r) => r.sessionId)).toEqual([
      'critical',
      'info',
      'long',
      'short',
      'dismissed',
      'stale-critical'
    ])
  })
})
