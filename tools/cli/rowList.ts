import type { LISTED_FIELDS, Lists } from '../../src/shared/analytics/labReport'
import type { Listed } from '../../src/shared/analytics/listedSessions'
import { ByteWriter } from './byteWriter'

export type ListedField = (typeof LISTED_FIELDS)[keyof typeof LISTED_FIELDS][number]

/** What a RowList reads its rows from (LabReportColumns); listed rows are numbered from 0. */
export interface ListedColumns {
  /** Moves on at each sortedIn(). */
  readonly sortGeneration: number
  /** Every id came after the one before it in row order: every table is in id order then. */
  readonly idsInRowOrder: boolean
  /** A field of listed row `at`, as the session had it. */
  valueOf(field: ListedField, at: number): string | number
  /** Appends the field's JSON value to `out`. */
  writeJsonValue(out: ByteWriter, field: ListedField, at: number): void
  /** The `count` listed rows in table `bit`, sorted by id: valid until the next call. */
  sortedIn(bit: number, count: number): Uint32Array
  /** The first listed row from `from` on in table `bit`. */
  nextListed(bit: number, from: number): number
  /** Ids of two listed rows in string order. */
  compareIds(a: number, b: number): number
}

const utf8 = new TextEncoder()

/**
 * A listed table: its rows are the ListedRows flagged with `bit` (gathered when the report is
 * written, not kept while reading), iterable in session_id order, as ListedSessions is.
 */
export class RowList<K extends keyof Lists> implements Listed<Lists[K]> {
  /** Rows in the table, counted while reading. */
  length = 0

  constructor(
    private readonly columns: ListedColumns,
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
    if (columns.idsInRowOrder) return undefined
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
