import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/database/postgres/migrations'
import { openPostgresDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { testTeamConnection } from '../../../src/main/settings/testTeamConnection'
import type { TeamConnection } from '../../../src/shared/settings/teamSettings'
import { freePort } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

describe.skipIf(skipWithoutPostgres)(
  'Settings → Team → Test connection, on a real PostgreSQL',
  () => {
    const postgres = usePostgres({ password: true })
    let database = ''
    const connection = (user: string, more: Partial<TeamConnection> = {}): TeamConnection => ({
      host: '127.0.0.1',
      port: postgres.server().port,
      database,
      user,
      sslmode: 'disable',
      caFile: '',
      ...more
    })
    const LATEST = LATEST_SCHEMA_VERSION

    beforeAll(async () => {
      // The team schema as this build's migrations leave it, then the roles on it.
      const url = await postgres.freshUrl()
      database = new URL(url).pathname.slice(1)
      await (await openPostgresDatabase({ connection: url })).close()
      const admin = new pg.Client(postgres.server().config(database))
      await admin.connect()
      try {
        await admin.query(readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
        await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD 'agent-pw' IN ROLE og_agent`)
        await admin.query(`CREATE ROLE floor_lead LOGIN PASSWORD 'lead-pw' IN ROLE og_supervisor`)
      } finally {
        await admin.end()
      }
    }, 120_000)

    it('reports the server version, the schema version and an agent login that fits an agent seat', async () => {
      const result = await testTeamConnection({
        connection: connection('desk_a'),
        role: 'agent',
        password: 'agent-pw',
        schemaVersion: LATEST
      })
      expect(result).toMatchObject({
        ok: true,
        url: `postgres://desk_a@127.0.0.1:${postgres.server().port}/${database}?sslmode=disable`,
        schema: { state: 'current', version: LATEST },
        problems: []
      })
      if (!result.ok) return
      expect(result.serverVersion).toMatch(/^\d+\.\d+/)
      expect(result.privileges).toContainEqual({
        table: 'sessions',
        privilege: 'DELETE',
        granted: false
      })
      expect(result.privileges).toContainEqual({
        table: 'calls',
        privilege: 'INSERT',
        granted: true
      })
    })

    it('says what a login lacks for a supervisor seat, and what it has too much of for an agent seat', async () => {
      const lacking = await testTeamConnection({
        connection: connection('desk_a'),
        role: 'supervisor',
        password: 'agent-pw'
      })
      expect(lacking.ok && lacking.problems).toEqual([
        { table: 'sessions', privilege: 'DELETE', kind: 'missing' },
        { table: 'escalation_rules', privilege: 'UPDATE', kind: 'missing' },
        { table: 'gateway_settings', privilege: 'UPDATE', kind: 'missing' }
      ])
      expect(lacking.ok && lacking.schema).toEqual({ state: 'present', version: LATEST })
      const lead = await testTeamConnection({
        connection: connection('floor_lead'),
        role: 'supervisor',
        password: 'lead-pw'
      })
      expect(lead.ok && lead.problems).toEqual([])
      const tooMuch = await testTeamConnection({
        connection: connection('floor_lead'),
        role: 'agent',
        password: 'lead-pw',
        schemaVersion: LATEST - 1
      })
      expect(tooMuch.ok && tooMuch.problems).toEqual([
        { table: 'sessions', privilege: 'DELETE', kind: 'excess' },
        { table: 'escalation_rules', privilege: 'UPDATE', kind: 'excess' },
        { table: 'gateway_settings', privilege: 'UPDATE', kind: 'excess' }
      ])
      expect(tooMuch.ok && tooMuch.schema).toEqual({ state: 'newer', version: LATEST })
    })

    it('reports a database without the team schema as absent', async () => {
      const result = await testTeamConnection({
        connection: connection('postgres', { database: 'template1' }),
        role: 'supervisor',
        password: postgres.server().password ?? undefined
      })
      expect(result.ok && result.schema).toEqual({ state: 'absent', version: null })
      expect(result.ok && result.privileges.every((p) => p.granted === null)).toBe(true)
    })

    it('words a wrong password as one, and never repeats the password', async () => {
      const password = 'Wr0ng-S3cret-pw-7731'
      const result = await testTeamConnection({
        connection: connection('desk_a'),
        role: 'agent',
        password
      })
      expect(result).toMatchObject({ ok: false, kind: 'auth_failed' })
      expect(result.message).toBe(
        'The database refused user "desk_a": wrong password, or no such user.'
      )
      expect(JSON.stringify(result)).not.toContain(password)
      // A user named like the password: the server's own words would carry it; they are blanked.
      const echoed = await testTeamConnection({
        connection: connection(password),
        role: 'agent',
        password
      })
      expect(echoed.ok).toBe(false)
      expect(JSON.stringify(echoed)).not.toContain(password)
    })

    it('tells a missing password, a missing database and a server without TLS apart', async () => {
      expect(
        await testTeamConnection({
          connection: connection('desk_a'),
          role: 'agent',
          password: undefined
        })
      ).toMatchObject({
        ok: false,
        kind: 'no_password'
      })
      expect(
        await testTeamConnection({
          connection: connection('desk_a', { database: 'nope' }),
          role: 'agent',
          password: 'agent-pw'
        })
      ).toMatchObject({ ok: false, kind: 'no_database' })
      expect(
        await testTeamConnection({
          connection: connection('desk_a', { sslmode: 'require' }),
          role: 'agent',
          password: 'agent-pw'
        })
      ).toMatchObject({ ok: false, kind: 'tls_unsupported' })
      expect(
        await testTeamConnection({
          connection: connection('desk_a', {
            sslmode: 'verify-full',
            caFile: '/nonexistent/ca.pem'
          }),
          role: 'agent',
          password: 'agent-pw'
        })
      ).toMatchObject({ ok: false, kind: 'ca_unreadable' })
    })

    it('says nothing answers on a port where no server listens', async () => {
      const port = await freePort()
      const result = await testTeamConnection({
        connection: connection('desk_a', { port }),
        role: 'agent',
        password: 'agent-pw'
      })
      expect(result).toMatchObject({
        ok: false,
        kind: 'unreachable',
        message: `Nothing answers at 127.0.0.1:${port}: check the host and port, and that the server runs.`
      })
    })
  }
)
