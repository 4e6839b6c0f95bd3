import type { Synchronous } from './Synchronous'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { LabSession, LIVE_METRIC_COLUMNS, SessionSource } from '../../../shared/sessions/labSchema'
import {
  NUMBER_STRIDE,
  PACKED_NUMBERS,
  PACKED_TEXTS,
  SessionBatch,
  SessionBatchPacker,
  TEXT_STRIDE
} from '../../sessions/packedSessions'
import { columnsOf } from '../rowValues'
import type { ConflictPolicy, SessionBatchSink } from '../SessionDatabase'

const staged = columnsOf('staging.rows')

/**
 * Rows per staging INSERT (6,000 parameters, under SQLite's 32,766): with 64 KiB pages, 1M rows
 * took 1.3–1.4 s of CPU at 500 (1,000 or 2,000 no less) against 1.7 s at 100.
 */
const STATEMENT_ROWS = 500
const LAB = [...PACKED_TEXTS, ...PACKED_NUMBERS]
/** The staging table: the lab's columns and the row in the file, clustered on the id. */
const STAGED = [...LAB, 'row']
const VALUES_PER_ROW = STAGED.length
const ROW = `(${Array(VALUES_PER_ROW).fill('?').join(', ')})`
const stageSql = (rows: number): string =>
  `INSERT INTO staging.rows (${STAGED.join(', ')}) VALUES ${Array(rows).fill(ROW).join(', ')}`

/**
 * The import's own scratch database (private to its connection, deleted when it closes): the
 * whole file is staged there without touching the session database's write lock. 64 KiB pages
 * (set before the table exists): staging 1M rows took 1.6 s of CPU instead of 2.2 s with 4 KiB.
 */
export const CREATE_STAGING = `
  ATTACH DATABASE '' AS staging;
  PRAGMA staging.page_size = 65536;
  PRAGMA staging.cache_size = -65536;
  PRAGMA staging.journal_mode = OFF;
  PRAGMA staging.synchronous = OFF;
  CREATE TABLE staging.rows (
    session_id TEXT PRIMARY KEY, scenario TEXT, sentiment TEXT, model TEXT, language TEXT,
    duration_sec REAL, latency_p50_ms REAL, latency_p95_ms REAL, interruptions INTEGER,
    turns INTEGER, rag_used INTEGER, row INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`

// In the order of the clustered key both tables share: the copy walks the sessions' B-tree in
// order. 'fail' and 'replace' have refused calls' ids already; 'skip' leaves them out here.
const COPY = `INSERT INTO sessions (${LAB.join(', ')}, source, recorded_at)
  SELECT ${LAB.join(', ')}, ?, ? FROM staging.rows WHERE true`
const NOT_CALLS = ' AND session_id NOT IN (SELECT session_id FROM calls)'
const ORDERED = ' ORDER BY session_id'
// A replaced session is the imported row and nothing else: live-call fields are cleared.
const REPLACED = [...LAB.filter((c) => c !== 'session_id'), 'source', 'recorded_at']
const UPSERT_TAIL = ` ON CONFLICT (session_id) DO UPDATE SET ${[
  ...REPLACED.map((c) => `${c} = excluded.${c}`),
  'started_at = NULL',
  'ended_at = NULL',
  ...LIVE_METRIC_COLUMNS.map((c) => `${c} = NULL`)
].join(', ')}`
const SKIP_TAIL = ' ON CONFLICT (session_id) DO NOTHING'

/**
 * Staged ids also in `table`, with their rows. SQLite has no statistics on either side, so the
 * smaller one is named as the outer loop (CROSS JOIN keeps that order): the lookups go into the
 * bigger B-tree, one per row of the smaller, not one per staged row into a handful of sessions.
 */
const takenSql = (table: 'calls' | 'sessions', stagedFirst: boolean): string => {
  const tables = stagedFirst
    ? `staging.rows s CROSS JOIN ${table} t`
    : `${table} t CROSS JOIN staging.rows s`
  // Calls' ids are reported as calls', not as sessions already stored.
  const notCalls =
    table === 'sessions' ? ' WHERE s.session_id NOT IN (SELECT session_id FROM calls)' : ''
  return `SELECT s.session_id AS id, s.row AS row FROM ${tables} ON t.session_id = s.session_id${notCalls}`
}
const COUNT_STORED = `SELECT COUNT(*) AS n FROM staging.rows s
  WHERE EXISTS (SELECT 1 FROM sessions m WHERE m.session_id = s.session_id)`

type Param = string | number

/** Why an imported id cannot be written: a session already stored, or a recorded call's. */
export type IdConflict = 'session' | 'call'

/**
 * Stages an import's sessions in file order with multi-row INSERTs of 500 rows, straight from
 * the packed batches the worker posts (no object per session), then, inside the session
 * database's write transaction, checks the ids and copies them into `sessions` in one statement.
 * Staging goes on after the file's first problem: the ids of the rest of it are still checked
 * against the database, so every conflict is reported with the other problems.
 */
export class SessionBatchWriter implements Synchronous<SessionBatchSink> {
  inserted = 0
  replaced = 0
  skipped = 0
  /** Sessions staged so far. */
  staged = 0
  private readonly packer = new SessionBatchPacker()
  private readonly inserts = new Map<number, StatementSync>()
  private readonly fullParams: Param[]

  constructor(
    private readonly db: DatabaseSync,
    private readonly policy: ConflictPolicy,
    private readonly source: SessionSource,
    private readonly recordedAt: string
  ) {
    this.fullParams = this.paramsFor(STATEMENT_ROWS)
  }

  /** One session at a time (the in-thread reader): packed, then staged batch by batch. */
  add(session: LabSession, row: number): void {
    const batch = this.packer.add(session, row)
    if (batch) this.addBatch(batch)
  }

  /** Stages what add() still holds. */
  flush(): void {
    const batch = this.packer.take()
    if (batch) this.addBatch(batch)
  }

  /** Empties the staging table: the reader starts the file again. */
  restart(): void {
    this.packer.take()
    this.db.exec('DELETE FROM staging.rows')
    this.staged = 0
  }

  /** Stages a packed batch (as the worker posts them). */
  addBatch(batch: SessionBatch): void {
    for (let start = 0; start < batch.count; start += STATEMENT_ROWS) {
      const rows = Math.min(batch.count, start + STATEMENT_ROWS) - start
      const params = rows === STATEMENT_ROWS ? this.fullParams : this.paramsFor(rows)
      for (let i = 0; i < rows; i++) this.fill(params, i, batch, start + i)
      this.insertStatement(rows).run(...params)
      this.staged += rows
    }
  }

  /**
   * Reports every staged id the policy refuses, in no particular order: a recorded call's id
   * under 'fail' and 'replace' ('skip' leaves it to the call), an id already stored under 'fail'.
   * Returns how many. Read-only: inside the write transaction it is the final word.
   */
  findConflicts(report: (sessionId: string, row: number, takenBy: IdConflict) => void): number {
    let found = 0
    const each = (sql: string, takenBy: IdConflict): void => {
      for (const hit of this.db.prepare(sql).iterate()) {
        found++
        report(staged.text(hit, 'id'), staged.number(hit, 'row'), takenBy)
      }
    }
    if (this.policy !== 'skip') each(takenSql('calls', this.fewerStagedThan('calls')), 'call')
    if (this.policy === 'fail')
      each(takenSql('sessions', this.fewerStagedThan('sessions')), 'session')
    return found
  }

  /**
   * Copies the staged sessions into `sessions` as the policy says, inside the caller's write
   * transaction, after findConflicts found none: recorded calls' ids are never written.
   */
  copyIntoSessions(): void {
    const params = [this.source, this.recordedAt]
    if (this.policy === 'replace') {
      const stored = this.db.prepare(COUNT_STORED).get()
      this.replaced = stored ? staged.number(stored, 'n') : 0
      this.db.prepare(COPY + ORDERED + UPSERT_TAIL).run(...params)
      this.inserted = this.staged - this.replaced
    } else {
      const { changes } = this.db
        .prepare(this.policy === 'skip' ? COPY + NOT_CALLS + ORDERED + SKIP_TAIL : COPY + ORDERED)
        .run(...params)
      this.inserted = Number(changes)
      this.skipped = this.staged - this.inserted
    }
  }

  /** Whether `table` has more rows than were staged (counted no further than that). */
  private fewerStagedThan(table: 'calls' | 'sessions'): boolean {
    const sql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} LIMIT ?)`
    const found = this.db.prepare(sql).get(this.staged + 1)
    return found !== undefined && staged.number(found, 'n') > this.staged
  }

  private insertStatement(rows: number): StatementSync {
    let statement = this.inserts.get(rows)
    if (!statement) {
      statement = this.db.prepare(stageSql(rows))
      this.inserts.set(rows, statement)
    }
    return statement
  }

  private paramsFor(rows: number): Param[] {
    return new Array<Param>(rows * VALUES_PER_ROW).fill(0)
  }

  /** Session i of the batch as the statement's row `slot`, in STAGED order. */
  private fill(params: Param[], slot: number, batch: SessionBatch, i: number): void {
    const { texts, numbers } = batch
    let at = slot * VALUES_PER_ROW
    const t = i * TEXT_STRIDE
    for (let k = 0; k < TEXT_STRIDE; k++) params[at++] = texts[t + k]!
    const n = i * NUMBER_STRIDE
    for (let k = 0; k < NUMBER_STRIDE; k++) params[at++] = numbers[n + k]!
  }
}
