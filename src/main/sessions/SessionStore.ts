import type { LabSession, StoredSession } from '../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import type { SessionDatabase } from '../database/SessionDatabase'

/**
 * Read side of the session database: pages and filtered streams of sessions. Typed by the
 * database it reads, so a test holding a SQLite database can still reach its connection.
 */
export class SessionStore<Database extends SessionDatabase = SessionDatabase> {
  constructor(readonly database: Database) {}

  async list(
    filter: SessionFilter,
    sort: SessionSort,
    offset: number,
    limit: number
  ): Promise<{ rows: StoredSession[]; total: number }> {
    const total = await this.count(filter)
    return { rows: await this.database.sessions.page(filter, sort, offset, limit), total }
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
