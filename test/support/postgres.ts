import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { PostgresSessionDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { canStartPostgres, createDatabase } from '../../tools/postgres/localPostgres'
import { startLocalPostgres, stopLocalPostgres } from '../../tools/postgres/localPostgres'
import type { LocalPostgres } from '../../tools/postgres/localPostgres'

/**
 * Skip the PostgreSQL tests where the server cannot start (no `postgresql` package) — except
 * in CI (`CI` set), where they run and fail loudly, as the Chromium tests do.
 */
export const skipWithoutPostgres = !canStartPostgres() && !process.env['CI']

let databases = 0

/**
 * One scratch server for the test file (started before its first test, stopped and deleted
 * after its last), a fresh database per call of `freshUrl`, and every database opened through
 * `open` closed after its test.
 */
export function usePostgres(): {
  freshUrl: () => Promise<string>
  open: (url?: string) => Promise<PostgresSessionDatabase>
  server: () => LocalPostgres
} {
  let server: LocalPostgres | undefined
  const opened: PostgresSessionDatabase[] = []
  beforeAll(async () => {
    // Under tmpdir: the server's user (nobody, when the tests run as root) must reach it.
    server = await startLocalPostgres({
      dir: mkdtempSync(join(tmpdir(), 'voice-console-pg-')),
      throwaway: true
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
    }
  }
}
