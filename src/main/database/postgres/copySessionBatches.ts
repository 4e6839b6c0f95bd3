import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { LabSession } from '../../../shared/sessions/labSchema'
import {
  NUMBER_STRIDE,
  PACKED_NUMBERS,
  PACKED_TEXTS,
  SessionBatchPacker,
  TEXT_STRIDE,
  type SessionBatch
} from '../../sessions/packedSessions'
import type { SessionBatchSink } from './asyncSeam'
import { idsAscendAbove, lastIdOf } from './idOrder'

/** The staging table's columns: the packed texts, the numbers, the row in the file. */
export const STAGED_COLUMNS = [...PACKED_TEXTS, ...PACKED_NUMBERS, 'row'] as const
/** The columns a row copied straight into sessions fills: the packed ones, then its origin. */
export const DIRECT_COLUMNS = [...PACKED_TEXTS, ...PACKED_NUMBERS, 'source', 'recorded_at'] as const

/** Temporary (this connection's only, gone with its transaction), unlogged by nature. */
export const CREATE_STAGING = `CREATE TEMP TABLE import_rows (
  session_id text COLLATE "C", scenario text, sentiment text, model text, language text,
  duration_sec float8, latency_p50_ms float8, latency_p95_ms float8, interruptions integer,
  turns integer, rag_used smallint, row integer NOT NULL
) ON COMMIT DROP`

const COPY_STAGED = `COPY import_rows (${STAGED_COLUMNS.join(', ')}) FROM STDIN`
const COPY_DIRECT = `COPY sessions (${DIRECT_COLUMNS.join(', ')}) FROM STDIN`

/** COPY's text format: backslash, tab, newline and carriage return are escaped. */
const SPECIAL = /[\\\t\n\r]/
export const escapeCopyText = (value: string): string =>
  SPECIAL.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
      )
    : value

/**
 * A packed batch as COPY text lines: one string per batch, no object per session. Each line
 * ends with the session's row in the file, or with `tail` instead (already escaped, starting
 * with a tab: the direct copy's source and recorded_at).
 */
export function copyLines(batch: SessionBatch, tail?: string): string {
  const { texts, numbers, count } = batch
  const last = tail === undefined ? NUMBER_STRIDE : NUMBER_STRIDE - 1
  let out = ''
  for (let i = 0; i < count; i++) {
    const t = i * TEXT_STRIDE
    for (let k = 0; k < TEXT_STRIDE; k++) out += escapeCopyText(texts[t + k]!) + '\t'
    const n = i * NUMBER_STRIDE
    for (let k = 0; k < last - 1; k++) out += `${numbers[n + k]!}\t`
    out += tail === undefined ? `${numbers[n + last - 1]!}\n` : `${numbers[n + last - 1]!}${tail}\n`
  }
  return out
}

type CopyStream = ReturnType<typeof copyFrom>

/**
 * Rows that may skip the staging table: ids above every id `sessions` and `calls` held when
 * the import began (`above`; null when both were empty) cannot conflict with a stored row, so
 * under any policy they are written as they are.
 */
export interface DirectCopy {
  above: string | null
  source: string
  recordedAt: string
}

/**
 * This transaction's own direct rows (xmin: the inserting transaction, ours; the import uses no
 * savepoint), between `above` ($1) and the last one written ($2): rows of other desks that
 * committed in that range meanwhile are not among them.
 */
export const DELETE_DIRECT = `DELETE FROM sessions
  WHERE ($1::text IS NULL OR session_id > $1) AND session_id <= $2
    AND xmin = pg_current_xact_id()::xid`

/**
 * Stages an import's sessions with COPY … FROM STDIN, in file order, straight from the packed
 * batches. While every batch's ids ascend above `direct.above` (a file exported in id order,
 * into a database whose ids are all below the file's: the common bulk case), the rows are
 * copied straight into `sessions`, invisible to others until the import commits: one pass, and
 * COPY's multi-row inserts, instead of staging and one INSERT … SELECT. From the first batch
 * that does not, the rest go to the import's temporary table, checked at commit.
 *
 * add/addBatch only buffer (pg queues the COPY behind any statement still running on the
 * client, and the stream holds the text until the server asks for it); flush() ends the
 * current COPY and waits until the server has every row, so an importer that awaits flush()
 * now and then bounds the memory it holds. Errors surface at the next flush().
 */
export class CopySessionBatches implements SessionBatchSink {
  inserted = 0
  replaced = 0
  skipped = 0
  /** Sessions taken so far (written straight into sessions or staged). */
  staged = 0
  /** Of those, the rows written straight into sessions. */
  written = 0
  /** The last id written straight into sessions (null: none). */
  lastWritten: string | null = null
  /** Whether the staged rows' ids ascend (INSERT … SELECT then needs no sort). */
  stagedInOrder = true
  private lastStaged: string | null = null
  private directOpen = true
  private readonly packer = new SessionBatchPacker()
  private copy: CopyStream | null = null
  private copyTarget: 'sessions' | 'staging' | null = null
  private pending: Promise<void>[] = []
  /** The first error of a COPY or TRUNCATE queued so far (kept until flush reports it). */
  private failure: unknown = null
  private readonly directTail: string

  constructor(
    private readonly client: PoolClient,
    private readonly direct: DirectCopy | null = null
  ) {
    this.directTail = direct
      ? `\t${escapeCopyText(direct.source)}\t${escapeCopyText(direct.recordedAt)}`
      : ''
  }

  add(session: LabSession, row: number): void {
    const batch = this.packer.add(session, row)
    if (batch) this.addBatch(batch)
  }

  addBatch(batch: SessionBatch): void {
    if (batch.count === 0) return
    const direct =
      this.direct !== null &&
      this.directOpen &&
      idsAscendAbove(batch, this.lastWritten ?? this.direct.above)
    const target = direct ? 'sessions' : 'staging'
    if (this.copyTarget !== target) this.endCopy()
    const copy = this.copy ?? this.startCopy(target)
    if (direct) {
      copy.write(copyLines(batch, this.directTail))
      this.written += batch.count
      this.lastWritten = lastIdOf(batch)
    } else {
      copy.write(copyLines(batch))
      this.directOpen = false
      this.stagedInOrder &&= idsAscendAbove(batch, this.lastStaged)
      this.lastStaged = lastIdOf(batch)
    }
    this.staged += batch.count
  }

  async flush(): Promise<void> {
    const batch = this.packer.take()
    if (batch) this.addBatch(batch)
    this.endCopy()
    const pending = this.pending
    this.pending = []
    await Promise.all(pending)
    if (this.failure !== null) throw this.failure
  }

  /** Ends the COPY under way and queues the removal of every row taken so far behind it. */
  restart(): void {
    this.packer.take()
    this.endCopy()
    if (this.lastWritten !== null) {
      const params = [this.direct?.above ?? null, this.lastWritten]
      this.track(this.client.query(DELETE_DIRECT, params).then(() => undefined))
    }
    this.track(this.client.query('TRUNCATE import_rows').then(() => undefined))
    this.staged = 0
    this.written = 0
    this.lastWritten = null
    this.lastStaged = null
    this.stagedInOrder = true
    this.directOpen = true
  }

  private startCopy(target: 'sessions' | 'staging'): CopyStream {
    const copy = this.client.query(copyFrom(target === 'sessions' ? COPY_DIRECT : COPY_STAGED))
    this.copy = copy
    this.copyTarget = target
    this.track(
      new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve)
        copy.on('error', reject)
      })
    )
    return copy
  }

  /** Keeps the first failure for flush(); a rejection never goes unhandled meanwhile. */
  private track(work: Promise<void>): void {
    this.pending.push(work.catch((error: unknown) => void (this.failure ??= error)))
  }

  private endCopy(): void {
    this.copy?.end()
    this.copy = null
    this.copyTarget = null
  }
}
