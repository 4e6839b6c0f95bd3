import type { Pool, PoolConfig, QueryResult } from 'pg'
import { PostgresAlertActionsTable, PostgresAlertsTable } from './alertTables'
import { DatabaseBusyError } from './asyncSeam'
import type { SessionDatabase, SessionImportOptions, TransactionScope } from './asyncSeam'
import type { SessionImport } from './asyncSeam'
import { PostgresBacktestReads } from './backtestReads'
import { PostgresCallAudioTable } from './callAudioTable'
import { PostgresCallFailuresTable } from './callFailuresTable'
import { PostgresCallsTable, PostgresEventsTable, PostgresTurnsTable } from './callTables'
import { checkOut } from './checkOut'
import { FilterCounts } from './filterCounts'
import { WRITE_LOCK } from './locks'
import { PostgresMetaTable } from './metaTable'
import { isConnectionLost } from './isConnectionLost'
import { MigratingPool } from './MigratingPool'
import { beginPostgresImport } from './PostgresSessionImport'
import { PostgresReportReads } from './reportReads'
import { PostgresRulesTable } from './rulesTable'
import { PostgresSessionsTable } from './sessionsTable'
import { PostgresWebhookDeliveriesTable } from './webhookDeliveriesTable'
import { PostgresCallCommandsTable } from './callCommandsTable'
import { PostgresGatewayEngineTable } from './gatewayEngineTable'
import { clientSql, numberTypes, poolSql, type Sql } from './sql'

/** The scope with this backend's classes (the database exposes them as such). */
interface PostgresScope extends TransactionScope {
  sessions: PostgresSessionsTable
  calls: PostgresCallsTable
  callFailures: PostgresCallFailuresTable
  turns: PostgresTurnsTable
  events: PostgresEventsTable
  alerts: PostgresAlertsTable
  alertActions: PostgresAlertActionsTable
  meta: PostgresMetaTable
  rules: PostgresRulesTable
  webhookDeliveries: PostgresWebhookDeliveriesTable
  callAudio: PostgresCallAudioTable
  callCommands: PostgresCallCommandsTable
  reports: PostgresReportReads
  backtest: PostgresBacktestReads
}

/**
 * Every table and read, on `sql` (the pool, or one transaction's client); `counts` keeps the
 * sessions' counts between calls (the pool's scope only).
 */
function scopeOn(sql: Sql, counts: FilterCounts | null = null): PostgresScope {
  return {
    sessions: new PostgresSessionsTable(sql, counts),
    calls: new PostgresCallsTable(sql),
    callFailures: new PostgresCallFailuresTable(sql),
    turns: new PostgresTurnsTable(sql),
    events: new PostgresEventsTable(sql),
    alerts: new PostgresAlertsTable(sql),
    alertActions: new PostgresAlertActionsTable(sql),
    meta: new PostgresMetaTable(sql),
    rules: new PostgresRulesTable(sql),
    webhookDeliveries: new PostgresWebhookDeliveriesTable(sql),
    callAudio: new PostgresCallAudioTable(sql),
    callCommands: new PostgresCallCommandsTable(sql),
    reports: new PostgresReportReads(sql),
    backtest: new PostgresBacktestReads(sql)
  }
}

/**
 * The session database on a PostgreSQL pool (team mode). Statements outside a transaction go
 * to any free client; a transaction runs on one client, its tables bound to it, holding the
 * write lock shared (./locks) so an import's commit excludes it and nothing else does.
 */
export class PostgresSessionDatabase implements SessionDatabase {
  readonly sessions: PostgresSessionsTable
  readonly calls: PostgresCallsTable
  readonly callFailures: PostgresCallFailuresTable
  readonly turns: PostgresTurnsTable
  readonly events: PostgresEventsTable
  readonly alerts: PostgresAlertsTable
  readonly alertActions: PostgresAlertActionsTable
  readonly meta: PostgresMetaTable
  readonly rules: PostgresRulesTable
  readonly webhookDeliveries: PostgresWebhookDeliveriesTable
  readonly callAudio: PostgresCallAudioTable
  readonly callCommands: PostgresCallCommandsTable
  readonly reports: PostgresReportReads
  readonly backtest: PostgresBacktestReads
  /** Team mode only (no SQLite counterpart): the gateways' engine, outside any transaction. */
  readonly gatewayEngine: PostgresGatewayEngineTable
  readonly beginImport: (options: SessionImportOptions) => Promise<SessionImport>

  constructor(
    /** The pool: for tests and tools that set rows up by hand, never for services. */
    readonly pool: Pool
  ) {
    const scope = scopeOn(poolSql(pool), new FilterCounts())
    this.sessions = scope.sessions
    this.calls = scope.calls
    this.callFailures = scope.callFailures
    this.turns = scope.turns
    this.events = scope.events
    this.alerts = scope.alerts
    this.alertActions = scope.alertActions
    this.meta = scope.meta
    this.rules = scope.rules
    this.webhookDeliveries = scope.webhookDeliveries
    this.callAudio = scope.callAudio
    this.callCommands = scope.callCommands
    this.reports = scope.reports
    this.backtest = scope.backtest
    this.gatewayEngine = new PostgresGatewayEngineTable(poolSql(pool))
    // An import always runs on a client of its own (never inside a desk's transaction).
    this.beginImport = (options) => beginPostgresImport(pool, options)
  }

  /** Waits for the write lock when an import's commit holds it. */
  transaction<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.run(work, `SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK}) AS taken`)
  }

  /**
   * Only tries the write lock: an import committing (or waiting to) makes it reject with
   * DatabaseBusyError at once, so a live call's writes go to its outbox instead of waiting.
   * (Row locks held by another desk's transaction are still waited for: they are short.)
   */
  transactionNow<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.run(work, `SELECT pg_try_advisory_xact_lock_shared(${WRITE_LOCK}) AS taken`)
  }

  private async run<T>(work: (tx: TransactionScope) => Promise<T>, lock: string): Promise<T> {
    const { client, release } = await checkOut(this.pool)
    let broken: Error | undefined
    try {
      // One round trip for both (a simple query may hold several statements): every live call's
      // batch of events is a transaction, and the trips add up across a gateway's calls.
      const results = (await client.query(`BEGIN; ${lock}`)) as unknown as QueryResult<{
        taken: boolean | string
      }>[]
      if (results[1]?.rows[0]?.taken === false) throw new DatabaseBusyError()
      const result = await work(scopeOn(clientSql(client)))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
      })
      throw error
    } finally {
      // A client whose rollback failed is discarded, not handed to the next caller.
      release(broken)
    }
  }

  close(): Promise<void> {
    return this.pool.end()
  }
}

export interface PostgresOptions {
  /** postgres://user@host:port/database (sslmode and the rest as pg reads them), or a config. */
  connection: string | PoolConfig
  /** Most clients the pool opens (default 10). */
  maxClients?: number
}

/**
 * Opens the team database: a pool, then the schema brought up to date (or refused when it is
 * newer than this build: NewerSchemaError). The pool is ended if opening fails.
 */
export async function openPostgresDatabase(
  options: PostgresOptions
): Promise<PostgresSessionDatabase> {
  const { database, unreachable } = await openPostgresDatabaseWhileAway(options)
  if (unreachable === null) return database
  await database.close()
  throw unreachable
}

/**
 * As openPostgresDatabase, except that a server that cannot be reached yet (a lost connection,
 * not a refusal) still gives the database, with why in `unreachable`: its first statement once
 * the server is back migrates the schema first (MigratingPool), so a desk started offline
 * records into its outbox and delivers when it can.
 */
export async function openPostgresDatabaseWhileAway(
  options: PostgresOptions
): Promise<{ database: PostgresSessionDatabase; unreachable: unknown }> {
  const config: PoolConfig =
    typeof options.connection === 'string'
      ? { connectionString: options.connection }
      : { ...options.connection }
  const pool = new MigratingPool({
    max: options.maxClients ?? 10,
    ...config,
    types: numberTypes,
    application_name: config.application_name ?? 'voice-console'
  })
  // An idle client's dropped connection is the pool's to replace, not a crash of the app.
  pool.on('error', () => undefined)
  try {
    await pool.ready()
  } catch (error) {
    if (isConnectionLost(error))
      return { database: new PostgresSessionDatabase(pool), unreachable: error }
    await pool.end()
    throw error
  }
  return { database: new PostgresSessionDatabase(pool), unreachable: null }
}
