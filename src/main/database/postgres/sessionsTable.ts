import { LAB_COLUMNS } from '../../../shared/sessions/labSchema'
import type { LabSession, StoredSession } from '../../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../../shared/sessions/sessionQuery'
import { STORED_COLUMNS, toLabSession, toStoredSession } from '../rowMappers'
import { columnsOf, type Row } from '../rowValues'
import type { SessionsTable } from './asyncSeam'
import type { FilterCounts } from './filterCounts'
import { conditionsFor, orderBy, Params, tsQuery, where } from './sessionWhere'
import { saidWords } from '../../../shared/sessions/saidSearch'
import { BUMP_IF_CHANGED, bumpSessionsVersion, sessionsVersion } from './sessionsVersion'
import type { Param, Sql } from './sql'

const SELECT_SESSIONS = `SELECT ${STORED_COLUMNS.join(', ')} FROM sessions`
const SELECT_LAB_SESSIONS = `SELECT ${LAB_COLUMNS.join(', ')} FROM sessions`
const RECORDED_COLUMNS = [...STORED_COLUMNS, 'recorded_at'] as const
/** Keyset pages of this many rows (exports, the lab report). */
const PAGE_ROWS = 5000

const col = columnsOf('sessions')
const idColumn = columnsOf('transcripts or alerts')
/** Searches of what was said, and alert filters, with at most this many sessions: by their ids. */
const FEW_IDS_MAX = 5000

/**
 * A filter on transcripts or alerts: those tables change without moving the sessions' version
 * (an alert raised once the row is written, a transcript rewritten), so its count is not kept.
 */
const readsBeyondSessions = (filter: SessionFilter): boolean =>
  filter.said !== undefined ||
  filter.hasAlerts !== undefined ||
  (filter.alertRules !== undefined && filter.alertRules.length > 0)

const sqlValue = (value: string | number | boolean | null): Param =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value

/** The sessions table on PostgreSQL (imports write it through PostgresSessionImport). */
export class PostgresSessionsTable implements SessionsTable {
  constructor(
    private readonly sql: Sql,
    /** Counts kept between calls (the pool's table only: a transaction sees its own writes). */
    private readonly counts: FilterCounts | null = null
  ) {}

  async page(
    given: SessionFilter,
    sort: SessionSort,
    offset: number,
    limit: number
  ): Promise<StoredSession[]> {
    const filter = await this.narrowedToIds(given)
    const params = new Params()
    const conditions = conditionsFor(filter, params)
    const order = orderBy(sort)
    if (sort.column === 'session_id' && offset > 0) {
      // A deep page in id order: the subquery skips `offset` ids (the key's index alone, when
      // there is no filter) and the page is then read from the first id it finds, rather than
      // reading and dropping `offset` whole rows.
      const first = `(SELECT session_id FROM sessions${where(conditions)}${order}
        OFFSET ${params.add(offset)} LIMIT 1)`
      conditions.push(`session_id ${sort.direction === 'desc' ? '<=' : '>='} ${first}`)
      const rows = await this.sql.rows(
        `${SELECT_SESSIONS}${where(conditions)}${order} LIMIT ${params.add(limit)}`,
        params.values
      )
      return rows.map(toStoredSession)
    }
    const rows = await this.sql.rows(
      `${SELECT_SESSIONS}${where(conditions)}${order} LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
      params.values
    )
    return rows.map(toStoredSession)
  }

  async count(filter: SessionFilter = {}): Promise<number> {
    if (!this.counts || readsBeyondSessions(filter)) return this.countNow(filter)
    // The version first: a count made after it is at least as new, never older.
    const version = await this.version()
    const key = JSON.stringify(filter)
    const known = this.counts.get(key, version)
    if (known !== undefined) return known
    const count = await this.countNow(filter)
    this.counts.set(key, version, count)
    return count
  }

  private async countNow(given: SessionFilter): Promise<number> {
    const filter = await this.narrowedToIds(given)
    const params = new Params()
    const rows = await this.sql.rows(
      `SELECT COUNT(*) AS n FROM sessions${where(conditionsFor(filter, params))}`,
      params.values
    )
    return rows[0] ? col.number(rows[0], 'n') : 0
  }

  async *storedPages(filter: SessionFilter): AsyncGenerator<StoredSession[]> {
    for await (const page of this.pages(SELECT_SESSIONS, filter)) yield page.map(toStoredSession)
  }

  async *labPages(filter: SessionFilter): AsyncGenerator<LabSession[]> {
    for await (const page of this.pages(SELECT_LAB_SESSIONS, filter)) yield page.map(toLabSession)
  }

  /** Keyset pagination on session_id: each query starts after the last id of the previous. */
  private async *pages(select: string, given: SessionFilter): AsyncGenerator<Row[]> {
    const filter = await this.narrowedToIds(given)
    let last = ''
    for (;;) {
      const params = new Params()
      const conditions = conditionsFor(filter, params)
      conditions.push(`session_id > ${params.add(last)}`)
      const rows = await this.sql.rows(
        `${select}${where(conditions)} ORDER BY session_id LIMIT ${PAGE_ROWS}`,
        params.values
      )
      if (rows.length) yield rows
      if (rows.length < PAGE_ROWS) return
      last = col.text(rows[rows.length - 1]!, 'session_id')
    }
  }

  /**
   * Filters on what was said and on alerts whose matches are few, as the list of their ids
   * (with the filter's own id list, if any). The planner cannot estimate a prefix query's
   * matches (`boot:*`): it took 144 matches for thousands and walked the key's index through
   * the transcripts (4 s at a million sessions), and it walked the whole key for 4,000 alerted
   * sessions; with the ids it reads just those rows. Many matches stay conditions in the SQL,
   * where walking the index finds a page's worth at once.
   */
  private async narrowedToIds(filter: SessionFilter): Promise<SessionFilter> {
    const narrowed = { ...filter }
    let ids: string[] | null = filter.sessionIds ? [...filter.sessionIds] : null
    const keep = (found: string[]): void => {
      const wanted = ids === null ? null : new Set(ids)
      ids = wanted ? found.filter((id) => wanted.has(id)) : found
    }
    const words = saidWords(filter.said)
    if (words.length > 0) {
      const found = await this.fewIds(
        `SELECT session_id FROM transcripts WHERE document @@ to_tsquery('transcript_search', $1)`,
        [tsQuery(words)]
      )
      if (found) {
        keep(found)
        delete narrowed.said
      }
    }
    const rules = filter.alertRules ?? []
    if (filter.hasAlerts === true || rules.length > 0) {
      const found = await this.fewIds(
        rules.length > 0
          ? 'SELECT DISTINCT session_id FROM alerts WHERE rule = ANY($1::text[])'
          : 'SELECT DISTINCT session_id FROM alerts',
        rules.length > 0 ? [rules] : []
      )
      if (found) {
        keep(found)
        delete narrowed.alertRules
        if (narrowed.hasAlerts === true) delete narrowed.hasAlerts
      }
    }
    if (ids !== null) narrowed.sessionIds = ids
    return narrowed
  }

  /** The ids a select gives, or null when it gives more than FEW_IDS_MAX. */
  private async fewIds(select: string, params: Param[]): Promise<string[] | null> {
    const rows = await this.sql.rows(`${select} LIMIT ${FEW_IDS_MAX + 1}`, params)
    return rows.length > FEW_IDS_MAX ? null : rows.map((row) => idColumn.text(row, 'session_id'))
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    const rows = await this.sql.rows(`${SELECT_SESSIONS} WHERE session_id = $1`, [sessionId])
    return rows[0] ? toStoredSession(rows[0]) : null
  }

  async exists(sessionId: string): Promise<boolean> {
    const rows = await this.sql.rows('SELECT 1 FROM sessions WHERE session_id = $1', [sessionId])
    return rows.length > 0
  }

  /**
   * One statement writes the row and bumps the version; atomic() holds the write lock shared
   * (an import's commit, which holds it exclusively, then sees every session written before).
   */
  async insertRecorded(session: StoredSession, recordedAt: string): Promise<void> {
    const values: Record<(typeof RECORDED_COLUMNS)[number], string | number | boolean | null> = {
      ...session,
      recorded_at: recordedAt
    }
    await this.sql.atomic((sql) =>
      sql.run(
        `WITH changed AS (
           INSERT INTO sessions (${RECORDED_COLUMNS.join(', ')})
           VALUES (${RECORDED_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING 1
         ) ${BUMP_IF_CHANGED}`,
        RECORDED_COLUMNS.map((c) => sqlValue(values[c]))
      )
    )
  }

  async removeSample(): Promise<number> {
    return this.sql.atomic(async (sql) => {
      const removed = await sql.run("DELETE FROM sessions WHERE source = 'seed'")
      if (removed > 0) await bumpSessionsVersion(sql)
      return removed
    })
  }

  async markEscalated(sessionId: string): Promise<void> {
    await this.sql.atomic((sql) =>
      sql.run(
        `WITH changed AS (
           UPDATE sessions SET escalated = 1
           WHERE session_id = $1 AND escalated IS DISTINCT FROM 1 RETURNING 1
         ) ${BUMP_IF_CHANGED}`,
        [sessionId]
      )
    )
  }

  version(): Promise<string> {
    return sessionsVersion(this.sql)
  }
}
