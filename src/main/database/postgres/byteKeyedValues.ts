/** Slots per table to start with: a few thousand distinct keys in practice. */
const FIRST_SLOTS = 1 << 12

/**
 * Values keyed by byte strings and looked up by a range of a buffer, without making a key of
 * the range (a latin1 string a row, then its hash and its garbage, was most of a lookup's cost
 * at a million rows): a hash of the bytes picks the slot, the bytes kept with it confirm it.
 * A missing key's value is made once by `make` from the same range.
 */
export class ByteKeyedValues<V> {
  private keys: (Buffer | undefined)[] = []
  private values: V[] = []
  private hashes = new Int32Array(0)
  private mask = 0
  private count = 0

  constructor(private readonly make: (buffer: Buffer, from: number, to: number) => V) {
    this.resize(FIRST_SLOTS)
  }

  get size(): number {
    return this.count
  }

  /** The value of the bytes buffer[from, to), made now if they are new. */
  get(buffer: Buffer, from: number, to: number): V {
    const hash = hashOf(buffer, from, to)
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot]
      if (key === undefined) return this.add(slot, hash, buffer, from, to)
      if (
        this.hashes[slot] === hash &&
        key.length === to - from &&
        key.compare(buffer, from, to) === 0
      )
        return this.values[slot]!
    }
  }

  private add(slot: number, hash: number, buffer: Buffer, from: number, to: number): V {
    const value = this.make(buffer, from, to)
    this.keys[slot] = Buffer.from(buffer.subarray(from, to))
    this.values[slot] = value
    this.hashes[slot] = hash
    // At most half full, so a probe meets an empty slot soon.
    if (++this.count * 2 > this.keys.length) this.resize(this.keys.length * 2)
    return value
  }

  private resize(slots: number): void {
    const { keys, values, hashes } = this
    this.keys = new Array<Buffer | undefined>(slots).fill(undefined)
    this.values = new Array<V>(slots)
    this.hashes = new Int32Array(slots)
    this.mask = slots - 1
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === undefined) continue
      let slot = hashes[old]! & this.mask
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask
      this.keys[slot] = keys[old]
      this.values[slot] = values[old]!
      this.hashes[slot] = hashes[old]!
    }
  }
}

/** FNV-1a over the bytes, its high bits folded in (the slot is taken from the low ones). */
function hashOf(buffer: Buffer, from: number, to: number): number {
  let hash = 0x811c9dc5
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ buffer[i]!, 0x01000193)
  return hash ^ (hash >>> 16)
}
