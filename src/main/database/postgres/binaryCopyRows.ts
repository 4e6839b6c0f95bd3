/** PGCOPY\n\377\r\n\0: the signature that opens COPY's binary format. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
/** Signature, flags (int32), header extension length (int32). */
const HEADER_BYTES = SIGNATURE.length + 8
/**
 * Bytes of the next chunk joined to a row cut at a chunk's edge: enough for the rest of a row
 * in practice (a report row is about 100 bytes), so the whole chunk is not copied to finish it.
 */
const JOIN_BYTES = 4096

/**
 * Reads COPY … TO STDOUT (FORMAT binary) as it arrives, in chunks cut anywhere: each tuple is
 * handed to `onRow` as the buffer holding it and a DataView of that buffer (its numbers read
 * faster there than with Buffer's readers), with every field's start and length (−1: NULL) in
 * `starts` and `lengths`, which are reused from one row to the next (no object per row). Every
 * row must have `fields` fields.
 */
export class BinaryCopyRows {
  readonly starts: Int32Array
  readonly lengths: Int32Array
  private rest: Buffer | null = null
  private headerRead = false
  private ended = false

  constructor(
    private readonly fields: number,
    private readonly onRow: (buffer: Buffer, view: DataView) => void
  ) {
    this.starts = new Int32Array(fields)
    this.lengths = new Int32Array(fields)
  }

  push(chunk: Buffer): void {
    this.pushRange(
      chunk,
      new DataView(chunk.buffer, chunk.byteOffset, chunk.length),
      0,
      chunk.length
    )
  }

  /** The next bytes of the copy: buffer[from, to), `view` viewing `buffer` whole. */
  pushRange(buffer: Buffer, view: DataView, from: number, to: number): void {
    if (this.ended) throw new Error('binary COPY: data after the end of the copy')
    let at = from
    if (!this.headerRead || this.rest) {
      // What was left of the last range, joined to this one's head (or to all of it).
      const rest = this.rest ?? Buffer.alloc(0)
      this.rest = null
      const head = this.headerRead ? Math.min(to - from, JOIN_BYTES) : to - from
      const joined = Buffer.concat([rest, buffer.subarray(from, from + head)])
      const joinedView = new DataView(joined.buffer, joined.byteOffset, joined.length)
      let start = 0
      if (!this.headerRead) {
        start = this.header(joined)
        if (start < 0) {
          this.rest = joined
          return
        }
      }
      const done = this.rows(joined, joinedView, start, joined.length)
      if (done > rest.length) at = from + done - rest.length
      else if (head === to - from) {
        // The row goes on past this range too.
        this.rest = joined.subarray(done)
        return
      } else {
        // A row longer than JOIN_BYTES: this range joined whole after all.
        const whole = Buffer.concat([rest.subarray(done), buffer.subarray(from, to)])
        this.rest = null
        return this.pushRange(
          whole,
          new DataView(whole.buffer, whole.byteOffset, whole.length),
          0,
          whole.length
        )
      }
    }
    at = this.rows(buffer, view, at, to)
    if (at < to) {
      if (this.ended) throw new Error('binary COPY: data after the end of the copy')
      this.rest = Buffer.from(buffer.subarray(at, to))
    }
  }

  /** Throws unless the copy ended with its trailer and nothing was left over. */
  end(): void {
    if (!this.ended || this.rest !== null) throw new Error('binary COPY: the copy was cut short')
  }

  /** The offset after the header, or −1 when it is not all there yet. */
  private header(buffer: Buffer): number {
    if (buffer.length < HEADER_BYTES) return -1
    if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
      throw new Error('binary COPY: not a binary COPY signature')
    const extension = buffer.readInt32BE(SIGNATURE.length + 4)
    if (buffer.length < HEADER_BYTES + extension) return -1
    this.headerRead = true
    return HEADER_BYTES + extension
  }

  /** Reads the whole tuples in [at, end): the offset after the last of them. */
  private rows(buffer: Buffer, view: DataView, at: number, end: number): number {
    const { starts, lengths, fields } = this
    while (!this.ended && at + 2 <= end) {
      const count = view.getInt16(at)
      if (count === -1) {
        this.ended = true
        return at + 2
      }
      if (count !== fields)
        throw new Error(`binary COPY: a row of ${count} fields, expected ${fields}`)
      let p = at + 2
      for (let f = 0; f < count; f++) {
        if (p + 4 > end) return at
        const length = view.getInt32(p)
        p += 4
        starts[f] = p
        lengths[f] = length
        if (length > 0) p += length
      }
      if (p > end) return at
      this.onRow(buffer, view)
      at = p
    }
    return at
  }
}
