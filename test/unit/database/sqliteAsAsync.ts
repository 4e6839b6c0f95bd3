import { join } from 'node:path'
import type * as Async from '../../../src/main/database/postgres/asyncSeam'
import type { SessionImportOptions } from '../../../src/main/database/SessionDatabase'
import { beginSqliteImport } from '../../../src/main/database/sqlite/SqliteSessionImport'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

// Today's synchronous SQLite backend seen through the async seam, for the async contract only
// (asyncContract.ts), so one suite checks PostgreSQL against SQLite's behaviour. The real
// conversion of the SQLite backend replaces this at merge. One test at a time on one
// connection: a transaction's awaits cannot let anyone else's statements in.

/** Each method of `table` returning a resolved Promise of what it returns. */
function promised<T extends object>(table: T): Async.SessionDatabase[keyof Async.SessionDatabase] {
  return new Proxy(table, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        try {
          return Promise.resolve(value.apply(target, args))
        } catch (error) {
          return Promise.reject(error)
        }
      }
    }
  }) as never
}

async function* pagesOf<T>(pages: Iterable<T[]>): AsyncGenerator<T[]> {
  yield* pages
}

export function openSqliteAsAsync(dir: string): Async.SessionDatabase {
  const path = join(dir, 'sessions.sqlite')
  const db = openSqliteSessionDatabase(path)
  const scope: Async.TransactionScope = {
    sessions: {
      page: (...args) => Promise.resolve(db.sessions.page(...args)),
      count: (...args) => Promise.resolve(db.sessions.count(...args)),
      get: (id) => Promise.resolve(db.sessions.get(id)),
      exists: (id) => Promise.resolve(db.sessions.exists(id)),
      insertRecorded: async (...args) => db.sessions.insertRecorded(...args),
      markEscalated: async (id) => db.sessions.markEscalated(id),
      version: async () => db.sessions.version(),
      storedPages: (filter) => pagesOf(db.sessions.storedPages(filter)),
      labPages: (filter) => pagesOf(db.sessions.labPages(filter))
    },
    calls: promised(db.calls) as Async.CallsTable,
    callFailures: promised(db.callFailures) as Async.CallFailuresTable,
    turns: promised(db.turns) as Async.TurnsTable,
    events: promised(db.events) as Async.EventsTable,
    alerts: promised(db.alerts) as Async.AlertsTable,
    alertActions: promised(db.alertActions) as Async.AlertActionsTable,
    meta: promised(db.meta) as Async.MetaTable,
    reports: promised(db.reports) as Async.ReportReads,
    backtest: promised(db.backtest) as Async.BacktestReads,
    beginImport: async (options: SessionImportOptions) => {
      const run = beginSqliteImport(path, options)
      return {
        sessions: {
          get inserted() {
            return run.sessions.inserted
          },
          get replaced() {
            return run.sessions.replaced
          },
          get skipped() {
            return run.sessions.skipped
          },
          add: (session, row) => run.sessions.add(session, row),
          addBatch: (batch) => run.sessions.addBatch(batch),
          flush: async () => run.sessions.flush(),
          restart: () => run.sessions.restart()
        },
        reportConflicts: async () => run.reportConflicts(),
        commit: async () => run.commit(),
        rollback: async () => run.rollback(),
        close: async () => run.close()
      }
    }
  }
  const transaction = async <T>(
    begin: string,
    work: (tx: Async.TransactionScope) => Promise<T>
  ): Promise<T> => {
    db.connection.exec(begin)
    try {
      const result = await work(scope)
      db.connection.exec('COMMIT')
      return result
    } catch (error) {
      if (db.connection.isTransaction) db.connection.exec('ROLLBACK')
      throw error
    }
  }
  return {
    ...scope,
    transaction: (work) => transaction('BEGIN IMMEDIATE', work),
    transactionNow: (work) => transaction('BEGIN IMMEDIATE', work),
    close: async () => db.close()
  }
}
