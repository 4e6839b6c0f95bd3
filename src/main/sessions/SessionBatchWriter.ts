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

interface Pending {
  session: LabSession
  row: number
}

/**
 * Writes imported sessions 100 at a time: one query finds which ids already exist, one
 * multi-row INSERT writes the new ones (per-row statements made SQLite most of the import time,
 * measured). Existing ids follow the conflict policy.
 */
export class SessionBatchWriter {
  inserted = 0
  replaced = 0
  skipped = 0
  private writing = true
  private pending: Pending[] = []
  private readonly inserts = new Map<number, StatementSync>()
  private readonly lookups = new Map<number, StatementSync>()
  private readonly upsert: StatementSync
  /** An empty table has nothing to conflict with: skip the per-batch lookup (the usual case). */
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
    const existing = this.mayConflict ? this.existingIds(batch) : undefined
    const fresh: LabSession[] = []
    for (const { session, row } of batch) {
      if (!existing?.has(session.session_id)) fresh.push(session)
      else if (this.policy === 'fail') this.onConflict(session, row)
      else if (this.policy === 'skip') this.skipped++
      else if (this.writing) {
        this.upsert.run(...this.flatValues([session]))
        this.replaced++
      }
    }
    if (!this.writing || fresh.length === 0) return
    this.statement(
      this.inserts,
      fresh.length,
      (n) => INSERT_HEAD + Array(n).fill(ROW_PLACEHOLDERS).join(', ')
    ).run(...this.flatValues(fresh))
    this.inserted += fresh.length
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
