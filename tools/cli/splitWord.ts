const CLOSED = 1n << 62n

/**
 * How the reader of a file's head and the reader of its tail (on another thread) agree where
 * the tail starts, without a lock: one shared 64-bit word. Zero or more: the offset up to which
 * the head may have read (it announces each read before making it). Negative: -S, the tail has
 * claimed the rows from S on, and the head reads up to S and no further. CLOSED: the head
 * reads on alone. Each side changes the word only from the value it last saw
 * (compare-and-swap), so the tail never claims bytes the head has read.
 */
export class SplitWord {
  private readonly word: BigInt64Array
  /** The head's last reservation. */
  private last = 0n
  /** Where the tail starts, once the head has seen its claim. */
  private claimed: number | undefined

  constructor(readonly buffer: SharedArrayBuffer) {
    this.word = new BigInt64Array(buffer)
  }

  /** A word for a head that has read up to `readTo`. */
  static create(readTo: number): SplitWord {
    const word = new SplitWord(new SharedArrayBuffer(8))
    word.last = BigInt(readTo)
    Atomics.store(word.word, 0, word.last)
    return word
  }

  /** Head: where the tail starts, if it has claimed its part. */
  get split(): number | undefined {
    return this.claimed
  }

  /** Head: announces a read up to `to`; returns how far it may read (the split once claimed). */
  reserve(to: number): number {
    if (this.claimed === undefined) {
      const next = BigInt(to)
      const seen = Atomics.compareExchange(this.word, 0, this.last, next)
      if (seen === this.last) {
        this.last = next
        return to
      }
      this.claimed = Number(-seen)
    }
    return Math.min(to, this.claimed)
  }

  /** Head: reads on alone from now on; false if the tail claimed its part first. */
  close(): boolean {
    return (
      this.claimed === undefined &&
      Atomics.compareExchange(this.word, 0, this.last, CLOSED) === this.last
    )
  }

  /** Tail: how far the head has reserved, or undefined once it closed. */
  reserved(): number | undefined {
    const value = Atomics.load(this.word, 0)
    return value < 0n || value >= CLOSED ? undefined : Number(value)
  }

  /** Tail: claims the rows from `split` (at or after `seen`) if the head is still at `seen`. */
  claim(seen: number, split: number): boolean {
    if (split < seen) throw new Error('SplitWord: a split before what the head may have read')
    const expected = BigInt(seen)
    return Atomics.compareExchange(this.word, 0, expected, BigInt(-split)) === expected
  }
}
