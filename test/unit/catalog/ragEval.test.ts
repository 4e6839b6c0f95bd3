import { describe, expect, it } from 'vitest'
import { offlineEmbeddings } from '../../../src/main/catalog/embeddings/offlineEmbeddings'
import { loadCatalogSources } from '../../../src/main/catalog/loadCatalogSources'
import { retrievalScores } from '../../../src/shared/catalog/retrievalMetrics'
import { evaluateSearch } from '../../../tools/eval/evaluateSearch'
import { loadRagEvalSet } from '../../../tools/eval/ragEvalSet'
import { lexicalVariant, TOOLS_VARIANT, vectorVariants } from '../../../tools/eval/searchVariants'
import { RESOURCES_DIR } from '../../support/tempDir'

const sources = loadCatalogSources(RESOURCES_DIR)
const items = loadRagEvalSet()

describe('the RAG evaluation set', () => {
  it('has at least 60 questions, 20 per language, and every expected id exists', () => {
    expect(items.length).toBeGreaterThanOrEqual(60)
    for (const lang of ['en', 'es', 'fr'])
      expect(items.filter((i) => i.lang === lang).length).toBeGreaterThanOrEqual(20)
    const ids = new Set([
      ...sources.products.map((p) => p.sku),
      ...Object.keys(sources.knowledge.sections),
      ...sources.knowledge.faqs.map((f) => f.id),
      ...sources.knowledge.product_guides.map((g) => g.id)
    ])
    for (const item of items)
      for (const id of item.expected) expect(ids, `${item.query}: ${id}`).toContain(id)
  })

  it('keeps lexical search with the glossary at recall@3 ≥ 0.85 overall and ≥ 0.75 per language', async () => {
    const scores = retrievalScores(await evaluateSearch(lexicalVariant(sources, true), items))
    expect(scores['all']!.recallAt3).toBeGreaterThanOrEqual(0.85)
    for (const lang of ['en', 'es', 'fr'])
      expect(scores[lang]!.recallAt3).toBeGreaterThanOrEqual(0.75)
  })
  it(
    'keeps the tools with the offline provider (hybrid) at recall@3 ≥ 0.85 overall and ≥ 0.75 per language',
    { timeout: 120_000 },
    async () => {
      // Each question scored as if first asked: its unknown words are not learned meanwhile.
      const variants = await vectorVariants(sources, offlineEmbeddings({ learnFromQueries: false }))
      const tools = variants[TOOLS_VARIANT]!
      const scores = retrievalScores(await evaluateSearch(tools, items))
      expect(scores['all']!.recallAt3).toBeGreaterThanOrEqual(0.85)
      for (const lang of ['en', 'es', 'fr'])
        expect(scores[lang]!.recallAt3).toBeGreaterThanOrEqual(0.75)
    }
  )
})
