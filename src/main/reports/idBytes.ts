import type { SessionIds } from './sessionIds'

/** Bytes and ids room to start with; doubled as needed. */
const FIRST_BYTES = 1 << 20
const FIRST_IDS = 1 << 16

const A = 0x41
const Z = 0x5a
const TO_LOWER = 0x20

/** A byte with ASCII capitals made small: ILIKE's folding under COLLATE "C". */
const fold = (byte: number): number => (byte >= A && byte <= Z ? byte | TO_LOWER : byte)

const isSmallLetter = (byte: number): boolean => byte >= 0x61 && byte <= 0x7a

/**
 * ASCII letters up to which a search runs the native search once per spelling (2^letters of
 * them: "T0000" is two native passes, a few ms at 1M ids, where folding every byte in JS took
 * 20–60 ms); past it, one pass folding as it reads.
 */
const NATIVE_LETTERS = 3

/** Every spelling of a folded needle with its ASCII letters small or capital. */
function spellings(wanted: Uint8Array): Uint8Array[] {
  // Copies (Buffer's slice would share the bytes).
  let all = [Uint8Array.from(wanted)]
  for (let k = 0; k < wanted.length; k++) {
    if (!isSmallLetter(wanted[k]!)) continue
    all = all.flatMap((spelling) => {
      const capital = Uint8Array.from(spelling)
      capital[k] = spelling[k]! - TO_LOWER
      return [spelling, capital]
    })
  }
  return all
}

/** Byte order of two byte ranges of `bytes` (COLLATE "C"): negative, 0 or positive. */
function compareRanges(bytes: Buffer, a: number, aEnd: number, b: number, bEnd: number): number {
  const length = Math.min(aEnd - a, bEnd - b)
  for (let i = 0; i < length; i++) {
    const d = bytes[a + i]! - bytes[b + i]!
    if (d !== 0) return d
  }
  return aEnd - a - (bEnd - b)
}

/** Byte order of `key` against the range [start, end) of `bytes` (COLLATE "C"). */
function compareKey(key: Uint8Array, bytes: Buffer, start: number, end: number): number {
  const length = Math.min(key.length, end - start)
  for (let i = 0; i < length; i++) {
    const d = key[i]! - bytes[start + i]!
    if (d !== 0) return d
  }
  return key.length - (end - start)
}

/**
 * Ids kept as their UTF-8 bytes, each followed by a NUL (no id holds one: they are PostgreSQL
 * texts), in session_id order: COLLATE "C", the bytes' order. A string is made only for the id
 * asked for; the search is a byte search over all of them (ILIKE under "C" folds ASCII only, and
 * a UTF-8 substring is a substring of characters), the id list a binary search per id.
 */
export class IdBytes implements SessionIds {
  /** `starts[row]`: where the row's id begins; `starts[size]`: the end of the last NUL. */
  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array
  ) {}

  get size(): number {
    return this.starts.length - 1
  }

  at(row: number): string {
    if (!(row >= 0 && row < this.size)) throw new RangeError(`session ids: no row ${row}`)
    return this.bytes.toString('utf8', this.starts[row]!, this.starts[row + 1]! - 1)
  }

  containing(search: string): Uint8Array {
    const marks = new Uint8Array(this.size)
    const needle = Buffer.from(search, 'utf8')
    if (needle.length === 0) return marks.fill(1)
    // No id holds a NUL; and a match cannot run across the NUL between two ids.
    if (needle.includes(0)) return marks
    const wanted = needle.map(fold)
    const letters = wanted.reduce((count, byte) => count + (isSmallLetter(byte) ? 1 : 0), 0)
    if (letters <= NATIVE_LETTERS)
      for (const spelling of spellings(wanted)) this.markNative(spelling, marks)
    else this.markFolded(wanted, marks)
    return marks
  }

  /** Marks the rows whose id holds `needle` as it is: the native search, row after row. */
  private markNative(needle: Uint8Array, marks: Uint8Array): void {
    const { bytes, starts } = this
    const end = starts[this.size]!
    let row = 0
    for (let at = bytes.indexOf(needle); at !== -1 && at < end;) {
      // Matches come in order: the row holding this one is at or after the last.
      while (starts[row + 1]! <= at) row++
      marks[row] = 1
      at = bytes.indexOf(needle, starts[row + 1]!)
    }
  }

  /** Marks the rows whose id holds `wanted` (folded), folding the ids as they are read. */
  private markFolded(wanted: Uint8Array, marks: Uint8Array): void {
    const { bytes, starts } = this
    const first = wanted[0]!
    const last = starts[this.size]! - wanted.length
    let row = 0
    for (let i = 0; i <= last; i++) {
      if (fold(bytes[i]!) !== first) continue
      let k = 1
      while (k < wanted.length && fold(bytes[i + k]!) === wanted[k]) k++
      if (k < wanted.length) continue
      while (starts[row + 1]! <= i) row++
      marks[row] = 1
      // On to the next row's id.
      i = starts[row + 1]! - 1
    }
  }

  /**
   * The rows in session_id order (indices of this object's rows), or null when they already
   * are: a read in the heap's order comes mostly in runs, which the engine's merge sort (TimSort)
   * finds and merges.
   */
  sortedOrder(): Uint32Array | null {
    const { bytes, starts } = this
    const n = this.size
    let ascending = true
    for (let row = 1; row < n && ascending; row++)
      ascending =
        compareRanges(
          bytes,
          starts[row - 1]!,
          starts[row]! - 1,
          starts[row]!,
          starts[row + 1]! - 1
        ) < 0
    if (ascending) return null
    const rows = Array.from({ length: n }, (_, row) => row)
    rows.sort((a, b) =>
      compareRanges(bytes, starts[a]!, starts[a + 1]! - 1, starts[b]!, starts[b + 1]! - 1)
    )
    return Uint32Array.from(rows)
  }

  /** These ids in `order` (row indices of this object), as new IdBytes. */
  permuted(order: Uint32Array): IdBytes {
    if (order.length !== this.size) throw new Error('session ids: an order of another size')
    const { bytes, starts } = this
    const sorted = Buffer.allocUnsafe(starts[this.size]!)
    const sortedStarts = new Uint32Array(this.size + 1)
    let at = 0
    for (let i = 0; i < order.length; i++) {
      const row = order[i]!
      sortedStarts[i] = at
      at += bytes.copy(sorted, at, starts[row]!, starts[row + 1]!)
    }
    sortedStarts[this.size] = at
    return new IdBytes(sorted, sortedStarts)
  }

  among(ids: readonly string[]): Uint8Array {
    const marks = new Uint8Array(this.size)
    for (const id of ids) {
      const row = this.rowOf(id)
      if (row >= 0) marks[row] = 1
    }
    return marks
  }

  rowOf(id: string): number {
    return this.rowOfKey(Buffer.from(id, 'utf8'))
  }

  /** The row whose id is `key`, or −1: a binary search in byte order. */
  private rowOfKey(key: Buffer): number {
    const { bytes, starts } = this
    let low = 0
    let high = this.size - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const order = compareKey(key, bytes, starts[mid]!, starts[mid + 1]! - 1)
      if (order === 0) return mid
      if (order < 0) high = mid - 1
      else low = mid + 1
    }
    return -1
  }
}

/** Ids looked at before the bytes are sized for the rest by their mean length. */
const SAMPLE_IDS = 1_024

/**
 * Gathers ids (as a read meets them, in session_id order) into IdBytes. With `expectedRows`,
 * the offsets are sized for them at once and the bytes once the first ids show their mean
 * length: growing by doubling touched three times the memory, and fresh memory is what costs
 * most here (a page fault per 4 KiB).
 */
export class IdBytesBuilder {
  private bytes = Buffer.allocUnsafe(FIRST_BYTES)
  private starts: Uint32Array
  private used = 0
  private count = 0

  constructor(private readonly expectedRows = 0) {
    this.starts = new Uint32Array(Math.max(FIRST_IDS, expectedRows + (expectedRows >> 6) + 1))
  }

  /** Appends the id whose UTF-8 bytes are buffer[from, to). */
  add(buffer: Buffer, from: number, to: number): void {
    const length = to - from
    if (this.count === SAMPLE_IDS && this.expectedRows > SAMPLE_IDS) {
      // Room for the expected ids at the mean length so far, and a little more.
      const mean = this.used / this.count
      this.resize(Math.ceil(mean * this.expectedRows * 1.05) + length + 1)
    }
    const needed = this.used + length + 1
    if (needed > this.bytes.length) this.resize(Math.max(needed, this.bytes.length * 2))
    if (this.count + 1 >= this.starts.length) {
      const bigger = new Uint32Array(this.starts.length * 2)
      bigger.set(this.starts)
      this.starts = bigger
    }
    const bytes = this.bytes
    let at = this.used
    this.starts[this.count++] = at
    // Ids are short: a loop costs less than a native copy's call.
    for (let i = from; i < to; i++) bytes[at++] = buffer[i]!
    bytes[at++] = 0
    this.used = at
  }

  /**
   * The ids added, in order. Not copied to their size (fresh memory is what a copy of 10 MB
   * costs most): the room left over is at most as much as the ids take.
   */
  build(): IdBytes {
    // add() always leaves room for the end's entry.
    this.starts[this.count] = this.used
    return new IdBytes(this.bytes.subarray(0, this.used), this.starts.subarray(0, this.count + 1))
  }

  private resize(bytes: number): void {
    if (bytes <= this.bytes.length) return
    const bigger = Buffer.allocUnsafe(bytes)
    this.bytes.copy(bigger, 0, 0, this.used)
    this.bytes = bigger
  }
}
