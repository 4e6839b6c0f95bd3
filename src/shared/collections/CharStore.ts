import { growTypedArray } from './growTypedArray'

/**
 * Many strings as UTF-16 code units in one typed array: no string object per entry, so
 * millions of ids cost ~2 bytes a character and nothing for the garbage collector to trace.
 */
export class CharStore {
  private chars = new Uint16Array(1 << 14)
  private starts = new Uint32Array(1025) // starts[n] = end of entry n - 1
  private count = 0

  get size(): number {
    return this.count
  }

  /** Makes room for `entries` more strings of about `charsEach` characters, in one allocation. */
  reserve(entries: number, charsEach: number): void {
    const starts = this.count + entries + 1
    if (starts > this.starts.length) this.starts = growTypedArray(this.starts, starts)
    const chars = (this.starts[this.count] ?? 0) + entries * charsEach
    if (chars > this.chars.length) this.chars = growTypedArray(this.chars, chars)
  }

  /** Appends a string; returns its index. */
  push(value: string): number {
    const at = this.count++
    if (at + 1 >= this.starts.length) this.starts = growTypedArray(this.starts, at + 2)
    const start = this.starts[at]!
    if (start + value.length > this.chars.length)
      this.chars = growTypedArray(this.chars, start + value.length)
    for (let i = 0; i < value.length; i++) this.chars[start + i] = value.charCodeAt(i)
    this.starts[at + 1] = start + value.length
    return at
  }

  equals(at: number, value: string): boolean {
    const start = this.starts[at]!
    if (this.starts[at + 1]! - start !== value.length) return false
    for (let i = 0; i < value.length; i++)
      if (this.chars[start + i] !== value.charCodeAt(i)) return false
    return true
  }

  get(at: number): string {
    return decodeCodeUnits(this.chars, this.starts[at]!, this.starts[at + 1]!)
  }
}

/** The string held as UTF-16 code units in chars[start, end). */
export function decodeCodeUnits(chars: Uint16Array, start: number, end: number): string {
  let text = ''
  if (end - start <= 32) {
    // Short ids: a char loop is the fastest decode (measured against apply, TextDecoder).
    for (let i = start; i < end; i++) text += String.fromCharCode(chars[i]!)
    return text
  }
  for (let i = start; i < end; i += 4096) {
    const part = chars.subarray(i, Math.min(end, i + 4096))
    text += String.fromCharCode.apply(null, part as unknown as number[])
  }
  return text
}
