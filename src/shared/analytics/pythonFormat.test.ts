import { describe, expect, it } from 'vitest'
import { formatFixed } from './pythonFormat'

describe("formatFixed matches Python's f'{x:.Nf}'", () => {
  it.each([
    [89.33333333333333, 1, '89.3'],
    [187.53333333333333, 1, '187.5'],
    [80, 0, '80'],
    [0.125, 2, '0.12'], // exact tie: half to even
    [0.375, 2, '0.38'],
    [12.5, 0, '12'],
    [13.5, 0, '14'],
    [2.675, 2, '2.67'], // not a tie in binary: below 2.675
    [-0.125, 2, '-0.12'],
    [90.07692307692308, 1, '90.1']
  ])('%s with %s digits → %s', (x, digits, expected) => {
    expect(formatFixed(x, digits)).toBe(expected)
  })
  it('prints nan and inf like Python', () => {
    expect(formatFixed(NaN, 1)).toBe('nan')
    expect(formatFixed(Infinity, 1)).toBe('inf')
  })
})
