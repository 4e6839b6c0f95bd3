import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { PostgresSessionDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { canStartPostgres, createDatabase } from '../../tools/postgres/localPostgres'
import { startLocalPostgres, stopLocalPostgres } from '../../tools/postgres/localPostgres'
import type { LocalPostgres, LocalPostgresTls } from '../../tools/postgres/localPostgres'

/**
 * Skip the PostgreSQL tests where the server cannot start (no `postgresql` package) — except
 * in CI (`CI` set), where they run and fail loudly, as the Chromium tests do.
 */
export const skipWithoutPostgres = !canStartPostgres() && !process.env['CI']

export interface TestPostgresOptions {
  /** The superuser gets a random password (SCRAM), read back as `server().password`. */
  password?: boolean
  /** Serve TLS: called in the server's beforeAll, so a test can make its certificate first. */
  tls?: () => LocalPostgresTls
}

export interface TestPostgres {
  /** The file's server (throws outside its tests). */
  server: () => LocalPostgres
  /** A new, empty database on it: its URL (as the superuser). */
  freshUrl: () => Promise<string>
  /** The session database (migrated) on `url`, or on a fresh database; closed after the test. */
  open: (url?: string) => Promise<PostgresSessionDatabase>
  /** Stops the server (fast: connections are cut, as when a database host goes away). */
  stop: () => void
  /** Starts it again on the same port, with its data. */
  restart: () => Promise<void>
}

let databases = 0

/**
 * One scratch server for the test file (started before its first test, stopped and deleted
 * after its last), a fresh database per call of `freshUrl`, and every database opened through
 * `open` closed after its test.
 */
export function usePostgres(options: TestPostgresOptions = {}): TestPostgres {
  let server: LocalPostgres | undefined
  let tls: LocalPostgresTls | undefined
  const opened: PostgresSessionDatabase[] = []
  beforeAll(async () => {
    tls = options.tls?.()
    // Under tmpdir: the server's user (nobody, when the tests run as root) must reach it.
    server = await startLocalPostgres({
      dir: mkdtempSync(join(tmpdir(), 'voice-console-pg-')),
      throwaway: true,
      password: options.password ? `test-${randomBytes(12).toString('hex')}` : undefined,
      tls
    })
  }, 120_000)
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)))
  })
  afterAll(() => {
    if (server) stopLocalPostgres(server.dir, { remove: true })
  }, 60_000)
  const live = (): LocalPostgres => {
    if (!server) throw new Error('the PostgreSQL test server is not running')
    return server
  }
  const freshUrl = (): Promise<string> =>
    createDatabase(live(), `test_${process.pid}_${++databases}`)
  return {
    server: live,
    freshUrl,
    open: async (url) => {
      const db = await openPostgresDatabase({ connection: url ?? (await freshUrl()) })
      opened.push(db)
      return db
    },
    stop: () => stopLocalPostgres(live().dir),
    restart: async () => {
      const { dir, port, password } = live()
      server = await startLocalPostgres({
        dir,
        port,
        throwaway: true,
        password: password ?? undefined,
        tls
      })
    }
  }
}
