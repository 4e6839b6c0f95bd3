import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import {
  openSqliteSessionDatabase,
  SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import type { TestPostgres } from '../../support/postgres'

/**
 * A backend the behavioural suite runs against: `open` gives a fresh, empty, migrated database
 * (each call its own), `close` closes what `open` gave and removes it.
 */
export interface SessionDatabaseBackend {
  name: string
  open(): Promise<SessionDatabase>
  close(): Promise<void>
  /**
   * Runs SQL both backends read alike on a database `open` gave, past the seam: rows the app
   * never writes (a hand edit, another build's), to see how the seam reads them.
   */
  exec(db: SessionDatabase, sql: string): Promise<void>
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
    },
    exec: async (db, sql) => {
      if (!(db instanceof SqliteSessionDatabase)) throw new Error('not a SQLite database')
      db.connection.exec(sql)
    }
  }
}

/** PostgreSQL: a fresh migrated database per open on the test file's scratch server (closed after each test by usePostgres). */
export function postgresBackendOn(pg: TestPostgres): SessionDatabaseBackend {
  return {
    name: 'PostgreSQL',
    open: () => pg.open(),
    close: async () => {},
    exec: async (db, sql) => {
      if (!(db instanceof PostgresSessionDatabase)) throw new Error('not a PostgreSQL database')
      await db.pool.query(sql)
    }
  }
}
