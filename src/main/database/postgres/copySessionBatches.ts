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

/** The staging table's columns: the packed texts, the numbers, the row in the file. */
export const STAGED_COLUMNS = [...PACKED_TEXTS, ...PACKED_NUMBERS, 'row'] as const

/** Temporary (this connection's only, gone with its transaction), unlogged by nature. */
export const CREATE_STAGING = `CREATE TEMP TABLE import_rows (
  session_id text COLLATE "C", scenario text, sentiment text, model text, language text,
  duration_sec float8, latency_p50_ms float8, latency_p95_ms float8, interruptions integer,
  turns integer, rag_used smallint, row integer NOT NULL
) ON COMMIT DROP`

const COPY_SQL = `COPY import_rows (${STAGED_COLUMNS.join(', ')}) FROM STDIN`

/** COPY's text format: backslash, tab, newline and carriage return are escaped. */
const SPECIAL = /[\\\t\n\r]/
const escapeText = (value: string): string =>
  SPECIAL.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
      )
    : value

/** A packed batch as COPY text lines: one string per batch, no object per session. */
export function copyLines(batch: SessionBatch): string {
  const { texts, numbers, count } = batch
  let out = ''
  for (let i = 0; i < count; i++) {
    const t = i * TEXT_STRIDE
    for (let k = 0; k < TEXT_STRIDE; k++) out += escapeText(texts[t + k]!) + '\t'
    const n = i * NUMBER_STRIDE
    for (let k = 0; k < NUMBER_STRIDE - 1; k++) out += `${numbers[n + k]!}\t`
    out += `${numbers[n + NUMBER_STRIDE - 1]!}\n`
  }
  return out
}

type CopyStream = ReturnType<typeof copyFrom>

/**
 * Stages an import's sessions with COPY … FROM STDIN into the import's temporary table, in
 * file order, straight from the packed batches. add/addBatch only buffer (pg queues the COPY
 * behind any statement still running on the client, and the stream holds the text until the
 * server asks for it); flush() ends the current COPY and waits until the server has every row,
 * so an importer that awaits flush() now and then bounds the memory it holds. Errors surface
 * at the next flush().
 */
export class CopySessionBatches implements SessionBatchSink {
  inserted = 0
  replaced = 0
  skipped = 0
  /** Sessions staged so far. */
  staged = 0
  private readonly packer = new SessionBatchPacker()
  private copy: CopyStream | null = null
  private pending: Promise<void>[] = []
  /** The first error of a COPY or TRUNCATE queued so far (kept until flush reports it). */
  private failure: unknown = null

  constructor(private readonly client: PoolClient) {}

  add(session: LabSession, row: number): void {
    const batch = this.packer.add(session, row)
    if (batch) this.addBatch(batch)
  }

  addBatch(batch: SessionBatch): void {
    if (batch.count === 0) return
    if (!this.copy) {
      const copy = this.client.query(copyFrom(COPY_SQL))
      this.copy = copy
      this.track(
        new Promise<void>((resolve, reject) => {
          copy.on('finish', resolve)
          copy.on('error', reject)
        })
      )
    }
    this.copy.write(copyLines(batch))
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

  /** Ends the COPY under way and queues the emptying of the table behind it. */
  restart(): void {
    this.packer.take()
    this.endCopy()
    this.track(this.client.query('TRUNCATE import_rows').then(() => undefined))
    this.staged = 0
  }

  /** Keeps the first failure for flush(); a rejection never goes unhandled meanwhile. */
  private track(work: Promise<void>): void {
    this.pending.push(work.catch((error: unknown) => void (this.failure ??= error)))
  }

  private endCopy(): void {
    this.copy?.end()
    this.copy = null
  }
}
