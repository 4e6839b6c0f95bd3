/** Slots per table to start with: a few thousand distinct keys in practice. */
const FIRST_SLOTS = 1 << 12

/**
 * Values keyed by byte strings and looked up by a range of a buffer, without making a key of
 * the range (a latin1 string a row, then its hash and its garbage, was most of a lookup's cost
 * at a million rows): a hash of the bytes picks the slot, the bytes kept with it confirm it.
 * A missing key's value is made once by `make` from the same range.
 */
export class ByteKeyedValues<V> {
  private keys: (DataView | undefined)[] = []
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

  /** The value of the bytes buffer[from, to), made now if they are new; `view` views `buffer`. */
  get(buffer: Buffer, view: DataView, from: number, to: number): V {
    const hash = hashOf(buffer, view, from, to)
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot]
      if (key === undefined) return this.add(slot, hash, buffer, from, to)
      if (this.hashes[slot] === hash && sameBytes(key, view, from, to)) return this.values[slot]!
    }
  }

  private add(slot: number, hash: number, buffer: Buffer, from: number, to: number): V {
    const value = this.make(buffer, from, to)
    const copy = Buffer.from(buffer.subarray(from, to))
    this.keys[slot] = new DataView(copy.buffer, copy.byteOffset, copy.length)
    this.values[slot] = value
    this.hashes[slot] = hash
    // At most half full, so a probe meets an empty slot soon.
    if (++this.count * 2 > this.keys.length) this.resize(this.keys.length * 2)
    return value
  }

  private resize(slots: number): void {
    const { keys, values, hashes } = this
    this.keys = new Array<DataView | undefined>(slots).fill(undefined)
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

/**
 * Whether buffer[from, to) holds `key`'s bytes: compared here four at a time (a native compare's
 * call cost more than the comparison of a ~60-byte key).
 */
function sameBytes(key: DataView, view: DataView, from: number, to: number): boolean {
  const length = to - from
  if (key.byteLength !== length) return false
  let i = 0
  for (; i + 4 <= length; i += 4) if (key.getInt32(i) !== view.getInt32(from + i)) return false
  for (; i < length; i++) if (key.getUint8(i) !== view.getUint8(from + i)) return false
  return true
}

/** A multiplicative hash of the bytes, four at a time, its high bits folded into the low. */
function hashOf(buffer: Buffer, view: DataView, from: number, to: number): number {
  let hash = 0x811c9dc5 ^ (to - from)
  let i = from
  for (; i + 4 <= to; i += 4) {
    hash = Math.imul(hash ^ view.getInt32(i, true), 0x9e3779b1)
    hash ^= hash >>> 15
  }
  for (; i < to; i++) hash = Math.imul(hash ^ buffer[i]!, 0x01000193)
  return hash ^ (hash >>> 16)
}
