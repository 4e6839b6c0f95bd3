import MiniSearch from 'minisearch'
import type { KnowledgeBase, Product } from '../../shared/catalog/catalogSchemas'
import { coverageText, expandQuery, foldText } from '../../shared/catalog/outdoorGlossary'
import { STOP_WORDS } from '../../shared/catalog/stopWords'
import type { PassageHit, ProductHit } from './AgentSearch'
import { policyPassages, type PolicyPassage } from './policyPassages'
import { matchesFilter, type ProductFilter } from './productFilter'

// Prefix and typo tolerance only on longer words: on "do" or "tent" they match too much.
const SEARCH_OPTIONS = {
  prefix: (term: string) => term.length >= 4,
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : 0),
  combineWith: 'OR' as const
}
const processTerm = (term: string): string | null => {
  const folded = foldText(term)
  return folded && !STOP_WORDS.has(folded) ? folded : null
}
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[]

/** A lexical hit, with the share of the query's terms it matched (0–1). */
export interface LexicalProductHit extends ProductHit {
  coverage: number
}
export interface LexicalPassageHit extends PassageHit {
  coverage: number
}

/**
 * The lexical side of catalog retrieval: in-memory full-text indexes (MiniSearch, BM25-like)
 * over products and policy passages, queried with the es/fr glossary expansion. Rebuilt from
 * the sources in milliseconds, so it is never stored.
 */
export class LexicalCatalogIndex {
  private readonly products: MiniSearch<Product>
  private readonly passages: MiniSearch<PolicyPassage>
  private readonly productById = new Map<string, Product>()
  private readonly passageById = new Map<string, PolicyPassage>()

  constructor(
    products: readonly Product[],
    knowledge: KnowledgeBase,
    /** Query expansion; the evaluation swaps it out to measure the glossary's share. */
    private readonly expand: (query: string) => string = expandQuery
  ) {
    this.products = new MiniSearch<Product>({
      fields: ['name', 'category', 'subcategory', 'description', 'sku'],
      processTerm,
      searchOptions: { boost: { name: 3, subcategory: 2, category: 1.5 } }
    })
    this.products.addAll(products)
    for (const p of products) this.productById.set(p.id, p)
    const passages = policyPassages(knowledge)
    this.passages = new MiniSearch<PolicyPassage>({
      fields: ['title', 'text'],
      processTerm,
      searchOptions: { boost: { title: 2 } }
    })
    this.passages.addAll(passages)
    for (const p of passages) this.passageById.set(p.id, p)
  }

  searchProducts(query: string, filter: ProductFilter, k: number): LexicalProductHit[] {
    const coverage = this.coverageOf(query)
    return this.products
      .search(this.expand(query), {
        ...SEARCH_OPTIONS,
        filter: (hit) => matchesFilter(this.productById.get(String(hit.id))!, filter)
      })
      .slice(0, k)
      .map((hit) => ({
        product: this.productById.get(String(hit.id))!,
        score: hit.score,
        coverage: coverage(hit.queryTerms)
      }))
  }

  searchPolicies(query: string, k: number): LexicalPassageHit[] {
    const coverage = this.coverageOf(query)
    return this.passages
      .search(this.expand(query), SEARCH_OPTIONS)
      .slice(0, k)
      .map((hit) => ({
        passage: this.passageById.get(String(hit.id))!,
        score: hit.score,
        coverage: coverage(hit.queryTerms)
      }))
  }

  /** Share of the query's content terms (glossary-translated) that a hit matched. */
  private coverageOf(query: string): (matched: readonly string[]) => number {
    const wanted = new Set(
      tokenize(coverageText(query))
        .map(processTerm)
        .filter((t): t is string => t !== null)
    )
    return (matched) => {
      if (wanted.size === 0) return 0
      let covered = 0
      for (const term of matched) if (wanted.has(term)) covered++
      return covered / wanted.size
    }
  }
}
