import type { Product } from '../../shared/catalog/catalogSchemas'
import { CatalogLookups } from './CatalogLookups'
import { HybridCatalogSearch, type VectorPolicy, type VectorSide } from './HybridCatalogSearch'
import { LexicalCatalogIndex } from './LexicalCatalogIndex'
import { policyPassages, type PolicyPassage } from './policyPassages'
import { loadCatalogSources, type CatalogSources } from './loadCatalogSources'
import type { AgentCatalog } from './runAgentTool'

export interface Catalog extends AgentCatalog {
  sources: CatalogSources
  products: readonly Product[]
  passages: readonly PolicyPassage[]
  lexical: LexicalCatalogIndex
  search: HybridCatalogSearch
}

/** Lookups and search over validated sources; the vector side joins when `vector()` has one. */
export function buildAgentCatalog(
  sources: CatalogSources,
  vector: () => VectorSide | undefined = () => undefined,
  vectorPolicy?: VectorPolicy
): Catalog {
  const passages = policyPassages(sources.knowledge)
  const lexical = new LexicalCatalogIndex(sources.products, sources.knowledge)
  return {
    sources,
    products: sources.products,
    passages,
    lexical,
    lookups: new CatalogLookups(sources.products, sources.orders),
    search: new HybridCatalogSearch(
      lexical,
      new Map(sources.products.map((p) => [p.sku, p])),
      new Map(passages.map((p) => [p.id, p])),
      vector,
      vectorPolicy
    )
  }
}

/** The catalog from a folder of sources (resources/ by default), lexical search only. */
export function openAgentCatalog(dir: string, overrideDir?: string): Catalog {
  return buildAgentCatalog(loadCatalogSources(dir, overrideDir))
}
