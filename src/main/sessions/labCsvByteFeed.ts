import { readSync } from 'node:fs'
import { MAX_ROW_CHARS } from '../../shared/sessions/cellEcho'
import type { FastLabCsvReader } from './fastLabCsvReader'

/** Why LabCsvByteFeed.run returned: the file ended, the limit was reached, or the reader gave up. */
export type FeedEnd = 'end' | 'limit' | 'gaveUp'

/**
 * Feeds a file's bytes to a FastLabCsvReader from a given offset, read by read into one reused
 * buffer (grown only for a row longer than it); a run may stop at a limit and go on later.
 */
export class LabCsvByteFeed {
  private buffer: Buffer
  private start = 0
  private end = 0

  constructor(
    private readonly fd: number,
    private readonly readBytes: number,
    /** File offset of the next read. */
    private position = 0
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(readBytes * 2, 1 << 12))
  }

  /** File offset of the first byte the reader has not taken: where its next row starts. */
  get consumed(): number {
    return this.position - (this.end - this.start)
  }

  /**
   * Reads on to the end of the file (its last row included), or until `limit`, asked before
   * each read with the offset it would read up to, allows no further than reading has come.
   */
  run(reader: FastLabCsvReader, limit: (to: number) => number = (to) => to): FeedEnd {
    for (;;) {
      if (this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end)
        this.end -= this.start
        this.start = 0
      }
      if (this.buffer.length - this.end < this.readBytes) {
        const bigger = Buffer.allocUnsafe((this.end + this.readBytes) * 2)
        this.buffer.copy(bigger, 0, 0, this.end)
        this.buffer = bigger
      }
      const want = limit(this.position + this.readBytes) - this.position
      if (want <= 0) return 'limit'
      const n = readSync(this.fd, this.buffer, this.end, want, this.position)
      if (n === 0) break
      this.end += n
      this.position += n
      this.start = reader.consume(this.buffer, this.start, this.end, false)
      if (reader.gaveUp) return 'gaveUp'
      // A row this long is readLabCsv's to report (rowTooLong), and must not fill memory here.
      if (this.end - this.start > MAX_ROW_CHARS) return 'gaveUp'
    }
    reader.consume(this.buffer, this.start, this.end, true)
    this.start = this.end
    return reader.gaveUp ? 'gaveUp' : 'end'
  }
}
