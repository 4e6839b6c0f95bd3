import { CatalogLookups } from './CatalogLookups'
import { LexicalCatalogIndex } from './LexicalCatalogIndex'
import { loadCatalogSources } from './loadCatalogSources'
import type { AgentCatalog } from './runAgentTool'

/** The agent's catalog from a folder of sources (resources/ by default): lookups and search. */
export function openAgentCatalog(dir: string): AgentCatalog {
  const sources = loadCatalogSources(dir)
  return {
    lookups: new CatalogLookups(sources.products, sources.orders),
    search: new LexicalCatalogIndex(sources.products, sources.knowledge)
  }
}
