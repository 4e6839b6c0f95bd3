import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { LabSession, LIVE_METRIC_COLUMNS, SessionSource } from '../../../shared/sessions/labSchema'
import {
  NUMBER_STRIDE,
  PACKED_NUMBERS,
  PACKED_TEXTS,
  packedId,
  packedRow,
  SessionBatch,
  SessionBatchPacker,
  TEXT_STRIDE
} from '../../sessions/packedSessions'
import { columnsOf, textAt } from '../rowValues'
import type { ConflictPolicy, SessionBatchSink } from '../SessionDatabase'

const sessions = columnsOf('sessions')

/** Rows per INSERT: 250 or 500 were measured no faster. */
const STATEMENT_ROWS = 100
const VALUES_PER_ROW = TEXT_STRIDE + PACKED_NUMBERS.length
const COLUMNS = [...PACKED_TEXTS, ...PACKED_NUMBERS, 'source', 'recorded_at']
/** SQLITE_CONSTRAINT_PRIMARYKEY: the id is already stored. */
const ID_TAKEN = 1555

const ROW = `(${Array(VALUES_PER_ROW).fill('?').join(', ')}, `
const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`

/**
 * The INSERT for `rows` rows. Source and recorded_at are the same for the whole import, so they
 * are written into the statement (prepared per import) rather than bound on every row.
 */
const insertSql = (rows: number, source: string, recordedAt: string): string => {
  const row = `${ROW}${sqlText(source)}, ${sqlText(recordedAt)})`
  return `INSERT INTO sessions (${COLUMNS.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`
}
// A replaced session is the imported row and nothing else: live-call fields are cleared.
const REPLACED = [...COLUMNS.filter((c) => c !== 'session_id'), 'started_at', 'ended_at']
const UPSERT_TAIL = ` ON CONFLICT (session_id) DO UPDATE SET ${[
  ...REPLACED.map((c) => `${c} = excluded.${c}`),
  ...LIVE_METRIC_COLUMNS.map((c) => `${c} = NULL`)
].join(', ')}`
const lookupSql = (rows: number): string =>
  `SELECT session_id FROM sessions WHERE session_id IN (${Array(rows).fill('?').join(', ')})`

type Param = string | number

/**
 * Writes imported sessions with multi-row INSERTs of 100 rows, straight from the packed batches
 * the worker posts (no object per session). An INSERT fails whole on an id already stored; only
 * then are that statement's ids looked up, and the existing ones follow the policy. Statements
 * are prepared once per row count and import, and their parameter array is reused.
 */
export class SessionBatchWriter implements SessionBatchSink {
  inserted = 0
  replaced = 0
  skipped = 0
  private writing = true
  private readonly packer = new SessionBatchPacker()
  private readonly inserts = new Map<number, StatementSync>()
  private readonly lookups = new Map<number, StatementSync>()
  private readonly upsert: StatementSync
  /** An empty table has nothing to conflict with: no statement can fail on an id. */
  private readonly mayConflict: boolean
  private readonly fullParams: Param[]

  constructor(
    private readonly db: DatabaseSync,
    private readonly policy: ConflictPolicy,
    private readonly source: SessionSource,
    private readonly recordedAt: string,
    private readonly onConflict: (sessionId: string, row: number) => void
  ) {
    this.upsert = db.prepare(insertSql(1, source, recordedAt) + UPSERT_TAIL)
    const any = db.prepare('SELECT EXISTS (SELECT 1 FROM sessions) AS found').get()
    this.mayConflict = any !== undefined && sessions.flag(any, 'found')
    this.fullParams = this.paramsFor(STATEMENT_ROWS)
  }

  /** After the first problem the import will roll back: keep finding conflicts, stop writing. */
  stopWriting(): void {
    this.writing = false
  }

  /** One session at a time (the in-thread reader): packed, then written batch by batch. */
  add(session: LabSession, row: number): void {
    const batch = this.packer.add(session, row)
    if (batch) this.addBatch(batch)
  }

  /** Writes what add() still holds. */
  flush(): void {
    const batch = this.packer.take()
    if (batch) this.addBatch(batch)
  }

  /** Writes a packed batch (as the worker posts them) in file order. */
  addBatch(batch: SessionBatch): void {
    for (let start = 0; start < batch.count; start += STATEMENT_ROWS) {
      const end = Math.min(batch.count, start + STATEMENT_ROWS)
      if (!this.mayConflict) {
        if (this.writing) this.insertRange(batch, start, end)
      } else if (!this.writing || !this.tryInsertRange(batch, start, end)) {
        this.resolveConflicts(batch, start, end)
      }
    }
  }

  private insertRange(batch: SessionBatch, start: number, end: number): void {
    const rows = end - start
    const params = rows === STATEMENT_ROWS ? this.fullParams : this.paramsFor(rows)
    for (let i = start; i < end; i++) this.fill(params, i - start, batch, i)
    this.insertStatement(rows).run(...params)
    this.inserted += rows
  }

  /** False when an id was already stored: SQLite then undid the whole statement. */
  private tryInsertRange(batch: SessionBatch, start: number, end: number): boolean {
    try {
      this.insertRange(batch, start, end)
      return true
    } catch (error) {
      if ((error as { errcode?: unknown }).errcode === ID_TAKEN) return false
      throw error
    }
  }

  /** Rows start..end one by one: existing ids follow the policy, new ones are inserted. */
  private resolveConflicts(batch: SessionBatch, start: number, end: number): void {
    const existing = this.existingIds(batch, start, end)
    const fresh: number[] = []
    for (let i = start; i < end; i++) {
      const id = packedId(batch, i)
      if (!existing.has(id)) fresh.push(i)
      else if (this.policy === 'fail') this.onConflict(id, packedRow(batch, i))
      else if (this.policy === 'skip') this.skipped++
      else if (this.writing) {
        const params = this.paramsFor(1)
        this.fill(params, 0, batch, i)
        this.upsert.run(...params)
        this.replaced++
      }
    }
    if (!this.writing || fresh.length === 0) return
    const params = this.paramsFor(fresh.length)
    fresh.forEach((i, slot) => this.fill(params, slot, batch, i))
    this.insertStatement(fresh.length).run(...params)
    this.inserted += fresh.length
  }

  private existingIds(batch: SessionBatch, start: number, end: number): Set<string> {
    const rows = end - start
    let lookup = this.lookups.get(rows)
    if (!lookup) {
      lookup = this.db.prepare(lookupSql(rows))
      lookup.setReturnArrays(true)
      this.lookups.set(rows, lookup)
    }
    const ids: string[] = []
    for (let i = start; i < end; i++) ids.push(packedId(batch, i))
    // Rows as arrays (setReturnArrays): one string each.
    const found = lookup.all(...ids) as unknown[]
    return new Set(found.map((row) => textAt(Array.isArray(row) ? row : [], 0, 'sessions')))
  }

  private insertStatement(rows: number): StatementSync {
    let statement = this.inserts.get(rows)
    if (!statement) {
      statement = this.db.prepare(insertSql(rows, this.source, this.recordedAt))
      this.inserts.set(rows, statement)
    }
    return statement
  }

  private paramsFor(rows: number): Param[] {
    return new Array<Param>(rows * VALUES_PER_ROW).fill(0)
  }

  /** Session i of the batch as the statement's row `slot`, in COLUMNS order. */
  private fill(params: Param[], slot: number, batch: SessionBatch, i: number): void {
    const { texts, numbers } = batch
    let at = slot * VALUES_PER_ROW
    const t = i * TEXT_STRIDE
    for (let k = 0; k < TEXT_STRIDE; k++) params[at++] = texts[t + k]!
    const n = i * NUMBER_STRIDE
    for (let k = 0; k < PACKED_NUMBERS.length; k++) params[at++] = numbers[n + k]!
  }
}
