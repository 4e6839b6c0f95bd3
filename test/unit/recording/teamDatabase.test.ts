import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import type { Services } from '../../../src/main/services'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { applyTeamFlags, parseTeamFlags } from '../../../tools/harness/teamFlags'
import { freePort } from '../../../tools/postgres/localPostgres'
import { NORMAL_CALL } from '../../support/callFixtures'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { generatedCsv, useTempDir } from '../../support/tempDir'
import { batches, data, openConsole, STARTED_AT } from './support'

const SORT = { column: 'session_id', direction: 'asc' } as const

/** The team URL a desk is given: the scratch server has no TLS. */
function plainUrl(url: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set('sslmode', 'disable')
  return parsed.toString()
}

describe.skipIf(skipWithoutPostgres)('team mode: recording on the team PostgreSQL', () => {
  const pg15 = usePostgres()
  const tmp = useTempDir()
  const dirs: string[] = []
  const opened: Services[] = []
  afterEach(() => {
    for (const services of opened.splice(0)) services.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** A desk (its own data folder) with team settings for `url`, started as the harness does. */
  async function desk(
    url: string,
    seat: string,
    role: 'agent' | 'supervisor' = 'agent'
  ): Promise<Awaited<ReturnType<typeof openConsole>>> {
    const dir = mkdtempSync(join(tmpdir(), `voice-console-${seat}-`))
    dirs.push(dir)
    const encryptor = ephemeralEncryptor()
    applyTeamFlags(dir, encryptor, parseTeamFlags({ teamDb: url, seat, role })!)
    const started = await openConsole(dir, undefined, { encryptor })
    opened.push(started.services)
    return started
  }

  /** Reads the team database directly, as another tool would. */
  async function query<T extends pg.QueryResultRow>(
    url: string,
    text: string,
    values: unknown[] = []
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query<T>(text, values)).rows
    } finally {
      await client.end()
    }
  }

  async function recordCall(
    call: (route: string, input: unknown) => Promise<unknown>,
    between: (batch: number) => Promise<void> = async () => {}
  ): Promise<string> {
    const { sessionId } = data<{ sessionId: string }>(
      await call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })
    )
    let index = 0
    for (const batch of batches(NORMAL_CALL, 5)) {
      await between(index++)
      data(await call('recording.append', { sessionId, events: batch }))
    }
    return sessionId
  }

  it("records a desk's call, events and seat in PostgreSQL; another desk lists it", async () => {
    const url = plainUrl(await pg15.freshUrl())
    const a = await desk(url, 'desk-a')
    expect(a.services.database).toEqual({
      backend: 'postgres',
      fallbackReason: null,
      unreachableReason: null
    })
    expect(data(await a.call('team.status', {}))).toMatchObject({
      database: { backend: 'postgres', fallbackReason: null, unreachableReason: null }
    })
    const sessionId = await recordCall(a.call)
    data(await a.call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_400 }))

    const [callRow] = await query<{ seat: string; status: string }>(
      url,
      'SELECT seat, status FROM calls WHERE session_id = $1',
      [sessionId]
    )
    expect(callRow).toEqual({ seat: 'desk-a', status: 'finished' })
    const events = await query<{ seq: number; type: string }>(
      url,
      'SELECT seq, type FROM events WHERE session_id = $1 ORDER BY seq',
      [sessionId]
    )
    expect(events.map((e) => e.seq)).toEqual(NORMAL_CALL.map((_, i) => i))
    expect(events.map((e) => e.type)).toEqual(NORMAL_CALL.map((i) => i.event.type))
    // The team's records start empty: no pilot seed, only the recorded call.
    const sessions = await query<{ session_id: string; source: string }>(
      url,
      'SELECT session_id, source FROM sessions'
    )
    expect(sessions).toEqual([{ session_id: sessionId, source: 'live' }])

    // Desk B: another data folder, another seat, the same team database.
    const b = await desk(url, 'desk-b', 'supervisor')
    const listed = data<{ rows: { session_id: string; turns: number }[]; total: number }>(
      await b.call('sessions.list', { filter: {}, sort: SORT, offset: 0, limit: 50 })
    )
    expect(listed.total).toBe(1)
    expect(listed.rows[0]).toMatchObject({ session_id: sessionId, turns: 7 })

    // B acts on an alert of A's call, and imports a file: both carry B's seat.
    const [alert] = await query<{ alert_id: number }>(
      url,
      `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence)
       VALUES ($1, 'human_request', 'critical', '2026-11-25T14:30:16Z', $2) RETURNING alert_id`,
      [sessionId, JSON.stringify({ reason: 'The caller asked for a person', t: 4200 })]
    )
    data(await b.call('alerts.act', { alertId: alert!.alert_id, action: 'acknowledge' }))
    expect(
      await query(url, 'SELECT action, seat FROM alert_actions WHERE alert_id = $1', [
        alert!.alert_id
      ])
    ).toEqual([{ action: 'acknowledge', seat: 'desk-b' }])
    const outcome = await b.services.importer.importFile(
      tmp.write('b.csv', generatedCsv(3)),
      'fail'
    )
    expect(outcome).toMatchObject({ status: 'imported' })
    expect(await query(url, 'SELECT inserted, seat FROM imports')).toEqual([
      { inserted: 3, seat: 'desk-b' }
    ])
    // A sees B's import: one database.
    expect(await a.services.store.count({ source: ['import'] })).toBe(3)
  }, 120_000)

  it('keeps a call recording while the team database is down, then delivers every event once, in order', async () => {
    const url = plainUrl(await pg15.freshUrl())
    const a = await desk(url, 'desk-a')
    const batchCount = batches(NORMAL_CALL, 5).length
    const downAt = 1
    const upAt = batchCount - 1
    const outbox = (): number => {
      const file = new DatabaseSync(join(dirs.at(-1)!, 'team-recording-outbox.sqlite'))
      try {
        return Number((file.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n)
      } finally {
        file.close()
      }
    }
    const sessionId = await recordCall(a.call, async (batch) => {
      // The server goes away after the first batch, and comes back before the last one.
      if (batch === downAt) {
        expect(outbox()).toBe(0)
        pg15.stop()
        await expect(query(url, 'SELECT 1')).rejects.toThrow()
      }
      if (batch === upAt) {
        // Every batch appended meanwhile was accepted and waits on this desk.
        expect(outbox()).toBe(upAt - downAt)
        await pg15.restart()
      }
    })
    data(await a.call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_400 }))

    const events = await query<{ seq: number; type: string; payload: string }>(
      url,
      'SELECT seq, type, payload FROM events WHERE session_id = $1 ORDER BY seq',
      [sessionId]
    )
    expect(events.map((e) => e.seq)).toEqual(NORMAL_CALL.map((_, i) => i))
    expect(events.map((e) => JSON.parse(e.payload) as unknown)).toEqual(
      NORMAL_CALL.map((i) => JSON.parse(JSON.stringify(i.event)) as unknown)
    )
    expect(
      await query(url, 'SELECT status, seat FROM calls WHERE session_id = $1', [sessionId])
    ).toEqual([{ status: 'finished', seat: 'desk-a' }])
    expect(await query(url, 'SELECT session_id, source, turns FROM sessions')).toEqual([
      { session_id: sessionId, source: 'live', turns: 7 }
    ])
  }, 120_000)

  it("records through an agent's least-privilege login (resources/team/roles.sql)", async () => {
    const url = await pg15.freshUrl()
    await (await openPostgresDatabase({ connection: url })).close() // the owner migrates
    await query(url, readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
    await query(url, 'CREATE ROLE desk_agent LOGIN IN ROLE og_agent')
    const asAgent = new URL(plainUrl(url))
    asAgent.username = 'desk_agent'
    const a = await desk(asAgent.toString(), 'desk-a')
    expect(a.services.database).toEqual({
      backend: 'postgres',
      fallbackReason: null,
      unreachableReason: null
    })
    const sessionId = await recordCall(a.call)
    data(await a.call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_400 }))
    expect(
      await query(url, 'SELECT c.seat, s.source FROM calls c JOIN sessions s USING (session_id)')
    ).toEqual([{ seat: 'desk-a', source: 'live' }])
  }, 120_000)

  it('starts on the team database when it is unreachable, says why, and keeps the calls for it', async () => {
    const port = await freePort()
    const secret = 'pw-never-shown-9f2'
    const a = await desk(
      `postgres://desk:${secret}@127.0.0.1:${port}/team?sslmode=disable`,
      'desk-a'
    )
    const { database } = a.services
    expect(database.backend).toBe('postgres')
    expect(database.fallbackReason).toBeNull()
    expect(database.unreachableReason).toContain(`Nothing answers at 127.0.0.1:${port}`)
    expect(database.unreachableReason).not.toContain(secret)
    const status = data<{ database: unknown }>(await a.call('team.status', {}))
    expect(status.database).toEqual(database)
    expect(JSON.stringify(status)).not.toContain(secret)
    // The desk records all the same: into its outbox, for the team database.
    const sessionId = await recordCall(a.call)
    expect(sessionId).toMatch(/^LIVE-/)
    // The call's row and its event batches wait for the team database.
    const outbox = data<{ unreachable: boolean; waiting: number }>(
      await a.call('recording.outbox', {})
    )
    expect(outbox.unreachable).toBe(true)
    expect(outbox.waiting).toBeGreaterThanOrEqual(1 + Math.ceil(NORMAL_CALL.length / 5))
  }, 60_000)

  it("starts on the desk's SQLite, and says why, when the team database refuses this desk", async () => {
    const { port } = pg15.server()
    const a = await desk(
      `postgres://no_such_login@127.0.0.1:${port}/team?sslmode=disable`,
      'desk-a'
    )
    const { database } = a.services
    expect(database.backend).toBe('sqlite')
    expect(database.unreachableReason).toBeNull()
    expect(database.fallbackReason).toContain('could not be opened at start-up')
    // The desk records all the same, on its own file.
    const sessionId = await recordCall(a.call)
    data(await a.call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_400 }))
    expect(await a.services.store.count({ source: ['live'] })).toBe(1)
  }, 60_000)
})
