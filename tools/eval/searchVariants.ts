import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EmbeddingProvider } from '../../src/main/catalog/embeddings/EmbeddingProvider'
import type { VectorSide } from '../../src/main/catalog/HybridCatalogSearch'
import { LexicalCatalogIndex } from '../../src/main/catalog/LexicalCatalogIndex'
import type { CatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { buildAgentCatalog, type Catalog } from '../../src/main/catalog/openAgentCatalog'
import { passageDocuments, productDocuments } from '../../src/main/catalog/vectorDocuments'
import { VectorCorpusIndex } from '../../src/main/catalog/VectorCorpusIndex'
import { expandQuery } from '../../src/shared/catalog/outdoorGlossary'
import { EVAL_RESULTS, type SearchVariant } from './evaluateSearch'

/** The name of the variant that searches exactly as the agent's tools do. */
export const TOOLS_VARIANT = 'hybrid, vectors when lexical is unsure (what the tools use)'

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

/**
 * Vector search with one embedding provider, over indexes built in a temporary folder, alone
 * and fused with lexical search exactly as the tools do it (HybridCatalogSearch).
 */
export async function vectorVariants(
  sources: CatalogSources,
  embeddings: EmbeddingProvider
): Promise<Record<string, SearchVariant>> {
  const root = mkdtempSync(join(tmpdir(), 'voice-console-rag-eval-'))
  const catalog = buildAgentCatalog(sources, () => vector)
  const alwaysFused = buildAgentCatalog(sources, () => vector, 'always')
  const vector: VectorSide = {
    products: new VectorCorpusIndex(root, 'products', embeddings),
    passages: new VectorCorpusIndex(root, 'passages', embeddings)
  }
  await vector.products.sync(productDocuments(catalog.products))
  await vector.passages.sync(passageDocuments(catalog.passages))
  const vectorOnly =
    (glossary: boolean): SearchVariant =>
    async (item) =>
      (
        await (item.tool === 'search_products' ? vector.products : vector.passages).query(
          glossary ? expandQuery(item.query) : item.query,
          EVAL_RESULTS
        )
      ).map((r) => r.id)
  return {
    [`vector (${embeddings.id}) only`]: vectorOnly(false),
    'vector + es/fr glossary': vectorOnly(true),
    'hybrid, vectors on every query: lexical + vector, glossary, RRF': hybrid(alwaysFused),
    [TOOLS_VARIANT]: hybrid(catalog)
  }
}

const hybrid =
  (catalog: Catalog): SearchVariant =>
  async (item) =>
    item.tool === 'search_products'
      ? (await catalog.search.searchProducts(item.query, {}, EVAL_RESULTS)).map(
          (h) => h.product.sku
        )
      : (await catalog.search.searchPolicies(item.query, EVAL_RESULTS)).map((h) => h.passage.id)
