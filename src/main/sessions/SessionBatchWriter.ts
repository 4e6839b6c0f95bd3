import type { DatabaseSync, StatementSync } from 'node:sqlite'
import {
  LAB_COLUMNS,
  LabSession,
  LIVE_METRIC_COLUMNS,
  SessionSource
} from '../../shared/sessions/labSchema'

export type ConflictPolicy = 'fail' | 'skip' | 'replace'

const BATCH_ROWS = 100
const COLUMNS = [...LAB_COLUMNS, 'source', 'recorded_at']
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`
const INSERT_HEAD = `INSERT INTO sessions (${COLUMNS.join(', ')}) VALUES `
// A replaced session is the imported row and nothing else: live-call fields are cleared.
const REPLACED = [...COLUMNS.filter((c) => c !== 'session_id'), 'started_at', 'ended_at']
const UPSERT = `${INSERT_HEAD}${ROW_PLACEHOLDERS} ON CONFLICT (session_id) DO UPDATE SET ${[
  ...REPLACED.map((c) => `${c} = excluded.${c}`),
  ...LIVE_METRIC_COLUMNS.map((c) => `${c} = NULL`)
].join(', ')}`

const rowsOf = (n: number): string => Array(n).fill(ROW_PLACEHOLDERS).join(', ')

interface Pending {
  session: LabSession
  row: number
}

/**
 * Writes imported sessions 100 at a time with one multi-row INSERT (per-row statements made
 * SQLite most of the import time, measured); when the table is not empty, the same statement
 * skips ids already stored and returns the ones it wrote. Existing ids follow the policy.
 */
export class SessionBatchWriter {
  inserted = 0
  replaced = 0
  skipped = 0
  private writing = true
  private pending: Pending[] = []
  private readonly inserts = new Map<number, StatementSync>()
  private readonly insertsReturning = new Map<number, StatementSync>()
  private readonly lookups = new Map<number, StatementSync>()
  private readonly upsert: StatementSync
  /** An empty table has nothing to conflict with: plain INSERTs, no RETURNING (the usual case). */
  private readonly mayConflict: boolean

  constructor(
    private readonly db: DatabaseSync,
    private readonly policy: ConflictPolicy,
    private readonly source: SessionSource,
    private readonly recordedAt: string,
    private readonly onConflict: (session: LabSession, row: number) => void
  ) {
    this.upsert = db.prepare(UPSERT)
    const any = db.prepare('SELECT EXISTS (SELECT 1 FROM sessions) AS found').get() as {
      found: number
    }
    this.mayConflict = any.found === 1
  }

  /** After the first problem the import will roll back: keep finding conflicts, stop writing. */
  stopWriting(): void {
    this.writing = false
  }

  add(session: LabSession, row: number): void {
    this.pending.push({ session, row })
    if (this.pending.length >= BATCH_ROWS) this.flush()
  }

  flush(): void {
    const batch = this.pending
    if (batch.length === 0) return
    this.pending = []
    if (!this.mayConflict) {
      if (this.writing) this.insert(batch.map((p) => p.session))
      return
    }
    // Insert what is new and learn in the same statement which ids were already there; a
    // doomed import (writing stopped) only looks the ids up, to report every conflict.
    const stored = this.writing ? this.insertNew(batch) : new Set<string>()
    const existing = this.writing ? undefined : this.existingIds(batch)
    for (const { session, row } of batch) {
      const id = session.session_id
      if (stored.has(id) || (existing && !existing.has(id))) continue
      if (this.policy === 'fail') this.onConflict(session, row)
      else if (this.policy === 'skip') this.skipped++
      else if (this.writing) {
        this.upsert.run(...this.flatValues([session]))
        this.replaced++
      }
    }
  }

  private insert(sessions: LabSession[]): void {
    this.statement(this.inserts, sessions.length, (n) => INSERT_HEAD + rowsOf(n)).run(
      ...this.flatValues(sessions)
    )
    this.inserted += sessions.length
  }

  /** Inserts the batch's new ids, skipping existing ones; returns the ids it stored. */
  private insertNew(batch: Pending[]): Set<string> {
    const statement = this.statement(
      this.insertsReturning,
      batch.length,
      (n) => `${INSERT_HEAD}${rowsOf(n)} ON CONFLICT (session_id) DO NOTHING RETURNING session_id`
    )
    const rows = statement.all(...this.flatValues(batch.map((p) => p.session))) as {
      session_id: string
    }[]
    this.inserted += rows.length
    return new Set(rows.map((r) => r.session_id))
  }

  private existingIds(batch: Pending[]): Set<string> {
    const lookup = this.statement(
      this.lookups,
      batch.length,
      (n) =>
        `SELECT session_id FROM sessions WHERE session_id IN (${Array(n).fill('?').join(', ')})`
    )
    const rows = lookup.all(...batch.map((p) => p.session.session_id)) as { session_id: string }[]
    return new Set(rows.map((r) => r.session_id))
  }

  /** Parameters in COLUMNS order, row after row. */
  private flatValues(sessions: LabSession[]): (string | number)[] {
    const values: (string | number)[] = []
    for (const s of sessions) {
      for (const column of LAB_COLUMNS) {
        const value = s[column]
        values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value)
      }
      values.push(this.source, this.recordedAt)
    }
    return values
  }

  private statement(
    cache: Map<number, StatementSync>,
    rows: number,
    sql: (rows: number) => string
  ): StatementSync {
    let statement = cache.get(rows)
    if (!statement) {
      statement = this.db.prepare(sql(rows))
      cache.set(rows, statement)
    }
    return statement
  }
}
