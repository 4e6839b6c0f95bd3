import type { ClientConfig } from 'pg'
import {
  openPostgresDatabase,
  type PostgresSessionDatabase
} from './postgres/PostgresSessionDatabase'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from './sqlite/SqliteSessionDatabase'

/** The session database a run of the console records on, and what chose it. */
export type OpenedSessionDatabase =
  | { backend: 'postgres'; database: PostgresSessionDatabase; teamFailure: null }
  | {
      backend: 'sqlite'
      database: SqliteSessionDatabase
      /** Team mode was chosen and the team database could not be opened: why (else null). */
      teamFailure: unknown
    }

export interface SessionDatabaseChoice {
  /** This desk's SQLite file: the database without team mode, and the fallback with it. */
  sqlitePath: string
  /**
   * The team database's connection; null: this desk only. It may throw (a CA file that cannot
   * be read): that counts as the team database failing to open.
   */
  team: () => ClientConfig | null
}

/**
 * Opens the team's PostgreSQL (migrated) when team mode gives a connection, else this desk's
 * SQLite. A team database that cannot be opened at start-up (down, refused, a newer schema)
 * does not stop the console: it records on the desk's SQLite for this run and says why, so a
 * call is never refused for want of the server. The choice holds until the next start.
 */
export async function openSessionDatabase(
  choice: SessionDatabaseChoice
): Promise<OpenedSessionDatabase> {
  let teamFailure: unknown = null
  try {
    const connection = choice.team()
    if (connection)
      return {
        backend: 'postgres',
        database: await openPostgresDatabase({ connection }),
        teamFailure: null
      }
  } catch (error) {
    teamFailure = error
  }
  return {
    backend: 'sqlite',
    database: openSqliteSessionDatabase(choice.sqlitePath),
    teamFailure
  }
}
