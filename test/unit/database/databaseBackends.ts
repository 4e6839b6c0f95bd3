import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

/**
 * A backend the behavioural suite runs against: `open` gives a fresh, empty, migrated database
 * (each call its own), `close` closes what `open` gave and removes it.
 */
export interface SessionDatabaseBackend {
  name: string
  open(): Promise<SessionDatabase>
  close(): Promise<void>
}

/** SQLite: a file in a temp directory of its own per open. */
export function sqliteBackend(): SessionDatabaseBackend {
  const opened: { database: SessionDatabase; dir: string }[] = []
  return {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'voice-console-contract-'))
      const database = openSqliteSessionDatabase(join(dir, 'sessions.sqlite'))
      opened.push({ database, dir })
      return database
    },
    close: async () => {
      for (const { database, dir } of opened.splice(0)) {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/**
 * PostgreSQL: a scratch server for the calling test file (usePostgres registers its hooks
 * there), a fresh migrated database per open, closed after each test.
 */
export function postgresBackend(): SessionDatabaseBackend {
  const pg = usePostgres()
  return { name: 'PostgreSQL', open: () => pg.open(), close: async () => {} }
}

/**
 * Every backend the contract suites run against: SQLite, and PostgreSQL where its server can
 * start (always in CI). Call once per test file, at its top level.
 */
export function contractBackends(): SessionDatabaseBackend[] {
  return skipWithoutPostgres ? [sqliteBackend()] : [sqliteBackend(), postgresBackend()]
}
