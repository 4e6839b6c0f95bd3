import { describe, expect, it } from 'vitest'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import type { BoardSnapshot, LiveCallRow } from '../../../src/shared/team/boardSnapshot'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, data, openConsole } from '../recording/support'
import { eventually, useTeamDesks, type Desk } from './support/teamDesks'
type AlertChange = { alert: StoredAlert | null; action: string | null; bySeat: string | null }

/** The payloads of one event a desk emitted, oldest first. */
const events = <T>(desk: Desk, name: string): T[] =>
  (desk.emitted as [string, T][]).filter(([n]) => n === name).map(([, p]) => p)

async function boardRow(desk: Desk, sessionId: string): Promise<LiveCallRow | undefined> {
  const board = data<BoardSnapshot | null>(await desk.call('team.board', {}))
  return board?.calls.find((row) => row.sessionId === sessionId)
}

const INTERRUPTED = overAgentCall([
  { text: 'No, that is not what I asked.' },
  { text: 'Stop, listen to me.' },
  { text: 'You are not listening at all.' }
])

describe.skipIf(skipWithoutPostgres)('team mode live: two desks on one PostgreSQL', () => {
  const pg15 = usePostgres()
  const teamDesk = useTeamDesks()
  const tmp = useTempDir()

  /** A desk started as the harness starts one, listening on the team channel before it returns. */
  async function desk(url: string, seat: string, role: 'agent' | 'supervisor'): Promise<Desk> {
    const started = await teamDesk(url, seat, { role })
    // NOTIFY keeps nothing for a desk not yet listening.
    await eventually(async () =>
      data<BoardSnapshot | null>(await started.call('team.board', {}))?.channel === 'connected'
        ? true
        : undefined
    )
    return started
  }

  it("A's interrupted call: B is alerted within 1 s and sees it live; B's escalation reaches A", async () => {
    const url = await pg15.freshUrl()
    const a = await desk(url, 'desk-a', 'agent')
    const b = await desk(url, 'lead', 'supervisor')

    const { sessionId } = data<{ sessionId: string }>(
      await a.call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: Date.now()
      })
    )
    // On B's board as soon as it begins: the heartbeat reports at once.
    const begun = await eventually(() => boardRow(b, sessionId))
    expect(begun).toMatchObject({ seat: 'desk-a', turns: 0, interruptions: 0, stale: false })

    let raisedAt = 0
    for (const batch of batches(INTERRUPTED, 7)) {
      data(await a.call('recording.append', { sessionId, events: batch }))
      if (raisedAt === 0 && events(a, 'alerts.raised').length > 0) raisedAt = performance.now()
    }
    expect(raisedAt).toBeGreaterThan(0)
    const alert = await eventually(() =>
      events<StoredAlert & { seat: string }>(b, 'team.alertRaised').find(
        (raised) => raised.sessionId === sessionId && raised.rule === 'interruptions_total'
      )
    )
    expect(performance.now() - raisedAt).toBeLessThan(1_000)
    expect(alert).toMatchObject({ seat: 'desk-a', status: 'open' })
    expect(alert.evidence.items.length).toBeGreaterThan(0)
    // Monitor's list on B names the desk whose call raised each alert (the call's seat).
    const listed = data<StoredAlert[]>(await b.call('alerts.list', { status: 'open' })).filter(
      (open) => open.sessionId === sessionId
    )
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.every((open) => open.seat === 'desk-a')).toBe(true)
    // An agent's console keeps to its own calls: no team alerts, not even its own echoed back.
    expect(events(a, 'team.alertRaised')).toEqual([])

    // The board follows the call: three interruptions and the alert, while it runs.
    const running = await eventually(async () => {
      const row = await boardRow(b, sessionId)
      return row?.interruptions === 3 && row.latestAlert ? row : undefined
    })
    expect(running.turns).toBeGreaterThan(0)
    expect(running.language).toBe('en')

    // Every alert A raised reached B; the board shows the newest. B escalates that one: A hears
    // who did it and the alert's new status, and the board shows it.
    const raisedOnA = events<StoredAlert>(a, 'alerts.raised').filter(
      (r) => r.sessionId === sessionId
    )
    const onB = await eventually(() => {
      const heard = events<StoredAlert>(b, 'team.alertRaised').filter(
        (r) => r.sessionId === sessionId
      )
      return heard.length === raisedOnA.length ? heard : undefined
    })
    expect(onB.map((r) => r.alertId)).toEqual(raisedOnA.map((r) => r.alertId))
    const newest = raisedOnA.at(-1)!
    await eventually(async () =>
      (await boardRow(b, sessionId))?.latestAlert?.alertId === newest.alertId ? true : undefined
    )
    const escalated = data<StoredAlert>(
      await b.call('alerts.act', { alertId: newest.alertId, action: 'escalate' })
    )
    expect(escalated).toMatchObject({ status: 'escalated', actionBy: 'lead' })
    const change = await eventually(() =>
      events<AlertChange>(a, 'alerts.changed').find((c) => c.alert?.alertId === newest.alertId)
    )
    expect(change).toMatchObject({
      action: 'escalate',
      bySeat: 'lead',
      alert: { status: 'escalated' }
    })
    for (const board of [a, b])
      await eventually(async () =>
        (await boardRow(board, sessionId))?.latestAlert?.status === 'escalated' ? true : undefined
      )
    // B's windows hear of B's action once (its own, not echoed back from the channel).
    expect(
      events<AlertChange>(b, 'alerts.changed').filter((c) => c.alert?.alertId === newest.alertId)
    ).toHaveLength(1)

    // Hang-up: off every board, and B's Sessions and Reports are told to read again.
    const changesOnB = events(b, 'sessions.changed').length
    data(await a.call('recording.finish', { sessionId, endedAt: Date.now() }))
    await eventually(async () => ((await boardRow(b, sessionId)) ? undefined : true))
    await eventually(() => (events(b, 'sessions.changed').length > changesOnB ? true : undefined))
    expect(events(b, 'sessions.changed').at(-1)).toEqual({ reason: 'recorded', count: 1 })
    // B's Reports (columns kept in memory) count A's call once they read again.
    await eventually(async () =>
      data<{ kpis: { sessions: number } }>(await b.call('reports.summary', { filter: {} })).kpis
        .sessions === 1
        ? true
        : undefined
    )
  })

  it("a supervisor's save of the team's rules is in force at the other desk at once", async () => {
    const url = await pg15.freshUrl()
    const a = await desk(url, 'desk-a', 'agent')
    const b = await desk(url, 'lead', 'supervisor')
    const before = a.services.rules.current()
    const stricter = {
      ...before,
      interruptions: { ...before.interruptions, total: before.interruptions.total + 2 }
    }
    data(await b.call('escalation.rules.save', { thresholds: stricter }))
    // A's live rules (read synchronously by every call) follow without a restart.
    await eventually(() =>
      a.services.rules.current().interruptions.total === stricter.interruptions.total
        ? true
        : undefined
    )
    expect(a.services.rules.current()).toEqual(stricter)
  })

  it('a desk on its own SQLite has no board, and its outbox reads empty', async () => {
    const dir = tmp.path()
    const solo = await openConsole(dir)
    try {
      expect(data(await solo.call('team.board', {}))).toBeNull()
      expect(data(await solo.call('recording.outbox', {}))).toEqual({
        unreachable: false,
        waiting: 0
      })
    } finally {
      solo.services.close()
    }
  })
})
