import { growTypedArray } from '../../src/shared/collections/growTypedArray'
import {
  HIGH_INTERRUPTIONS,
  type LabSession,
  SLOW_P95_MS
} from '../../src/shared/sessions/labSchema'
import {
  LISTED_FIELDS,
  labReportView,
  type LabReportView,
  type Lists,
  type Sum
} from '../../src/shared/analytics/labReport'
import { jsonItemsOf, reportJsonParts } from '../../src/shared/analytics/labReportJson'
import type { Listed } from '../../src/shared/analytics/listedSessions'
import { IdOffsets } from './idOffsets'
import { ListedRows } from './listedRows'
import { sortRows } from './sortRows'

/**
 * LabReportAccumulator's report for a million-row file in a fraction of its time, for the CLI,
 * in bounded memory: of each session only its id is kept (Latin-1 bytes while every id is, else
 * UTF-16 code units), and the fields the listed tables show only for the rows they list
 * (ListedRows, about 60% of a pilot-shaped file, in the narrowest exact typed arrays); the
 * tables are bits on those rows, gathered when written, and their JSON is written from there in
 * large chunks. About 19 bytes a session (10M pilot-shaped sessions: 248 MB peak RSS, the
 * reading's; writing adds nothing that grows with the file when ids come in order).
 * It also refuses a session whose id it already holds (add… returns false), so the reader needs
 * no id set of its own: while ids arrive in increasing order (as exports and the generator
 * write them) a comparison with the previous id proves them new; after the first id out of
 * order, a binary search covers the ordered ids before it and a hash table the ids after it.
 *
 * The figures are summed in row order exactly as LabReportAccumulator sums them, and the report
 * is built by the same labReportView, so both give the same report to the last bit.
 */
export class LabReportColumns {
  private readonly ids = new IdColumn()
  private rows = 0
  private readonly listed = new ListedRows()

  private readonly scenarios = new Codes()
  private readonly sentiments = new Codes()
  private readonly languages = new Codes()

  private p50Total = 0
  private p95Total = 0
  private minP50 = Infinity
  private maxP50 = -Infinity
  private readonly sentimentCounts: number[] = []
  private readonly interruptionN: number[] = []
  private readonly interruptionTotal: number[] = []
  private readonly ragN = [0, 0] // [false, true]
  private readonly ragP50 = [0, 0]
  private readonly languageN: number[] = []
  private readonly languageP50: number[] = []
  /** Per language, counts by sentiment code. */
  private readonly languageSentiments: number[][] = []
  private negativeCode = -1

  private sortSpace: [Uint32Array, Uint32Array] | undefined
  /** @internal Moves on at each sortedIn(). */
  sortGeneration = 0

  private readonly slow = new RowList<'slow'>(this, LISTED_FIELDS.slow, 1)
  private readonly negative = new RowList<'negative'>(this, LISTED_FIELDS.negative, 2)
  private readonly withoutRag = new RowList<'withoutRag'>(this, LISTED_FIELDS.withoutRag, 4)
  private readonly high = new RowList<'high'>(this, LISTED_FIELDS.high, 8)

  get size(): number {
    return this.rows
  }

  /** Makes room for about `rows` more sessions with ids of about `idChars` characters. */
  reserve(rows: number, idChars: number): void {
    this.ids.reserve(rows, idChars)
    if (this.rows === 0) return
    // The share listed so far, with a margin: growing by doubling would waste up to half.
    this.listed.reserve(Math.ceil((rows * this.listed.length * 1.1) / this.rows) + 1024)
  }

  /**
   * A valid session whose id is bytes[idStart, idEnd), printable ASCII; the category arguments
   * are the strings the row holds. False, and nothing added, if the id was added before.
   */
  addAscii(
    bytes: Uint8Array,
    idStart: number,
    idEnd: number,
    scenario: string,
    duration: number,
    p50: number,
    p95: number,
    interruptions: number,
    sentiment: string,
    ragUsed: boolean,
    language: string
  ): boolean {
    if (!this.ids.addAscii(bytes, idStart, idEnd)) return false
    this.addRow(scenario, duration, p50, p95, interruptions, sentiment, ragUsed, language)
    return true
  }

  /** A valid session; false, and nothing added, if its id was added before. */
  addSession(s: LabSession): boolean {
    if (!this.ids.addString(s.session_id)) return false
    this.addRow(
      s.scenario,
      s.duration_sec,
      s.latency_p50_ms,
      s.latency_p95_ms,
      s.interruptions,
      s.sentiment,
      s.rag_used,
      s.language
    )
    return true
  }

  /** LabReportAccumulator.add(), on codes and columns. */
  private addRow(
    scenario: string,
    duration: number,
    p50: number,
    p95: number,
    interruptions: number,
    sentiment: string,
    ragUsed: boolean,
    language: string
  ): void {
    const row = this.rows++
    const sc = this.scenarios.code(scenario)
    const se = this.sentiments.code(sentiment)
    if (se === this.sentimentCounts.length) {
      this.sentimentCounts.push(0)
      this.interruptionN.push(0)
      this.interruptionTotal.push(0)
      if (sentiment === 'negative') this.negativeCode = se
    }
    const la = this.languages.code(language)
    if (la === this.languageN.length) {
      this.languageN.push(0)
      this.languageP50.push(0)
      this.languageSentiments.push([])
    }
    const slow = p95 > SLOW_P95_MS
    const negative = se === this.negativeCode
    const high = interruptions >= HIGH_INTERRUPTIONS
    if (slow || negative || !ragUsed || high) {
      const tables = (slow ? 1 : 0) | (negative ? 2 : 0) | (ragUsed ? 0 : 4) | (high ? 8 : 0)
      this.listed.push(row, sc, se, duration, p95, interruptions, tables)
      if (slow) this.slow.length++
      if (negative) this.negative.length++
      if (!ragUsed) this.withoutRag.length++
      if (high) this.high.length++
    }

    this.p50Total += p50
    this.p95Total += p95
    this.minP50 = Math.min(this.minP50, p50)
    this.maxP50 = Math.max(this.maxP50, p50)
    this.sentimentCounts[se]!++
    const rag = ragUsed ? 1 : 0
    this.ragN[rag]!++
    this.ragP50[rag]! += p50
    this.interruptionN[se]!++
    this.interruptionTotal[se]! += interruptions
    this.languageN[la]!++
    this.languageP50[la]! += p50
    const perLanguage = this.languageSentiments[la]!
    while (perLanguage.length <= se) perLanguage.push(0)
    perLanguage[se]!++
  }

  /** The report, as LabReportAccumulator.view() gives it for the same sessions. */
  view(): LabReportView {
    const sum = (n: number, total: number): Sum => ({ n, total })
    const bySentiment = <T>(value: (code: number) => T): Map<string, T> =>
      new Map(this.sentiments.values.map((name, code) => [name, value(code)]))
    const ragP50 = new Map<boolean, Sum>()
    for (const rag of [1, 0]) {
      if (this.ragN[rag]! > 0) ragP50.set(rag === 1, sum(this.ragN[rag]!, this.ragP50[rag]!))
    }
    const languageSentiments = new Map<string, Map<string, number>>()
    this.languages.values.forEach((language, code) => {
      const counts = new Map<string, number>()
      this.languageSentiments[code]!.forEach((n, se) => {
        if (n > 0) counts.set(this.sentiments.values[se]!, n)
      })
      languageSentiments.set(language, counts)
    })
    return labReportView({
      total: this.rows,
      p50: sum(this.rows, this.p50Total),
      p95: sum(this.rows, this.p95Total),
      minP50: this.minP50,
      maxP50: this.maxP50,
      slow: this.slow,
      sentiments: bySentiment((code) => this.sentimentCounts[code]!),
      negative: this.negative,
      ragP50,
      withoutRag: this.withoutRag,
      interruptionsBySentiment: bySentiment((code) =>
        sum(this.interruptionN[code]!, this.interruptionTotal[code]!)
      ),
      high: this.high,
      languageP50: new Map(
        this.languages.values.map((name, code) => [
          name,
          sum(this.languageN[code]!, this.languageP50[code]!)
        ])
      ),
      languageSentiments
    })
  }

  /** @internal A field of listed row `at` (an index into ListedRows), as the session had it. */
  valueOf(field: ListedField, at: number): string | number {
    const listed = this.listed
    switch (field) {
      case 'session_id':
        return this.ids.get(listed.row(at))
      case 'scenario':
        return this.scenarios.values[listed.scenario(at)]!
      case 'sentiment':
        return this.sentiments.values[listed.sentiment(at)]!
      case 'duration_sec':
        return listed.duration(at)
      case 'latency_p95_ms':
        return listed.p95(at)
      case 'interruptions':
        return listed.interruptionCount(at)
    }
  }

  /** @internal Appends the field's JSON value to `out`. */
  writeJsonValue(out: ByteWriter, field: ListedField, at: number): void {
    const listed = this.listed
    switch (field) {
      case 'session_id':
        return this.ids.writeJson(out, listed.row(at))
      case 'scenario':
        return out.bytes(this.scenarios.json(listed.scenario(at)))
      case 'sentiment':
        return out.bytes(this.sentiments.json(listed.sentiment(at)))
      case 'duration_sec':
        return out.number(listed.duration(at))
      case 'latency_p95_ms':
        return out.number(listed.p95(at))
      case 'interruptions':
        return out.number(listed.interruptionCount(at))
    }
  }

  /**
   * @internal The `count` listed rows (indices into ListedRows) in table `bit`, sorted by id, in
   * two arrays all tables share (allocated once, as long as the longest table): valid until the
   * next call, which moves `sortGeneration` on. A fresh pair per sort was garbage the GC let
   * pile up (~50 MB at 10M sessions out of id order).
   */
  sortedIn(bit: number, count: number): Uint32Array {
    if (!this.sortSpace) {
      const longest = Math.max(
        this.slow.length,
        this.negative.length,
        this.withoutRag.length,
        this.high.length
      )
      this.sortSpace = [new Uint32Array(longest), new Uint32Array(longest)]
    }
    this.sortGeneration++
    const rows = this.listed.withTable(bit, this.sortSpace[0].subarray(0, count))
    return sortRows(rows, (a, b) => this.compareIds(a, b), this.sortSpace[1])
  }

  /** @internal The first listed row (an index into ListedRows) from `from` on in table `bit`. */
  nextListed(bit: number, from: number): number {
    return this.listed.nextWithTable(bit, from)
  }

  /** @internal Ids of two listed rows in string order. */
  compareIds(a: number, b: number): number {
    return this.ids.compare(this.listed.row(a), this.listed.row(b))
  }
}

type ListedField = (typeof LISTED_FIELDS)[keyof typeof LISTED_FIELDS][number]

const utf8 = new TextEncoder()

/** Distinct strings of a column, numbered in the order they first appear. */
class Codes {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()
  private readonly jsonBytes: Uint8Array[] = []

  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.push(value) - 1
      this.codes.set(value, code)
      this.jsonBytes.push(utf8.encode(JSON.stringify(value)))
    }
    return code
  }

  json(code: number): Uint8Array {
    return this.jsonBytes[code]!
  }
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * Session ids in row order as code units in one typed array (bytes while every code unit is
 * below 256, as ASCII ids are; UTF-16 from the first one above), and the check that each is
 * new. A candidate is written after the last id, then kept (the count moves on) or dropped.
 */
class IdColumn {
  private chars: Uint8Array | Uint16Array = new Uint8Array(1 << 14)
  private readonly starts = new IdOffsets() // starts.get(n) = end of id n - 1
  private count = 0
  /** Rows [0, sorted) hold ids in increasing order: all of them until one comes out of order. */
  private sorted = 0
  /** Open addressing over row + 1 (0 = empty) of the rows from `sorted` on, once there are any. */
  private table: Int32Array | undefined
  /** Hash of row `sorted + i` at i. */
  private hashes = new Uint32Array(0)

  /** Exactly the room asked for: doubling would waste up to half at the end of the file. */
  reserve(ids: number, charsEach: number): void {
    this.starts.resize(this.count + ids + 2, true)
    const chars = this.starts.get(this.count) + ids * charsEach
    if (chars > this.chars.length) this.resizeChars(chars, false, true)
  }

  addAscii(bytes: Uint8Array, start: number, end: number): boolean {
    const at = this.room(end - start)
    const chars = this.chars
    for (let i = start; i < end; i++) chars[at + i - start] = bytes[i]!
    return this.keep(at + end - start)
  }

  addString(id: string): boolean {
    const at = this.room(id.length)
    if (this.chars instanceof Uint8Array)
      for (let i = 0; i < id.length; i++)
        if (id.charCodeAt(i) > 0xff) {
          this.resizeChars(this.chars.length, true)
          break
        }
    const chars = this.chars
    for (let i = 0; i < id.length; i++) chars[at + i] = id.charCodeAt(i)
    return this.keep(at + id.length)
  }

  get(row: number): string {
    const chars = this.chars
    const end = this.starts.get(row + 1)
    let text = ''
    // Ids are short: a char loop is the fastest decode (measured against apply, TextDecoder).
    for (let i = this.starts.get(row); i < end; i++) text += String.fromCharCode(chars[i]!)
    return text
  }

  /** Like comparing the two ids as strings (by UTF-16 code units). */
  compare(a: number, b: number): number {
    const chars = this.chars
    const aStart = this.starts.get(a)
    const aLength = this.starts.get(a + 1) - aStart
    const bStart = this.starts.get(b)
    const bLength = this.starts.get(b + 1) - bStart
    const n = Math.min(aLength, bLength)
    for (let i = 0; i < n; i++) {
      const d = chars[aStart + i]! - chars[bStart + i]!
      if (d !== 0) return d
    }
    return aLength - bLength
  }

  writeJson(out: ByteWriter, row: number): void {
    const start = this.starts.get(row)
    const end = this.starts.get(row + 1)
    const chars = this.chars
    for (let i = start; i < end; i++) {
      const c = chars[i]!
      // What JSON.stringify would escape or UTF-8 would take several bytes for.
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        out.bytes(utf8.encode(JSON.stringify(this.get(row))))
        return
      }
    }
    out.ascii(chars, start, end, 0x22)
  }

  /** Index in `chars` where a candidate of `length` code units can be written. */
  private room(length: number): number {
    this.starts.resize(this.count + 3, false)
    const at = this.starts.get(this.count)
    if (at + length > this.chars.length) this.resizeChars(at + length, false)
    return at
  }

  /** At least `atLeast` code units (doubling unless `exactly`), and UTF-16 from now if `wide`. */
  private resizeChars(atLeast: number, wide: boolean, exactly = false): void {
    let length = exactly ? Math.max(atLeast, this.chars.length) : this.chars.length
    while (length < atLeast) length *= 2
    const next =
      wide || this.chars instanceof Uint16Array ? new Uint16Array(length) : new Uint8Array(length)
    next.set(this.chars)
    this.chars = next
  }

  /** Keeps the candidate written up to `end` unless an equal id is already there. */
  private keep(end: number): boolean {
    const row = this.count
    this.starts.set(row + 1, end)
    if (!this.table) {
      if (row === 0 || this.compare(row - 1, row) < 0) {
        this.count++
        return true
      }
      // The ids so far are in increasing order: binary search finds them, and only the ids
      // from here on need a hash table (one late id out of order costs almost nothing).
      this.sorted = row
      this.hashes = new Uint32Array(1024)
      this.table = new Int32Array(1 << 12)
    }
    if (this.inSortedPrefix(row)) return false
    const hash = this.hashOf(row)
    const table = this.table
    const mask = table.length - 1
    let slot = hash & mask
    for (; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!
      if (entry === 0) break
      if (this.hashes[entry - 1 - this.sorted] === hash && this.compare(entry - 1, row) === 0)
        return false
    }
    const tail = row - this.sorted
    if (tail >= this.hashes.length) this.hashes = growTypedArray(this.hashes, tail + 1)
    this.hashes[tail] = hash
    table[slot] = row + 1
    this.count++
    if ((tail + 1) * 2 > table.length) this.rehash(table.length * 2)
    return true
  }

  /** The candidate `row` equals one of the ids in rows [0, sorted). */
  private inSortedPrefix(row: number): boolean {
    let low = 0
    let high = this.sorted - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const d = this.compare(mid, row)
      if (d === 0) return true
      if (d < 0) low = mid + 1
      else high = mid - 1
    }
    return false
  }

  private rehash(length: number): void {
    const table = new Int32Array(length)
    const mask = length - 1
    for (let row = this.sorted; row < this.count; row++) {
      let slot = this.hashes[row - this.sorted]! & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = row + 1
    }
    this.table = table
  }

  /** FNV-1a over the id's code units (its candidate's too: starts[count + 1] is set). */
  private hashOf(row: number): number {
    let h = FNV_OFFSET
    const end = this.starts.get(row + 1)
    for (let i = this.starts.get(row); i < end; i++) h = Math.imul(h ^ this.chars[i]!, FNV_PRIME)
    return h >>> 0
  }
}

/**
 * A listed table: its rows are the ListedRows flagged with `bit` (gathered when the report is
 * written, not kept while reading), iterable in session_id order, as ListedSessions is.
 */
class RowList<K extends keyof Lists> implements Listed<Lists[K]> {
  /** Rows in the table, counted while reading. */
  length = 0

  constructor(
    private readonly columns: LabReportColumns,
    private readonly fields: (typeof LISTED_FIELDS)[K],
    private readonly bit: number
  ) {}

  *[Symbol.iterator](): Generator<Lists[K]> {
    const order = this.sorted()
    const generation = this.columns.sortGeneration
    for (let i = 0, at = -1; i < this.length; i++) {
      if (order) this.checkOrder(generation)
      at = order ? order[i]! : this.columns.nextListed(this.bit, at + 1)
      const item: Record<string, unknown> = {}
      for (const field of this.fields) item[field] = this.columns.valueOf(field, at)
      yield item as Lists[K]
    }
  }

  /** JSON.stringify of each item. */
  *jsonItems(): Generator<string> {
    const decoder = new TextDecoder()
    for (const chunk of this.jsonRuns(1, false)) yield decoder.decode(chunk)
  }

  /**
   * The UTF-8 of the items' JSON joined by commas (the text labReportJson writes between the
   * brackets), in pieces of about `chunkBytes` that end between items. A piece is overwritten
   * by the next: use it before asking for that.
   */
  jsonChunks(chunkBytes = 1 << 18): Generator<Uint8Array> {
    return this.jsonRuns(chunkBytes, true)
  }

  /**
   * UTF-8 of the items in runs of at least `chunkBytes` (but the last), each item after the
   * first preceded by a comma if `commas`.
   */
  private *jsonRuns(chunkBytes: number, commas: boolean): Generator<Uint8Array> {
    const order = this.sorted()
    const keys = this.fields.map((f, i) =>
      utf8.encode(`${i === 0 ? '{' : ','}${JSON.stringify(f)}:`)
    )
    const out = new ByteWriter(chunkBytes + 4096)
    const generation = this.columns.sortGeneration
    for (let i = 0, row = -1; i < this.length; i++) {
      if (order) this.checkOrder(generation)
      if (commas && i > 0) out.byte(0x2c)
      row = order ? order[i]! : this.columns.nextListed(this.bit, row + 1)
      for (let f = 0; f < this.fields.length; f++) {
        out.bytes(keys[f]!)
        this.columns.writeJsonValue(out, this.fields[f]!, row)
      }
      out.byte(0x7d)
      if (out.length >= chunkBytes) {
        yield out.take()
        // The same bytes again: a fresh buffer per chunk piled up as garbage (~90 MB at 10M).
        out.length = 0
      }
    }
    if (out.length > 0) yield out.take()
  }

  /**
   * The table's rows sorted by id, or undefined when row order is id order (ids as exports and
   * the generator write them): then they are visited in place, without an array of them
   * (up to 4 bytes a session, twice for the text's two passes, when writing began).
   */
  private sorted(): Uint32Array | undefined {
    const columns = this.columns
    let inOrder = true
    for (let i = 1, a = columns.nextListed(this.bit, 0); i < this.length && inOrder; i++) {
      const b = columns.nextListed(this.bit, a + 1)
      inOrder = columns.compareIds(a, b) < 0
      a = b
    }
    if (inOrder) return undefined
    // Ids are unique, so the order by id is the only one.
    return columns.sortedIn(this.bit, this.length)
  }

  /** The sorted rows are shared by all tables: one listing at a time (as the writers go). */
  private checkOrder(generation: number): void {
    if (this.columns.sortGeneration !== generation)
      throw new Error('LabReportColumns: another table was sorted while this one was listed')
  }
}

/** Bytes appended to a growing Uint8Array. */
class ByteWriter {
  private buffer: Uint8Array
  length = 0

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity)
  }

  byte(b: number): void {
    this.ensure(1)
    this.buffer[this.length++] = b
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  /** Code units known to be ASCII, between two `quote` bytes. */
  ascii(chars: Uint8Array | Uint16Array, start: number, end: number, quote: number): void {
    this.ensure(end - start + 2)
    const buffer = this.buffer
    let at = this.length
    buffer[at++] = quote
    for (let i = start; i < end; i++) buffer[at++] = chars[i]!
    buffer[at++] = quote
    this.length = at
  }

  /** JSON.stringify(value), digits written directly for whole numbers. */
  number(value: number): void {
    if (Number.isInteger(value) && value >= 0 && value < 1e15) {
      if (value === 0) return this.byte(0x30)
      let digits = 0
      for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++
      this.ensure(digits)
      let v = value
      for (let i = this.length + digits - 1; i >= this.length; i--) {
        this.buffer[i] = 0x30 + (v % 10)
        v = Math.floor(v / 10)
      }
      this.length += digits
      return
    }
    const text = JSON.stringify(value)
    this.ensure(text.length)
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i)
  }

  take(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buffer.length) return
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n))
    bigger.set(this.buffer.subarray(0, this.length))
    this.buffer = bigger
  }
}

/**
 * labReportJson(view) in pieces of text and UTF-8 bytes that make the same text; the lists of
 * a LabReportColumns view are written as bytes from its columns, in large chunks, each valid
 * until the next piece is asked for.
 */
export function* labReportJsonChunks(r: LabReportView): Generator<string | Uint8Array> {
  for (const part of reportJsonParts(r)) {
    if (typeof part === 'string') {
      yield part
      continue
    }
    yield '['
    if (part instanceof RowList) yield* part.jsonChunks()
    else {
      let first = true
      for (const item of jsonItemsOf(part)) {
        yield (first ? '' : ',') + item
        first = false
      }
    }
    yield ']'
  }
}
