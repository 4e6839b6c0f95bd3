const BLOCK_SHIFT = 8
const LOW_LIMIT = 0x10000

/**
 * Where each session id starts in IdColumn's code units: non-decreasing offsets, set in
 * increasing index order. Kept as 2 bytes each, relative to a 4-byte base per block of 256
 * (half the 4 bytes a plain Uint32Array takes: 20 MB at 10M sessions), while no block spans
 * 64 Ki code units (ids under 256 characters on average); all 4 bytes from the first that does.
 */
export class IdOffsets {
  private low = new Uint16Array(1024)
  private base = new Uint32Array((1024 >>> BLOCK_SHIFT) + 1)
  private wide: Uint32Array<ArrayBuffer> | undefined

  static fromTransfer(transfer: IdOffsetsTransfer): IdOffsets {
    const offsets = new IdOffsets()
    offsets.low = transfer.low
    offsets.base = transfer.base
    offsets.wide = transfer.wide
    return offsets
  }

  /** The arrays, to post to another thread (moved there: this may not be used after). */
  toTransfer(): IdOffsetsTransfer {
    return { low: this.low, base: this.base, wide: this.wide }
  }

  /** Offsets it has room for. */
  get capacity(): number {
    return this.wide ? this.wide.length : this.low.length
  }

  get(n: number): number {
    const wide = this.wide
    return wide ? wide[n]! : this.base[n >>> BLOCK_SHIFT]! + this.low[n]!
  }

  /** Offset `n`; offsets 0..n-1 are set. */
  set(n: number, value: number): void {
    if (this.wide) {
      this.wide[n] = value
      return
    }
    const block = n >>> BLOCK_SHIFT
    if ((n & ((1 << BLOCK_SHIFT) - 1)) === 0) {
      this.base[block] = value
      this.low[n] = 0
      return
    }
    const low = value - this.base[block]!
    if (low < LOW_LIMIT) {
      this.low[n] = low
      return
    }
    const wide = new Uint32Array(this.low.length)
    for (let i = 0; i < n; i++) wide[i] = this.get(i)
    wide[n] = value
    this.wide = wide
    this.low = new Uint16Array(0)
    this.base = new Uint32Array(0)
  }

  /** Room for `atLeast` offsets: exactly that many if `exactly` (a reservation), else doubling. */
  resize(atLeast: number, exactly: boolean): void {
    let length = this.capacity
    if (atLeast <= length) return
    if (exactly) length = atLeast
    else while (length < atLeast) length *= 2
    if (this.wide) {
      const wide = new Uint32Array(length)
      wide.set(this.wide)
      this.wide = wide
      return
    }
    const low = new Uint16Array(length)
    low.set(this.low)
    this.low = low
    const base = new Uint32Array((length >>> BLOCK_SHIFT) + 1)
    base.set(this.base)
    this.base = base
  }
}

/** IdOffsets' arrays, as posted between threads. */
export interface IdOffsetsTransfer {
  low: Uint16Array<ArrayBuffer>
  base: Uint32Array<ArrayBuffer>
  wide: Uint32Array<ArrayBuffer> | undefined
}
