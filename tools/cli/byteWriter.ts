/** Bytes appended to a growing Uint8Array. */
export class ByteWriter {
  private buffer: Uint8Array
  length = 0

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity)
  }

  byte(b: number): void {
    this.ensure(1)
    this.buffer[this.length++] = b
  }

  bytes(bytes: Uint8Array): void {
    const n = bytes.length
    this.ensure(n)
    // Keys and category values are a few bytes: a loop beats a call to set() for each.
    if (n > 32) this.buffer.set(bytes, this.length)
    else {
      const buffer = this.buffer
      const at = this.length
      for (let i = 0; i < n; i++) buffer[at + i] = bytes[i]!
    }
    this.length += n
  }

  /** Code units known to be ASCII, between two `quote` bytes. */
  ascii(chars: Uint8Array | Uint16Array, start: number, end: number, quote: number): void {
    this.ensure(end - start + 2)
    const buffer = this.buffer
    let at = this.length
    buffer[at++] = quote
    for (let i = start; i < end; i++) buffer[at++] = chars[i]!
    buffer[at++] = quote
    this.length = at
  }

  /** JSON.stringify(value), digits written directly for whole numbers. */
  number(value: number): void {
    // Small whole numbers (all the tables' durations, P95s and counts): integer arithmetic.
    if (value >= 0 && value < 0x80000000 && (value | 0) === value) {
      let v = value | 0
      const digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : String(v).length
      this.ensure(digits)
      const buffer = this.buffer
      for (let i = this.length + digits - 1; i >= this.length; i--) {
        buffer[i] = 0x30 + (v % 10)
        v = (v / 10) | 0
      }
      this.length += digits
      return
    }
    if (Number.isInteger(value) && value >= 0 && value < 1e15) {
      if (value === 0) return this.byte(0x30)
      let digits = 0
      for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++
      this.ensure(digits)
      let v = value
      for (let i = this.length + digits - 1; i >= this.length; i--) {
        this.buffer[i] = 0x30 + (v % 10)
        v = Math.floor(v / 10)
      }
      this.length += digits
      return
    }
    const text = JSON.stringify(value)
    this.ensure(text.length)
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i)
  }

  take(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buffer.length) return
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n))
    bigger.set(this.buffer.subarray(0, this.length))
    this.buffer = bigger
  }
}
