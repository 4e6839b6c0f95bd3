import { describe, expect, it } from 'vitest'
import { rankOf, retrievalScores } from './retrievalMetrics'

describe('retrieval metrics', () => {
  it('ranks the first expected id, matching a section to its passages', () => {
    expect(rankOf(['A', 'shipping#2', 'B'], ['shipping'])).toBe(2)
    expect(rankOf(['shippingX'], ['shipping'])).toBeNull()
    expect(rankOf(['A', 'B'], ['B', 'A'])).toBe(1)
  })

  it('computes recall@1, recall@3 and MRR per group and overall', () => {
    const scores = retrievalScores([
      { group: 'en', rank: 1 },
      { group: 'en', rank: 3 },
      { group: 'es', rank: null },
      { group: 'es', rank: 2 }
    ])
    expect(scores['en']).toEqual({
      questions: 2,
      recallAt1: 0.5,
      recallAt3: 1,
      mrr: (1 + 1 / 3) / 2
    })
    expect(scores['es']).toEqual({ questions: 2, recallAt1: 0, recallAt3: 0.5, mrr: 0.25 })
    expect(scores['all']?.questions).toBe(4)
  })
})
