import { describe, expect, it } from 'vitest'
import { sortRows } from '../../../tools/cli/sortRows'

function random(seed: number): () => number {
  let s = seed
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32
}

describe('sortRows', () => {
  // Keys by row, so the comparator works through an indirection as compareIds does.
  it.each([0, 1, 2, 3, 64, 65, 1_000, 4_097])('sorts %i rows in every shape', (n) => {
    const r = random(n + 1)
    const shapes: number[][] = [
      Array.from({ length: n }, () => Math.floor(r() * 1e9)), // random
      Array.from({ length: n }, (_, i) => i), // in order
      Array.from({ length: n }, (_, i) => n - i), // reversed
      Array.from({ length: n }, (_, i) => (i < n - 5 ? i + 10 : i - n + 5)), // a late few first
      Array.from({ length: n }, (_, i) => (i % 100 === 0 ? -i : i)) // scattered
    ]
    for (const keys of shapes) {
      const rows = Uint32Array.from(keys, (_, i) => i)
      const byKey = (a: number, b: number): number => keys[a]! - keys[b]!
      const expected = [...rows].sort(byKey)
      expect([...sortRows(rows, byKey)]).toEqual(expected)
    }
  })
})
