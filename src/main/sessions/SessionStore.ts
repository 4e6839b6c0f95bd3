import type { DatabaseSync } from 'node:sqlite'
import type { LabSession, StoredSession } from '../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import { openDatabase } from '../database/sqlite/openDatabase'
import {
  orderBy,
  SELECT_LAB_SESSIONS,
  SELECT_SESSIONS,
  toStoredSession,
  whereFor
} from './sessionRows'

const PAGE_ROWS = 5000

const toLabSession = (row: Record<string, unknown>): LabSession => ({
  ...(row as unknown as LabSession),
  rag_used: row['rag_used'] === 1
})

/** Read side of the session database: pages and filtered streams of sessions. */
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

  /**
   * Sessions in session_id order, read 5,000 at a time by key (a page per query is several
   * times faster than a row per step through node:sqlite, and memory stays bounded).
   */
  *iterate(filter: SessionFilter = {}): Generator<StoredSession> {
    for (const page of this.pages(SELECT_SESSIONS, filter)) yield* page.map(toStoredSession)
  }

  /** The lab's 11 columns only, a page at a time: what the lab report reads. */
  *labPages(filter: SessionFilter = {}): Generator<LabSession[]> {
    for (const page of this.pages(SELECT_LAB_SESSIONS, filter)) yield page.map(toLabSession)
  }

  /** Keyset pagination on session_id: each query starts after the last id of the previous. */
  private *pages(select: string, filter: SessionFilter): Generator<Record<string, unknown>[]> {
    const where = whereFor(filter)
    const after = where.clause ? `${where.clause} AND session_id > ?` : ' WHERE session_id > ?'
    const query = this.db.prepare(`${select}${after} ORDER BY session_id LIMIT ${PAGE_ROWS}`)
    let last = ''
    for (;;) {
      const rows = query.all(...where.params, last) as Record<string, unknown>[]
      if (rows.length) yield rows
      if (rows.length < PAGE_ROWS) return
      last = String(rows[rows.length - 1]!['session_id'])
    }
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
