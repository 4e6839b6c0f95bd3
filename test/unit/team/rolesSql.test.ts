import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// The roles SQL the docs show (docs/team-mode.md), applied to a real PostgreSQL whose schema
// is the backend's own: its migrations run first, then roles.sql, as a team's owner would.
const ROLES_SQL = readFileSync(resolve('resources/team/roles.sql'), 'utf8')

/** A session row of the real schema: `$1` the ids (one row each), `$2` their source. */
const INSERT_SESSIONS = `
  INSERT INTO sessions (session_id, scenario, duration_sec, latency_p50_ms, latency_p95_ms,
                        interruptions, turns, sentiment, model, rag_used, language, source,
                        recorded_at)
  SELECT id, 'returns', 60, 500, 800, 0, 4, 'neutral', 'gpt-realtime', 0, 'en', $2, 'now'
    FROM unnest($1::text[]) AS id`
const INTERRUPTIONS = { total: 3, burstCount: 2, burstWindowSec: 30 }

describe.skipIf(skipWithoutPostgres)('resources/team/roles.sql on PostgreSQL', () => {
  const postgres = usePostgres({ password: true })
  const clients: pg.Client[] = []
  let database = ''
  const login = async (user: string, password: string): Promise<pg.Client> => {
    const client = new pg.Client({ ...postgres.server().config(database), user, password })
    await client.connect()
    clients.push(client)
    return client
  }
  let agent: pg.Client
  let supervisor: pg.Client
  let admin: pg.Client

  beforeAll(async () => {
    const url = await postgres.freshUrl()
    database = new URL(url).pathname.slice(1)
    await (await openPostgresDatabase({ connection: url })).close() // migrates
    admin = await login('postgres', postgres.server().password ?? '')
    await admin.query(ROLES_SQL)
    // Run twice: the docs say it is safe to run again.
    await admin.query(ROLES_SQL)
    await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD 'agent-pw' IN ROLE og_agent`)
    await admin.query(`CREATE ROLE floor_lead LOGIN PASSWORD 'lead-pw' IN ROLE og_supervisor`)
    await admin.query(`CREATE ROLE gateway_1 LOGIN PASSWORD 'gateway-pw' IN ROLE og_gateway`)
    await admin.query(INSERT_SESSIONS, [['S1', 'S2'], 'import'])
    await admin.query(
      `INSERT INTO escalation_rules (rule_id, enabled, thresholds) VALUES ($1, 1, $2)`,
      ['interruptions', INTERRUPTIONS]
    )
    agent = await login('desk_a', 'agent-pw')
    supervisor = await login('floor_lead', 'lead-pw')
  }, 120_000)

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
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
  const totalThreshold = async (client: pg.Client): Promise<unknown> =>
    (await client.query(`SELECT thresholds->'total' AS total FROM escalation_rules`)).rows

  it('refuses an agent DELETE FROM sessions; a supervisor may', async () => {
    expect(await refusal(agent, 'DELETE FROM sessions WHERE session_id = $1', ['S1'])).toBe('42501')
    expect(
      (await supervisor.query('DELETE FROM sessions WHERE session_id = $1', ['S1'])).rowCount
    ).toBe(1)
  })

  it("lets an agent store its call's audio but not delete it; a supervisor's session delete takes it", async () => {
    const insertAudio = `INSERT INTO call_audio (session_id, seq, mime_type, start_t, end_ms, bytes)
      VALUES ($1, $2, 'audio/webm;codecs=opus', 0, 1000, $3)`
    await admin.query(INSERT_SESSIONS, [['S9'], 'import'])
    await agent.query(insertAudio, ['S9', 0, Buffer.from([1, 2, 3])])
    await agent.query(insertAudio, ['S8', 0, Buffer.from([4])])
    expect(await refusal(agent, 'DELETE FROM call_audio')).toBe('42501')
    expect(await refusal(agent, 'UPDATE call_audio SET seq = 7')).toBe('42501')
    // The trigger runs with the supervisor's rights: deleting the session deletes its audio.
    expect(
      (await supervisor.query('DELETE FROM sessions WHERE session_id = $1', ['S9'])).rowCount
    ).toBe(1)
    const left = await agent.query('SELECT session_id FROM call_audio ORDER BY session_id')
    expect(left.rows).toEqual([{ session_id: 'S8' }])
  })

  it("lets only a supervisor delete a call's audio on its own and record who did; an agent reads it", async () => {
    const insertAudio = `INSERT INTO call_audio (session_id, seq, mime_type, start_t, end_ms, bytes)
      VALUES ($1, 0, 'audio/webm;codecs=opus', 0, 1000, $2)`
    const recordRemoval = `INSERT INTO call_audio_removals (session_id, removed_by, removed_at)
      VALUES ($1, $2, '2026-12-07T10:00:00.000Z')`
    await agent.query(insertAudio, ['S7', Buffer.from([7])])
    expect(await refusal(agent, recordRemoval, ['S7', 'desk_a'])).toBe('42501')
    await supervisor.query('DELETE FROM call_audio WHERE session_id = $1', ['S7'])
    await supervisor.query(recordRemoval, ['S7', 'floor_lead'])
    const read = await agent.query(
      'SELECT removed_by FROM call_audio_removals WHERE session_id = $1',
      ['S7']
    )
    expect(read.rows).toEqual([{ removed_by: 'floor_lead' }])
    expect(await refusal(agent, 'DELETE FROM call_audio_removals')).toBe('42501')
  })

  it('refuses an agent any change to the rules; a supervisor may change them', async () => {
    const raised = { ...INTERRUPTIONS, total: 99 }
    expect(await refusal(agent, 'UPDATE escalation_rules SET thresholds = $1', [raised])).toBe(
      '42501'
    )
    expect(
      await refusal(
        agent,
        `INSERT INTO escalation_rules (rule_id, enabled, thresholds) VALUES ($1, 1, '{}')`,
        ['latency']
      )
    ).toBe('42501')
    expect(await refusal(agent, 'DELETE FROM escalation_rules')).toBe('42501')
    expect(await totalThreshold(agent)).toEqual([{ total: 3 }])
    await supervisor.query(
      `UPDATE escalation_rules SET thresholds = $1, updated_by = $2, updated_at = now()
        WHERE rule_id = $3`,
      [{ ...INTERRUPTIONS, total: 4 }, 'lead', 'interruptions']
    )
    expect(await totalThreshold(agent)).toEqual([{ total: 4 }])
  })

  it('lets an agent record a call and its session, but insert no imported session', async () => {
    await agent.query(
      `INSERT INTO calls (session_id, provider, model, started_at_ms, seat)
       VALUES ('L1', 'openai', 'gpt-realtime', 0, 'desk-a')`
    )
    await agent.query(`UPDATE calls SET status = 'finished' WHERE session_id = 'L1'`)
    await agent.query(`INSERT INTO turns (session_id, turn_index) VALUES ('L1', 0)`)
    await agent.query(`DELETE FROM turns WHERE session_id = 'L1'`) // finalize rewrites them
    await agent.query(
      `INSERT INTO events (session_id, seq, at_ms, direction, type, payload)
       VALUES ('L1', 0, 0, 'local', 'call.started', '{}')`
    )
    const { rows } = await agent.query<{ alert_id: number }>(
      `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence)
       VALUES ('L1', 'interruptions_total', 'warning', 'now', '{}') RETURNING alert_id`
    )
    await agent.query(`UPDATE alerts SET status = 'acknowledged' WHERE alert_id = $1`, [
      rows[0]!.alert_id
    ])
    await agent.query(
      `INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at, seat)
       VALUES ($1, 'L1', 'acknowledge', 'desk_a', 'now', 'desk-a')`,
      [rows[0]!.alert_id]
    )
    await agent.query(INSERT_SESSIONS, [['L1'], 'live'])
    await agent.query(`UPDATE sessions SET escalated = 1 WHERE session_id = 'L1'`)
    await agent.query(`INSERT INTO meta VALUES ('sessions_version', '1')`)
    expect(await refusal(agent, INSERT_SESSIONS, [['I1'], 'import'])).toBe('42501')
    expect(
      await refusal(agent, `UPDATE sessions SET source = 'seed' WHERE session_id = 'L1'`)
    ).toBe('42501')
    expect(await refusal(agent, `DELETE FROM alert_actions`)).toBe('42501')
    expect(await refusal(agent, `TRUNCATE sessions`)).toBe('42501')
    expect(await refusal(agent, `DROP TABLE sessions`)).toBe('42501')
  })

  it("lets an agent's desk store an alert queued with a reserved id, through the seam", async () => {
    // What LiveWrites does when an alert cannot go in at once: reserve an id, insert it later.
    const desk = await openPostgresDatabase({
      connection: { ...postgres.server().config(database), user: 'desk_a', password: 'agent-pw' }
    })
    try {
      const before = await desk.alerts.nextId()
      const reserved = await desk.alerts.reserveId()
      expect(reserved).toBe(before)
      await desk.transaction(async (tx) => {
        await tx.calls.insertIfNew({
          sessionId: 'L9',
          callId: null,
          provider: 'openai',
          model: 'gpt-realtime',
          startedAtMs: 0,
          pricing: null,
          sentimentReader: 'lexicon',
          seat: 'desk-a'
        })
        const stored = await tx.alerts.insert({
          alertId: reserved,
          sessionId: 'L9',
          rule: 'interruptions_total',
          severity: 'warning',
          raisedAt: '2026-12-07T00:00:00.000Z',
          evidence: '{}'
        })
        expect(stored).toBe(reserved)
      })
      expect(await desk.alerts.nextId()).toBe(reserved + 1)
    } finally {
      await desk.close()
    }
  })

  it('lets a supervisor import sessions (COPY-style bulk insert) and log it, still with no DDL', async () => {
    await supervisor.query(INSERT_SESSIONS, [['I2', 'I3'], 'import'])
    await supervisor.query(
      `INSERT INTO imports (source, policy, recorded_at, inserted, replaced, skipped, seat)
       VALUES ('calls.csv', 'fail', 'now', 2, 0, 0, 'lead')`
    )
    expect(
      (await agent.query(`SELECT count(*)::int AS n FROM sessions WHERE source = 'import'`)).rows
    ).toEqual([{ n: 3 }])
    expect((await supervisor.query(`SELECT seat FROM imports`)).rows).toEqual([{ seat: 'lead' }])
    expect(await refusal(supervisor, `DELETE FROM imports`)).toBe('42501')
    expect(await refusal(supervisor, `UPDATE imports SET inserted = 0`)).toBe('42501')
    expect(await refusal(supervisor, `DROP TABLE sessions`)).toBe('42501')
    expect(await refusal(supervisor, `ALTER TABLE sessions ADD COLUMN x int`)).toBe('42501')
  })

  it('lets a gateway claim webhooks and record a phone call through the seam; desks may not claim', async () => {
    const gateway = await openPostgresDatabase({
      connection: {
        ...postgres.server().config(database),
        user: 'gateway_1',
        password: 'gateway-pw'
      }
    })
    try {
      const delivery = {
        webhookId: 'wh_roles',
        eventType: 'realtime.call.incoming',
        callId: 'rtc_roles',
        instance: 'gw-1',
        receivedAt: '2026-12-07T10:00:00.000Z'
      }
      expect(await gateway.webhookDeliveries.claim(delivery)).toBe(true)
      expect(await gateway.webhookDeliveries.claim(delivery)).toBe(false)
      await gateway.webhookDeliveries.release('wh_roles')
      expect(await gateway.webhookDeliveries.claim(delivery)).toBe(true)
      expect(
        await gateway.calls.insertIfNew({
          sessionId: 'G1',
          callId: 'rtc_roles',
          provider: 'openai',
          model: 'gpt-realtime',
          startedAtMs: 0,
          pricing: null,
          sentimentReader: 'lexicon',
          seat: 'gw-1',
          channel: 'phone'
        })
      ).toBe(true)
      expect((await gateway.calls.get('G1'))?.channel).toBe('phone')
    } finally {
      await gateway.close()
    }
    const gatewayLogin = await login('gateway_1', 'gateway-pw')
    expect(await refusal(gatewayLogin, INSERT_SESSIONS, [['I9'], 'import'])).toBe('42501')
    expect(await refusal(gatewayLogin, 'DELETE FROM sessions')).toBe('42501')
    expect(await refusal(gatewayLogin, 'UPDATE escalation_rules SET enabled = 0')).toBe('42501')
    expect(await refusal(agent, 'SELECT * FROM webhook_deliveries')).toBe('42501')
    expect(
      (await supervisor.query('SELECT webhook_id FROM webhook_deliveries')).rows.map(
        (r: { webhook_id: string }) => r.webhook_id
      )
    ).toEqual(['wh_roles'])
    expect(await refusal(supervisor, 'DELETE FROM webhook_deliveries')).toBe('42501')
  })

  it('gives an agent nothing on the import log', async () => {
    expect(await refusal(agent, `SELECT * FROM imports`)).toBe('42501')
    expect(
      await refusal(
        agent,
        `INSERT INTO imports (source, policy, recorded_at, inserted, replaced, skipped)
         VALUES ('x.csv', 'fail', 'now', 0, 0, 0)`
      )
    ).toBe('42501')
  })
})
