import { describe, expect, it } from 'vitest'
import { BinaryCopyRows } from '../../../../src/main/database/postgres/binaryCopyRows'

/** COPY's binary format: signature, flags, a 4-byte header extension, tuples, trailer. */
function binaryCopy(rows: (Buffer | null)[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')]
  const int32 = (n: number): Buffer => {
    const b = Buffer.alloc(4)
    b.writeInt32BE(n)
    return b
  }
  const int16 = (n: number): Buffer => {
    const b = Buffer.alloc(2)
    b.writeInt16BE(n)
    return b
  }
  parts.push(int32(0), int32(4), Buffer.from('ext!'))
  for (const row of rows) {
    parts.push(int16(row.length))
    for (const field of row)
      parts.push(field === null ? int32(-1) : int32(field.length), field ?? Buffer.alloc(0))
  }
  parts.push(int16(-1))
  return Buffer.concat(parts)
}

const double = (n: number): Buffer => {
  const b = Buffer.alloc(8)
  b.writeDoubleBE(n)
  return b
}

/** Each row as [text, text or null, number]. */
function read(chunks: Buffer[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = []
  const reader = new BinaryCopyRows(3, (buffer, view) => {
    const { starts, lengths } = reader
    rows.push([
      buffer.toString('utf8', starts[0]!, starts[0]! + lengths[0]!),
      lengths[1]! < 0 ? null : buffer.toString('utf8', starts[1]!, starts[1]! + lengths[1]!),
      view.getFloat64(starts[2]!)
    ])
  })
  for (const chunk of chunks) reader.push(chunk)
  reader.end()
  return rows
}

describe('BinaryCopyRows', () => {
  const data = binaryCopy([
    [Buffer.from('TAB\tNL\n'), Buffer.from('ñ €'), double(410.5)],
    [Buffer.from('B'), null, double(0)],
    [Buffer.from(''), Buffer.from(''), double(-1e300)]
  ])
  const expected = [
    ['TAB\tNL\n', 'ñ €', 410.5],
    ['B', null, 0],
    ['', '', -1e300]
  ]

  it('reads every row, NULL and empty fields apart, from one chunk', () => {
    expect(read([data])).toEqual(expected)
  })

  it('reads the same rows whatever byte the data is cut at, once or byte by byte', () => {
    for (let cut = 1; cut < data.length; cut++)
      expect(read([data.subarray(0, cut), data.subarray(cut)]), `cut at ${cut}`).toEqual(expected)
    expect(read([...data].map((byte) => Buffer.from([byte])))).toEqual(expected)
  })

  it('reads ranges of larger buffers, cut anywhere (as the socket gives the messages)', () => {
    for (let cut = 1; cut < data.length; cut++) {
      const junk = Buffer.from('##junk##')
      const buffer = Buffer.concat([junk, data.subarray(0, cut), junk, data.subarray(cut), junk])
      const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.length)
      const rows: unknown[] = []
      const reader = new BinaryCopyRows(3, (b, v) =>
        rows.push([
          b.toString('utf8', reader.starts[0]!, reader.starts[0]! + reader.lengths[0]!),
          v.getFloat64(reader.starts[2]!)
        ])
      )
      reader.pushRange(buffer, view, junk.length, junk.length + cut)
      reader.pushRange(buffer, view, 2 * junk.length + cut, buffer.length - junk.length)
      reader.end()
      expect(rows, `cut at ${cut}`).toEqual(expected.map(([id, , n]) => [id, n]))
    }
  })

  it('reads rows longer than the bytes it joins at an edge, cut anywhere, in three chunks', () => {
    const long = 'x'.repeat(5_000)
    const rows = [
      [Buffer.from('A'), Buffer.from(long), double(1)],
      [Buffer.from('B'), Buffer.from('b'), double(2)],
      [Buffer.from(long + 'C'), null, double(3)],
      [Buffer.from('D'), Buffer.from('d'), double(4)]
    ]
    const bytes = binaryCopy(rows)
    const want = [
      ['A', long, 1],
      ['B', 'b', 2],
      [long + 'C', null, 3],
      ['D', 'd', 4]
    ]
    for (let cut = 1; cut < bytes.length; cut += 97)
      for (const second of [cut + 1, cut + 40, cut + 4_500, cut + 6_000].filter(
        (s) => s < bytes.length
      ))
        expect(
          read([bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)]),
          `cut at ${cut} and ${second}`
        ).toEqual(want)
  })

  it('refuses a copy cut short, a row of another width, and a text copy', () => {
    expect(() => read([data.subarray(0, data.length - 2)])).toThrow(/cut short/)
    const wide = binaryCopy([[Buffer.from('A'), Buffer.from('B'), double(1), double(2)]])
    expect(() => read([wide])).toThrow(/4 fields, expected 3/)
    expect(() => read([Buffer.from('A\tB\t1\n'.repeat(4))])).toThrow(/signature/)
    expect(() => read([data, Buffer.from([0])])).toThrow(/after the end/)
    expect(() => read([Buffer.concat([data, Buffer.from([0])])])).toThrow(/after the end/)
  })
})
