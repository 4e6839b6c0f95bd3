import { growTypedArray } from '../../src/shared/collections/growTypedArray'
import type { ByteWriter } from './byteWriter'
import { IdOffsets, type IdOffsetsTransfer } from './idOffsets'

const utf8 = new TextEncoder()
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * Session ids in row order as code units in one typed array (bytes while every code unit is
 * below 256, as ASCII ids are; UTF-16 from the first one above), and the check that each is
 * new. A candidate is written after the last id, then kept (the count moves on) or dropped.
 */
export class IdColumn {
  private chars: Uint8Array | Uint16Array = new Uint8Array(1 << 14)
  private starts = new IdOffsets() // starts.get(n) = end of id n - 1
  private count = 0
  /** Rows [0, sorted) hold ids in increasing order: all of them until one comes out of order. */
  private sorted = 0
  /** Open addressing over row + 1 (0 = empty) of the rows from `sorted` on, once there are any. */
  private table: Int32Array | undefined
  /** Hash of row `sorted + i` at i. */
  private hashes = new Uint32Array(0)

  /** The ids of `transfer` (toTransfer() elsewhere), for reading: none may be added. */
  static fromTransfer(transfer: IdColumnTransfer): IdColumn {
    const column = new IdColumn()
    column.chars = transfer.chars
    column.starts = IdOffsets.fromTransfer(transfer.starts)
    column.count = transfer.count
    return column
  }

  /**
   * What fromTransfer() takes, to post to another thread (its arrays moved, not copied): this
   * column may not be used after. Whether the ids came in increasing order goes with it.
   */
  toTransfer(): IdColumnTransfer {
    return {
      chars: this.chars,
      starts: this.starts.toTransfer(),
      count: this.count,
      sorted: this.table ? this.sorted : this.count
    }
  }

  get size(): number {
    return this.count
  }

  /** Every id so far came after the one before it (no hash table was needed). */
  get inOrder(): boolean {
    return this.table === undefined
  }

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

  /** compare() for ids of two columns. */
  static compareAcross(x: IdColumn, a: number, y: IdColumn, b: number): number {
    const aStart = x.starts.get(a)
    const aLength = x.starts.get(a + 1) - aStart
    const bStart = y.starts.get(b)
    const bLength = y.starts.get(b + 1) - bStart
    const n = Math.min(aLength, bLength)
    for (let i = 0; i < n; i++) {
      const d = x.chars[aStart + i]! - y.chars[bStart + i]!
      if (d !== 0) return d
    }
    return aLength - bLength
  }

  /**
   * Whether an id of `other` (ids of their own without a repeat, the first `otherSorted` in
   * increasing order) is also here. When the ids here are in order and the first of `other`
   * comes after the last here, that prefix of `other` cannot be here; every other id of `other`
   * is looked up as keep() would look it up.
   */
  overlaps(other: IdColumn, otherSorted: number): boolean {
    const from = this.comesBefore(other, otherSorted) ? otherSorted : 0
    for (let row = from; row < other.count; row++) if (this.contains(other, row)) return true
    return false
  }

  /**
   * Every id here, then the first `otherSorted` ids of `other` (increasing among themselves),
   * are in increasing order.
   */
  comesBefore(other: IdColumn, otherSorted: number): boolean {
    return (
      this.inOrder &&
      (this.count === 0 ||
        other.count === 0 ||
        otherSorted === 0 ||
        IdColumn.compareAcross(this, this.count - 1, other, 0) < 0)
    )
  }

  private contains(other: IdColumn, row: number): boolean {
    let low = 0
    let high = (this.table ? this.sorted : this.count) - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const d = IdColumn.compareAcross(this, mid, other, row)
      if (d === 0) return true
      if (d < 0) low = mid + 1
      else high = mid - 1
    }
    const table = this.table
    if (!table) return false
    const hash = IdColumn.hashOf(other, row)
    const mask = table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!
      if (entry === 0) return false
      if (
        this.hashes[entry - 1 - this.sorted] === hash &&
        IdColumn.compareAcross(this, entry - 1, other, row) === 0
      )
        return true
    }
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
    const hash = IdColumn.hashOf(this, row)
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
  private static hashOf(column: IdColumn, row: number): number {
    let h = FNV_OFFSET
    const chars = column.chars
    const end = column.starts.get(row + 1)
    for (let i = column.starts.get(row); i < end; i++) h = Math.imul(h ^ chars[i]!, FNV_PRIME)
    return h >>> 0
  }
}

/** An IdColumn's arrays and counts, as posted between threads. */
export interface IdColumnTransfer {
  chars: Uint8Array | Uint16Array
  starts: IdOffsetsTransfer
  count: number
  /** The first ids, this many, are in increasing order (all when no hash table was needed). */
  sorted: number
}
