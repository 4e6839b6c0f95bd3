import type { Product } from '../../shared/catalog/catalogSchemas'
import { expandQuery } from '../../shared/catalog/outdoorGlossary'
import { fuseRankings } from '../../shared/catalog/rankFusion'
import type { AgentSearch, PassageHit, ProductHit } from './AgentSearch'
import type { LexicalCatalogIndex } from './LexicalCatalogIndex'
import type { PolicyPassage } from './policyPassages'
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
// When the best lexical hit matches at least this share of the query's terms, lexical search
// has understood the question: fusing in the vectors adds no recall there (with USE-lite it
// cost recall@1, 92 → 87 %) while their scan costs ~5 ms at 10k products. They are asked only
// when lexical search is unsure. `npm run eval:rag` shows both ways.
export const LEXICAL_CONFIDENT_COVERAGE = 0.5

/** Ask the vectors on every query, or only when lexical search is unsure (the default). */
export type VectorPolicy = 'always' | 'when-unsure'

/**
 * Lexical search (MiniSearch + es/fr glossary), fused by reciprocal rank with vector search over
 * the same glossary-expanded query when the vector indexes are ready and lexical search is
 * unsure (its best hit covers under half of the query's terms, or it found nothing); lexical
 * only otherwise, so the tools also answer from the first second after start-up. Filters
 * (category, price, stock) apply to both sides before fusion.
 */
export class HybridCatalogSearch implements AgentSearch {
  constructor(
    private readonly lexical: LexicalCatalogIndex,
    private readonly products: ReadonlyMap<string, Product>,
    private readonly passages: ReadonlyMap<string, PolicyPassage>,
    private readonly vector: () => VectorSide | undefined,
    private readonly policy: VectorPolicy = 'when-unsure'
  ) {}

  get mode(): 'lexical' | 'hybrid' {
    return this.vector() ? 'hybrid' : 'lexical'
  }

  async searchProducts(query: string, filter: ProductFilter, k: number): Promise<ProductHit[]> {
    const lexical = this.lexical.searchProducts(query, filter, Math.max(k, CANDIDATES))
    const vector = this.vector()
    if (!vector) return lexical.slice(0, k)
    const fused = await this.fuse(
      lexical,
      lexical.map((h) => h.product.sku),
      async () =>
        (
          await vector.products.query(
            expandQuery(query),
            hasFilter(filter) ? FILTERED_CANDIDATES : CANDIDATES
          )
        )
          .map((hit) => this.products.get(hit.id))
          .filter((p): p is Product => p !== undefined && matchesFilter(p, filter))
          .slice(0, CANDIDATES)
          .map((p) => p.sku)
    )
    return fused.slice(0, k).map(({ id, score }) => ({ product: this.products.get(id)!, score }))
  }

  async searchPolicies(query: string, k: number): Promise<PassageHit[]> {
    const lexical = this.lexical.searchPolicies(query, Math.max(k, CANDIDATES))
    const vector = this.vector()
    if (!vector) return lexical.slice(0, k)
    const fused = await this.fuse(
      lexical,
      lexical.map((h) => h.passage.id),
      async () =>
        (await vector.passages.query(expandQuery(query), CANDIDATES))
          .filter((hit) => this.passages.has(hit.id))
          .map((hit) => hit.id)
    )
    return fused.slice(0, k).map(({ id, score }) => ({ passage: this.passages.get(id)!, score }))
  }

  /**
   * The lexical ranking alone when lexical search is confident (under 'when-unsure'), else
   * fused with the vector side's. Scored by reciprocal rank either way, so scores compare across
   * queries. When lexical search is unsure, the vector side's order wins ties (each side's
   * first hit scores the same): "send something back" ranks the return policy above a guide
   * that only shares the word "back".
   */
  private async fuse(
    lexical: readonly { coverage: number }[],
    lexicalIds: string[],
    nearest: () => Promise<string[]>
  ): Promise<{ id: string; score: number }[]> {
    const sure = (lexical[0]?.coverage ?? 0) >= LEXICAL_CONFIDENT_COVERAGE
    if (sure && this.policy === 'when-unsure') return fuseRankings([lexicalIds])
    let vectorIds: string[]
    try {
      vectorIds = await nearest()
    } catch {
      // An embeddings endpoint down, rate-limited or without its key must not fail the call's
      // tool: the lexical ranking still answers.
      return fuseRankings([lexicalIds])
    }
    return fuseRankings(sure ? [lexicalIds, vectorIds] : [vectorIds, lexicalIds])
  }
}
