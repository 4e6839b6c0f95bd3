import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { migrate, NewerSchemaError } from '../../../../src/main/database/postgres/migrate'
import { migrations } from '../../../../src/main/database/postgres/migrations'
import { openPostgresDatabase } from '../../../../src/main/database/postgres/PostgresSessionDatabase'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { session } from '../asyncContract'

const versions = async (url: string): Promise<number[]> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version'
    )
    return rows.map((r) => r.version)
  } finally {
    await client.end()
  }
}

describe.skipIf(skipWithoutPostgres)('PostgreSQL migrations', () => {
  const pgServer = usePostgres()

  it('creates the schema on an empty database, seats included, and records each version once', async () => {
    const url = await pgServer.freshUrl()
    const db = await pgServer.open(url)
    expect(await versions(url)).toEqual(migrations.map((_, i) => i + 1))
    const { rows } = await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'seat'
       ORDER BY table_name`
    )
    expect(rows.map((r) => r.table_name)).toEqual(['alert_actions', 'calls', 'imports'])
  })

  it('v2 keeps the escalation rules: a jsonb object of thresholds per rule group, a 0/1 flag', async () => {
    const db = await pgServer.open()
    const insert = (ruleId: string, enabled: number, thresholds: string) =>
      db.pool.query(
        `INSERT INTO escalation_rules (rule_id, enabled, thresholds, updated_by)
         VALUES ($1, $2, $3::jsonb, 'lead')`,
        [ruleId, enabled, thresholds]
      )
    await insert('interruptions', 1, '{"total": 3, "burstCount": 2, "burstWindowSec": 30}')
    await expect(insert('interruptions', 0, '{}')).rejects.toMatchObject({ code: '23505' })
    await expect(insert('latency', 1, '[200]')).rejects.toMatchObject({ code: '23514' })
    await expect(insert('latency', 2, '{}')).rejects.toMatchObject({ code: '23514' })
    const { rows } = await db.pool.query(
      `SELECT rule_id, enabled, thresholds->'total' AS total, updated_by,
              updated_at IS NOT NULL AS stamped FROM escalation_rules`
    )
    expect(rows).toEqual([
      { rule_id: 'interruptions', enabled: 1, total: 3, updated_by: 'lead', stamped: true }
    ])
  })

  it('v3 gives each call a channel (earlier calls are desk calls) and keys webhooks by id', async () => {
    const url = await pgServer.freshUrl()
    const client = new pg.Pool({ connectionString: url, max: 1 })
    try {
      await migrate(client, migrations.slice(0, 2))
      await client.query(
        `INSERT INTO calls (session_id, provider, model, started_at_ms, seat)
         VALUES ('LIVE-1', 'openai', 'gpt-realtime', 0, 'desk-a')`
      )
      await migrate(client, migrations)
      expect((await client.query('SELECT session_id, channel FROM calls')).rows).toEqual([
        { session_id: 'LIVE-1', channel: 'desk' }
      ])
      await expect(
        client.query(
          `INSERT INTO calls (session_id, provider, model, started_at_ms, channel)
           VALUES ('LIVE-2', 'openai', 'gpt-realtime', 0, 'fax')`
        )
      ).rejects.toMatchObject({ code: '23514' })
      const claim = () =>
        client.query(
          `INSERT INTO webhook_deliveries (webhook_id, event_type, call_id, instance, received_at)
           VALUES ('wh_1', 'realtime.call.incoming', 'rtc_1', 'gw-a', 'now')`
        )
      await claim()
      await expect(claim()).rejects.toMatchObject({ code: '23505' })
    } finally {
      await client.end()
    }
  })

  it("v5 records each call's engine (earlier calls ran on Realtime) and refuses others", async () => {
    const url = await pgServer.freshUrl()
    const client = new pg.Pool({ connectionString: url, max: 1 })
    try {
      await migrate(client, migrations.slice(0, 4))
      await client.query(
        `INSERT INTO calls (session_id, provider, model, started_at_ms)
         VALUES ('LIVE-1', 'openai', 'gpt-realtime', 0)`
      )
      await migrate(client, migrations)
      expect((await client.query('SELECT session_id, engine FROM calls')).rows).toEqual([
        { session_id: 'LIVE-1', engine: 'realtime' }
      ])
      await client.query(
        `INSERT INTO calls (session_id, provider, model, started_at_ms, engine)
         VALUES ('LIVE-2', 'openai', 'gpt-live-1', 0, 'live')`
      )
      await expect(
        client.query(
          `INSERT INTO calls (session_id, provider, model, started_at_ms, engine)
           VALUES ('LIVE-3', 'openai', 'gpt-live-1', 0, 'beta')`
        )
      ).rejects.toMatchObject({ code: '23514' })
    } finally {
      await client.end()
    }
  })

  it('v6 makes the calls recorded before it searchable by what was said', async () => {
    const url = await pgServer.freshUrl()
    const client = new pg.Pool({ connectionString: url, max: 1 })
    try {
      await migrate(client, migrations.slice(0, 5))
      await client.query(
        `INSERT INTO turns (session_id, turn_index, caller_text, agent_text, agent_heard_text)
         VALUES ('LIVE-1', 1, 'and in size ten?', 'Yes, the Ridgeline in size ten', 'Yes, the'),
                ('LIVE-1', 0, '¿Tienen botas impermeables?', 'We have the Trailhead', NULL),
                ('LIVE-2', 0, NULL, 'Hello', NULL)`
      )
      await migrate(client, migrations)
      const { rows } = await client.query(
        'SELECT session_id, caller_text, agent_text FROM transcripts ORDER BY session_id'
      )
      expect(rows).toEqual([
        {
          session_id: 'LIVE-1',
          caller_text: '¿Tienen botas impermeables? and in size ten?',
          agent_text: 'We have the Trailhead Yes, the'
        },
        { session_id: 'LIVE-2', caller_text: '', agent_text: 'Hello' }
      ])
      const found = async (query: string): Promise<string[]> =>
        (
          await client.query(
            `SELECT session_id FROM transcripts
             WHERE document @@ to_tsquery('transcript_search', $1) ORDER BY session_id`,
            [query]
          )
        ).rows.map((row: { session_id: string }) => row.session_id)
      expect(await found('tienen & impermeable:*')).toEqual(['LIVE-1'])
      // What the caller did not hear of a cut answer is not what the agent said.
      expect(await found('ridgeline')).toEqual([])
      expect(await found('hello')).toEqual(['LIVE-2'])
    } finally {
      await client.end()
    }
  })

  it('re-opens a migrated database as it is, data kept, nothing applied twice', async () => {
    const url = await pgServer.freshUrl()
    const first = await pgServer.open(url)
    await first.sessions.insertRecorded(session('KEPT'), 'now')
    await first.close()
    const again = await pgServer.open(url)
    expect(await again.sessions.exists('KEPT')).toBe(true)
    expect(await versions(url)).toEqual(migrations.map((_, i) => i + 1))
  })

  it('refuses a database whose schema is newer than this build, and says so', async () => {
    const url = await pgServer.freshUrl()
    const db = await pgServer.open(url)
    await db.pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [
      migrations.length + 1
    ])
    const opening = openPostgresDatabase({ connection: url })
    await expect(opening).rejects.toBeInstanceOf(NewerSchemaError)
    await expect(opening).rejects.toThrow(
      `schema is version ${migrations.length + 1}, newer than this build knows (${migrations.length})`
    )
  })

  it('lets desks start at once: a migration is applied by one of them, the others wait', async () => {
    const url = await pgServer.freshUrl()
    // A next version that fails if run twice (CREATE TABLE without IF NOT EXISTS).
    const next = [...migrations, 'CREATE TABLE desk_probe (id integer PRIMARY KEY)']
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 1 }))
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool, next)))
      expect(applied).toEqual([next.length, next.length, next.length, next.length])
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
    }
    expect(await versions(url)).toEqual(next.map((_, i) => i + 1))
  })
})
