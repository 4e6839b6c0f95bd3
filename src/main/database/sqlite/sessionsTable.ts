import type { Synchronous } from './Synchronous'
import type { DatabaseSync } from 'node:sqlite'
import { LAB_COLUMNS } from '../../../shared/sessions/labSchema'
import type { LabSession, StoredSession } from '../../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../../shared/sessions/sessionQuery'
import { columnsOf, type Row } from '../rowValues'
import { STORED_COLUMNS, toLabSession, toStoredSession } from '../rowMappers'
import type { SessionsTable } from '../SessionDatabase'
import { bumpSessionsVersion, sessionsVersion } from './sessionsVersion'
import { orderBy, sqlValue, whereFor } from './sessionWhere'

const SELECT_SESSIONS = `SELECT ${STORED_COLUMNS.join(', ')} FROM sessions`
const SELECT_LAB_SESSIONS = `SELECT ${LAB_COLUMNS.join(', ')} FROM sessions`
const RECORDED_COLUMNS = [...STORED_COLUMNS, 'recorded_at'] as const
/** Keyset pages: a page per query is several times faster than a row per step. */
const PAGE_ROWS = 5000

const col = columnsOf('sessions')

/** The sessions table on SQLite (imports write it through SessionBatchWriter). */
export class SqliteSessionsTable implements Synchronous<SessionsTable> {
  constructor(private readonly db: DatabaseSync) {}

  page(filter: SessionFilter, sort: SessionSort, offset: number, limit: number): StoredSession[] {
    const where = whereFor(filter)
    return this.db
      .prepare(`${SELECT_SESSIONS}${where.clause}${orderBy(sort)} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset)
      .map(toStoredSession)
  }

  count(filter: SessionFilter = {}): number {
    const where = whereFor(filter)
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM sessions${where.clause}`)
      .get(...where.params)
    return row ? col.number(row, 'n') : 0
  }

  *storedPages(filter: SessionFilter): Generator<StoredSession[]> {
    for (const page of this.pages(SELECT_SESSIONS, filter)) yield page.map(toStoredSession)
  }

  *labPages(filter: SessionFilter): Generator<LabSession[]> {
    for (const page of this.pages(SELECT_LAB_SESSIONS, filter)) yield page.map(toLabSession)
  }

  /** Keyset pagination on session_id: each query starts after the last id of the previous. */
  private *pages(select: string, filter: SessionFilter): Generator<Row[]> {
    const where = whereFor(filter)
    const after = where.clause ? `${where.clause} AND session_id > ?` : ' WHERE session_id > ?'
    const query = this.db.prepare(`${select}${after} ORDER BY session_id LIMIT ${PAGE_ROWS}`)
    let last = ''
    for (;;) {
      const rows = query.all(...where.params, last)
      if (rows.length) yield rows
      if (rows.length < PAGE_ROWS) return
      last = col.text(rows[rows.length - 1]!, 'session_id')
    }
  }

  get(sessionId: string): StoredSession | null {
    const row = this.db.prepare(`${SELECT_SESSIONS} WHERE session_id = ?`).get(sessionId)
    return row ? toStoredSession(row) : null
  }

  exists(sessionId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM sessions WHERE session_id = ?').get(sessionId) !== undefined
    )
  }

  /** The v1 CHECKs guard the figures. */
  insertRecorded(session: StoredSession, recordedAt: string): void {
    const values: Record<(typeof RECORDED_COLUMNS)[number], string | number | boolean | null> = {
      ...session,
      recorded_at: recordedAt
    }
    this.db
      .prepare(
        `INSERT INTO sessions (${RECORDED_COLUMNS.join(', ')})
         VALUES (${RECORDED_COLUMNS.map(() => '?').join(', ')})`
      )
      .run(...RECORDED_COLUMNS.map((c) => sqlValue(values[c])))
    bumpSessionsVersion(this.db)
  }

  markEscalated(sessionId: string): void {
    const { changes } = this.db
      .prepare('UPDATE sessions SET escalated = 1 WHERE session_id = ? AND escalated IS NOT 1')
      .run(sessionId)
    if (Number(changes) > 0) bumpSessionsVersion(this.db)
  }

  version(): string {
    return sessionsVersion(this.db)
  }

  removeSample(): number {
    const { changes } = this.db.prepare("DELETE FROM sessions WHERE source = 'seed'").run()
    if (Number(changes) > 0) bumpSessionsVersion(this.db)
    return Number(changes)
  }
}
