import type { LabSession, StoredSession } from '../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import type { SessionDatabase } from '../database/SessionDatabase'
import type { SessionColumns } from '../reports/sessionColumns'
import { pageFromColumns } from './columnPaging'
import type { AlertSummary } from '../../shared/sessions/alertSummary'
import type { SaidMatch } from '../../shared/sessions/saidSearch'

/** A page of the Sessions table, with what its rows show beside their stored columns. */
export interface SessionListPage {
  rows: StoredSession[]
  total: number
  /** Live sessions whose call counted no turn: their 0 ms latency means "none". */
  noTurnIds: string[]
  /** The rows' alerts summed up (rows without alerts are left out). */
  alerts: AlertSummary[]
  /** Where the filter's `said` words were said, per matching row (none without `said`). */
  matches: SaidMatch[]
}

/**
 * Read side of the session database: pages and filtered streams of sessions. Typed by the
 * database it reads, so a test holding a SQLite database can still reach its connection.
 */
export class SessionStore<Database extends SessionDatabase = SessionDatabase> {
  constructor(
    readonly database: Database,
    /**
     * The report columns kept in memory, when current (ReportQueries.peek): pages are then
     * counted, filtered and sorted there and only their rows read (columnPaging.ts). Absent or
     * null: the database answers.
     */
    private readonly columns: () => Promise<SessionColumns | null> = async () => null
  ) {}

  async list(
    filter: SessionFilter,
    sort: SessionSort,
    offset: number,
    limit: number
  ): Promise<SessionListPage> {
    const columns = await this.columns()
    const page = columns ? pageFromColumns(columns, filter, sort, offset, limit) : null
    const rows = page
      ? await this.rowsInOrder(page.sessionIds)
      : await this.database.sessions.page(filter, sort, offset, limit)
    const total = page ? page.total : await this.count(filter)
    const ids = rows.map((row) => row.session_id)
    const [noTurnIds, alerts, matches] = await Promise.all([
      this.withoutCountedTurn(rows),
      this.database.alerts.summaries(ids),
      filter.said ? this.database.turns.saidMatches(ids, filter.said) : []
    ])
    return { rows, total, noTurnIds, alerts, matches }
  }

  /** The page's live sessions whose call counted no turn: their 0 ms latency means "none". */
  private async withoutCountedTurn(rows: readonly StoredSession[]): Promise<string[]> {
    const live = rows.flatMap((row) => (row.source === 'live' ? [row.session_id] : []))
    return live.length === 0 ? [] : this.database.calls.withoutCountedTurn(live)
  }

  /** These sessions' rows, in this order (one keyed read). */
  private async rowsInOrder(sessionIds: string[]): Promise<StoredSession[]> {
    if (sessionIds.length === 0) return []
    const rows = await this.database.sessions.page(
      { sessionIds },
      { column: 'session_id', direction: 'asc' },
      0,
      sessionIds.length
    )
    const byId = new Map(rows.map((row) => [row.session_id, row]))
    return sessionIds.flatMap((id) => {
      const row = byId.get(id)
      return row ? [row] : []
    })
  }

  count(filter: SessionFilter = {}): Promise<number> {
    return this.database.sessions.count(filter)
  }

  /** Sessions in session_id order, a bounded page at a time underneath. */
  async *iterate(filter: SessionFilter = {}): AsyncGenerator<StoredSession> {
    for await (const page of this.database.sessions.storedPages(filter)) yield* page
  }

  /** The lab's 11 columns only, a page at a time: what the lab report reads. */
  async *labPages(filter: SessionFilter = {}): AsyncGenerator<LabSession[]> {
    yield* this.database.sessions.labPages(filter)
  }

  /** Deletes the pilot's sample sessions (a first run's); returns how many went. */
  removeSample(): Promise<number> {
    return this.database.transaction((tx) => tx.sessions.removeSample())
  }

  getMeta(key: string): Promise<string | undefined> {
    return this.database.meta.get(key)
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.database.meta.set(key, value)
  }

  close(): Promise<void> {
    return this.database.close()
  }
}
