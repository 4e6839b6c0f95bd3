import type { DatabaseSync } from 'node:sqlite'
import { DatabaseBusyError } from '../SessionDatabase'
import type { SessionDatabase, SessionImport, SessionImportOptions } from '../SessionDatabase'
import type { TransactionScope } from '../SessionDatabase'
import type {
  AlertActionsTable,
  AlertsTable,
  BacktestReads,
  CallAudioTable,
  CallFailuresTable,
  CallCommandsTable,
  CallsTable,
  EventsTable,
  MetaTable,
  ReportReads,
  RulesTable,
  SessionsTable,
  TurnsTable,
  WebhookDeliveriesTable
} from '../SessionDatabase'
import { SqliteAlertActionsTable, SqliteAlertsTable } from './alertTables'
import { asyncTable } from './asyncTable'
import { SqliteCallAudioTable } from './callAudioTable'
import { SqliteCallCommandsTable } from './callCommandsTable'
import { SqliteBacktestReads } from './backtestReads'
import { SqliteCallFailuresTable } from './callFailuresTable'
import { SqliteCallsTable, SqliteEventsTable, SqliteTurnsTable } from './callTables'
import { ConnectionQueue, settle, type StatementRunner } from './ConnectionQueue'
import { SqliteMetaTable } from './metaTable'
import { BUSY_TIMEOUT_MS, openDatabase, WAL_AUTOCHECKPOINT_PAGES } from './openDatabase'
import { SqliteReportReads } from './reportReads'
import { SqliteRulesTable } from './rulesTable'
import { beginSqliteImport, checkpointIfBig } from './SqliteSessionImport'
import { SqliteSessionsTable } from './sessionsTable'
import { SqliteWebhookDeliveriesTable } from './webhookDeliveriesTable'

/** The synchronous tables on one connection. */
interface SyncTables {
  sessions: SqliteSessionsTable
  calls: SqliteCallsTable
  callFailures: SqliteCallFailuresTable
  turns: SqliteTurnsTable
  events: SqliteEventsTable
  alerts: SqliteAlertsTable
  alertActions: SqliteAlertActionsTable
  meta: SqliteMetaTable
  rules: SqliteRulesTable
  webhookDeliveries: SqliteWebhookDeliveriesTable
  callAudio: SqliteCallAudioTable
  callCommands: SqliteCallCommandsTable
  reports: SqliteReportReads
  backtest: SqliteBacktestReads
}

function syncTables(db: DatabaseSync): SyncTables {
  return {
    sessions: new SqliteSessionsTable(db),
    calls: new SqliteCallsTable(db),
    callFailures: new SqliteCallFailuresTable(db),
    turns: new SqliteTurnsTable(db),
    events: new SqliteEventsTable(db),
    alerts: new SqliteAlertsTable(db),
    alertActions: new SqliteAlertActionsTable(db),
    meta: new SqliteMetaTable(db),
    rules: new SqliteRulesTable(db),
    webhookDeliveries: new SqliteWebhookDeliveriesTable(db),
    callAudio: new SqliteCallAudioTable(db),
    callCommands: new SqliteCallCommandsTable(db),
    reports: new SqliteReportReads(db),
    backtest: new SqliteBacktestReads(db)
  }
}

/** The seam's tables over the synchronous ones, each statement run by `run`. */
function asyncTables(tables: SyncTables, run: StatementRunner): TransactionScope {
  return {
    sessions: asyncTable<SessionsTable>(tables.sessions, run),
    calls: asyncTable<CallsTable>(tables.calls, run),
    callFailures: asyncTable<CallFailuresTable>(tables.callFailures, run),
    turns: asyncTable<TurnsTable>(tables.turns, run),
    events: asyncTable<EventsTable>(tables.events, run),
    alerts: asyncTable<AlertsTable>(tables.alerts, run),
    alertActions: asyncTable<AlertActionsTable>(tables.alertActions, run),
    meta: asyncTable<MetaTable>(tables.meta, run),
    rules: asyncTable<RulesTable>(tables.rules, run),
    webhookDeliveries: asyncTable<WebhookDeliveriesTable>(tables.webhookDeliveries, run),
    callAudio: asyncTable<CallAudioTable>(tables.callAudio, run),
    callCommands: asyncTable<CallCommandsTable>(tables.callCommands, run),
    reports: asyncTable<ReportReads>(tables.reports, run),
    backtest: asyncTable<BacktestReads>(tables.backtest, run)
  }
}

/**
 * The session database on one node:sqlite connection (WAL), shared by every service of the app.
 * node:sqlite is synchronous: each statement runs whole inside the promise it returns. A
 * transaction's work awaits between its statements, so transactions are queued
 * (ConnectionQueue): one at a time, and statements outside them wait while one is open. Imports
 * write on a connection of their own, so readers keep seeing the last committed state meanwhile.
 */
export class SqliteSessionDatabase implements SessionDatabase {
  readonly sessions: TransactionScope['sessions']
  readonly calls: TransactionScope['calls']
  readonly callFailures: TransactionScope['callFailures']
  readonly turns: TransactionScope['turns']
  readonly events: TransactionScope['events']
  readonly alerts: TransactionScope['alerts']
  readonly alertActions: TransactionScope['alertActions']
  readonly meta: TransactionScope['meta']
  readonly rules: TransactionScope['rules']
  readonly webhookDeliveries: TransactionScope['webhookDeliveries']
  readonly callAudio: TransactionScope['callAudio']
  readonly callCommands: TransactionScope['callCommands']
  readonly reports: TransactionScope['reports']
  readonly backtest: TransactionScope['backtest']
  private readonly queue = new ConnectionQueue()
  private readonly tables: SyncTables
  /** A background checkpoint that transactionNow started, until it is done. */
  private checkpointing: Promise<unknown> | null = null

  /** The file, for connections of its own (imports, background checkpoints). */
  constructor(
    readonly path: string,
    /** The raw connection: for tests and tools that set up rows by hand, never for services. */
    readonly connection: DatabaseSync = openDatabase(path)
  ) {
    this.tables = syncTables(connection)
    const own = asyncTables(this.tables, this.queue.run)
    this.sessions = own.sessions
    this.calls = own.calls
    this.callFailures = own.callFailures
    this.turns = own.turns
    this.events = own.events
    this.alerts = own.alerts
    this.alertActions = own.alertActions
    this.meta = own.meta
    this.rules = own.rules
    this.webhookDeliveries = own.webhookDeliveries
    this.callAudio = own.callAudio
    this.callCommands = own.callCommands
    this.reports = own.reports
    this.backtest = own.backtest
  }

  /** BEGIN IMMEDIATE: the write lock is taken up front, so COMMIT never meets a newer snapshot. */
  transaction<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.queue.exclusive(async () => {
      this.connection.exec('BEGIN IMMEDIATE')
      return this.runOpen(work, () => this.connection.exec('COMMIT'))
    })
  }

  /**
   * The busy timeout is 0 for this BEGIN only: SQLITE_BUSY comes back at once rather than
   * after openDatabase's 5 s wait on main's thread (a live call's audio and IPC stall with it).
   * It waits only for this connection's own queued transactions, which never hold it long.
   */
  transactionNow<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.queue.exclusive(async () => {
      this.connection.exec('PRAGMA busy_timeout = 0')
      try {
        this.connection.exec('BEGIN IMMEDIATE')
      } catch (error) {
        throw isBusy(error) ? new DatabaseBusyError() : error
      } finally {
        this.connection.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
      }
      const result = await this.runOpen(work, () => {
        // No auto-checkpoint in this COMMIT: after an import it would copy the import's whole
        // log into the file on main's thread (seconds for a million rows). A big log is copied
        // on a worker instead, below.
        this.connection.exec('PRAGMA wal_autocheckpoint = 0')
        try {
          this.connection.exec('COMMIT')
        } finally {
          this.connection.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
        }
      })
      this.checkpointInBackground()
      return result
    })
  }

  /** An import on a connection of its own (the file is staged without the write lock). */
  beginImport = (options: SessionImportOptions): Promise<SessionImport> =>
    settle(() => beginSqliteImport(this.path, options))

  /**
   * Runs `work` in the open transaction, on tables that refuse statements once it has ended (a
   * stray await after it would otherwise run outside it, or inside the next one).
   */
  private async runOpen<T>(
    work: (tx: TransactionScope) => Promise<T>,
    commit: () => void
  ): Promise<T> {
    let open = true
    const scope = asyncTables(this.tables, (statement) =>
      open ? settle(statement) : Promise.reject(new Error('This transaction has ended'))
    )
    try {
      const result = await work(scope)
      commit()
      return result
    } catch (error) {
      if (this.connection.isTransaction) this.connection.exec('ROLLBACK')
      throw error
    } finally {
      open = false
    }
  }

  /** One at a time; nothing when the log is small (a stat of the -wal file). */
  private checkpointInBackground(): void {
    if (this.checkpointing) return
    const done = checkpointIfBig(this.path, Promise.resolve(undefined))
    this.checkpointing = done.finally(() => (this.checkpointing = null))
  }

  /** At once when no transaction is open or queued, else after them. */
  close(): Promise<void> {
    return this.queue.run(() => this.connection.close())
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
