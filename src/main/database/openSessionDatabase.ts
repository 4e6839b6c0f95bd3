import type { ClientConfig } from 'pg'
import {
  openPostgresDatabaseWhileAway,
  type PostgresSessionDatabase
} from './postgres/PostgresSessionDatabase'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from './sqlite/SqliteSessionDatabase'

/** The session database a run of the console records on, and what chose it. */
export type OpenedSessionDatabase =
  | {
      backend: 'postgres'
      database: PostgresSessionDatabase
      teamFailure: null
      /** The server could not be reached at start-up: why (else null). Calls queue meanwhile. */
      unreachable: unknown
    }
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
 * SQLite. A team database that cannot be reached at start-up (down, or the network) is opened
 * anyway: the desk records into its outbox and delivers when the server is back, so nothing
 * of the team's ends up only on this computer. One that refuses this desk (its login or TLS,
 * a newer schema, a CA file that cannot be read) does not stop the console either: this run
 * records on the desk's SQLite and says why; that choice holds until the next start.
 */
export async function openSessionDatabase(
  choice: SessionDatabaseChoice
): Promise<OpenedSessionDatabase> {
  let teamFailure: unknown = null
  try {
    const connection = choice.team()
    if (connection) {
      const { database, unreachable } = await openPostgresDatabaseWhileAway({ connection })
      return { backend: 'postgres', database, teamFailure: null, unreachable }
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
