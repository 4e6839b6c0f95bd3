import { describe, expect, it } from 'vitest'
import { CompactIdSet } from './CompactIdSet'

describe('CompactIdSet', () => {
  it('answers exactly like a Set across growth, including empty, long and non-ASCII ids', () => {
    const compact = new CompactIdSet()
    const reference = new Set<string>()
    const ids = [
      '',
      'S01',
      'S1',
      'é',
      'ééé',
      '会話-42',
      'x'.repeat(5000),
      ...Array.from({ length: 50_000 }, (_, i) => `id-${(i * 7919) % 30_011}`)
    ]
    for (const id of ids) {
      expect(compact.add(id)).toBe(!reference.has(id))
      reference.add(id)
    }
    expect(compact.size).toBe(reference.size)
  })

  it('tells apart ids whose hashes collide', () => {
    // FNV-1a collisions are rare; force the path by filling a tiny table with many ids.
    const set = new CompactIdSet()
    const seen = new Set<string>()
    for (let i = 0; i < 200_000; i++) {
      const id = (i * 2654435761).toString(36)
      expect(set.add(id)).toBe(!seen.has(id))
      seen.add(id)
    }
    expect(set.size).toBe(seen.size)
  })
})
