import type { DatabaseSync } from 'node:sqlite'
import type { StoredSession } from '../../shared/sessions/labSchema'
import {
  FACET_COLUMNS,
  FacetColumn,
  SessionFilter,
  SessionSort
} from '../../shared/sessions/sessionQuery'
import { openDatabase } from './openDatabase'
import { orderBy, SELECT_SESSIONS, toStoredSession, whereFor } from './sessionRows'

/** Read side of the session database: pages, facets and filtered streams of sessions. */
export class SessionStore {
  readonly db: DatabaseSync

  constructor(readonly databasePath: string) {
    this.db = openDatabase(databasePath)
  }

  list(
    filter: SessionFilter,
    sort: SessionSort,
    offset: number,
    limit: number
  ): { rows: StoredSession[]; total: number } {
    const where = whereFor(filter)
    const total = this.count(filter)
    const rows = this.db
      .prepare(`${SELECT_SESSIONS}${where.clause}${orderBy(sort)} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset)
      .map((r) => toStoredSession(r as Record<string, unknown>))
    return { rows, total }
  }

  count(filter: SessionFilter = {}): number {
    const where = whereFor(filter)
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM sessions${where.clause}`)
      .get(...where.params) as { n: number }
    return row.n
  }

  /** Sessions in session_id order, streamed from SQLite without loading them all. */
  *iterate(filter: SessionFilter = {}): Generator<StoredSession> {
    const where = whereFor(filter)
    const statement = this.db.prepare(`${SELECT_SESSIONS}${where.clause} ORDER BY session_id`)
    for (const row of statement.iterate(...where.params))
      yield toStoredSession(row as Record<string, unknown>)
  }

  facets(): Record<FacetColumn, string[]> {
    const entries = FACET_COLUMNS.map((column) => {
      const values = this.db
        .prepare(`SELECT DISTINCT ${column} AS v FROM sessions ORDER BY v`)
        .all()
        .map((r) => String((r as { v: unknown }).v))
      return [column, values] as const
    })
    return Object.fromEntries(entries) as Record<FacetColumn, string[]>
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?'
      )
      .run(key, value, value)
  }

  close(): void {
    this.db.close()
  }
}
