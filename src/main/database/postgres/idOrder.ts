import { TEXT_STRIDE, type SessionBatch } from '../../sessions/packedSessions'

/** A UTF-16 unit moved so that units compare as code points: surrogates above U+E000–U+FFFF. */
const codePointRank = (unit: number): number =>
  unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit

/**
 * Orders two ids as PostgreSQL's COLLATE "C" does on UTF-8 text: by bytes, which is by code
 * points. JavaScript's `<` compares UTF-16 units and differs where a character beyond U+FFFF
 * (a surrogate pair) meets one in U+E000–U+FFFF.
 */
export function compareBytewise(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

/**
 * Whether the batch's ids ascend strictly in COLLATE "C" order, the first above `after`
 * (null: no bound). Such rows cannot repeat one another, nor any id up to `after`.
 */
export function idsAscendAbove(batch: SessionBatch, after: string | null): boolean {
  let previous = after
  for (let i = 0; i < batch.count; i++) {
    const id = batch.texts[i * TEXT_STRIDE]!
    if (previous !== null && compareBytewise(id, previous) <= 0) return false
    previous = id
  }
  return true
}

/** The batch's last id (the batch is not empty). */
export const lastIdOf = (batch: SessionBatch): string =>
  batch.texts[(batch.count - 1) * TEXT_STRIDE]!
