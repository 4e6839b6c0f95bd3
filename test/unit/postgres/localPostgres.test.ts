import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createDatabase,
  freePort,
  localPostgresStatus
} from '../../../tools/postgres/localPostgres'
import { startLocalPostgres, stopLocalPostgres } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres } from '../../support/postgres'

// tools/postgres (npm run team-db): a scratch server started, found, stopped and started again.
describe.skipIf(skipWithoutPostgres)('the local PostgreSQL of team mode', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) stopLocalPostgres(dir, { remove: true })
    dir = undefined
  })

  it('starts on the port asked, says where it runs, stops, and keeps its data for the next start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'voice-console-team-db-'))
    const port = await freePort()
    const server = await startLocalPostgres({ dir, port })
    expect(server.url('voice_console')).toBe(`postgres://postgres@127.0.0.1:${port}/voice_console`)
    expect(localPostgresStatus(dir)?.port).toBe(port)
    const url = await createDatabase(server, 'voice_console')

    stopLocalPostgres(dir)
    expect(localPostgresStatus(dir)).toBeNull()

    const again = await startLocalPostgres({ dir })
    const client = new pg.Client({ connectionString: again.url('voice_console') })
    await client.connect()
    try {
      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db')
      expect(rows).toEqual([{ db: 'voice_console' }])
    } finally {
      await client.end()
    }
    expect(url).toBe(server.url('voice_console'))
  }, 120_000)

  it.skipIf(process.getuid?.() !== 0)(
    'as root, refuses a folder the server user cannot reach, saying why',
    async () => {
      const closed = mkdtempSync(join(tmpdir(), 'voice-console-closed-')) // mode 0700, root's
      try {
        await expect(startLocalPostgres({ dir: join(closed, 'db') })).rejects.toThrow(
          /cannot reach .*choose a folder under \/tmp/
        )
      } finally {
        rmSync(closed, { recursive: true, force: true })
      }
    }
  )

  it('with a password, refuses a wrong one (SCRAM) and keeps the password out of its folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'voice-console-team-db-'))
    const password = 'Local-PG-pw-never-on-disk-5521'
    const server = await startLocalPostgres({ dir, password, throwaway: true })
    const wrong = new pg.Client({ ...server.config(), password: 'not-it' })
    await expect(wrong.connect()).rejects.toMatchObject({ code: '28P01' })
    const client = new pg.Client(server.config())
    await client.connect()
    try {
      const { rows } = await client.query<{ method: string }>(
        `SELECT DISTINCT auth_method AS method FROM pg_hba_file_rules`
      )
      expect(rows).toEqual([{ method: 'scram-sha-256' }])
    } finally {
      await client.end()
    }
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile()
    )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files)
      expect(readFileSync(join(file.parentPath, file.name)).includes(password)).toBe(false)
  }, 120_000)
})
