import type { DatabaseSync } from 'node:sqlite'
import { DatabaseBusyError, type SessionDatabase } from '../SessionDatabase'
import { SqliteAlertActionsTable, SqliteAlertsTable } from './alertTables'
import { SqliteBacktestReads } from './backtestReads'
import { SqliteCallFailuresTable } from './callFailuresTable'
import { SqliteCallsTable, SqliteEventsTable, SqliteTurnsTable } from './callTables'
import { SqliteMetaTable } from './metaTable'
import { BUSY_TIMEOUT_MS, openDatabase, WAL_AUTOCHECKPOINT_PAGES } from './openDatabase'
import { SqliteReportReads } from './reportReads'
import { checkpointIfBig } from './SqliteSessionImport'
import { SqliteSessionsTable } from './sessionsTable'

/**
 * The session database on one node:sqlite connection (WAL), shared by every service of the app.
 * node:sqlite is synchronous, so each operation, and each transaction, runs whole: no other
 * request's statement can land inside it. Imports write on a connection of their own
 * (SessionImporter), so readers keep seeing the last committed state meanwhile.
 */
export class SqliteSessionDatabase implements SessionDatabase {
  readonly sessions: SqliteSessionsTable
  readonly calls: SqliteCallsTable
  readonly callFailures: SqliteCallFailuresTable
  readonly turns: SqliteTurnsTable
  readonly events: SqliteEventsTable
  readonly alerts: SqliteAlertsTable
  readonly alertActions: SqliteAlertActionsTable
  readonly meta: SqliteMetaTable
  readonly reports: SqliteReportReads
  readonly backtest: SqliteBacktestReads
  /** A background checkpoint that transactionNow started, until it is done. */
  private checkpointing: Promise<unknown> | null = null

  /** The file, for connections of its own (imports, background checkpoints). */
  constructor(
    readonly path: string,
    /** The raw connection: for tests and tools that set up rows by hand, never for services. */
    readonly connection: DatabaseSync = openDatabase(path)
  ) {
    const db = connection
    this.sessions = new SqliteSessionsTable(db)
    this.calls = new SqliteCallsTable(db)
    this.callFailures = new SqliteCallFailuresTable(db)
    this.turns = new SqliteTurnsTable(db)
    this.events = new SqliteEventsTable(db)
    this.alerts = new SqliteAlertsTable(db)
    this.alertActions = new SqliteAlertActionsTable(db)
    this.meta = new SqliteMetaTable(db)
    this.reports = new SqliteReportReads(db)
    this.backtest = new SqliteBacktestReads(db)
  }

  /** BEGIN IMMEDIATE: the write lock is taken up front, so COMMIT never meets a newer snapshot. */
  transaction<T>(work: () => T): T {
    this.connection.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      // An await inside would let other requests' statements into this transaction.
      if (result instanceof Promise) throw new Error('A transaction runs synchronously')
      this.connection.exec('COMMIT')
      return result
    } catch (error) {
      this.connection.exec('ROLLBACK')
      throw error
    }
  }

  /**
   * The busy timeout is 0 for this BEGIN only: SQLITE_BUSY comes back at once rather than
   * after openDatabase's 5 s wait on main's thread (a live call's audio and IPC stall with it).
   */
  transactionNow<T>(work: () => T): T {
    this.connection.exec('PRAGMA busy_timeout = 0')
    try {
      this.connection.exec('BEGIN IMMEDIATE')
    } catch (error) {
      throw isBusy(error) ? new DatabaseBusyError() : error
    } finally {
      this.connection.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    }
    let result: T
    try {
      result = work()
      if (result instanceof Promise) throw new Error('A transaction runs synchronously')
      // No auto-checkpoint in this COMMIT: after an import it would copy the import's whole
      // log into the file on main's thread (seconds for a million rows). A big log is copied
      // on a worker instead, below.
      this.connection.exec('PRAGMA wal_autocheckpoint = 0')
      try {
        this.connection.exec('COMMIT')
      } finally {
        this.connection.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
      }
    } catch (error) {
      if (this.connection.isTransaction) this.connection.exec('ROLLBACK')
      throw error
    }
    this.checkpointInBackground()
    return result
  }

  /** One at a time; nothing when the log is small (a stat of the -wal file). */
  private checkpointInBackground(): void {
    if (this.checkpointing) return
    const done = checkpointIfBig(this.path, Promise.resolve(undefined))
    this.checkpointing = done.finally(() => (this.checkpointing = null))
  }

  close(): void {
    this.connection.close()
  }
}

/** SQLITE_BUSY (5) and its extended codes (…+256·n): another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode
  return typeof code === 'number' && (code & 0xff) === 5
}

/** Opens (creating if needed, migrating if behind) the session database at `path`. */
export function openSqliteSessionDatabase(path: string): SqliteSessionDatabase {
  return new SqliteSessionDatabase(path)
}
