import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { isConnectionLost } from '../../../src/main/database/postgres/isConnectionLost'
import { migrations } from '../../../src/main/database/postgres/migrations'
import { openPostgresDatabaseWhileAway } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { FAILED_REASONS } from '../../../src/shared/ipc/result'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { generatedCsv, useTempDir } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, data } from '../recording/support'
import { eventually, useTeamDesks, type Desk } from './support/teamDesks'

const INTERRUPTED = overAgentCall([
  { text: 'No, that is not what I asked.' },
  { text: 'Stop, listen to me.' },
  { text: 'You are not listening at all.' }
])

const AWAY = { ok: false, error: { code: 'failed', message: FAILED_REASONS.teamDatabaseAway } }

describe.skipIf(skipWithoutPostgres)('team mode: requests while the team database is away', () => {
  const pg15 = usePostgres()
  const teamDesk = useTeamDesks()
  const tmp = useTempDir()

  /** A desk whose import dialog picks `csv`. */
  const desk = (
    url: string,
    csv: string,
    seat = 'lead',
    role: 'agent' | 'supervisor' = 'supervisor'
  ): Promise<Desk> =>
    teamDesk(url, seat, {
      role,
      services: {
        dialogs: {
          pickCsvToOpen: async () => csv,
          pickCsvToSave: async () => null,
          pickPdfToSave: async () => null,
          pickCatalogFileToOpen: async () => null
        }
      }
    })

  it('an alert action and an import are refused at once, said so, and nothing is changed; both work once it is back', async () => {
    const url = await pg15.freshUrl()
    const csv = join(tmp.path(), 'sessions.csv')
    writeFileSync(csv, generatedCsv(25))
    const lead = await desk(url, csv)
    // A call at this desk raises alerts to act on.
    const { sessionId } = data<{ sessionId: string }>(
      await lead.call('recording.begin', { provider: 'openai', model: 'm', startedAt: Date.now() })
    )
    const inputs = INTERRUPTED
    for (const batch of batches(inputs, 50))
      data(await lead.call('recording.append', { sessionId, events: batch }))
    const [alert] = data<StoredAlert[]>(await lead.call('alerts.list', { status: 'open' }))
    expect(alert).toBeDefined()

    pg15.stop()
    // The outbox learns it first from a live write that cannot go in (the call goes on).
    data(await lead.call('recording.append', { sessionId, events: inputs.slice(-1) }))
    const started = performance.now()
    expect(
      await lead.call('alerts.act', { alertId: alert!.alertId, action: 'acknowledge' })
    ).toEqual(AWAY)
    const picked = data<{ token: string }>(await lead.call('sessions.pickImportFile', {}))
    expect(
      await lead.call('sessions.importFile', { token: picked.token, onConflict: 'fail' })
    ).toEqual(AWAY)
    // Refused, not left hanging until the server is back.
    expect(performance.now() - started).toBeLessThan(15_000)

    await pg15.restart()
    const acted = data<StoredAlert>(
      await lead.call('alerts.act', { alertId: alert!.alertId, action: 'acknowledge' })
    )
    expect(acted).toMatchObject({ status: 'acknowledged', actionBy: 'lead' })
    const again = data<{ token: string }>(await lead.call('sessions.pickImportFile', {}))
    expect(
      await lead.call('sessions.importFile', { token: again.token, onConflict: 'fail' })
    ).toMatchObject({ ok: true, data: { status: 'imported', inserted: 25 } })
    // Nothing from the refused attempts: one action, 25 imported sessions besides the call.
    const actions = data<unknown[]>(await lead.call('alerts.actions', { alertId: alert!.alertId }))
    expect(actions).toHaveLength(1)
  })

  it('a database opened while the server is away migrates at its first statement once it is back', async () => {
    const url = await pg15.freshUrl()
    pg15.stop()
    const { database, unreachable } = await openPostgresDatabaseWhileAway({ connection: url })
    try {
      expect(isConnectionLost(unreachable)).toBe(true)
      const away = await database.sessions.version().catch((error: unknown) => error)
      expect(isConnectionLost(away)).toBe(true)
      await pg15.restart()
      // The schema is brought up to date first (a fresh database has none): then the read.
      expect(await database.sessions.exists('LIVE-20261125-143012-ab12')).toBe(false)
      const { rows } = await database.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations'
      )
      expect(rows[0]!.n).toBe(migrations.length)
    } finally {
      await database.close()
    }
  })

  it('a desk started while it is away opens, records a call for it, and delivers it (and recovers its cut-off call) once it is back', async () => {
    const url = await pg15.freshUrl()
    // An earlier run at this seat was cut off mid-call (its window closed, nothing finished).
    const before = await desk(url, '/dev/null', 'desk-a', 'agent')
    const { sessionId: cutOff } = data<{ sessionId: string }>(
      await before.call('recording.begin', {
        provider: 'openai',
        model: 'm',
        startedAt: Date.now()
      })
    )
    for (const batch of batches(INTERRUPTED, 50))
      data(await before.call('recording.append', { sessionId: cutOff, events: batch }))
    before.services.close()

    pg15.stop()
    const opening = performance.now()
    const a = await desk(url, '/dev/null', 'desk-a', 'agent')
    expect(performance.now() - opening).toBeLessThan(15_000)
    expect(a.services.database).toMatchObject({ backend: 'postgres', fallbackReason: null })
    expect(a.services.database.unreachableReason).toContain('could not be reached at start-up')
    expect(data(await a.call('recording.outbox', {}))).toEqual({ unreachable: true, waiting: 0 })
    const list = {
      filter: {},
      sort: { column: 'session_id', direction: 'asc' },
      offset: 0,
      limit: 50
    }
    expect(await a.call('sessions.list', list)).toEqual(AWAY)

    // A call begun now cannot ask the team whether its id is free: it takes the long form.
    const { sessionId } = data<{ sessionId: string }>(
      await a.call('recording.begin', { provider: 'openai', model: 'm', startedAt: Date.now() })
    )
    expect(sessionId).toMatch(/^LIVE-\d{8}-\d{6}-[0-9a-f]{8}$/)
    for (const batch of batches(INTERRUPTED, 7))
      data(await a.call('recording.append', { sessionId, events: batch }))
    expect(data<{ waiting: number }>(await a.call('recording.outbox', {})).waiting).toBeGreaterThan(
      1
    )
    // The hang-up waits for the team database rather than failing.
    const hangUp = a.call('recording.finish', { sessionId, endedAt: Date.now() })

    await pg15.restart()
    data(await hangUp)
    // Back: the queue delivered, the status cleared, and the screens told to read again.
    await eventually(async () =>
      data<{ unreachable: boolean; waiting: number }>(await a.call('recording.outbox', {}))
        .waiting === 0
        ? true
        : undefined
    )
    await eventually(() => (a.services.database.unreachableReason === null ? true : undefined))
    expect((a.emitted as [string][]).some(([name]) => name === 'sessions.changed')).toBe(true)
    // Both calls once each: the one made offline with every event, the cut-off one recovered.
    const sessions = await eventually(async () => {
      const listed = data<{ rows: { session_id: string; turns: number }[]; total: number }>(
        await a.call('sessions.list', list)
      )
      return listed.total === 2 ? listed.rows : undefined
    })
    expect(sessions.map((row) => row.session_id).sort()).toEqual([cutOff, sessionId].sort())
    const turnsOf = (id: string): number => sessions.find((row) => row.session_id === id)!.turns
    expect(turnsOf(sessionId)).toBe(turnsOf(cutOff))
    expect(turnsOf(sessionId)).toBeGreaterThan(0)
  })

  it('alerts raised while it is away are kept, stored once it is back, and announced to every desk then', async () => {
    const url = await pg15.freshUrl()
    const a = await desk(url, '/dev/null', 'desk-a', 'agent')
    const b = await desk(url, '/dev/null', 'lead', 'supervisor')
    await eventually(async () =>
      data<{ channel: string } | null>(await b.call('team.board', {}))?.channel === 'connected'
        ? true
        : undefined
    )
    const { sessionId } = data<{ sessionId: string }>(
      await a.call('recording.begin', { provider: 'openai', model: 'm', startedAt: Date.now() })
    )
    pg15.stop()
    for (const batch of batches(INTERRUPTED, 7))
      data(await a.call('recording.append', { sessionId, events: batch }))
    // The rules ran (the call's inputs are kept), but nothing could be numbered or announced.
    expect((a.emitted as [string][]).filter(([name]) => name === 'alerts.raised')).toEqual([])

    await pg15.restart()
    // Each stored once, with the id the team's sequence gave it, and then announced with it.
    const announcedIds = (): number[] =>
      (a.emitted as [string, StoredAlert][])
        .filter(([name, alert]) => name === 'alerts.raised' && alert.sessionId === sessionId)
        .map(([, alert]) => alert.alertId)
        .sort()
    await eventually(() => (announcedIds().length > 0 ? true : undefined))
    const stored = await eventually(async () => {
      const open = data<StoredAlert[]>(await b.call('alerts.list', { status: 'open' }))
        .filter((alert) => alert.sessionId === sessionId)
        .map((alert) => alert.alertId)
        .sort()
      return open.length > 0 && open.join() === announcedIds().join() ? open : undefined
    })
    expect(new Set(stored).size).toBe(stored.length)
    const announced = stored
    // The supervisor's desk hears of each as it is announced.
    await eventually(() => {
      const heard = (b.emitted as [string, StoredAlert][]).filter(
        ([name, alert]) => name === 'team.alertRaised' && alert.sessionId === sessionId
      )
      return heard.length === announced.length ? true : undefined
    })
    data(await a.call('recording.finish', { sessionId, endedAt: Date.now() }))
  })
})
