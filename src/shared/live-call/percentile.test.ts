import { describe, expect, it } from 'vitest'
import { p50p95, percentile } from './percentile'

// Expected values printed by numpy 2.4 (`float(np.percentile(a, q))`, default method "linear"),
// compared exactly: the interpolation must match numpy bit for bit.
const NUMPY: [number[], number, number, number][] = [
  // values, P50, P95, P90
  [[10, 20, 30, 40], 25.0, 38.5, 37.0],
  [[85, 92, 88, 90, 75, 95, 82, 110, 130, 99], 91.0, 120.99999999999997, 112.0],
  [
    [412.3, 530.1, 388.9, 1200.4, 615.0, 471.2, 702.8],
    530.1,
    1051.1199999999997,
    901.8400000000001
  ],
  [[5], 5.0, 5.0, 5.0],
  [[1, 2], 1.5, 1.95, 1.9],
  [[0.1, 0.2, 0.3], 0.2, 0.29, 0.28],
  [[100, 100, 100, 250], 100.0, 227.49999999999994, 205.00000000000003],
  // Where numpy's _lerp and a plain a + (b - a) * t differ in the last bit:
  [[952.5, 757.6, 357.4, 675.3], 716.45, 923.265, 894.0300000000001],
  [[989.1, 597.5, 345.7], 597.5, 949.9399999999999, 910.78]
]

describe('percentile (numpy linear)', () => {
  it.each(NUMPY)('matches numpy on %j', (values, p50, p95, p90) => {
    expect(percentile(values, 0.5)).toBe(p50)
    expect(percentile(values, 0.95)).toBe(p95)
    expect(percentile(values, 0.9)).toBe(p90)
  })

  it('interpolates between closest ranks: [10,20,30,40] P95 = 38.5, not a nearest rank', () => {
    expect(p50p95([40, 10, 30, 20])).toEqual({ p50: 25, p95: 38.5 })
  })

  it('is null for no values, exact at the ends, and leaves its input unsorted', () => {
    const values = [3, 1, 2]
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile(values, 0)).toBe(1)
    expect(percentile(values, 1)).toBe(3)
    expect(values).toEqual([3, 1, 2])
  })

  it('rejects a fraction outside [0, 1] (95 instead of 0.95)', () => {
    expect(() => percentile([1, 2], 95)).toThrow(RangeError)
  })
})
