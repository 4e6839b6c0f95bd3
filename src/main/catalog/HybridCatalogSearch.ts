import type { Product } from '../../shared/catalog/catalogSchemas'
import { expandQuery } from '../../shared/catalog/outdoorGlossary'
import { fuseRankings } from '../../shared/catalog/rankFusion'
import type { AgentSearch, PassageHit, ProductHit } from './AgentSearch'
import type { LexicalCatalogIndex, PolicyPassage } from './LexicalCatalogIndex'
import { hasFilter, matchesFilter, type ProductFilter } from './productFilter'
import type { VectorCorpusIndex } from './VectorCorpusIndex'

/** The vector side, when its indexes are built: products by SKU, passages by id. */
export interface VectorSide {
  products: VectorCorpusIndex
  passages: VectorCorpusIndex
}

// Each ranking contributes this many candidates to the fusion; filters apply before fusing.
const CANDIDATES = 20
// The vector side scans every item anyway; fetch more when filters will discard some.
const FILTERED_CANDIDATES = 100
// Nearest neighbours always exist, even for "tell me a joke": below this cosine a vector hit
// is noise. Off-topic queries scored ≤ 0.28 with USE-lite, relevant hits a median of 0.40.
export const MIN_SIMILARITY = 0.3

/**
 * Lexical search (MiniSearch + es/fr glossary) fused by reciprocal rank with vector search over
 * the same glossary-expanded query, when the vector indexes are ready; lexical only otherwise,
 * so the tools answer from the first second after start-up. Filters (category, price, stock)
 * apply to both sides before fusion.
 */
export class HybridCatalogSearch implements AgentSearch {
  constructor(
    private readonly lexical: LexicalCatalogIndex,
    private readonly products: ReadonlyMap<string, Product>,
    private readonly passages: ReadonlyMap<string, PolicyPassage>,
    private readonly vector: () => VectorSide | undefined
  ) {}

  get mode(): 'lexical' | 'hybrid' {
    return this.vector() ? 'hybrid' : 'lexical'
  }

  async searchProducts(query: string, filter: ProductFilter, k: number): Promise<ProductHit[]> {
    const lexical = this.lexical.searchProducts(query, filter, Math.max(k, CANDIDATES))
    const vector = this.vector()
    if (!vector) return lexical.slice(0, k)
    const nearest = await vector.products.query(
      expandQuery(query),
      hasFilter(filter) ? FILTERED_CANDIDATES : CANDIDATES
    )
    const vectorRanking = nearest
      .filter((hit) => hit.score >= MIN_SIMILARITY)
      .map((hit) => this.products.get(hit.id))
      .filter((p): p is Product => p !== undefined && matchesFilter(p, filter))
      .slice(0, CANDIDATES)
      .map((p) => p.sku)
    return fuseRankings([lexical.map((h) => h.product.sku), vectorRanking])
      .slice(0, k)
      .map(({ id, score }) => ({ product: this.products.get(id)!, score }))
  }

  async searchPolicies(query: string, k: number): Promise<PassageHit[]> {
    const lexical = this.lexical.searchPolicies(query, Math.max(k, CANDIDATES))
    const vector = this.vector()
    if (!vector) return lexical.slice(0, k)
    const nearest = await vector.passages.query(expandQuery(query), CANDIDATES)
    return fuseRankings([
      lexical.map((h) => h.passage.id),
      nearest
        .filter((hit) => hit.score >= MIN_SIMILARITY && this.passages.has(hit.id))
        .map((hit) => hit.id)
    ])
      .slice(0, k)
      .map(({ id, score }) => ({ passage: this.passages.get(id)!, score }))
  }
}
