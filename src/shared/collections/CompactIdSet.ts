import { CharStore } from './CharStore'
import { growTypedArray } from './growTypedArray'

/**
 * An exact set of strings for finding duplicate session ids in million-row files. A JS Set of a
 * million fresh strings cost seconds of the CLI's time in GC (measured); this keeps the
 * characters in a CharStore and the open-addressing table in typed arrays.
 */
export class CompactIdSet {
  private readonly ids = new CharStore()
  private table = new Int32Array(1 << 12) // entry index + 1; 0 = empty slot
  private hashes = new Uint32Array(1 << 11) // per entry

  get size(): number {
    return this.ids.size
  }

  /** Sizes the set for about `ids` more ids of `charsEach` characters (avoids regrowing). */
  reserve(ids: number, charsEach: number): void {
    const total = this.ids.size + ids
    this.ids.reserve(ids, charsEach)
    if (total > this.hashes.length) this.hashes = growTypedArray(this.hashes, total)
    if (total * 2 > this.table.length) {
      let length = this.table.length
      while (total * 2 > length) length *= 2
      this.rehash(length)
    }
  }

  /** Adds the id; false if it was already there. */
  add(id: string): boolean {
    const hash = hashOf(id)
    const mask = this.table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!
      if (entry === 0) {
        this.insertAt(slot, id, hash)
        return true
      }
      if (this.hashes[entry - 1] === hash && this.ids.equals(entry - 1, id)) return false
    }
  }

  private insertAt(slot: number, id: string, hash: number): void {
    const entry = this.ids.push(id)
    if (entry >= this.hashes.length) this.hashes = growTypedArray(this.hashes, entry + 1)
    this.hashes[entry] = hash
    this.table[slot] = entry + 1
    if (this.ids.size * 2 > this.table.length) this.rehash(this.table.length * 2)
  }

  private rehash(length: number): void {
    const table = new Int32Array(length)
    const mask = table.length - 1
    for (let entry = 0; entry < this.ids.size; entry++) {
      let slot = this.hashes[entry]! & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = entry + 1
    }
    this.table = table
  }
}

/** FNV-1a over UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return h >>> 0
}
