import { describe, expect, it } from 'vitest'
import { rankedRows } from '../../../src/main/sessions/rankedRows'

// A page of rows by value must be the slice of the full stable sort (ties in row order, as the
// SQL's `ORDER BY column dir, session_id`), whichever buckets of the values' bits its ranks fall
// in: checked at the edges of the buckets of the top 16 and top 32 bits, where the selection
// changes what it keeps.

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => (state = (state * 48271) % 2147483647) / 2147483647
}

/** NaN above everything (as PostgreSQL orders it, and as its bits do), -0 equal to 0. */
const compare = (a: number, b: number): number =>
  Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a < b ? -1 : a > b ? 1 : 0

/** The full order: a stable sort of the rows, which are in row order. */
function fullOrder(values: Float64Array, rows: readonly number[], descending: boolean): number[] {
  const sign = descending ? -1 : 1
  return [...rows].sort((a, b) => sign * compare(values[a]!, values[b]!))
}

/** The ranks where a value's top `bits` bits change in `order`: the selection's bucket edges. */
function edges(values: Float64Array, order: number[], bits: 16 | 32): number[] {
  const top = (row: number): number => {
    const value = values[row] === 0 ? 0 : values[row]!
    const high = new Uint32Array(Float64Array.of(value).buffer)[1]!
    return bits === 16 ? high >>> 16 : high
  }
  return order.flatMap((row, rank) =>
    rank > 0 && top(row) !== top(order[rank - 1]!) ? [rank] : []
  )
}

function checkPages(values: Float64Array, rows: number[], what: string): void {
  const selected = Uint32Array.from(rows)
  for (const descending of [false, true]) {
    const order = fullOrder(values, rows, descending)
    // Up to 15 edges of each kind, spread over the order.
    const some = (all: number[]): number[] =>
      all.filter((_, k) => k % Math.max(1, Math.ceil(all.length / 15)) === 0)
    const around = [...some(edges(values, order, 16)), ...some(edges(values, order, 32))]
    const offsets = new Set([
      0,
      1,
      rows.length - 200,
      rows.length - 1,
      rows.length,
      rows.length + 5
    ])
    for (const edge of around) for (let d = -2; d <= 1; d++) offsets.add(edge + d)
    for (const offset of offsets)
      for (const limit of [1, 200]) {
        if (offset < 0) continue
        const page = [...rankedRows(values, selected, descending, offset, limit)]
        expect(page, `${what} ${descending ? 'desc' : 'asc'} @${offset}+${limit}`).toEqual(
          order.slice(offset, offset + limit)
        )
      }
  }
}

const rowsOf = (n: number): number[] => Array.from({ length: n }, (_, row) => row)

describe('rankedRows', () => {
  it('pages small whole numbers with many ties (interruptions), 0 and -0 alike', () => {
    const next = random(3)
    const values = Float64Array.from({ length: 12_000 }, () => {
      const n = Math.floor(next() * 7)
      return n === 0 && next() < 0.5 ? -0 : n
    })
    checkPages(values, rowsOf(values.length), 'ties')
  })

  it('pages latencies with ties, and those of a filter (rows not all, nor contiguous)', () => {
    const next = random(11)
    const values = Float64Array.from({ length: 16_000 }, () =>
      next() < 0.3 ? 180 : Math.round((60 + next() * 2_000) * 10) / 10
    )
    checkPages(values, rowsOf(values.length), 'latencies')
    const filtered = rowsOf(values.length).filter((row) => row % 3 !== 1 && next() < 0.8)
    checkPages(values, filtered, 'latencies filtered')
  })

  it('narrows by the lower bits when values share their top 16 or 32 bits', () => {
    const next = random(5)
    // 128 ≤ v < 128.5: one bucket of the top 16 bits; some differ only in their low 32 bits.
    const values = Float64Array.from({ length: 12_000 }, (_, i) =>
      i % 4 === 0
        ? 128 + Math.floor(next() * 50) * 2 ** -45
        : 128 + Math.floor(next() * 5_000) / 10_000
    )
    checkPages(values, rowsOf(values.length), 'one bucket')
  })

  it('pages few rows (sorted outright), NaN and Infinity included', () => {
    const next = random(9)
    const values = Float64Array.from({ length: 700 }, (_, i) =>
      i % 50 === 0 ? NaN : i % 45 === 0 ? Infinity : Math.floor(next() * 30) / 2
    )
    checkPages(values, rowsOf(values.length), 'few')
    const large = Float64Array.from({ length: 9_000 }, (_, i) =>
      i % 500 === 0 ? NaN : i % 450 === 0 ? Infinity : Math.floor(next() * 3_000) / 2
    )
    checkPages(large, rowsOf(large.length), 'NaN, Infinity')
  })

  it('gives nothing past the end, for no rows, or for no limit', () => {
    const values = Float64Array.of(3, 1, 2)
    expect([...rankedRows(values, Uint32Array.of(0, 1, 2), false, 3, 10)]).toEqual([])
    expect([...rankedRows(values, new Uint32Array(0), true, 0, 10)]).toEqual([])
    expect([...rankedRows(values, Uint32Array.of(0, 1, 2), false, 0, 0)]).toEqual([])
    expect([...rankedRows(values, Uint32Array.of(0, 2), true, 0, 10)]).toEqual([0, 2])
  })
})
