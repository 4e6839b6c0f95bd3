import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { startHarness } from '../../../tools/harness/startHarness'
import { parseTeamFlags, TeamFlagError } from '../../../tools/harness/teamFlags'
import { useTempDir } from '../../support/tempDir'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

const SECRET = 'Harness-S3cret-never-printed'

describe('harness team flags', () => {
  it('read --team-db, --seat and --role into team settings and a password to seal', () => {
    expect(
      parseTeamFlags({
        teamDb: `postgres://desk_a:${SECRET}@db.example:6432/voice?sslmode=disable`,
        seat: 'desk-a',
        role: 'supervisor'
      })
    ).toEqual({
      team: {
        mode: 'team',
        connection: {
          host: 'db.example',
          port: 6432,
          database: 'voice',
          user: 'desk_a',
          sslmode: 'disable',
          caFile: ''
        },
        seat: 'desk-a',
        role: 'supervisor'
      },
      password: SECRET
    })
    expect(parseTeamFlags({})).toBeNull()
    // The role defaults to agent, the seat to the OS user (empty here, filled in by main).
    expect(parseTeamFlags({ teamDb: 'postgres://u@h/db' })).toMatchObject({
      team: { seat: '', role: 'agent' },
      password: null
    })
  })

  it('refuse what they cannot use, in words that never repeat the URL', () => {
    for (const [values, message] of [
      [{ seat: 'a' }, '--seat and --role need --team-db postgres://user@host:port/database'],
      [{ role: 'agent' }, '--seat and --role need --team-db postgres://user@host:port/database'],
      [
        { teamDb: `mysql://u:${SECRET}@h/db` },
        '--team-db: must start with postgres:// or postgresql://'
      ],
      [{ teamDb: `postgres://u:${SECRET}@h` }, '--team-db: the URL names no database (…/name)'],
      [
        { teamDb: `postgres://u:${SECRET}@h/db`, role: 'admin' },
        '--role must be agent or supervisor, not "admin"'
      ],
      [
        { teamDb: `postgres://u:${SECRET}@h/db`, seat: 'desk a' },
        '--seat: letters, digits and . _ @ - only'
      ]
    ] as const) {
      expect(() => parseTeamFlags(values)).toThrow(new TeamFlagError(message))
    }
  })

  it('stop npm run harness with the reason and exit code 2, the password unprinted', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'tools/harness/server.ts',
        '--team-db',
        `postgres://u:${SECRET}@h/db`,
        '--role',
        'boss'
      ],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe(
      'Harness not started: --role must be agent or supervisor, not "boss"'
    )
    expect(run.stdout + run.stderr).not.toContain(SECRET)
  })
})

describe.skipIf(skipWithoutPostgres)('two harnesses on one team database', () => {
  const tmp = useTempDir()
  const postgres = usePostgres({ password: true })
  beforeAll(async () => {
    const admin = new pg.Client(postgres.server().config())
    await admin.connect()
    await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD 'desk-a-pw'`)
    await admin.query(`CREATE ROLE floor_lead LOGIN PASSWORD 'lead-pw'`)
    await admin.end()
  }, 120_000)

  it('are two desks: each its own seat, role and sealed password', async () => {
    const rendererDir = join(tmp.path(), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<script type="module" src="/x.js"></script>')
    const url = (user: string, password: string): string =>
      `postgres://${user}:${password}@127.0.0.1:${postgres.server().port}/postgres?sslmode=disable`
    const desk = (name: string, user: string, password: string, seat: string, role: string) =>
      startHarness({
        port: 0,
        dataDir: join(tmp.path(), name),
        rendererDir,
        vectorSearch: false,
        team: parseTeamFlags({ teamDb: url(user, password), seat, role })!
      })
    const a = await desk('a', 'desk_a', 'desk-a-pw', 'desk-a', 'agent')
    const b = await desk('b', 'floor_lead', 'lead-pw', 'lead', 'supervisor')
    try {
      expect(a.services.team.identity()).toEqual({ mode: 'team', seat: 'desk-a', role: 'agent' })
      expect(b.services.team.identity()).toEqual({ mode: 'team', seat: 'lead', role: 'supervisor' })
      for (const [harness, user] of [
        [a, 'desk_a'],
        [b, 'floor_lead']
      ] as const) {
        const config = harness.services.team.connectionConfig()
        expect(config).toMatchObject({ user, port: postgres.server().port })
        const client = new pg.Client(config!)
        await client.connect()
        const { rows } = await client.query<{ who: string }>('SELECT current_user AS who')
        await client.end()
        expect(rows).toEqual([{ who: user }])
      }
      for (const name of ['a', 'b'])
        for (const file of readdirSync(join(tmp.path(), name)).filter((f) => f.endsWith('.json')))
          expect(readFileSync(join(tmp.path(), name, file), 'utf8')).not.toMatch(
            /desk-a-pw|lead-pw/
          )
    } finally {
      await a.close()
      await b.close()
    }
  })
})
