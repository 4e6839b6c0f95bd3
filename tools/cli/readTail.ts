import { closeSync, openSync, readSync } from 'node:fs'
import { RecordingWarnings, type WarningEvent } from '../../src/shared/sessions/recordedWarnings'
import { FastLabCsvReader, type LabCsvDialect } from '../../src/main/sessions/fastLabCsvReader'
import { LabCsvByteFeed } from '../../src/main/sessions/labCsvByteFeed'
import { LabReportColumns, type LabReportColumnsTransfer } from './labReportColumns'
import { SplitWord } from './splitWord'

/** What the reader of a file's tail is given (it may run on a worker thread). */
export interface TailTask {
  path: string
  /** The file's size when the head's reader opened it. */
  size: number
  /** A SplitWord's buffer, shared with the head's reader. */
  split: SharedArrayBuffer
  readBytes: number
  /** The smallest tail worth reading apart. */
  minTailBytes: number
}

/**
 * What reading the tail gave. `none`: no tail was claimed (the head had read too far).
 * `gaveUp`: the rows from `start` have a problem (the fast reader's sense). `read`: the tail's
 * sessions and its counts; its warnings as recorded (undefined: too many to replay).
 */
export type TailOutcome =
  | { type: 'none' }
  | { type: 'gaveUp'; start: number }
  | {
      type: 'read'
      start: number
      rows: number
      sessions: number
      warnings: WarningEvent[] | undefined
      columns: LabReportColumnsTransfer
    }

/** Warnings a tail keeps to replay; a file with more is read on one thread. */
const MAX_TAIL_WARNINGS = 10_000
const LF = 0x0a
const CR = 0x0d
const SEARCH_BYTES = 1 << 16
const MAX_SEARCH_BYTES = 1 << 20

/** Half of what the head has not read yet: both threads then read about as much. */
export const halfOfTheRest = (reserved: number, size: number): number =>
  reserved + Math.floor((size - reserved) / 2)

/**
 * Claims the rows from the first row break at or after `splitAt(reserved, size)` (unless the
 * head has read too far), and reads them into a LabReportColumns of their own, numbering rows
 * from 1 there. The break is a guess: in a quoted field it is no row break at all, and only
 * the head, reading up to it, can tell (readReportInParts).
 */
export function readTail(
  task: TailTask,
  dialect: LabCsvDialect,
  splitAt = halfOfTheRest
): TailOutcome {
  const fd = openSync(task.path, 'r')
  try {
    const word = new SplitWord(task.split)
    let start: number
    for (;;) {
      const reserved = word.reserved()
      if (reserved === undefined || task.size - reserved < task.minTailBytes)
        return { type: 'none' }
      const from = Math.max(reserved, splitAt(reserved, task.size))
      start = rowBreakAfter(fd, from, dialect.crlf, task.size)
      if (start < 0) return { type: 'none' }
      if (word.claim(reserved, start)) break
    }
    const warnings = new RecordingWarnings(MAX_TAIL_WARNINGS)
    const columns = new LabReportColumns()
    const reader = FastLabCsvReader.forTail(columns, dialect, task.size - start, warnings)
    warnings.record()
    if (new LabCsvByteFeed(fd, task.readBytes, start).run(reader) !== 'end')
      return { type: 'gaveUp', start }
    return {
      type: 'read',
      start,
      rows: reader.rowCount,
      sessions: reader.sessionCount,
      warnings: warnings.recorded(),
      columns: columns.toTransfer()
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The offset after the first newline of the file's kind (LF, or CRLF) that ends at or after
 * `from`, with bytes after it; -1 if none within MAX_SEARCH_BYTES.
 */
function rowBreakAfter(fd: number, from: number, crlf: boolean, size: number): number {
  const buffer = Buffer.allocUnsafe(SEARCH_BYTES + 1)
  // From the byte before: a CRLF's CR may come before `from`.
  for (let at = Math.max(0, from - 1); at < from + MAX_SEARCH_BYTES; at += SEARCH_BYTES) {
    const n = readSync(fd, buffer, 0, SEARCH_BYTES + 1, at)
    for (let i = buffer.indexOf(LF, 1); i !== -1 && i < n; i = buffer.indexOf(LF, i + 1)) {
      if (at + i < from || (crlf && buffer[i - 1] !== CR)) continue
      const next = at + i + 1
      return next < size ? next : -1
    }
    if (n < SEARCH_BYTES + 1) break
  }
  return -1
}
