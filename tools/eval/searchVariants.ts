import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { OfflineEmbeddings } from '../../src/main/catalog/embeddings/OfflineEmbeddings'
import { LexicalCatalogIndex, policyPassages } from '../../src/main/catalog/LexicalCatalogIndex'
import { VectorCorpusIndex } from '../../src/main/catalog/VectorCorpusIndex'
import { expandQuery } from '../../src/shared/catalog/outdoorGlossary'
import { fuseRankings } from '../../src/shared/catalog/rankFusion'
import { EVAL_RESULTS, type SearchVariant } from './evaluateSearch'

/** The lexical index as a variant (with or without the glossary expansion). */
export function lexicalVariant(sources: CatalogSources, glossary: boolean): SearchVariant {
  const index = new LexicalCatalogIndex(
    sources.products,
    sources.knowledge,
    glossary ? expandQuery : (q) => q
  )
  return (item) =>
    item.tool === 'search_products'
      ? index.searchProducts(item.query, {}, EVAL_RESULTS).map((h) => h.product.sku)
      : index.searchPolicies(item.query, EVAL_RESULTS).map((h) => h.passage.id)
}

/** Vector search with the offline model, over indexes built in a temporary folder. */
export async function vectorVariants(
  sources: CatalogSources
): Promise<Record<string, SearchVariant>> {
  const root = mkdtempSync(join(tmpdir(), 'voice-console-rag-eval-'))
  const embeddings = new OfflineEmbeddings()
  const products = new VectorCorpusIndex(root, 'products', embeddings)
  const passages = new VectorCorpusIndex(root, 'passages', embeddings)
  await products.sync(
    sources.products.map((p) => ({
      id: p.sku,
      text: `${p.name}. ${p.category} ${p.subcategory}. ${p.description}`
    }))
  )
  await passages.sync(
    policyPassages(sources.knowledge).map((p) => ({ id: p.id, text: `${p.title}. ${p.text}` }))
  )
  const vector =
    (glossary: boolean): SearchVariant =>
    async (item) =>
      (
        await (item.tool === 'search_products' ? products : passages).query(
          glossary ? expandQuery(item.query) : item.query,
          EVAL_RESULTS
        )
      ).map((r) => r.id)
  const lexical = lexicalVariant(sources, true)
  return {
    'vector (USE-lite) only': vector(false),
    'vector + es/fr glossary': vector(true),
    'hybrid: lexical + vector, glossary, RRF': async (item) =>
      fuseRankings([await lexical(item), await vector(true)(item)]).map((f) => f.id)
  }
}
