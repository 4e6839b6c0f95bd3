import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  skipWithoutPostgres,
  startScratchPostgres,
  type ScratchPostgres
} from './support/scratchPostgres'

// The roles SQL the docs show (docs/team-mode.md), applied to a real PostgreSQL.
const ROLES_SQL = readFileSync(resolve('resources/team/roles.sql'), 'utf8')
const TABLES_SQL = readFileSync(resolve('test/unit/team/support/rolesTables.sql'), 'utf8')

describe.skipIf(skipWithoutPostgres)('resources/team/roles.sql on PostgreSQL', () => {
  let server: ScratchPostgres
  const clients: pg.Client[] = []
  const login = async (user: string, password: string): Promise<pg.Client> => {
    const client = new pg.Client({
      host: server.host,
      port: server.port,
      database: 'postgres',
      user,
      password
    })
    await client.connect()
    clients.push(client)
    return client
  }
  let agent: pg.Client
  let supervisor: pg.Client

  beforeAll(async () => {
    server = await startScratchPostgres()
    const admin = await login(server.superuser, server.password)
    await admin.query(TABLES_SQL)
    await admin.query(ROLES_SQL)
    // Run twice: the docs say it is safe to run again.
    await admin.query(ROLES_SQL)
    await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD 'agent-pw' IN ROLE og_agent`)
    await admin.query(`CREATE ROLE floor_lead LOGIN PASSWORD 'lead-pw' IN ROLE og_supervisor`)
    await admin.query(`INSERT INTO sessions VALUES ('S1', 'import', NULL), ('S2', 'import', NULL)`)
    await admin.query(`INSERT INTO escalation_rules VALUES ('interruptions', 3)`)
    agent = await login('desk_a', 'agent-pw')
    supervisor = await login('floor_lead', 'lead-pw')
  }, 120_000)

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
    server?.stop()
  })

  const refusal = async (
    client: pg.Client,
    sql: string,
    params: unknown[] = []
  ): Promise<string | undefined> =>
    client.query(sql, params).then(
      () => undefined,
      (error: { code?: string }) => error.code
    )

  it('refuses an agent DELETE FROM sessions; a supervisor may', async () => {
    expect(await refusal(agent, 'DELETE FROM sessions WHERE session_id = $1', ['S1'])).toBe('42501')
    expect(
      (await supervisor.query('DELETE FROM sessions WHERE session_id = $1', ['S1'])).rowCount
    ).toBe(1)
  })

  it('refuses an agent any change to the rules; a supervisor may change them', async () => {
    expect(await refusal(agent, 'UPDATE escalation_rules SET threshold = $1', [99])).toBe('42501')
    expect(await refusal(agent, 'INSERT INTO escalation_rules VALUES ($1, $2)', ['x', 1])).toBe(
      '42501'
    )
    expect(await refusal(agent, 'DELETE FROM escalation_rules')).toBe('42501')
    expect((await agent.query('SELECT threshold FROM escalation_rules')).rows).toEqual([
      { threshold: 3 }
    ])
    await supervisor.query('UPDATE escalation_rules SET threshold = $1 WHERE rule = $2', [
      4,
      'interruptions'
    ])
    expect((await agent.query('SELECT threshold FROM escalation_rules')).rows).toEqual([
      { threshold: 4 }
    ])
  })

  it('lets an agent record a call and its session, but insert no imported session', async () => {
    await agent.query(`INSERT INTO calls (session_id) VALUES ('L1')`)
    await agent.query(`UPDATE calls SET status = 'finished' WHERE session_id = 'L1'`)
    await agent.query(`INSERT INTO turns VALUES ('L1', 0)`)
    await agent.query(`INSERT INTO events VALUES ('L1', 0)`)
    const { rows } = await agent.query<{ alert_id: string }>(
      `INSERT INTO alerts (session_id) VALUES ('L1') RETURNING alert_id`
    )
    await agent.query(
      `INSERT INTO alert_actions (alert_id, action, action_by) VALUES ($1, 'acknowledge', 'desk_a')`,
      [rows[0]!.alert_id]
    )
    await agent.query(`INSERT INTO sessions (session_id, source) VALUES ('L1', 'live')`)
    await agent.query(`UPDATE sessions SET escalated = true WHERE session_id = 'L1'`)
    await agent.query(`INSERT INTO meta VALUES ('sessions_version', '1')`)
    expect(
      await refusal(agent, `INSERT INTO sessions (session_id, source) VALUES ('I1', 'import')`)
    ).toBe('42501')
    expect(
      await refusal(agent, `UPDATE sessions SET source = 'seed' WHERE session_id = 'L1'`)
    ).toBe('42501')
    expect(await refusal(agent, `DELETE FROM alert_actions`)).toBe('42501')
    expect(await refusal(agent, `TRUNCATE sessions`)).toBe('42501')
    expect(await refusal(agent, `DROP TABLE sessions`)).toBe('42501')
  })

  it('lets a supervisor import sessions (COPY-style bulk insert), still with no DDL', async () => {
    await supervisor.query(
      `INSERT INTO sessions (session_id, source) VALUES ('I2', 'import'), ('I3', 'import')`
    )
    expect(
      (await agent.query(`SELECT count(*)::int AS n FROM sessions WHERE source = 'import'`)).rows
    ).toEqual([{ n: 3 }])
    expect(await refusal(supervisor, `DROP TABLE sessions`)).toBe('42501')
    expect(await refusal(supervisor, `ALTER TABLE sessions ADD COLUMN x int`)).toBe('42501')
  })
})
