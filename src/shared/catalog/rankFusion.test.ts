import { describe, expect, it } from 'vitest'
import { fuseRankings, RRF_K } from './rankFusion'

describe('fuseRankings', () => {
  it('rewards ids ranked well by several rankings', () => {
    const fused = fuseRankings([
      ['a', 'b', 'c'],
      ['b', 'c', 'd']
    ])
    expect(fused.map((f) => f.id)).toEqual(['b', 'c', 'a', 'd'])
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1), 12)
  })
  it('keeps a single ranking as it is', () => {
    expect(fuseRankings([['x', 'y']]).map((f) => f.id)).toEqual(['x', 'y'])
    expect(fuseRankings([])).toEqual([])
  })
  it('breaks ties in favour of the first ranking', () => {
    expect(fuseRankings([['v'], ['l']]).map((f) => f.id)).toEqual(['v', 'l'])
    expect(fuseRankings([['l'], ['v']]).map((f) => f.id)).toEqual(['l', 'v'])
  })
})
