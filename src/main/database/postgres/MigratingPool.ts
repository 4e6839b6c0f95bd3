import pg from 'pg'
import type { PoolClient, PoolConfig } from 'pg'
import { migrate } from './migrate'

type ConnectCallback = (
  err: Error | undefined,
  client: PoolClient | undefined,
  done: (release?: unknown) => void
) => void

/**
 * A pool whose clients are handed out only once the schema is up to date. A desk started while
 * the team database is away can still open it: each use then tries the migration again (a
 * failed attempt is forgotten), so the first statement after the server is back migrates and
 * goes on. `pool.query` takes its client through `connect`, so both paths wait here.
 */
export class MigratingPool extends pg.Pool {
  private migrated: Promise<void> | null = null

  constructor(
    config: PoolConfig,
    private readonly migrations?: readonly string[]
  ) {
    super(config)
  }

  /** Resolves once the schema is up to date; rejects (and is tried again next time) if not. */
  ready(): Promise<void> {
    this.migrated ??= migrate({ connect: () => super.connect() }, this.migrations).then(
      () => undefined,
      (error: unknown) => {
        this.migrated = null
        throw error
      }
    )
    return this.migrated
  }

  override connect(): Promise<PoolClient>
  override connect(callback: ConnectCallback): void
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) return this.ready().then(() => super.connect())
    this.ready().then(
      () => super.connect(callback),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), undefined, () => {})
    )
  }
}
