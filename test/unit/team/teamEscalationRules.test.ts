import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { data } from '../recording/support'
import { eventually, useTeamDesks, type Desk } from './support/teamDesks'

// Two desks on one team database whose logins are the roles of resources/team/roles.sql: the
// agent's login may read the team's escalation rules and is refused changing them, with the
// sentence the renderer shows; the supervisor's change reaches the agent's live rules at once.

const STRICTER = { ...DEFAULTS, interruptions: { ...DEFAULTS.interruptions, total: 5 } }
const SAVED_AT = Date.UTC(2026, 10, 25, 14, 31)

describe.skipIf(skipWithoutPostgres)("team mode: the team's escalation rules", () => {
  const postgres = usePostgres()
  const teamDesk = useTeamDesks()

  /** A desk logged in as `user` (a login of roles.sql) with its seat and role. */
  const desk = (
    url: string,
    user: string,
    seat: string,
    role: 'agent' | 'supervisor'
  ): Promise<Desk> => teamDesk(url, seat, { user, role, now: () => SAVED_AT })

  async function rows(url: string): Promise<unknown[]> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const result = await client.query(
        `SELECT rule_id, updated_by, thresholds->'total' AS total FROM escalation_rules
          ORDER BY rule_id`
      )
      return result.rows
    } finally {
      await client.end()
    }
  }

  it("refuses an agent's login the change with a clear sentence; a supervisor's reaches the agent", async () => {
    const url = await postgres.freshUrl()
    await (await openPostgresDatabase({ connection: url })).close() // the owner migrates
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
      await admin.query('CREATE ROLE desk_a LOGIN IN ROLE og_agent')
      await admin.query('CREATE ROLE floor_lead LOGIN IN ROLE og_supervisor')
    } finally {
      await admin.end()
    }
    const agent = await desk(url, 'desk_a', 'desk-a', 'agent')
    const lead = await desk(url, 'floor_lead', 'lead', 'supervisor')
    // Listening on the team channel (NOTIFY keeps nothing for a desk not yet listening).
    await eventually(async () =>
      data<{ channel: string } | null>(await agent.call('team.board', {}))?.channel === 'connected'
        ? true
        : undefined
    )
    expect(agent.services.database.backend).toBe('postgres')

    // Nothing saved yet: the desk's own thresholds, and nothing seeded into the table.
    expect(data(await agent.call('escalation.rules.get', {}))).toMatchObject({
      mode: 'team',
      source: 'desk',
      thresholds: DEFAULTS
    })
    expect(await agent.call('escalation.rules.save', { thresholds: STRICTER })).toEqual({
      ok: false,
      error: { code: 'failed', message: "Only a supervisor can change the team's escalation rules" }
    })
    expect(await rows(url)).toEqual([])
    expect(agent.services.rules.current()).toEqual(DEFAULTS)

    expect(data(await lead.call('escalation.rules.save', { thresholds: STRICTER }))).toEqual({
      thresholds: STRICTER,
      mode: 'team',
      source: 'team',
      updatedBy: 'lead',
      updatedAt: new Date(SAVED_AT).toISOString(),
      problem: null
    })
    expect(await rows(url)).toContainEqual({
      rule_id: 'interruptions',
      updated_by: 'lead',
      total: 5
    })
    // The agent's live rules follow at once: the save's rules.changed makes its desk re-read.
    await eventually(() =>
      JSON.stringify(agent.services.rules.current()) === JSON.stringify(STRICTER) ? true : undefined
    )
    expect(data(await agent.call('escalation.rules.get', {}))).toMatchObject({
      source: 'team',
      updatedBy: 'lead'
    })
  }, 120_000)
})
