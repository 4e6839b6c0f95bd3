import type { Product } from '../../shared/catalog/catalogSchemas'
import { CatalogLookups } from './CatalogLookups'
import { LexicalCatalogIndex } from './LexicalCatalogIndex'
import { loadCatalogSources } from './loadCatalogSources'
import type { AgentCatalog } from './runAgentTool'

export interface Catalog extends AgentCatalog {
  products: readonly Product[]
}

/** The catalog from a folder of sources (resources/ by default): lookups and search. */
export function openAgentCatalog(dir: string): Catalog {
  const sources = loadCatalogSources(dir)
  return {
    products: sources.products,
    lookups: new CatalogLookups(sources.products, sources.orders),
    search: new LexicalCatalogIndex(sources.products, sources.knowledge)
  }
}
