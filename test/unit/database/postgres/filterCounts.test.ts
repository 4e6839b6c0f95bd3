import { describe, expect, it } from 'vitest'
import { FilterCounts } from '../../../../src/main/database/postgres/filterCounts'

describe('FilterCounts', () => {
  it('answers a filter counted at the same version, and nothing once the version moved', () => {
    const counts = new FilterCounts()
    counts.set('{}', '7', 1_000_000)
    expect(counts.get('{}', '7')).toBe(1_000_000)
    expect(counts.get('{}', '8')).toBeUndefined()
    expect(counts.get('{"language":["es"]}', '7')).toBeUndefined()
    counts.set('{}', '8', 1_000_001)
    expect(counts.get('{}', '8')).toBe(1_000_001)
    expect(counts.get('{}', '7')).toBeUndefined()
  })

  it('forgets the least recently used filter beyond its size', () => {
    const counts = new FilterCounts(2)
    counts.set('a', '1', 1)
    counts.set('b', '1', 2)
    expect(counts.get('a', '1')).toBe(1) // a is now the most recently used
    counts.set('c', '1', 3)
    expect(counts.get('b', '1')).toBeUndefined()
    expect(counts.get('a', '1')).toBe(1)
    expect(counts.get('c', '1')).toBe(3)
  })
})
