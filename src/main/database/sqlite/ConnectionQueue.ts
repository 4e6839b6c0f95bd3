import { AsyncLocalStorage } from 'node:async_hooks'

/** Runs one statement now (synchronously) and hands back its result as a settled promise. */
export type StatementRunner = <T>(statement: () => T) => Promise<T>

/** The result, or the error, of a synchronous statement as a settled promise. */
export function settle<T>(statement: () => T): Promise<T> {
  try {
    return Promise.resolve(statement())
  } catch (error) {
    return Promise.reject(error as Error)
  }
}

/**
 * The order of work on the one node:sqlite connection. Transactions run one after another (a
 * promise chain): their work awaits between statements, and another transaction's BEGIN there
 * would fail, or its statements land inside this one. A statement outside a transaction runs at
 * once when none is open or queued, and otherwise waits its turn behind them: run inside an open
 * transaction, a rollback would undo it too.
 */
export class ConnectionQueue {
  private tail: Promise<unknown> = Promise.resolve()
  /** Transactions (and statements waiting behind them) queued or running. */
  private pending = 0
  /** Names the running transaction; its work's async context carries it. */
  private running: object | null = null
  private readonly context = new AsyncLocalStorage<object>()

  /** For the database's own tables: at once when the connection is free. */
  readonly run: StatementRunner = (statement) => {
    if (this.pending === 0) return settle(statement)
    if (this.inRunning())
      return Promise.reject(
        new Error('Inside transaction(work), use its tables (tx), not the database: it waits')
      )
    return this.enqueue(async () => statement())
  }

  /** Runs `work` alone on the connection, after everything queued before it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.inRunning())
      return Promise.reject(new Error('Transactions do not nest: use the open one (tx)'))
    return this.enqueue(async () => {
      const token = {}
      this.running = token
      try {
        return await this.context.run(token, work)
      } finally {
        this.running = null
      }
    })
  }

  /** Called from the running transaction's own work (which would wait for itself forever). */
  private inRunning(): boolean {
    return this.running !== null && this.context.getStore() === this.running
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending++
    const result = this.tail.then(work)
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--
    )
    return result
  }
}
