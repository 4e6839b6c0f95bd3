/** PGCOPY\n\377\r\n\0: the signature that opens COPY's binary format. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
/** Signature, flags (int32), header extension length (int32). */
const HEADER_BYTES = SIGNATURE.length + 8

/**
 * Reads COPY … TO STDOUT (FORMAT binary) as it arrives, in chunks cut anywhere: each tuple is
 * handed to `onRow` as the buffer holding it, with every field's start and length (−1: NULL)
 * in `starts` and `lengths`, which are reused from one row to the next (no object per row).
 * Every row must have `fields` fields.
 */
export class BinaryCopyRows {
  readonly starts: Int32Array
  readonly lengths: Int32Array
  private rest: Buffer | null = null
  private headerRead = false
  private ended = false

  constructor(
    private readonly fields: number,
    private readonly onRow: (buffer: Buffer) => void
  ) {
    this.starts = new Int32Array(fields)
    this.lengths = new Int32Array(fields)
  }

  push(chunk: Buffer): void {
    if (this.ended) throw new Error('binary COPY: data after the end of the copy')
    const buffer = this.rest ? Buffer.concat([this.rest, chunk]) : chunk
    let at = 0
    if (!this.headerRead) {
      if (buffer.length < HEADER_BYTES) {
        this.rest = buffer
        return
      }
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new Error('binary COPY: not a binary COPY signature')
      const extension = buffer.readInt32BE(SIGNATURE.length + 4)
      if (buffer.length < HEADER_BYTES + extension) {
        this.rest = buffer
        return
      }
      at = HEADER_BYTES + extension
      this.headerRead = true
    }
    for (;;) {
      const next = this.row(buffer, at)
      if (next < 0) break
      at = next
      if (this.ended) break
    }
    this.rest = at < buffer.length ? Buffer.from(buffer.subarray(at)) : null
  }

  /** Throws unless the copy ended with its trailer and nothing was left over. */
  end(): void {
    if (!this.ended || this.rest !== null) throw new Error('binary COPY: the copy was cut short')
  }

  /** Reads the tuple at `at`: the offset after it, or −1 when it is not all there yet. */
  private row(buffer: Buffer, at: number): number {
    if (at + 2 > buffer.length) return -1
    const count = buffer.readInt16BE(at)
    if (count === -1) {
      this.ended = true
      return at + 2
    }
    if (count !== this.fields)
      throw new Error(`binary COPY: a row of ${count} fields, expected ${this.fields}`)
    let p = at + 2
    for (let f = 0; f < count; f++) {
      if (p + 4 > buffer.length) return -1
      const length = buffer.readInt32BE(p)
      p += 4
      this.starts[f] = p
      this.lengths[f] = length
      if (length > 0) p += length
      if (p > buffer.length) return -1
    }
    this.onRow(buffer)
    return p
  }
}
