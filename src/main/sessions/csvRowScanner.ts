import { growTypedArray } from '../../shared/collections/growTypedArray'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** The scanner cannot say what Papa Parse would make of the bytes: readLabCsv must read them. */
export class NotPlainCsv extends Error {}

/**
 * Finds the rows and fields of CSV bytes as Papa Parse splits their text (RFC 4180): a field
 * that starts with a quote runs to the quote that is not doubled, and may hold separators and
 * newlines; a quote elsewhere is an ordinary character; rows end at the file's newline (CRLF:
 * a lone LF or CR stays in the field). What Papa Parse would report or read loosely (a closing
 * quote followed by anything but a separator, the newline or the end, an unclosed quote) throws
 * NotPlainCsv, so the reader hands the file to readLabCsv.
 */
export class CsvRowScanner {
  /** Field k of the last row is buffer[starts[k], ends[k]), quotes excluded. */
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  count = 0
  /** A field of the last row holds a doubled quote (its text is not its bytes). */
  escaped = false
  /** Quoted[k]: field k was quoted (only kept when escaped is set). */
  quoted = new Int32Array(64)

  constructor(
    readonly separator: number,
    readonly crlf: boolean
  ) {}

  /**
   * Scans the row that starts at `p`; returns the offset after its newline (or `end` for the
   * last row of the file), or -1 when the row does not end before `end` and more bytes follow.
   */
  scan(buffer: Uint8Array, p: number, end: number, last: boolean): number {
    const separator = this.separator
    const crlf = this.crlf
    const special = separator > LF ? separator : LF
    this.count = 0
    this.escaped = false
    let i = p
    for (;;) {
      if (this.count >= this.starts.length) this.grow()
      const k = this.count++
      if (i < end && buffer[i] === QUOTE) {
        this.quoted[k] = 1
        let q = i + 1
        for (;;) {
          q = nextQuote(buffer, q, end)
          if (q === -1) {
            if (last) throw new NotPlainCsv() // unclosed quote
            return -1
          }
          if (q + 1 < end && buffer[q + 1] === QUOTE) {
            this.escaped = true
            q += 2
            continue
          }
          break
        }
        this.starts[k] = i + 1
        this.ends[k] = q
        i = q + 1
        if (i >= end) {
          if (!last) return -1
          return end
        }
        const c = buffer[i]
        if (c === separator) {
          i++
          continue
        }
        if (crlf) {
          if (c !== CR) throw new NotPlainCsv()
          if (i + 1 >= end) {
            if (!last) return -1
            throw new NotPlainCsv()
          }
          if (buffer[i + 1] !== LF) throw new NotPlainCsv()
          return i + 2
        }
        if (c !== LF) throw new NotPlainCsv()
        return i + 1
      }
      this.quoted[k] = 0
      this.starts[k] = i
      for (; ; i++) {
        i = nextSpecial(buffer, i, end, special)
        if (i >= end) break
        const c = buffer[i]
        if (c === separator) break
        if (c === LF) {
          if (!crlf) break
          if (i > p && buffer[i - 1] === CR && i - 1 >= this.starts[k]!) {
            i--
            break
          }
        }
      }
      if (i >= end) {
        if (!last) return -1
        this.ends[k] = end
        return end
      }
      this.ends[k] = i
      const c = buffer[i]
      if (c === separator) {
        i++
        continue
      }
      return c === LF ? i + 1 : i + 2 // LF, or the CR of CRLF
    }
  }

  private grow(): void {
    const n = this.starts.length * 2
    this.starts = growTypedArray(this.starts, n)
    this.ends = growTypedArray(this.ends, n)
    this.quoted = growTypedArray(this.quoted, n)
  }
}

/** Bytes a quoted field is searched byte by byte before indexOf takes over. */
const NEAR = 64

/**
 * The first quote in buffer[from, end), or -1. Fields are short: a loop over their few bytes
 * beats a call to indexOf per field (a third of the scan of a quoted file went into those
 * calls); a long field is left to indexOf.
 */
function nextQuote(buffer: Uint8Array, from: number, end: number): number {
  const near = Math.min(end, from + NEAR)
  for (let i = from; i < near; i++) if (buffer[i] === QUOTE) return i
  if (near === end) return -1
  const q = buffer.indexOf(QUOTE, near)
  return q === -1 || q >= end ? -1 : q
}

/**
 * The first byte in buffer[from, end) at or below `special` (the separator, LF and a few
 * others; letters and digits are above), or `end`: one comparison a byte of a plain field.
 */
function nextSpecial(buffer: Uint8Array, from: number, end: number, special: number): number {
  for (let i = from; i < end; i++) if (buffer[i]! <= special) return i
  return end
}
