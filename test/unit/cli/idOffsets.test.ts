import { describe, expect, it } from 'vitest'
import { IdOffsets } from '../../../tools/cli/idOffsets'

/** Sets offsets 0..n as IdColumn does (each set again by a rejected candidate at times). */
function fill(offsets: IdOffsets, lengths: number[]): number[] {
  const expected = [0]
  offsets.set(0, 0)
  for (let n = 1; n <= lengths.length; n++) {
    offsets.resize(n + 1, false)
    const value = expected[n - 1]! + lengths[n - 1]!
    if (n % 7 === 0) offsets.set(n, value + 99) // a candidate dropped, then another written
    offsets.set(n, value)
    expected.push(value)
  }
  return expected
}

describe('IdOffsets', () => {
  it('gives back every offset while ids are short (2 bytes an offset)', () => {
    const offsets = new IdOffsets()
    const lengths = Array.from({ length: 5_000 }, (_, i) => (i * 37) % 200)
    const expected = fill(offsets, lengths)
    expected.forEach((value, n) => expect(offsets.get(n)).toBe(value))
  })

  it('moves to 4 bytes an offset, losing none, when a block of 256 spans 64 Ki code units', () => {
    const offsets = new IdOffsets()
    const lengths = Array.from({ length: 3_000 }, (_, i) => (i > 1_000 && i < 1_300 ? 400 : 11))
    const expected = fill(offsets, lengths)
    expected.forEach((value, n) => expect(offsets.get(n)).toBe(value))
  })

  it('keeps what it holds through a reservation', () => {
    const offsets = new IdOffsets()
    const expected = fill(
      offsets,
      Array.from({ length: 2_000 }, () => 10)
    )
    offsets.resize(1_000_000, true)
    expect(offsets.capacity).toBe(1_000_000)
    expected.forEach((value, n) => expect(offsets.get(n)).toBe(value))
    offsets.set(2_001, expected[2_000]! + 3)
    expect(offsets.get(2_001)).toBe(expected[2_000]! + 3)
  })
})
