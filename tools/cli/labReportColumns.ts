import {
  HIGH_INTERRUPTIONS,
  type LabSession,
  SLOW_P95_MS
} from '../../src/shared/sessions/labSchema'
import {
  LISTED_FIELDS,
  labReportView,
  type LabReportView,
  type Sum
} from '../../src/shared/analytics/labReport'
import { jsonItemsOf, reportJsonParts } from '../../src/shared/analytics/labReportJson'
import type { ByteWriter } from './byteWriter'
import { IdColumn, type IdColumnTransfer } from './idColumn'
import { ListedRows, type ListedRowsTransfer } from './listedRows'
import { RowList, type ListedColumns, type ListedField } from './rowList'
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
 *
 * A file's tail may be read by another instance on another thread and appended (appendTail):
 * its ids and listed rows stay in the arrays it made (a second part, nothing copied), its
 * figures are added to these, and only when that gives the same bits as adding its rows here.
 */
export class LabReportColumns implements ListedColumns {
  private readonly ids = new IdColumn()
  private rows = 0
  private readonly listed = new ListedRows()
  private readonly head: Part = { ids: this.ids, listed: this.listed }
  private tail: TailPart | undefined
  /** With a tail: its ids and these, in row order, were in increasing order. */
  private tailInOrder = false
  /**
   * Every P50, P95 and interruption count so far is a whole number in [0, 2^32): the sums are
   * then exact, so the same in any order, while below 2^53.
   */
  private wholeNumbers = true

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
    if (this.tail) throw new Error('LabReportColumns: a session added after a tail')
    const row = this.rows++
    const sc = this.scenarios.code(scenario)
    const se = this.sentimentCode(sentiment)
    const la = this.languageCode(language)
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

    if (p50 >>> 0 !== p50 || p95 >>> 0 !== p95 || interruptions >>> 0 !== interruptions)
      this.wholeNumbers = false
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

  private sentimentCode(sentiment: string): number {
    const se = this.sentiments.code(sentiment)
    if (se === this.sentimentCounts.length) {
      this.sentimentCounts.push(0)
      this.interruptionN.push(0)
      this.interruptionTotal.push(0)
      if (sentiment === 'negative') this.negativeCode = se
    }
    return se
  }

  private languageCode(language: string): number {
    const la = this.languages.code(language)
    if (la === this.languageN.length) {
      this.languageN.push(0)
      this.languageP50.push(0)
      this.languageSentiments.push([])
    }
    return la
  }

  /**
   * What appendTail() takes, to post to another thread (its arrays moved, not copied): this
   * may not be used after. transferables() lists the arrays' buffers.
   */
  toTransfer(): LabReportColumnsTransfer {
    return {
      ids: this.ids.toTransfer(),
      listed: this.listed.toTransfer(),
      rows: this.rows,
      scenarios: this.scenarios.values,
      sentiments: this.sentiments.values,
      languages: this.languages.values,
      p50Total: this.p50Total,
      p95Total: this.p95Total,
      minP50: this.minP50,
      maxP50: this.maxP50,
      sentimentCounts: this.sentimentCounts,
      interruptionN: this.interruptionN,
      interruptionTotal: this.interruptionTotal,
      ragN: this.ragN,
      ragP50: this.ragP50,
      languageN: this.languageN,
      languageP50: this.languageP50,
      languageSentiments: this.languageSentiments,
      tableLengths: [
        this.slow.length,
        this.negative.length,
        this.withoutRag.length,
        this.high.length
      ],
      wholeNumbers: this.wholeNumbers
    }
  }

  /**
   * Takes on the sessions another instance read from the row after the last one here (its
   * toTransfer()), as if they had been added here one by one, and says 'appended'. Nothing is
   * taken if an id there is also here ('duplicate': adding them here would have refused it),
   * or if the sums could come out different in their last bit from adding the rows here one by
   * one ('inexact': a fraction, or totals near 2^53; then add them here).
   */
  appendTail(tail: LabReportColumnsTransfer): 'appended' | 'duplicate' | 'inexact' {
    if (this.tail) throw new Error('LabReportColumns: a second tail')
    if (!this.sumsStayExact(tail)) return 'inexact'
    const ids = IdColumn.fromTransfer(tail.ids)
    if (this.ids.overlaps(ids, tail.ids.sorted)) return 'duplicate'
    this.tailInOrder =
      tail.ids.sorted === tail.ids.count && this.ids.comesBefore(ids, tail.ids.sorted)

    // Codes new in the tail come after these, in the order the tail met them: the order a
    // reading of the whole file here would have given them.
    const scenarioCodes = Int32Array.from(tail.scenarios, (v) => this.scenarios.code(v))
    const sentimentCodes = Int32Array.from(tail.sentiments, (v) => this.sentimentCode(v))
    const languageCodes = Int32Array.from(tail.languages, (v) => this.languageCode(v))
    this.p50Total += tail.p50Total
    this.p95Total += tail.p95Total
    this.minP50 = Math.min(this.minP50, tail.minP50)
    this.maxP50 = Math.max(this.maxP50, tail.maxP50)
    sentimentCodes.forEach((se, t) => {
      this.sentimentCounts[se]! += tail.sentimentCounts[t]!
      this.interruptionN[se]! += tail.interruptionN[t]!
      this.interruptionTotal[se]! += tail.interruptionTotal[t]!
    })
    for (const rag of [0, 1]) {
      this.ragN[rag]! += tail.ragN[rag]!
      this.ragP50[rag]! += tail.ragP50[rag]!
    }
    languageCodes.forEach((la, t) => {
      this.languageN[la]! += tail.languageN[t]!
      this.languageP50[la]! += tail.languageP50[t]!
      const perLanguage = this.languageSentiments[la]!
      tail.languageSentiments[t]!.forEach((n, tailSe) => {
        const se = sentimentCodes[tailSe]!
        while (perLanguage.length <= se) perLanguage.push(0)
        perLanguage[se]! += n
      })
    })
    this.wholeNumbers &&= tail.wholeNumbers
    this.rows += tail.rows
    const [slow, negative, withoutRag, high] = tail.tableLengths
    this.slow.length += slow
    this.negative.length += negative
    this.withoutRag.length += withoutRag
    this.high.length += high
    this.tail = {
      ids,
      listed: ListedRows.fromTransfer(tail.listed),
      scenarioCodes,
      sentimentCodes,
      listedStart: this.listed.length
    }
    return 'appended'
  }

  /**
   * Adding the tail's totals to these gives what adding its rows one by one would: every value
   * there and every total here is a whole number, and no sum reaches 2^53, so every partial sum
   * either way is exact.
   */
  private sumsStayExact(tail: LabReportColumnsTransfer): boolean {
    if (!tail.wholeNumbers) return false
    let bound = tail.p50Total + tail.p95Total
    for (const total of tail.interruptionTotal) bound += total
    const exact = (sum: number): boolean => Number.isInteger(sum) && Math.abs(sum) + bound < 2 ** 53
    return [
      this.p50Total,
      this.p95Total,
      ...this.ragP50,
      ...this.languageP50,
      ...this.interruptionTotal
    ].every(exact)
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

  /** @internal Every id came after the one before it in row order (ids as exports write them). */
  get idsInRowOrder(): boolean {
    return this.tail ? this.tailInOrder : this.ids.inOrder
  }

  /** @internal A field of listed row `at` (listed rows of the tail come after these). */
  valueOf(field: ListedField, at: number): string | number {
    const tail = this.tail
    if (tail && at >= tail.listedStart) return this.valueIn(tail, field, at - tail.listedStart)
    return this.valueIn(this.head, field, at)
  }

  private valueIn(part: Part, field: ListedField, at: number): string | number {
    const listed = part.listed
    switch (field) {
      case 'session_id':
        return part.ids.get(listed.row(at))
      case 'scenario':
        return this.scenarios.values[code(part.scenarioCodes, listed.scenario(at))]!
      case 'sentiment':
        return this.sentiments.values[code(part.sentimentCodes, listed.sentiment(at))]!
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
    const tail = this.tail
    if (tail && at >= tail.listedStart) this.writeJsonIn(tail, out, field, at - tail.listedStart)
    else this.writeJsonIn(this.head, out, field, at)
  }

  private writeJsonIn(part: Part, out: ByteWriter, field: ListedField, at: number): void {
    const listed = part.listed
    switch (field) {
      case 'session_id':
        return part.ids.writeJson(out, listed.row(at))
      case 'scenario':
        return out.bytes(this.scenarios.json(code(part.scenarioCodes, listed.scenario(at))))
      case 'sentiment':
        return out.bytes(this.sentiments.json(code(part.sentimentCodes, listed.sentiment(at))))
      case 'duration_sec':
        return out.number(listed.duration(at))
      case 'latency_p95_ms':
        return out.number(listed.p95(at))
      case 'interruptions':
        return out.number(listed.interruptionCount(at))
    }
  }

  /**
   * @internal The `count` listed rows in table `bit`, sorted by id, in two arrays all tables
   * share (allocated once, as long as the longest table): valid until the next call, which
   * moves `sortGeneration` on. A fresh pair per sort was garbage the GC let pile up (~50 MB at
   * 10M sessions out of id order).
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
    const rows = this.sortSpace[0]
    const n = this.listed.withTable(bit, rows)
    if (this.tail) this.tail.listed.withTable(bit, rows, n, this.tail.listedStart)
    return sortRows(rows.subarray(0, count), (a, b) => this.compareIds(a, b), this.sortSpace[1])
  }

  /** @internal The first listed row from `from` on in table `bit`. */
  nextListed(bit: number, from: number): number {
    const headLength = this.listed.length
    const tail = this.tail
    if (from < headLength) {
      const at = this.listed.nextWithTable(bit, from)
      if (at < headLength || !tail) return at
      from = headLength
    }
    return tail ? headLength + tail.listed.nextWithTable(bit, from - headLength) : from
  }

  /** @internal Ids of two listed rows in string order. */
  compareIds(a: number, b: number): number {
    const tail = this.tail
    if (!tail) return this.ids.compare(this.listed.row(a), this.listed.row(b))
    const x = a >= tail.listedStart ? tail : this.head
    const y = b >= tail.listedStart ? tail : this.head
    const rowA = x.listed.row(x === tail ? a - tail.listedStart : a)
    const rowB = y.listed.row(y === tail ? b - tail.listedStart : b)
    return IdColumn.compareAcross(x.ids, rowA, y.ids, rowB)
  }
}

/** Ids and listed rows read by one instance; a tail's codes are its own, mapped to these. */
interface Part {
  ids: IdColumn
  listed: ListedRows
  scenarioCodes?: Int32Array
  sentimentCodes?: Int32Array
}

interface TailPart extends Part {
  /** Listed rows of the head before the tail's first. */
  listedStart: number
}

const code = (codes: Int32Array | undefined, own: number): number => (codes ? codes[own]! : own)

/** A LabReportColumns' state, as posted between threads (toTransfer, appendTail). */
export interface LabReportColumnsTransfer {
  ids: IdColumnTransfer
  listed: ListedRowsTransfer
  rows: number
  scenarios: string[]
  sentiments: string[]
  languages: string[]
  p50Total: number
  p95Total: number
  minP50: number
  maxP50: number
  sentimentCounts: number[]
  interruptionN: number[]
  interruptionTotal: number[]
  ragN: number[]
  ragP50: number[]
  languageN: number[]
  languageP50: number[]
  languageSentiments: number[][]
  /** slow, negative, without RAG, high interruptions. */
  tableLengths: [number, number, number, number]
  wholeNumbers: boolean
}

/** The buffers of a transfer's arrays, for postMessage's transfer list. */
export function transferables(transfer: LabReportColumnsTransfer): ArrayBuffer[] {
  const { ids, listed } = transfer
  const arrays = [
    ids.chars,
    ids.starts.low,
    ids.starts.base,
    ids.starts.wide,
    listed.rows,
    listed.scenarios,
    listed.sentiments,
    listed.durations,
    listed.p95s,
    listed.interruptions,
    listed.tables
  ]
  const buffers = new Set<ArrayBuffer>()
  for (const array of arrays) if (array) buffers.add(array.buffer as ArrayBuffer)
  return [...buffers]
}

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
