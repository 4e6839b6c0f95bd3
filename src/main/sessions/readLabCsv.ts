import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { Readable } from 'node:stream'
import Papa from 'papaparse'
import { CompactIdSet } from '../../shared/collections/CompactIdSet'
import { detectSeparator, sniffEncoding } from '../../shared/csv/csvDialect'
import { echoCell, MAX_ROW_CHARS } from '../../shared/sessions/cellEcho'
import { csvErrorCode } from '../../shared/sessions/importIssueCodes'
import { ImportIssue, WarningCollector } from '../../shared/sessions/importIssues'
import { READ_BYTES, type LabCsvSummary } from './labCsvSummary'
import { LabRowValidator } from '../../shared/sessions/labRowValidator'
import type { LabSession } from '../../shared/sessions/labSchema'

export interface LabCsvVisitor {
  /** A valid row; called in file order. */
  session(session: LabSession, row: number): void
  /** A reason the file cannot be used; reading goes on to find them all. */
  issue(issue: ImportIssue): void
}

export { READ_BYTES, type LabCsvSummary } from './labCsvSummary'

export interface ReadLabCsvOptions {
  /** Bytes per read of a file path (tests use tiny ones to split rows everywhere). */
  readBytes?: number
}

const BOM = '\uFEFF'

/**
 * Reads a CSV in the lab's schema: UTF-8 (BOM or not) or UTF-16 with its BOM; LF or CRLF (the
 * first line's ending); comma, semicolon or tab separated (the header's most frequent one
 * outside quotes); quoted fields (also across lines); any column order.
 * Files are read synchronously into one reused buffer and parsed chunk by chunk with Papa
 * Parse's parser: on the build VM that is about twice as fast as a read stream (fresh buffers
 * for every read) feeding it. Papa Parse only ever sees text up to a chunk's last LF, the rest
 * waits for the next chunk: a read that ends between a quoted field's closing quote and its
 * CRLF would otherwise read as a malformed quote. Memory stays bounded apart from the ids kept
 * to find duplicates (about 20 bytes each): a row longer than MAX_ROW_CHARS stops the reading.
 */
export async function readLabCsv(
  source: string | Readable,
  visitor: LabCsvVisitor,
  options: ReadLabCsvOptions = {}
): Promise<LabCsvSummary> {
  const reader = new LabCsvChunkReader(visitor)
  if (typeof source === 'string') {
    const fd = openSync(source, 'r')
    try {
      reader.expectBytes(fstatSync(fd).size)
      const buffer = Buffer.allocUnsafe(Math.max(1, options.readBytes ?? READ_BYTES))
      for (let n = readSync(fd, buffer); n > 0 && !reader.stopped; n = readSync(fd, buffer))
        reader.push(buffer.subarray(0, n))
    } finally {
      closeSync(fd)
    }
  } else {
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
      if (reader.stopped) break
    }
  }
  return reader.finish()
}

class LabCsvChunkReader {
  stopped = false
  private decoder: TextDecoder | undefined
  /** The first bytes, until they say which encoding the file is in. */
  private head = new Uint8Array(0)
  private readonly warnings = new WarningCollector()
  private readonly seenIds = new CompactIdSet()
  private readonly rowIssues: ImportIssue[] = []
  private parser: Papa.Parser | undefined
  private separator = ','
  private validator: LabRowValidator | undefined
  /** Text not given to the parser yet: an unfinished row, and what followed the last LF. */
  private pending = ''
  private row = 0
  private validRows = 0
  private issueCount = 0
  private expectedBytes = 0
  private bytesRead = 0

  constructor(private readonly visitor: LabCsvVisitor) {}

  /** The file's size, to size the duplicate-id set once from the first chunk's rows. */
  expectBytes(size: number): void {
    this.expectedBytes = size
  }

  push(bytes: Uint8Array): void {
    const first = this.row <= 1
    this.bytesRead += bytes.length
    const text = this.decode(bytes, false)
    if (text === undefined) return
    // Only whole lines go to the parser (see readLabCsv).
    const lf = text.lastIndexOf('\n')
    if (lf === -1) this.pending += text
    else {
      const tail = text.substring(lf + 1)
      this.parse(this.pending + text.substring(0, lf + 1), false)
      this.pending += tail
    }
    if (this.pending.length > MAX_ROW_CHARS) this.rowTooLong()
    if (first && this.row > 1 && this.expectedBytes > this.bytesRead) {
      const rowsPerByte = (this.row - 1) / this.bytesRead
      const idChars = 16 // generous for ids like S01 or SYN0000001
      this.seenIds.reserve(
        Math.ceil((this.expectedBytes - this.bytesRead) * rowsPerByte * 1.05),
        idChars
      )
    }
  }

  finish(): LabCsvSummary {
    if (!this.stopped) this.parse(this.pending + (this.decode(new Uint8Array(0), true) ?? ''), true)
    if (!this.validator && this.issueCount === 0)
      this.report({
        row: 1,
        column: '*',
        reason: 'the file is empty (no header row)',
        code: 'emptyFile'
      })
    return {
      rows: Math.max(0, this.row - 1),
      validRows: this.validRows,
      issueCount: this.issueCount,
      warnings: this.warnings.list()
    }
  }

  /** The text of the bytes; undefined while the first two bytes have not arrived. */
  private decode(bytes: Uint8Array, last: boolean): string | undefined {
    if (!this.decoder) {
      const head = new Uint8Array(this.head.length + bytes.length)
      head.set(this.head)
      head.set(bytes, this.head.length)
      const encoding = sniffEncoding(head, last)
      if (!encoding) {
        this.head = head
        return undefined
      }
      // Each decoder drops its own BOM.
      this.decoder = new TextDecoder(encoding)
      bytes = head
    }
    return last ? this.decoder.decode(bytes) : this.decoder.decode(bytes, { stream: true })
  }

  /** The row starting in `pending` cannot end within MAX_ROW_CHARS: stop rather than hold it. */
  private rowTooLong(): void {
    this.report({
      row: this.row + 1,
      column: '*',
      reason:
        `row longer than ${MAX_ROW_CHARS} characters (an unclosed quote or a huge cell?); ` +
        'reading stopped here',
      code: 'rowTooLong',
      params: { limit: MAX_ROW_CHARS }
    })
    this.stopped = true
    this.pending = ''
  }

  private parse(text: string, last: boolean): void {
    this.pending = ''
    if (text === '' || this.stopped) return
    if (!this.parser) {
      // The file's dialect, from its first line: CRLF files must not leave \r in fields.
      const lf = text.indexOf('\n')
      const firstLine = text.substring(0, lf === -1 ? text.length : lf)
      this.separator = detectSeparator(firstLine)
      this.parser = new Papa.Parser({
        delimiter: this.separator,
        newline: lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n'
      })
    }
    const results = this.parser.parse(text, 0, !last) as Papa.ParseResult<string[]>
    this.pending = last ? '' : text.substring(results.meta.cursor)
    const firstRow = this.row + 1
    for (const error of results.errors) {
      this.report({
        row: firstRow + (error.row ?? 0),
        column: '*',
        reason: `unreadable CSV: ${error.message}`,
        code: csvErrorCode(error.code),
        params: { detail: error.message }
      })
    }
    for (const record of results.data) {
      if (this.stopped) return
      if (record.length === 1 && record[0] === '') {
        this.row++ // blank line: skipped, but counted so rows match the file's lines
        continue
      }
      this.take(record)
    }
  }

  private take(record: string[]): void {
    this.row++
    if (!this.validator) {
      if (record[0]?.startsWith(BOM)) record[0] = record[0].slice(1)
      if (record.some((name) => name.includes('\u0000'))) {
        // UTF-16 without a BOM reads as UTF-8 with a NUL between letters.
        this.report({
          row: 1,
          column: '*',
          reason:
            'the header holds NUL characters: the file looks like UTF-16 without a byte-order ' +
            'mark; save it as "CSV UTF-8"',
          code: 'utf16WithoutBom'
        })
        this.stopped = true
        return
      }
      this.validator = new LabRowValidator(record, this.warnings)
      this.validator.headerIssues.forEach((issue) => this.report(issue))
      // Rows cannot be read without their columns.
      if (this.validator.headerIssues.length > 0) this.stopped = true
      return
    }
    const session = this.validator.validate(record, this.row, this.rowIssues)
    if (session === null) {
      this.rowIssues.forEach((issue) => this.report(issue))
      this.rowIssues.length = 0
      return
    }
    const id = session.session_id
    if (!this.seenIds.add(id)) {
      const shown = echoCell(id)
      this.report({
        row: this.row,
        column: 'session_id',
        reason: `duplicate session_id "${shown}" in the file`,
        code: 'duplicateIdInFile',
        params: { id: shown }
      })
      return
    }
    this.validRows++
    this.visitor.session(session, this.row)
  }

  private report(issue: ImportIssue): void {
    this.issueCount++
    this.visitor.issue(issue)
  }
}
