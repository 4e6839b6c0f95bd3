import { detectSeparator } from '../../shared/csv/csvDialect'
import { MAX_CELL_CHARS, MAX_ROW_CHARS } from '../../shared/sessions/cellEcho'
import { WarningCollector, type ImportIssue } from '../../shared/sessions/importIssues'
import type { WarningEvent } from '../../shared/sessions/recordedWarnings'
import { LabRowValidator } from '../../shared/sessions/labRowValidator'
import { KNOWN_VALUES, LAB_COLUMNS, type LabSession } from '../../shared/sessions/labSchema'
import type { LabCsvSummary } from './labCsvSummary'
import { CsvRowScanner, NotPlainCsv } from './csvRowScanner'

/**
 * Receives the sessions of a file in file order, and finds duplicate ids (as LabReportColumns
 * does: it holds every id anyway).
 */
export interface LabCsvRowSink {
  /** Room for about `rows` more sessions with ids of about `idChars` characters. */
  reserve(rows: number, idChars: number): void
  /** A valid session (row: its row in the file); false (nothing added) if its id came before. */
  addSession(session: LabSession, row: number): boolean
  /**
   * The same for a row read from bytes: its id is bytes[idStart, idEnd), and its model
   * bytes[modelStart, modelEnd), both printable ASCII. The last four arguments come last so a
   * sink that has no use for them (the CLI's report) declares fewer and costs nothing more.
   */
  addAscii(
    bytes: Buffer,
    idStart: number,
    idEnd: number,
    scenario: string,
    duration: number,
    p50: number,
    p95: number,
    interruptions: number,
    sentiment: string,
    ragUsed: boolean,
    language: string,
    turns: number,
    modelStart: number,
    modelEnd: number,
    row: number
  ): boolean
}

const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const BOM = '\uFEFF'
const MAX_EXACT_DIGITS = 15 // up to 15 digits, the integer is exact in a double

const enum Column {
  session_id,
  scenario,
  duration_sec,
  latency_p50_ms,
  latency_p95_ms,
  interruptions,
  turns,
  sentiment,
  model,
  rag_used,
  language
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

/** The values a byte range may stand for without a warning: one string object each. */
class ByteInterner {
  private readonly bytes: Uint8Array[] = []
  private readonly values: string[] = []
  private readonly results: unknown[] = []

  add(text: string, result: unknown = text): void {
    this.bytes.push(ascii(text))
    this.values.push(text)
    this.results.push(result)
  }

  /** The entry's index for buffer[start, end), or -1. */
  find(buffer: Uint8Array, start: number, end: number): number {
    const length = end - start
    outer: for (let i = 0; i < this.bytes.length; i++) {
      const bytes = this.bytes[i]!
      if (bytes.length !== length) continue
      for (let k = 0; k < length; k++) if (bytes[k] !== buffer[start + k]) continue outer
      return i
    }
    return -1
  }

  value(index: number): string {
    return this.values[index]!
  }

  result(index: number): unknown {
    return this.results[index]
  }
}

class GiveUp extends Error {}

/** How a file splits into rows and fields, and its header: what a reader of its tail needs. */
export interface LabCsvDialect {
  /** The separator's character code. */
  separator: number
  crlf: boolean
  /** The header's fields, a leading BOM removed. */
  header: string[]
}

/**
 * readLabCsvFast's reader: takes a file's bytes piece by piece (LabCsvByteFeed) and gives up on
 * any problem; a second one may read a tail of the file apart (forTail, appendTail).
 */
export class FastLabCsvReader {
  gaveUp = false
  private readonly rowIssues: ImportIssue[] = []
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
  private validator: LabRowValidator | undefined
  /** Field index of each lab column, by Column. */
  private readonly positions = new Int32Array(LAB_COLUMNS.length)
  private readonly starts = new Int32Array(LAB_COLUMNS.length)
  private readonly ends = new Int32Array(LAB_COLUMNS.length)
  private headerLength = 0
  private header: string[] | undefined
  /** Rows before the first session: the header, or none in a reader of a file's tail. */
  private rowBase = 1
  private scanner: CsvRowScanner | undefined
  private atFileStart = true
  private fileOffset = 0 // file offset of buffer[start] at the last consume
  private row = 0
  private validRows = 0
  private reserved = false
  /** Code units of the ids read so far, to size the id column. */
  private idChars = 0
  private readonly scenarios = knownValues('scenario')
  private readonly sentiments = knownValues('sentiment')
  private readonly languages = knownValues('language')
  private readonly booleans = new ByteInterner()

  constructor(
    private readonly sink: LabCsvRowSink,
    private readonly fileBytes: number,
    private readonly warnings = new WarningCollector()
  ) {
    // parseBoolean's words, in the spellings files use (others take the validator's path).
    for (const [words, value] of [
      [['true', '1', 'yes'], true],
      [['false', '0', 'no'], false]
    ] as const) {
      for (const word of words) {
        for (const spelling of new Set([
          word,
          word.toUpperCase(),
          word[0]!.toUpperCase() + word.slice(1)
        ]))
          this.booleans.add(spelling, value)
      }
    }
  }

  /**
   * A reader of a file's rows from the start of one of them (offsets count from there), which
   * it numbers from 1 on, for a file of that dialect and header; `tailBytes` to the file's end.
   */
  static forTail(
    sink: LabCsvRowSink,
    dialect: LabCsvDialect,
    tailBytes: number,
    warnings: WarningCollector
  ): FastLabCsvReader {
    const reader = new FastLabCsvReader(sink, tailBytes, warnings)
    reader.atFileStart = false
    reader.scanner = new CsvRowScanner(dialect.separator, dialect.crlf)
    reader.useHeader([...dialect.header])
    reader.rowBase = 0
    return reader
  }

  /** The file's dialect and header, once its header is read. */
  dialect(): LabCsvDialect | undefined {
    const { header, scanner } = this
    return header && scanner
      ? { separator: scanner.separator, crlf: scanner.crlf, header: [...header] }
      : undefined
  }

  /** Rows read so far (the header and blank lines included). */
  get rowCount(): number {
    return this.row
  }

  /** Sessions read so far. */
  get sessionCount(): number {
    return this.validRows
  }

  /**
   * Takes on the tail another reader read (forTail) from the row after this one's last: its
   * rows count on from here, and its warnings, recorded there, are added here in their order,
   * their rows moved on, so the summary is what reading the whole file here would give.
   */
  appendTail(rows: number, sessions: number, warnings: readonly WarningEvent[]): void {
    for (const w of warnings)
      this.warnings.add(
        w.column,
        w.message,
        w.row === undefined ? undefined : w.row + this.row,
        w.code,
        w.params
      )
    this.row += rows
    this.validRows += sessions
  }

  /** Reads the complete rows in buffer[start, end) (all of it when last); returns where it stopped. */
  consume(buffer: Buffer, start: number, end: number, last: boolean): number {
    try {
      return this.consumeRows(buffer, start, end, last)
    } catch (error) {
      if (error instanceof GiveUp || error instanceof NotPlainCsv) {
        this.gaveUp = true
        return end
      }
      throw error
    }
  }

  finish(): LabCsvSummary {
    if (!this.validator) throw new GiveUp() // readLabCsv reports the empty file
    return {
      rows: Math.max(0, this.row - 1),
      validRows: this.validRows,
      issueCount: 0,
      warnings: this.warnings.list()
    }
  }

  private consumeRows(buffer: Buffer, start: number, end: number, last: boolean): number {
    const base = this.fileOffset - start // file offset of buffer[0]
    let p = start
    if (this.atFileStart) {
      // TextDecoder drops one leading BOM, as readLabCsv's does.
      if (end - p < 3 && !last) return p // fileOffset is still 0
      this.atFileStart = false
      // UTF-16 (its BOM): readLabCsv decodes it.
      if (end - p >= 2 && (buffer[p] === 0xff || buffer[p] === 0xfe)) throw new GiveUp()
      if (end - p >= 3 && buffer[p] === 0xef && buffer[p + 1] === 0xbb && buffer[p + 2] === 0xbf)
        p += 3
    }
    if (!this.scanner) {
      // readLabCsv's dialect: the newline and separator of the first line (up to its first LF).
      let lf = buffer.indexOf(LF, p)
      if (lf >= end) lf = -1
      if (lf === -1 && !last) {
        this.fileOffset = base + p
        return p
      }
      const lineEnd = lf === -1 ? end : lf
      const separator = detectSeparator(buffer.toString('latin1', p, lineEnd))
      this.scanner = new CsvRowScanner(separator.charCodeAt(0), lf > p && buffer[lf - 1] === CR)
    }
    const scanner = this.scanner
    while (p < end) {
      const next = scanner.scan(buffer, p, end, last)
      if (next === -1) break
      if (next - p > MAX_ROW_CHARS) throw new GiveUp() // readLabCsv may stop at it (rowTooLong)
      this.line(buffer, scanner)
      p = next
    }
    if (!this.reserved && this.validator && this.row > this.rowBase) this.reserveIds(base + p)
    this.fileOffset = base + p
    return p
  }

  /** Sizes the id set from the rows seen so far, as readLabCsv does after its first read. */
  private reserveIds(bytesRead: number): void {
    this.reserved = true
    if (this.fileBytes <= bytesRead) return
    const rowsPerByte = (this.row - this.rowBase) / bytesRead
    const idChars = this.validRows > 0 ? Math.ceil(this.idChars / this.validRows) + 1 : 16
    this.sink.reserve(Math.ceil((this.fileBytes - bytesRead) * rowsPerByte * 1.05), idChars)
  }

  /** The row the scanner found. */
  private line(buffer: Buffer, scanner: CsvRowScanner): void {
    if (this.validator && !scanner.escaped && this.fastRow(buffer, scanner)) return
    const record = new Array<string>(scanner.count)
    for (let k = 0; k < scanner.count; k++) {
      const start = scanner.starts[k]!
      const end = scanner.ends[k]!
      let text = isAscii(buffer, start, end)
        ? buffer.toString('latin1', start, end)
        : this.utf8.decode(buffer.subarray(start, end))
      if (scanner.escaped && scanner.quoted[k] === 1) text = text.replaceAll('""', '"')
      record[k] = text
    }
    if (record.length === 1 && record[0] === '') {
      this.row++ // blank line: skipped, but counted so rows match the file's lines
      return
    }
    this.take(record)
  }

  /** readLabCsv's take(), giving up where it would report a problem. */
  private take(record: string[]): void {
    this.row++
    if (!this.validator) {
      if (record[0]?.startsWith(BOM)) record[0] = record[0].slice(1)
      this.useHeader(record)
      return
    }
    const session = this.validator.validate(record, this.row, this.rowIssues)
    if (session === null || !this.sink.addSession(session, this.row)) throw new GiveUp()
    this.idChars += session.session_id.length
    this.validRows++
  }

  private useHeader(record: string[]): void {
    if (record.some((name) => name.includes('\u0000'))) throw new GiveUp()
    this.validator = new LabRowValidator(record, this.warnings)
    if (this.validator.headerIssues.length > 0) throw new GiveUp()
    this.header = record
    this.headerLength = record.length
    // Without header issues, each lab column is there exactly once.
    const names = record.map((name) => name.trim())
    LAB_COLUMNS.forEach((column, i) => (this.positions[i] = names.indexOf(column)))
  }

  /**
   * A row LabRowValidator would accept without a warning, read from its bytes; false (and
   * nothing done) for any row it cannot vouch for.
   */
  private fastRow(buffer: Buffer, scanner: CsvRowScanner): boolean {
    if (scanner.count !== this.headerLength) return false
    // A cell over the limit (in bytes, so perhaps not in characters): the validator decides.
    for (let k = 0; k < scanner.count; k++)
      if (scanner.ends[k]! - scanner.starts[k]! > MAX_CELL_CHARS) return false

    // Where each lab column's field starts and ends.
    const starts = this.starts
    const ends = this.ends
    const positions = this.positions
    for (let c = 0; c < LAB_COLUMNS.length; c++) {
      const k = positions[c]!
      starts[c] = scanner.starts[k]!
      ends[c] = scanner.ends[k]!
    }

    // session_id: printable ASCII, not blank at either end (so trim() keeps it whole).
    const idStart = starts[Column.session_id]!
    const idEnd = ends[Column.session_id]!
    if (!isPlainText(buffer, idStart, idEnd)) return false
    const scenario = this.scenarios.find(buffer, starts[Column.scenario]!, ends[Column.scenario]!)
    if (scenario < 0) return false
    const duration = plainNumber(buffer, starts[Column.duration_sec]!, ends[Column.duration_sec]!)
    if (duration < 0) return false
    const p50 = plainNumber(buffer, starts[Column.latency_p50_ms]!, ends[Column.latency_p50_ms]!)
    if (p50 < 0) return false
    const p95 = plainNumber(buffer, starts[Column.latency_p95_ms]!, ends[Column.latency_p95_ms]!)
    if (p95 < 0 || p95 < p50) return false
    const interruptions = plainNumber(
      buffer,
      starts[Column.interruptions]!,
      ends[Column.interruptions]!
    )
    if (interruptions < 0 || !Number.isInteger(interruptions)) return false
    const turns = plainNumber(buffer, starts[Column.turns]!, ends[Column.turns]!)
    if (turns < 0 || !Number.isInteger(turns)) return false
    const sentiment = this.sentiments.find(
      buffer,
      starts[Column.sentiment]!,
      ends[Column.sentiment]!
    )
    if (sentiment < 0) return false
    // model: only required (free text).
    const modelStart = starts[Column.model]!
    const modelEnd = ends[Column.model]!
    if (!isPlainText(buffer, modelStart, modelEnd)) return false
    const rag = this.booleans.find(buffer, starts[Column.rag_used]!, ends[Column.rag_used]!)
    if (rag < 0) return false
    const language = this.languages.find(buffer, starts[Column.language]!, ends[Column.language]!)
    if (language < 0) return false

    this.row++
    const added = this.sink.addAscii(
      buffer,
      idStart,
      idEnd,
      this.scenarios.value(scenario),
      duration,
      p50,
      p95,
      interruptions,
      this.sentiments.value(sentiment),
      this.booleans.result(rag) === true,
      this.languages.value(language),
      turns,
      modelStart,
      modelEnd,
      this.row
    )
    if (!added) throw new GiveUp()
    this.idChars += idEnd - idStart
    this.validRows++
    return true
  }
}

function knownValues(column: keyof typeof KNOWN_VALUES): ByteInterner {
  const values = KNOWN_VALUES[column] ?? []
  const interner = new ByteInterner()
  // Only ASCII values can be matched byte for byte; others take the validator's path.
  for (const value of values) if (/^[\x21-\x7e]+$/.test(value)) interner.add(value)
  return interner
}

function isAscii(buffer: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buffer[i]! >= 0x80) return false
  return true
}

/**
 * Non-empty printable ASCII with no space at either end (what trim() leaves as it is), within
 * the cell limit.
 */
function isPlainText(buffer: Uint8Array, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_CELL_CHARS) return false
  if (buffer[start] === SPACE || buffer[end - 1] === SPACE) return false
  for (let i = start; i < end; i++) {
    const c = buffer[i]!
    if (c < SPACE || c > 0x7e) return false
  }
  return true
}

/**
 * A number written as digits with at most one decimal point (what NUMBER_PATTERN accepts without
 * sign or exponent), as Number() reads it; -1 for anything else or a non-finite value.
 */
function plainNumber(buffer: Buffer, start: number, end: number): number {
  if (end <= start) return -1
  let value = 0
  let dot = -1
  for (let i = start; i < end; i++) {
    const c = buffer[i]!
    if (c >= ZERO && c <= NINE) value = value * 10 + (c - ZERO)
    else if (c === DOT && dot === -1) dot = i
    else return -1
  }
  if (dot === -1 && end - start <= MAX_EXACT_DIGITS) return value
  if (end - start === 1) return -1 // "." alone
  const parsed = Number(buffer.toString('latin1', start, end))
  return Number.isFinite(parsed) ? parsed : -1
}
